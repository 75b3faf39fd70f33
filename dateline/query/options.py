"""Build an :class:`EventQuery` from the words people ask with: ``--type killing``, ``--year 2017``.

Counting questions in the style of the Gun Violence Archive name incident *kinds* rather than
ACLED types. They are read as figures, because that is what they mean:

- ``killing`` (``killings``, ``fatal``): someone was killed, the event's best killed figure >= 1;
- ``injuring`` (``injury``, ``injuries``): someone was wounded (shot, injured), best wounded >= 1.

An event where people were killed and others wounded answers both questions, as in the
GVA's own counts.

Any other ``--type`` is an event type or sub-event type of the taxonomy ("Battles",
"Shooting", "Air/drone strike"), matched case-insensitively.
"""

from __future__ import annotations

import re

from .events import EventQuery, QueryError

# GVA-style incident kinds -> the EventQuery fields they stand for
TYPE_WORDS: dict[str, dict[str, int]] = {
    "killing": {"min_killed": 1},
    "killings": {"min_killed": 1},
    "fatal": {"min_killed": 1},
    "injuring": {"min_wounded": 1},
    "injury": {"min_wounded": 1},
    "injuries": {"min_wounded": 1},
}
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def event_query(*, type: str | None = None, year: str | None = None, month: str | None = None,
                day: str | None = None, date_from: str | None = None, date_to: str | None = None,
                min_killed: int | None = None, min_wounded: int | None = None, **filters) -> EventQuery:
    """One EventQuery from command-line style options.

    ``year`` / ``month`` / ``day`` are a whole period (both bounds) and exclude ``date_from`` /
    ``date_to``; ``type`` is a GVA-style kind (:data:`TYPE_WORDS`) or an event type; the other
    keywords are EventQuery fields.
    """
    periods = [(name, v) for name, v in (("year", year), ("month", month), ("day", day)) if v is not None]
    if len(periods) > 1 or (periods and (date_from or date_to)):
        given = [n for n, _ in periods] + [n for n, v in (("from", date_from), ("to", date_to)) if v]
        raise QueryError(f"give one period: --year, --month, --day, or --from/--to (got {', '.join(given)})")
    if year is not None and not _YEAR.match(year.strip()):
        raise QueryError(f"--year {year!r} is not a year: use YYYY, e.g. 2017")
    if month is not None and not _MONTH.match(month.strip()):
        raise QueryError(f"--month {month!r} is not a month: use YYYY-MM, e.g. 2017-01")
    if periods:
        date_from = date_to = periods[0][1].strip()
    event_type = None
    if type is not None:
        word = type.strip().lower()
        if word in TYPE_WORDS:
            for field, value in TYPE_WORDS[word].items():
                current = min_killed if field == "min_killed" else min_wounded
                value = max(value, current or 0)
                if field == "min_killed":
                    min_killed = value
                else:
                    min_wounded = value
        else:
            event_type = type.strip()
    return EventQuery(date_from=date_from, date_to=date_to, event_type=event_type, min_killed=min_killed,
                      min_wounded=min_wounded, **filters)
