"""SQLite store: one writer, many readers, WAL; every document written in one transaction.

Schema changes are SQL files in ``migrations/`` applied in name order and recorded in
``schema_migrations``. Document rows are upserted by content-derived ids, so writing the
same document twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from enum import Enum
from importlib import resources
from pathlib import Path

from ..errors import DocumentConflict, StoreError
from ..enrich.topics import parent_pairs
from ..model import Document
from . import keys

BUSY_TIMEOUT_MS = 30_000


class WriteResult(str, Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def content_hash(doc: Document) -> str:
    """Hash of everything the reader produced except where the file was found."""
    d = asdict(doc)
    d.pop("source_path")
    return hashlib.sha256(json.dumps(d, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _migrations() -> list[tuple[str, str]]:
    pkg = resources.files("dateline.store.migrations")
    files = sorted(f for f in pkg.iterdir() if f.name.endswith(".sql"))
    return [(f.name.removesuffix(".sql"), f.read_text("utf-8")) for f in files]


class Store:
    """A Dateline database. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: never a half-written document."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- migrations -------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations; returns the names applied now."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.conn.execute("SELECT name FROM schema_migrations")}
        applied = []
        for name, sql in _migrations():
            if name in done:
                continue
            with self.transaction() as c:
                for stmt in _split_sql(sql):
                    c.execute(stmt)
                c.execute("INSERT INTO schema_migrations VALUES (?, ?)",
                          (name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # --- writing ----------------------------------------------------------------------------
    def write_document(self, doc: Document) -> WriteResult:
        """Upsert one document with its items, citations, sections and topics, atomically."""
        h = content_hash(doc)
        with self.transaction() as c:
            row = c.execute("SELECT content_hash, source_path FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row and row[0] == h:
                return WriteResult.UNCHANGED
            if row and row[1] != doc.source_path:
                raise DocumentConflict(
                    f"document id {doc.id!r} was already ingested from {row[1]} with different content; "
                    "rename one of the files (ids come from file names or JSON 'id' fields)")
            if row:
                self._delete_children(c, doc.id)
            self._insert(c, doc, h, replace=bool(row))
            return WriteResult.UPDATED if row else WriteResult.NEW

    def _delete_children(self, c: sqlite3.Connection, doc_id: str) -> None:
        for table in ("sections", "infobox_fields", "item_listings", "citations", "item_topics", "document_topics",
                      "topic_parents"):
            c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))  # table names are constants

    def _insert(self, c: sqlite3.Connection, doc: Document, h: str, *, replace: bool) -> None:
        title_key = keys.slug(doc.title) if doc.title else None
        c.execute(
            f"INSERT {'OR REPLACE ' if replace else ''}INTO documents (id, kind, format, title, url, url_key, "
            "title_key, published, published_precision, published_basis, own_published, own_precision, "
            "own_basis, dateline, text, content_hash, source_path, meta) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.kind, doc.format, doc.title, doc.url, keys.url_key(doc.url), title_key,
             doc.published, doc.published_precision, doc.published_basis,
             doc.published, doc.published_precision, doc.published_basis,
             json.dumps(asdict(doc.dateline)) if doc.dateline else None,
             doc.text, h, doc.source_path, json.dumps(doc.meta, sort_keys=True, ensure_ascii=False)),
        )
        c.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)",
                      [(doc.id, i, s.heading, s.level, s.start, s.end) for i, s in enumerate(doc.sections)])
        c.executemany("INSERT INTO infobox_fields VALUES (?, ?, ?, ?)",
                      [(doc.id, i, f.key, f.value) for i, f in enumerate(doc.infobox)])
        for name in doc.topics:
            tid = self._topic(c, name)
            c.execute("INSERT OR IGNORE INTO document_topics VALUES (?, ?)", (doc.id, tid))
        for child, parent in parent_pairs(doc.title, [(f.key, f.value) for f in doc.infobox]):
            c.execute("INSERT OR IGNORE INTO topic_parents VALUES (?, ?, ?)",
                      (self._topic(c, child), self._topic(c, parent), doc.id))
        for i, it in enumerate(doc.items):
            iid = keys.item_id(it.date, it.headline)
            c.execute(
                "INSERT INTO digest_items (id, date, headline, path, summary) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET path = coalesce(digest_items.path, excluded.path), "
                "summary = coalesce(digest_items.summary, excluded.summary)",
                (iid, it.date, it.headline, it.path, it.summary))
            c.execute("INSERT INTO item_listings VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (doc.id, i, iid, it.role, it.category, it.start, it.end))
            c.executemany("INSERT INTO citations (doc_id, item_id, ord, name, url, url_key) VALUES (?, ?, ?, ?, ?, ?)",
                          [(doc.id, iid, j, s.name, s.url, keys.url_key(s.url)) for j, s in enumerate(it.sources)])
            for name in it.topics:
                tid = self._topic(c, name)
                c.execute("INSERT OR IGNORE INTO item_topics VALUES (?, ?, ?)", (iid, tid, doc.id))

    @staticmethod
    def _topic(c: sqlite3.Connection, name: str) -> str:
        tid = keys.topic_id(name)
        # spellings of one topic differ in case ("Syrian Civil War" / "Syrian civil war"): the name kept
        # is the one that sorts first (capitals first), so it does not depend on ingest order
        c.execute("INSERT INTO topics (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET "
                  "name = min(topics.name, excluded.name)", (tid, name))
        return tid

    def prune(self) -> None:
        """Drop digest items and topics no document refers to any more (after documents changed)."""
        with self.transaction() as c:
            c.execute("DELETE FROM item_topics WHERE item_id NOT IN (SELECT item_id FROM item_listings)")
            c.execute("DELETE FROM digest_items WHERE id NOT IN (SELECT item_id FROM item_listings)")
            c.execute("DELETE FROM topics WHERE id NOT IN (SELECT topic_id FROM item_topics) "
                      "AND id NOT IN (SELECT topic_id FROM document_topics) "
                      "AND id NOT IN (SELECT child_id FROM topic_parents) "
                      "AND id NOT IN (SELECT parent_id FROM topic_parents)")

    # --- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = ["documents", "sections", "infobox_fields", "digest_items", "item_listings", "citations",
                  "topics", "item_topics", "document_topics", "topic_parents"]
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file, whole-line ``--`` comments dropped; a statement ends where
    SQLite says it is complete, so trigger bodies (``BEGIN … ; … END;``) stay in one piece."""
    out, buf = [], []
    for line in sql.split("\n"):
        if line.strip().startswith("--"):
            continue
        buf.append(line)
        text = "\n".join(buf).strip()
        if text and sqlite3.complete_statement(text):
            out.append(text.rstrip(";").strip())
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out


def open_store(path: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
    """Open (and migrate) the database at ``path``; ``":memory:"`` gives a throwaway one."""
    path = str(path)
    if path != ":memory:" and not create and not Path(path).exists():
        raise StoreError(f"no database at {path}: run `dateline ingest PATH --db {path}` first")
    try:
        if readonly and path != ":memory:":
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {path}: {exc} (is it a Dateline SQLite file?)") from exc
    store = Store(conn, path)
    if not readonly:
        try:
            store.migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"cannot prepare database {path}: {exc}") from exc
    return store
