"""``dateline count``: how many events answer a question, and which documents report each.

Events are counted, not articles: an incident reported by five articles is one event with
five documents (resolution, :mod:`dateline.resolve`, decides what is one incident). The
document count beside it says how many reports stand behind the events, which is what a
keyword count over articles would have counted instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .events import EventQuery, count_documents, count_events, iter_events


@dataclass(frozen=True)
class CountedEvent:
    id: str
    date: str | None
    place: str | None  # "Memphis, Tennessee, United States"
    title: str
    event_type: str | None
    sub_event_type: str | None
    killed: int | None
    wounded: int | None
    documents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CountResult:
    events: int  # each event once, however many documents report it
    documents: int  # distinct documents reporting those events
    items: list[CountedEvent]  # the events (all of them, or the first ``limit``), oldest first


def place_label(place: dict | None) -> str | None:
    if not place:
        return None
    parts = [place.get("name"), place.get("admin1"), place.get("country")]
    out: list[str] = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return ", ".join(out) or None


def _best(record: dict, kind: str) -> int | None:
    f = record.get(kind)
    return f.get("best") if f else None


def count(store, query: EventQuery, *, limit: int | None = None) -> CountResult:
    """The number of events matching ``query``, the documents behind them, and the events
    themselves with their documents (the first ``limit`` when given)."""
    items = [CountedEvent(id=r["id"], date=r.get("date"), place=place_label(r.get("place")),
                          title=r.get("title") or "", event_type=r.get("event_type"),
                          sub_event_type=r.get("sub_event_type"), killed=_best(r, "killed"),
                          wounded=_best(r, "wounded"), documents=list(r.get("documents", [])))
             for r in iter_events(store, query, limit=limit)]
    return CountResult(events=count_events(store, query), documents=count_documents(store, query), items=items)
