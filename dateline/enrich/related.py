"""Related events: those a digest page lists, then others ranked by shared topics and time.

For each event, candidates are the events nearest in time within each of its topics (a
bounded neighbourhood, so the cost grows with events × topics, not events²). A candidate
scores one point per shared topic, less one point per year between the two dates; the best
``RELATED_LIMIT`` follow the digest's own related items.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from datetime import date

from ..model import EventRecord

RELATED_LIMIT = 10  # related events kept per event (the digest pages list ten)
NEIGHBOURS = 6  # events looked at on each side in time, per shared topic


def _day(ev: EventRecord) -> date | None:
    """The event's date as a day (the first day of its month or year when that is all that is known)."""
    if not ev.date:
        return None
    padded = (ev.date[:10] + "-01-01"[len(ev.date[:10]) - 4:]) if len(ev.date) < 10 else ev.date[:10]
    try:
        return date.fromisoformat(padded)
    except ValueError:
        return None


def rank_related(events: list[EventRecord]) -> None:
    """Fill each event's ``related`` (digest-listed first, then ranked), in place."""
    days = {ev.id: _day(ev) for ev in events}
    by_topic: dict[str, list[tuple[date, str]]] = defaultdict(list)
    topics = {ev.id: set(ev.topics) for ev in events}
    for ev in events:
        if days[ev.id] is None:
            continue
        for t in ev.topics:
            by_topic[t].append((days[ev.id], ev.id))
    for lst in by_topic.values():
        lst.sort()
    for ev in events:
        d = days[ev.id]
        if d is None or not ev.topics:
            continue
        scores: dict[str, float] = {}
        for t in ev.topics:
            lst = by_topic[t]
            i = bisect_left(lst, (d, ev.id))
            for day, other in lst[max(0, i - NEIGHBOURS): i + NEIGHBOURS + 1]:
                if other == ev.id or other in scores:
                    continue
                shared = len(topics[ev.id] & topics[other])
                scores[other] = shared - abs((day - d).days) / 365.0
        ranked = sorted(scores, key=lambda o: (-scores[o], o))
        listed = list(ev.related)
        ev.related = listed + [o for o in ranked if o not in listed][: max(0, RELATED_LIMIT - len(listed))]
