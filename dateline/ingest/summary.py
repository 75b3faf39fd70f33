"""A short account of what a database holds: documents per kind, dates, citations, topics."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Store


@dataclass(frozen=True)
class KindSummary:
    kind: str
    documents: int
    dated: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class DatabaseSummary:
    kinds: list[KindSummary]
    digest_items: int
    citations: int
    citations_with_url: int
    citations_resolved: int
    topics: int
    mentions: int
    mentions_with_figures: int
    events: int


def summarize(store: Store) -> DatabaseSummary:
    c = store.conn
    kinds = [KindSummary(*row) for row in c.execute(
        "SELECT kind, count(*), count(published), min(published), max(published) FROM documents "
        "GROUP BY kind ORDER BY kind")]
    items = c.execute("SELECT count(*) FROM digest_items").fetchone()[0]
    total, with_url, resolved = c.execute("SELECT count(*), count(url), count(cited_doc_id) FROM citations").fetchone()
    topics = c.execute("SELECT count(*) FROM topics").fetchone()[0]
    mentions = c.execute("SELECT count(*) FROM mentions").fetchone()[0]
    with_figures = c.execute("SELECT count(DISTINCT mention_id) FROM claims").fetchone()[0]
    events = c.execute("SELECT count(*) FROM events").fetchone()[0]
    return DatabaseSummary(kinds, items, total, with_url, resolved, topics, mentions, with_figures, events)
