"""Link citations to ingested documents and date articles from the digest pages that cite them.

Runs after every ingest over the whole database, so the result does not depend on
the order in which files arrived. Rules, in order:

1. A citation points to a document with the same normalised URL, else to the article
   whose title slug equals (or, for cut-off URL slugs of six words or more, starts with)
   a slug in the citation's URL path.
2. An article's publication date: the year stated in its own text (dateline) wins; else
   the date of a digest item that cites it (month and day from the story's dateline when
   it has them, in the year that puts them on or just before the digest date); else its
   metadata date; else unknown. Nothing is filled in from today.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from ..store import Store
from ..store.keys import url_slugs

MIN_PREFIX_SLUG_WORDS = 6  # a cut-off URL slug must keep at least this many words to match a title prefix
MAX_DATELINE_LAG_DAYS = 31  # a story's dateline is at most a month before the digest day citing it


@dataclass(frozen=True)
class LinkReport:
    citations: int
    citations_with_url: int
    resolved: int
    dated_from_citation: int


def _title_index(c: sqlite3.Connection) -> tuple[dict[str, list[str]], list[tuple[str, str]], dict[str, list[str]]]:
    by_title: dict[str, list[str]] = {}
    by_url: dict[str, list[str]] = {}
    for doc_id, tkey, ukey in c.execute(
            "SELECT id, title_key, url_key FROM documents WHERE kind = 'article' ORDER BY id"):
        if tkey:
            by_title.setdefault(tkey, []).append(doc_id)
        if ukey:
            by_url.setdefault(ukey, []).append(doc_id)
    return by_title, sorted((k, v[0]) for k, v in by_title.items()), by_url


def _match(url: str | None, ukey: str | None, by_title, sorted_titles, by_url) -> str | None:
    if ukey and ukey in by_url:
        return by_url[ukey][0]
    for s in url_slugs(url):
        if s in by_title:
            return by_title[s][0]
        if s.count("-") + 1 >= MIN_PREFIX_SLUG_WORDS:
            i = bisect.bisect_left(sorted_titles, (s, ""))
            if i < len(sorted_titles) and sorted_titles[i][0].startswith(s):
                return sorted_titles[i][1]
    return None


def _dated_by_digest(item_date: str, dateline_json: str | None) -> str:
    """The article's date given the citing item's date and the story's own month/day."""
    d = date.fromisoformat(item_date)
    dl = json.loads(dateline_json) if dateline_json else {}
    if dl.get("month") and dl.get("day"):
        for year in (d.year, d.year - 1):
            try:
                cand = date(year, dl["month"], dl["day"])
            except ValueError:
                continue
            if timedelta(0) <= d - cand <= timedelta(days=MAX_DATELINE_LAG_DAYS):
                return cand.isoformat()
    return d.isoformat()


def link(store: Store) -> LinkReport:
    """Resolve citations and publication dates across the whole database, in one transaction."""
    with store.transaction() as c:
        by_title, sorted_titles, by_url = _title_index(c)
        rows = c.execute("SELECT rowid, url, url_key, cited_doc_id FROM citations WHERE url IS NOT NULL").fetchall()
        for rowid, url, ukey, old in rows:
            new = _match(url, ukey, by_title, sorted_titles, by_url)
            if new != old:
                c.execute("UPDATE citations SET cited_doc_id = ? WHERE rowid = ?", (new, rowid))
        cited = {}  # only a day dates a cited article (a page of an export may date its item to a month)
        for doc_id, item_date, citing in c.execute(
                "SELECT ci.cited_doc_id, i.date, ci.doc_id FROM citations ci JOIN digest_items i ON i.id = ci.item_id "
                "WHERE ci.cited_doc_id IS NOT NULL AND length(i.date) = 10 ORDER BY i.date, ci.doc_id"):
            cited.setdefault(doc_id, (item_date, citing))  # the earliest citing item
        dated = 0
        for doc_id, own, own_p, own_b, cur, cur_p, cur_b, dl in c.execute(
                "SELECT id, own_published, own_precision, own_basis, published, published_precision, "
                "published_basis, dateline FROM documents WHERE kind = 'article'").fetchall():
            if own_b == "dateline" or doc_id not in cited:
                want = (own, own_p, own_b)
            else:
                item_date, citing = cited[doc_id]
                want = (_dated_by_digest(item_date, dl), "day", f"cited by digest {citing}")
                dated += 1
            if want != (cur, cur_p, cur_b):
                c.execute("UPDATE documents SET published = ?, published_precision = ?, published_basis = ? "
                          "WHERE id = ?", (*want, doc_id))
        total, with_url, resolved = c.execute(
            "SELECT count(*), count(url), count(cited_doc_id) FROM citations").fetchone()
    return LinkReport(total, with_url, resolved, dated)
