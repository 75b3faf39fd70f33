"""Event records from the store.

At this stage the events are the digest items: each dated digest line (a page's own
item, the related items it lists, a daily digest's items) is one event, with its
sources, topics, the documents that state or are cited for it, and its related items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict

from ..model import EventRecord, Mention, Source
from ..store import Store


def _grouped(c, sql: str) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for row in c.execute(sql):
        out[row[0]].append(row[1:])
    return out


def iter_events(store: Store) -> Iterator[EventRecord]:
    """Every event, ordered by date then id (undated last)."""
    c = store.conn
    listings = _grouped(c, "SELECT l.item_id, l.doc_id, l.start, l.\"end\", "
                           "substr(d.text, l.start + 1, l.\"end\" - l.start) FROM item_listings l "
                           "JOIN documents d ON d.id = l.doc_id ORDER BY l.doc_id, l.ord")
    topics = _grouped(c, "SELECT DISTINCT it.item_id, t.name FROM item_topics it JOIN topics t ON t.id = it.topic_id "
                         "ORDER BY t.name")
    sources = _grouped(c, "SELECT item_id, name, url, cited_doc_id FROM citations ORDER BY doc_id, ord")
    # items on the same digest page are related: the page's own item and those listed under Related
    page_items = _grouped(c, "SELECT doc_id, item_id, role FROM item_listings l "
                             "WHERE doc_id IN (SELECT doc_id FROM item_listings WHERE role = 'main')")
    related: dict[str, set[str]] = defaultdict(set)
    for rows in page_items.values():
        main = [i for i, role in rows if role == "main"]
        others = [i for i, role in rows if role == "related"]
        for m in main:
            related[m].update(others)
            for o in others:
                related[o].add(m)
    for iid, date, headline, summary in c.execute(
            "SELECT id, date, headline, summary FROM digest_items ORDER BY date IS NULL, date, id"):
        mentions, docs = [], []
        for doc_id, start, end, text in listings.get(iid, []):
            quote = text if start is not None and end is not None else headline
            mentions.append(Mention(doc=doc_id, start=start, end=end, text=quote))
            if doc_id not in docs:
                docs.append(doc_id)
        srcs: list[Source] = []
        for name, url, cited in sources.get(iid, []):
            s = Source(name=name, url=url)
            if s not in srcs:
                srcs.append(s)
            if cited and cited not in docs:
                docs.append(cited)
        yield EventRecord(
            id=iid, title=headline, date=date, date_precision="day" if date else None,
            date_basis="digest date" if date else None,
            topics=[t for (t,) in topics.get(iid, [])], documents=docs, mentions=mentions,
            related=sorted(related.get(iid, set()) - {iid}), sources=srcs,
        )


def event_dict(ev: EventRecord) -> dict:
    return asdict(ev)
