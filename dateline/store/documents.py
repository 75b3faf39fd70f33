"""Rebuild Document dataclasses from the store, for stages that run after ingest."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from ..model import Dateline, DigestItem, Document, InfoboxField, Section, Source

_DOC_COLUMNS = ("id, kind, format, text, source_path, title, url, published, published_precision, "
                "published_basis, dateline, meta")


def _row_to_document(c: sqlite3.Connection, row: tuple) -> Document:
    (doc_id, kind, fmt, text, path, title, url, published, precision, basis, dateline, meta) = row
    doc = Document(id=doc_id, kind=kind, format=fmt, text=text, source_path=path, title=title, url=url,
                   published=published, published_precision=precision, published_basis=basis,
                   dateline=Dateline(**json.loads(dateline)) if dateline else None, meta=json.loads(meta))
    doc.sections = [Section(h, lvl, s, e) for h, lvl, s, e in c.execute(
        'SELECT heading, level, start, "end" FROM sections WHERE doc_id = ? ORDER BY ord', (doc_id,))]
    doc.infobox = [InfoboxField(k, v) for k, v in c.execute(
        "SELECT key, value FROM infobox_fields WHERE doc_id = ? ORDER BY ord", (doc_id,))]
    sources: dict[str, list[Source]] = {}
    for item_id, name, src_url in c.execute(
            "SELECT item_id, name, url FROM citations WHERE doc_id = ? ORDER BY ord", (doc_id,)):
        sources.setdefault(item_id, []).append(Source(name, src_url))
    topics: dict[str, list[str]] = {}
    for item_id, name in c.execute(
            "SELECT it.item_id, t.name FROM item_topics it JOIN topics t ON t.id = it.topic_id "
            "WHERE it.doc_id = ? ORDER BY t.name", (doc_id,)):
        topics.setdefault(item_id, []).append(name)
    for item_id, role, category, start, end, date, headline, ipath, summary in c.execute(
            'SELECT l.item_id, l.role, l.category, l.start, l."end", i.date, i.headline, i.path, i.summary '
            "FROM item_listings l JOIN digest_items i ON i.id = l.item_id WHERE l.doc_id = ? ORDER BY l.ord",
            (doc_id,)):
        doc.items.append(DigestItem(headline=headline, date=date, role=role, path=ipath,
                                    summary=summary if role == "main" else None, category=category,
                                    topics=topics.get(item_id, []), sources=sources.get(item_id, []),
                                    start=start, end=end))
    doc.topics = [n for (n,) in c.execute(
        "SELECT t.name FROM document_topics d JOIN topics t ON t.id = d.topic_id WHERE d.doc_id = ? "
        "ORDER BY t.name", (doc_id,))]
    return doc


def load_document(c: sqlite3.Connection, doc_id: str) -> Document | None:
    row = c.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return _row_to_document(c, row) if row else None


def iter_documents(c: sqlite3.Connection, ids: list[str]) -> Iterator[Document]:
    for doc_id in ids:
        doc = load_document(c, doc_id)
        if doc is not None:
            yield doc
