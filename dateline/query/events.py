"""Find and count stored events by date, place, actor, side, type, figures, topic, person and text.

Every filter is an index lookup (migration ``0005_event_index``): columns of ``events``
(date, place names, types, figures), side tables filled from each record (actors, sides,
topics, people) and FTS5 full text of titles and evidence sentences. Only the records
returned are parsed. All values travel as SQL parameters; free text is turned into quoted
FTS5 terms, so no input is ever SQL or FTS syntax.

Semantics, in one place:

- ``date_from`` / ``date_to`` take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and are inclusive:
  ``date_to="2017-01"`` means up to the end of January 2017. An event is in the range when
  everything its date says is inside it: an event dated only "2017" is in
  ``date_from="2017"`` but not in the month ``2017-01``. Events are placed by their start
  date (``date``); undated events match no date filter.
- ``place``: a country, first-level region (state, province, governorate) or place name,
  matching the place and everything inside it ("Syria" matches Deir ez-Zor; "Texas" matches
  Houston). Comma parts narrow it: "Memphis, Tennessee" is Memphis within Tennessee. Names
  the events do not use are looked up in the gazetteer ("Deir al-Zour", "Memphis, TN").
- ``admin1`` / ``country``: the region or country itself ("TX" and "U.S." are understood).
- ``actor``: a canonical actor name or any alias in ``data/actors.yaml``.
- ``side``: a side as events list it ("Islamic State", "civilians", "police"): the side of an
  actor, of a claim, or of a per-side figure.
- ``event_type``: the event type or sub-event type, case-insensitive ("Battles", "Armed clash").
- ``min_killed`` / ``min_wounded``: the event's best figure is at least this.
- ``topic``: the topic and its sub-topics (encyclopedia "Part of" chains).
- ``person``: a named person's name, or part of it, as words ("John" matches "John Smith").
- ``text``: all words (stemmed: "killing" finds "killed"), ``"quoted phrases"``, and
  ``prefix*``, in the title and evidence sentences.
- ``in_passing``: ``False`` keeps the events reported in their own right (an article's main
  story, a digest item, a chronology entry) and leaves out those only mentioned in passing
  in articles (background, earlier incidents); ``True`` keeps only the latter.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, fields

from ..errors import DatelineError


class QueryError(DatelineError):
    """A filter value cannot be understood (a malformed date, a negative minimum)."""

    code = "E410"


@dataclass(frozen=True)
class EventQuery:
    """Filters over the stored events; ``None`` means "any". All given filters must hold.

    Malformed dates and negative minimums raise :class:`QueryError` when the query is made.
    """

    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None  # inclusive
    place: str | None = None  # a place and its sub-places; "City, Region" narrows
    actor: str | None = None  # actor name or alias
    side: str | None = None
    event_type: str | None = None  # event_type or sub_event_type, case-insensitive
    min_killed: int | None = None
    topic: str | None = None  # topic name, sub-topics included
    person: str | None = None
    text: str | None = None  # full text over title and evidence sentences
    admin1: str | None = None  # first-level region (US state, province, governorate)
    country: str | None = None
    min_wounded: int | None = None
    in_passing: bool | None = None  # True: only events mentioned in passing; False: only the others

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                _check_date(value, name)
        for name in ("min_killed", "min_wounded"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise QueryError(f"{name} must be a whole number of 0 or more, not {value!r}")

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_TERM = re.compile(r'"([^"]*)"|(\w+)(\*?)')


def _check_date(value: str, name: str) -> str:
    value = value.strip()
    if not _DATE.match(value):
        raise QueryError(f"{name} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2017-01-05)")
    return value


def _after(prefix: str) -> str:
    """The first date string after everything starting with ``prefix`` ("2017-01" -> "2017-02")."""
    parts = prefix.split("-")
    if len(parts) == 1:
        return f"{int(parts[0]) + 1:04d}"
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return f"{y + 1:04d}-01" if m == 12 else f"{y:04d}-{m + 1:02d}"
    # a day: the next string after it; "2017-01-31" < "2017-01-31~" < "2017-02"
    return prefix + "~"


def fts_terms(text: str, *, prefix: bool = True) -> str | None:
    """User text as an FTS5 query: every word and "quoted phrase" required, ``word*`` a prefix.

    Each term is quoted, so FTS5 operators and punctuation in the input are plain text.
    None when the text has no word at all.
    """
    terms = []
    for m in _TERM.finditer(text):
        if m.group(1) is not None:
            words = re.findall(r"\w+", m.group(1))
            if words:
                terms.append('"' + " ".join(words) + '"')
        else:
            terms.append(f'"{m.group(2)}"' + ("*" if prefix and m.group(3) else ""))
    return " ".join(terms) if terms else None


def _phrase(text: str) -> str | None:
    words = re.findall(r"\w+", text)
    return '"' + " ".join(words) + '"' if words else None


def _exists(c: sqlite3.Connection, sql: str, params: tuple) -> bool:
    return c.execute(sql, params).fetchone() is not None


def _in(values: list[str]) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


# --- name resolution: what the user typed -> the names the events use ------------------------

PLACE_COLUMNS = ("country", "admin1", "place_name")
_gazetteer = None


def _gaz():
    """The gazetteer, loaded on first need (only for names the events do not use as typed)."""
    global _gazetteer
    if _gazetteer is None:
        from ..gazetteer import Gazetteer
        _gazetteer = Gazetteer.load()
    return _gazetteer


def _levels(c: sqlite3.Connection, names: list[str], columns: tuple[str, ...]) -> list[str]:
    """The columns (place levels) of ``columns`` where some event uses one of ``names``."""
    return [col for col in columns  # column names are constants
            if _exists(c, f"SELECT 1 FROM event_keys WHERE {col} IN {_in(names)} LIMIT 1", tuple(names))]


def _region_names(c: sqlite3.Connection, text: str) -> list[str]:
    """Names of the admin1 region or country ``text`` stands for ("TX" -> Texas, "U.S." -> United States)."""
    if _levels(c, [text], ("admin1", "country")):
        return [text]
    gaz = _gaz()
    e = gaz.region(text)
    if e is None and (code := gaz.country_code(text)):  # ISO codes: "US", "SY"
        e = gaz.country(code)
    return [e.name] if e is not None else [text]


def _place_names(c: sqlite3.Connection, text: str, *, within: list[str] | None = None) -> list[str]:
    """Names of the place ``text`` stands for at any level, as the events spell them."""
    if _levels(c, [text], PLACE_COLUMNS):
        return [text]
    gaz = _gaz()
    names: list[str] = []
    region = gaz.region(text)
    if region is not None:
        names.append(region.name)
    for e in gaz.lookup(text):
        if within and not ({e.admin1, e.country} & set(within)):
            continue
        if e.name not in names:
            names.append(e.name)
    return names or [text]


def _actor_names(c: sqlite3.Connection, text: str) -> list[str]:
    if _exists(c, "SELECT 1 FROM event_actors WHERE name = ? LIMIT 1", (text,)):
        return [text]
    from ..extract.actors import default_matcher
    found = [m.name for m in default_matcher().find_in(text) if not m.source]
    return list(dict.fromkeys(found)) or [text]


def _topic_names(c: sqlite3.Connection, text: str) -> list[str]:
    from ..store.keys import topic_id
    rows = c.execute(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM topics WHERE id = ? OR name = ? COLLATE NOCASE "
        "UNION SELECT p.child_id FROM topic_parents p JOIN sub ON p.parent_id = sub.id) "
        "SELECT name FROM topics WHERE id IN sub", (topic_id(text), text)).fetchall()
    return list(dict.fromkeys([text, *(r[0] for r in rows)]))


def _any_of(columns: list[str], names: list[str]) -> tuple[str, list]:
    """``(k.col1 IN (...) OR k.col2 IN (...))`` and its parameters."""
    sql = " OR ".join(f"k.{col} IN {_in(names)}" for col in columns)
    return f"({sql})", [n for _ in columns for n in names]


# --- the WHERE clause -------------------------------------------------------------------------

def _where(c: sqlite3.Connection, q: EventQuery) -> tuple[str, list]:
    """The WHERE clause over ``event_keys k`` for ``q``, and its parameters."""
    conds: list[str] = []
    params: list = []

    def add(sql: str, *values) -> None:
        conds.append(sql)
        params.extend(values)

    def match(table: str, terms: str | None) -> None:
        """A full-text condition; words that make no search term match nothing."""
        if terms is None:
            conds.append("0")
        else:
            add(f"k.rid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", terms)

    if q.date_from is not None:
        add("k.date >= ?", _check_date(q.date_from, "date_from"))
    if q.date_to is not None:
        upper = _after(_check_date(q.date_to, "date_to"))
        # the event's whole stated period ends by the upper bound: "2017" is not within 2017-01
        add("k.date < ? AND k.date || '~' <= ?", upper, upper)
    if q.place is not None:
        parts = [p.strip() for p in q.place.split(",") if p.strip()]
        if not parts:
            raise QueryError("place is empty: give a place name such as 'Deir ez-Zor' or 'Memphis, Tennessee'")
        regions = [_region_names(c, p) for p in parts[1:]]
        names = _place_names(c, parts[0], within=[n for r in regions for n in r])
        columns = PLACE_COLUMNS if not regions else ("admin1", "place_name")
        sql, values = _any_of(_levels(c, names, columns) or list(columns), names)
        add(sql, *values)
        for r in regions:
            sql, values = _any_of(_levels(c, r, ("admin1", "country")) or ["admin1", "country"], r)
            add(sql, *values)
    if q.admin1 is not None:
        names = _region_names(c, q.admin1.strip())
        add(f"k.admin1 IN {_in(names)}", *names)
    if q.country is not None:
        names = _region_names(c, q.country.strip())
        add(f"k.country IN {_in(names)}", *names)
    if q.actor is not None:
        names = _actor_names(c, q.actor.strip())
        add(f"k.rid IN (SELECT rid FROM event_actors WHERE name IN {_in(names)})", *names)
    if q.side is not None:
        add("k.rid IN (SELECT rid FROM event_sides WHERE side = ?)", q.side.strip())
    if q.event_type is not None:
        t = q.event_type.strip()
        add("(k.event_type = ? OR k.sub_event_type = ?)", t, t)
    for name, value, column in (("min_killed", q.min_killed, "killed"), ("min_wounded", q.min_wounded, "wounded")):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise QueryError(f"{name} must be a whole number of 0 or more, not {value!r}")
            add(f"k.{column} >= ?", value)
    if q.topic is not None:
        names = _topic_names(c, q.topic.strip())
        add(f"k.rid IN (SELECT rid FROM event_topics WHERE name IN {_in(names)})", *names)
    if q.person is not None:
        match("event_names", _phrase(q.person))
    if q.in_passing is not None:
        conds.append("k.in_passing = 1" if q.in_passing else "k.in_passing IS NOT 1")
    if q.text is not None:
        match("event_text", fts_terms(q.text))
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


# the sort keys match the indexes event_keys_order_asc / _desc
_KEYS = "k.rid, k.date IS NULL AS k0, k.date AS k1, k.id AS k2"
_ORDER = {False: ("k.date IS NULL, k.date, k.id", "p.k0, p.k1, p.k2"),
          True: ("k.date IS NOT NULL DESC, k.date DESC, k.id DESC", "p.k0, p.k1 DESC, p.k2 DESC")}


def iter_events(store, query: EventQuery, *, newest_first: bool = False,
                limit: int | None = None, offset: int = 0) -> Iterator[dict]:
    """Event records matching ``query``, one at a time (for exports of any size).

    Ordered by date, oldest first (``newest_first``: newest first), then id; undated events
    last either way. Only the narrow key rows are filtered and sorted; records are read for
    the events returned.
    """
    where, params = _where(store.conn, query)
    inner, outer = _ORDER[newest_first]
    sql = (f"SELECT e.record FROM (SELECT {_KEYS} FROM event_keys k{where} ORDER BY {inner} LIMIT ? OFFSET ?) p "
           f"JOIN events e ON e.rowid = p.rid ORDER BY {outer}")
    for (record,) in store.conn.execute(sql, (*params, -1 if limit is None else limit, offset)):
        yield json.loads(record)


def find_events(store, query: EventQuery, *, limit: int | None = None, offset: int = 0,
                newest_first: bool = False) -> list[dict]:
    """Event records (dicts as stored, DESIGN.md) matching ``query``: oldest first, undated last."""
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError("limit and offset must be 0 or more")
    return list(iter_events(store, query, limit=limit, offset=offset, newest_first=newest_first))


def count_events(store, query: EventQuery) -> int:
    """How many events match ``query``; each event counts once however many documents report it."""
    where, params = _where(store.conn, query)
    return store.conn.execute("SELECT count(*) FROM event_keys k" + where, params).fetchone()[0]


def event_ids(store, query: EventQuery) -> list[str]:
    """Ids of the matching events, in the order of :func:`find_events`."""
    where, params = _where(store.conn, query)
    return [r[0] for r in store.conn.execute(f"SELECT k.id FROM event_keys k{where} ORDER BY {_ORDER[False][0]}",
                                              params)]


def records_by_id(store, ids) -> dict[str, dict]:
    """The stored records of these event ids (those that exist), by id: for related events' titles."""
    ids = list(dict.fromkeys(ids))
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for eid, record in store.conn.execute(f"SELECT id, record FROM events WHERE id IN {_in(chunk)}", chunk):
            out[eid] = json.loads(record)
    return out


def count_documents(store, query: EventQuery) -> int:
    """How many distinct documents report the events matching ``query``."""
    where, params = _where(store.conn, query)
    return store.conn.execute("SELECT count(DISTINCT d.doc_id) FROM event_documents d WHERE d.event_id IN "
                              f"(SELECT k.id FROM event_keys k{where})", params).fetchone()[0]
