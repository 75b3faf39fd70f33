"""An event record as one flat row: the columns of the CSV and of the GeoJSON properties.

Column names are ACLED's where ACLED has the column (``event_date``, ``year``,
``time_precision``, ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``country``,
``admin1``, ``location``, ``latitude``, ``longitude``, ``geo_precision``, ``source``, ``notes``,
``fatalities``), so scripts written for ACLED exports read ours; Dateline's own columns follow.

Differences from ACLED, on purpose:

- A figure nothing states is empty, not 0 (ACLED writes 0): "no report of deaths" and "no
  deaths" stay apart. ``fatalities`` is the best figure; ``fatalities_low``/``_high`` its range.
- ``event_date`` is the ISO date at the event's precision (``2017-01-05``, ``2011-07``, ``2011``).
- ``time_precision``: 1 a day, 2 a range of days, 3 a month or a year (ACLED's 1/2/3).
- ``geo_precision``: 1 a town or point, 3 a region or country (ACLED's 1/3; we have no 2).
"""

from __future__ import annotations

COLUMNS = (
    "event_id_cnty", "event_date", "date_end", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "actors", "sides", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "place_precision", "source", "notes", "fatalities", "fatalities_low", "fatalities_high",
    "wounded", "wounded_low", "wounded_high", "captured", "captured_low", "captured_high", "disputed",
    "claims", "documents", "topics", "related", "in_passing",
)
LIST_SEPARATOR = "; "
_GEO_PRECISION = {"point": 1, "city": 1, "admin1": 3, "country": 3}


def time_precision(record: dict) -> int | None:
    p = record.get("date_precision")
    if p == "day":
        return 2 if record.get("date_end") else 1
    return 3 if p in ("month", "year") else None


def _figure(record: dict, kind: str) -> tuple[int | None, int | None, int | None]:
    f = record.get(kind)
    if not f:
        return None, None, None
    return f.get("best"), f.get("low"), f.get("high")


def _sides(record: dict) -> list[str]:
    out = [a["side"] for a in record.get("actors", []) if a.get("side")]
    for kind in ("killed", "wounded", "captured"):
        out.extend((record.get(kind) or {}).get("by_side", {}))
    return list(dict.fromkeys(out))


def flat_row(record: dict) -> dict:
    """The record's columns (:data:`COLUMNS`); None where nothing is known."""
    place = record.get("place") or {}
    actors = [a["name"] for a in record.get("actors", [])]
    date = record.get("date")
    killed, k_low, k_high = _figure(record, "killed")
    wounded, w_low, w_high = _figure(record, "wounded")
    captured, c_low, c_high = _figure(record, "captured")
    disputed = [k for k in ("killed", "wounded", "captured") if (record.get(k) or {}).get("disputed")]
    join = LIST_SEPARATOR.join
    return {
        "event_id_cnty": record["id"],
        "event_date": date,
        "date_end": record.get("date_end"),
        "year": int(date[:4]) if date else None,
        "time_precision": time_precision(record),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "actor1": actors[0] if actors else None,
        "actor2": actors[1] if len(actors) > 1 else None,
        "actors": join(actors) or None,
        "sides": join(_sides(record)) or None,
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "location": place.get("name"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": _GEO_PRECISION.get(place.get("precision")),
        "place_precision": place.get("precision"),
        "source": join(s["name"] for s in record.get("sources", [])) or None,
        "notes": record.get("title"),
        "fatalities": killed, "fatalities_low": k_low, "fatalities_high": k_high,
        "wounded": wounded, "wounded_low": w_low, "wounded_high": w_high,
        "captured": captured, "captured_low": c_low, "captured_high": c_high,
        "disputed": join(disputed) or None,
        "claims": len(record.get("claims", [])),
        "documents": join(record.get("documents", [])) or None,
        "topics": join(record.get("topics", [])) or None,
        "related": join(record.get("related", [])) or None,
        "in_passing": None if record.get("in_passing") is None else int(record["in_passing"]),
    }
