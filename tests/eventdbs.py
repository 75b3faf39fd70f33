"""Event databases the query, count and export tests share: the seeds, and made crime reports.

The crime reports are written like local news: two articles about one Memphis killing (a
report and a follow-up naming the victim), another Memphis killing a month later, a Houston
shooting that wounded two, and an Austin shooting a year earlier.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.ingest import ingest
from dateline.store import open_store

CRIME_ARTICLES = [
    {"id": "mem-1", "title": "Man shot dead in South Memphis", "published": "2017-01-08",
     "url": "http://example.com/mem-1",
     "text": "MEMPHIS, Tenn. — A 24-year-old man was shot and killed Sunday night in South Memphis, police said. "
             "Police identified the victim as John Smith. No arrests have been made."},
    {"id": "mem-2", "title": "Police identify South Memphis shooting victim", "published": "2017-01-09",
     "url": "http://example.com/mem-2",
     "text": "MEMPHIS, Tenn. — Police have identified the man who was shot and killed Sunday night in South "
             "Memphis as John Smith, 24. Smith died at the scene on Person Avenue, police said."},
    {"id": "mem-3", "title": "Woman killed in Memphis shooting", "published": "2017-02-11",
     "url": "http://example.com/mem-3",
     "text": "MEMPHIS, Tenn. — A woman was shot and killed Friday in Whitehaven, Memphis police said. "
             "Maria Lopez, 31, was pronounced dead at Regional One."},
    {"id": "hou-1", "title": "Two wounded in Houston shooting", "published": "2017-03-05",
     "url": "http://example.com/hou-1",
     "text": "HOUSTON — Two people were wounded in a shooting Saturday night in southwest Houston, police said. "
             "Both were taken to a hospital in stable condition."},
    {"id": "aus-1", "title": "Man injured in Austin shooting", "published": "2016-06-15",
     "url": "http://example.com/aus-1",
     "text": "AUSTIN, Texas — A man was shot and injured Tuesday in East Austin, police said. "
             "He is expected to survive."},
]


def seeds_db(directory: Path, seeds: Path) -> Path:
    db = directory / "seeds.db"
    with open_store(db) as store:
        assert ingest([seeds], store).ok
    return db


def crime_db(directory: Path) -> Path:
    src = directory / "crime.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in CRIME_ARTICLES), encoding="utf-8")
    db = directory / "crime.db"
    with open_store(db) as store:
        assert ingest([src], store, workers=1).ok
    return db


def all_records(db: Path) -> list[dict]:
    with open_store(db) as store:
        return [json.loads(r) for (r,) in store.conn.execute("SELECT record FROM events")]
