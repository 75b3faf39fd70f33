"""``dateline tally``: killed and wounded summed by month, year, place, side or type, each event once.

The unit summed is the event, never the article: an incident that ten articles report adds
its figures once (its figures are already one figure per event, reconciled across sources
by :mod:`dateline.export.figures`). Each sum is kept as low / best / high: the sum of the
events' lows, bests and highs, so the range says how far sources disagree in total.

Grouping keys:

- ``month`` (``YYYY-MM``; an event dated only to a year stays under ``YYYY``), ``year``;
- ``country``, ``admin1``, ``place`` ("Memphis, Tennessee, United States");
- ``type`` (event type), ``sub_type``;
- ``side``: an event's figure is split by the sides it states (``by_side``); what its total
  has beyond the stated sides goes to ``(side not stated)``. An event is counted in every
  side row it adds to, so the event counts of side rows can add up to more than the total;
  and a side's vague figure ("dozens of militants") that the event total leaves out
  (:mod:`dateline.export.figures`, rule 5) still shows in its side row, so side rows can
  sum to more than the total figure, never to less.

A key the event does not have (no date, no place) is ``(unknown)``.

A figure that is only a cumulative tally ("3,000 killed since the fighting began", flagged
``tally`` in the record) spans many events that may be counted on their own, so it is left
out of the sums (``cumulative_left_out`` says how many figures) unless asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .count import place_label
from .events import EventQuery, QueryError, iter_events

KEYS = ("month", "year", "country", "admin1", "place", "type", "sub_type", "side")
KINDS = ("killed", "wounded")
UNKNOWN = "(unknown)"
SIDE_NOT_STATED = "(side not stated)"


@dataclass
class Sum:
    """A summed figure: low, best and high, and how many events stated it."""

    low: int = 0
    best: int = 0
    high: int = 0
    events: int = 0

    def add(self, f: dict | None) -> None:
        if not f or f.get("best") is None:
            return
        best = f["best"]
        self.best += best
        self.low += f["low"] if f.get("low") is not None else best
        self.high += f["high"] if f.get("high") is not None else best
        self.events += 1


@dataclass
class TallyRow:
    key: dict[str, str]
    events: int = 0
    killed: Sum = field(default_factory=Sum)
    wounded: Sum = field(default_factory=Sum)


@dataclass(frozen=True)
class TallyResult:
    by: tuple[str, ...]
    rows: list[TallyRow]  # sorted by key
    total: TallyRow  # every matching event once
    cumulative_left_out: int = 0  # cumulative-tally figures not summed


def _key(record: dict, name: str) -> str:
    date = record.get("date")
    place = record.get("place") or {}
    value = {"month": date[:7] if date else None, "year": date[:4] if date else None,
             "country": place.get("country"), "admin1": place.get("admin1"),
             "place": place_label(record.get("place")), "type": record.get("event_type"),
             "sub_type": record.get("sub_event_type")}.get(name)
    return value or UNKNOWN


def _side_parts(record: dict) -> list[tuple[str, dict[str, dict]]]:
    """(side, {kind: figure}) for each side the event's figures state, and the unstated rest."""
    parts: dict[str, dict[str, dict]] = {}
    for kind in KINDS:
        total = record.get(kind)
        if not total:
            continue
        by_side = total.get("by_side") or {}
        for side, f in by_side.items():
            parts.setdefault(side, {})[kind] = f
        if not by_side:
            parts.setdefault(SIDE_NOT_STATED, {})[kind] = total
            continue
        rest = {k: max((total.get(k) or 0) - sum(f.get(k) or 0 for f in by_side.values()), 0)
                for k in ("low", "best", "high")}
        if rest["best"] > 0:
            parts.setdefault(SIDE_NOT_STATED, {})[kind] = rest
    return list(parts.items()) or [(SIDE_NOT_STATED, {})]


def tally(store, query: EventQuery, *, by: Iterable[str] = ("month",), include_cumulative: bool = False,
          on_event: Callable[[], None] | None = None) -> TallyResult:
    """Sum killed and wounded over the events ``query`` selects, grouped ``by`` the given keys."""
    by = tuple(by)
    bad = [b for b in by if b not in KEYS]
    if bad:
        raise QueryError(f"cannot group by {', '.join(bad)}: use {', '.join(KEYS)}")
    rows: dict[tuple, TallyRow] = {}
    total = TallyRow(key={})
    left_out = 0
    for record in iter_events(store, query):
        if not include_cumulative:
            cumulative = [k for k in KINDS if (record.get(k) or {}).get("tally")]
            if cumulative:
                left_out += len(cumulative)
                record = {**record, **{k: None for k in cumulative}}
        total.events += 1
        for kind in KINDS:
            getattr(total, kind).add(record.get(kind))
        scalar = {b: _key(record, b) for b in by if b != "side"}
        parts = _side_parts(record) if "side" in by else [(None, {k: record.get(k) for k in KINDS})]
        for side, figs in parts:
            key = {b: (side if b == "side" else scalar[b]) for b in by}
            row = rows.setdefault(tuple(key.values()), TallyRow(key=key))
            row.events += 1
            for kind in KINDS:
                getattr(row, kind).add(figs.get(kind))
        if on_event:
            on_event()
    ordered = [rows[k] for k in sorted(rows, key=lambda t: tuple((v == UNKNOWN, v) for v in t))]
    return TallyResult(by=by, rows=ordered, total=total, cumulative_left_out=left_out)
