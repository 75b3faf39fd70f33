"""Run extraction over the documents whose stored mentions are missing or stale.

A document is (re-)extracted when its content, its publication date or the extractor
version changed since its mentions were written; so ingesting the same inputs twice does
no work the second time. Each document's mentions are replaced in one transaction. A
document that breaks extraction is reported and skipped; the rest go on. Documents are
extracted in parallel worker processes when there are many.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from ..model import Document, Problem
from ..store import Store
from ..store.documents import iter_documents
from ..store.keys import item_id
from .pipeline import EXTRACTOR_VERSION, Extractor
from .types import EventMention

POOL_MIN_DOCUMENTS = 64  # below this, starting worker processes costs more than it saves
CHUNK = 16  # documents sent to a worker at a time


@dataclass
class ExtractReport:
    documents: int = 0
    mentions: int = 0
    problems: list[Problem] = field(default_factory=list)


def extraction_key(content_hash: str, published: str | None) -> str:
    return hashlib.sha1(f"{EXTRACTOR_VERSION}|{content_hash}|{published}".encode()).hexdigest()


def pending_documents(c: sqlite3.Connection) -> list[tuple[str, str]]:
    """(doc_id, key) of documents whose mentions must be (re)computed."""
    out = []
    for doc_id, h, pub, have in c.execute(
            "SELECT d.id, d.content_hash, d.published, s.key FROM documents d "
            "LEFT JOIN extraction_state s ON s.doc_id = d.id ORDER BY d.id"):
        want = extraction_key(h, pub)
        if want != have:
            out.append((doc_id, want))
    return out


_worker: Extractor | None = None


def _init_worker() -> None:
    global _worker
    _worker = Extractor()


def _extract_one(doc: Document) -> tuple[str, list[EventMention] | None, str | None]:
    try:
        return doc.id, _worker.extract(doc), None
    except Exception as exc:  # one document's failure must not stop the batch: reported by the caller
        return doc.id, None, f"{type(exc).__name__}: {exc}"


def _results(docs: list[Document], workers: int) -> Iterator[tuple[str, list[EventMention] | None, str | None]]:
    if workers <= 1 or len(docs) < POOL_MIN_DOCUMENTS:
        if _worker is None:
            _init_worker()
        for d in docs:
            yield _extract_one(d)
        return
    from ..gazetteer import Gazetteer
    Gazetteer.load()  # build the gazetteer cache once here, not in every worker at the same time
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        yield from pool.map(_extract_one, docs, chunksize=CHUNK)


def extract_pending(store: Store, *, workers: int | None = None,
                    on_document: Callable[[str], None] | None = None) -> ExtractReport:
    """Extract every pending document; returns counts and problems."""
    workers = workers or os.cpu_count() or 1
    report = ExtractReport()
    pending = pending_documents(store.conn)
    keys = dict(pending)
    docs = list(iter_documents(store.conn, [d for d, _ in pending]))
    by_id = {d.id: d for d in docs}
    for doc_id, mentions, error in _results(docs, workers):
        if error is not None:
            report.problems.append(Problem(by_id[doc_id].source_path, f"extraction failed for {doc_id}: {error}"))
            continue
        with store.transaction() as c:
            write_mentions(c, by_id[doc_id], mentions, keys[doc_id])
        report.documents += 1
        report.mentions += len(mentions)
        if on_document:
            on_document(doc_id)
    return report


def write_mentions(c: sqlite3.Connection, doc: Document, mentions: list[EventMention], key: str) -> None:
    c.execute("DELETE FROM mentions WHERE doc_id = ?", (doc.id,))
    for n, m in enumerate(mentions):
        mid = f"{doc.id}#{n}"
        it = doc.items[m.item] if m.item is not None else None
        place = m.place.place if m.place else None
        c.execute(
            "INSERT INTO mentions (id, doc_id, ord, item_id, lead, sentences, date, date_end, date_precision, "
            "date_basis, place, place_relation, event_type, sub_event_type, type_trigger) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (mid, doc.id, n, item_id(it.date, it.headline) if it else None, int(m.lead),
             json.dumps([[s.start, s.end] for s in m.sentences]),
             m.date.date if m.date else None, m.date.date_end if m.date else None,
             m.date.precision if m.date else None, m.date.basis if m.date else None,
             json.dumps(asdict(place), ensure_ascii=False) if place else None,
             m.place.relation if m.place else None,
             m.typing.event_type if m.typing else None, m.typing.sub_event_type if m.typing else None,
             m.typing.trigger if m.typing else None))
        c.executemany(
            'INSERT INTO claims (mention_id, ord, kind, low, best, high, who, side, claimed_by, tally, vague, trigger, '
            'start, "end", quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [(mid, k, f.kind, f.low, f.best, f.high, f.who, f.side, f.claimed_by, int(f.tally), int(f.vague), f.trigger,
              f.start, f.end,
              _sentence_of(m, f.start)) for k, f in enumerate(m.figures)])
        c.executemany("INSERT OR IGNORE INTO mention_actors VALUES (?, ?, ?)",  # monitors and media are claimers
                      [(mid, a.name, a.side) for a in m.actors if not getattr(a, "source", False)])
        c.executemany("INSERT INTO mention_people VALUES (?, ?, ?, ?, ?)",
                      [(mid, k, p.name, p.role, p.status) for k, p in enumerate(m.people)])
    c.execute("INSERT INTO extraction_state VALUES (?, ?) ON CONFLICT(doc_id) DO UPDATE SET key = excluded.key",
              (doc.id, key))


def _sentence_of(m: EventMention, offset: int) -> str:
    for s in m.sentences:
        if s.start <= offset < s.end or offset == s.end:
            return s.text
    return m.sentences[0].text
