"""Keep the stored ``events`` table in step with the mentions: upsert what changed, drop what vanished.

Events are recomputed from all mentions (resolution is deterministic and near-linear, so
ingesting in batches gives the same events as ingesting at once), but only rows whose record
changed are written, in one transaction.

A stored record also says whether the event is only mentioned in passing (``in_passing``):
true when every document that mentions it is a news article whose main story is another
event (background, an earlier incident). A digest item, a chronology entry of a reference
article and an article's main story are reported in their own right. Counting questions
leave in-passing events out by default (:mod:`dateline.query`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..export.events import compute_events, event_dict
from ..model import EventRecord
from ..store import Store


@dataclass(frozen=True)
class EventsReport:
    new: int
    updated: int
    removed: int
    unchanged: int


def _own(count) -> int | None:
    """The figure the columns that filters, charts and sums read hold: the event's own best count.
    A cumulative tally ("a war that has killed 250,000") stays in the record, flagged, but is no
    count of this event."""
    return count.best if count is not None and not count.tally else None


def _row(ev: EventRecord, *, in_passing: bool) -> tuple:
    record = json.dumps({**event_dict(ev), "in_passing": in_passing}, ensure_ascii=False, sort_keys=False)
    p = ev.place
    return (ev.id, ev.date, ev.date_end, ev.date_precision, ev.event_type, ev.sub_event_type,
            p.name if p else None, p.admin1 if p else None, p.country if p else None,
            p.lat if p else None, p.lon if p else None,
            _own(ev.killed), _own(ev.wounded), _own(ev.captured), ev.title, record,
            hashlib.sha1(record.encode()).hexdigest())


def refresh_events(store: Store) -> EventsReport:
    """Recompute events from the mentions and write the differences."""
    c = store.conn
    lead_starts = {}  # document -> where its main story's first sentence starts
    for doc_id, sentences in c.execute("SELECT doc_id, sentences FROM mentions WHERE lead = 1"):
        spans = json.loads(sentences)
        if spans:
            lead_starts[doc_id] = spans[0][0]
    entries = {d for (d,) in c.execute("SELECT id FROM documents WHERE kind != 'article'")}

    def in_passing(ev: EventRecord) -> bool:
        return bool(ev.mentions) and not any(m.doc in entries or lead_starts.get(m.doc) == m.start
                                             for m in ev.mentions)

    rows = [_row(ev, in_passing=in_passing(ev)) for ev in compute_events(store)]
    with store.transaction() as c:
        have = dict(c.execute("SELECT id, record_hash FROM events"))
        new = updated = unchanged = 0
        seen = set()
        for row in rows:
            eid, h = row[0], row[-1]
            seen.add(eid)
            if have.get(eid) == h:
                unchanged += 1
                continue
            if eid in have:
                updated += 1
                c.execute("DELETE FROM events WHERE id = ?", (eid,))
            else:
                new += 1
            c.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            c.executemany("INSERT OR IGNORE INTO event_documents VALUES (?, ?)",
                          [(eid, d) for d in json.loads(row[15])["documents"]])
        gone = [eid for eid in have if eid not in seen]
        c.executemany("DELETE FROM events WHERE id = ?", [(eid,) for eid in gone])
    return EventsReport(new, updated, len(gone), unchanged)


def stored_events(store: Store) -> Iterator[dict]:
    """The stored event records, ordered by date (undated last), then id."""
    for (record,) in store.conn.execute("SELECT record FROM events ORDER BY date IS NULL, date, id"):
        yield json.loads(record)
