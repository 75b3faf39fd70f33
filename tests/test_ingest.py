"""Ingest into a real SQLite file: counts, linking, idempotence, bad input, atomic writes."""

import json
import shutil
import sqlite3

import pytest

from dateline.export.events import iter_events
from dateline.ingest import ingest
from dateline.store import open_store


@pytest.fixture
def seeded(tmp_path, seeds_dir):
    store = open_store(tmp_path / "seeds.db")
    report = ingest([seeds_dir], store)
    yield store, report
    store.close()


def test_seeds_ingest_counts(seeded):
    store, report = seeded
    assert report.ok and report.documents_read == 5
    assert dict(report.written) == {("digest", "new"): 2, ("article", "new"): 2, ("reference", "new"): 1}
    counts = store.counts()
    assert counts["documents"] == 5
    assert counts["digest_items"] == 21  # 2 page items + 20 related, the Baghdadi item listed on both pages once
    assert counts["item_listings"] == 22
    assert counts["citations"] == 6  # 4 + 2 sources; the two "Cover Image" entries are not sources
    assert store.applied_migrations() == ["0001_initial", "0002_mentions", "0003_topic_parents", "0004_events",
                                         "0005_event_index"]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upi_article_dated_by_citing_digest(seeded):
    store, report = seeded
    row = store.conn.execute("SELECT published, published_precision, published_basis FROM documents "
                             "WHERE id = '001_9acd597e7a418373'").fetchone()
    assert row == ("2015-11-08", "day", "cited by digest 000_4a1e41b65d09cc12")
    cited = store.conn.execute("SELECT doc_id, name, cited_doc_id FROM citations WHERE cited_doc_id IS NOT NULL").fetchall()
    assert cited == [("000_4a1e41b65d09cc12", "UPI", "001_9acd597e7a418373")]
    assert (report.link.citations, report.link.citations_with_url, report.link.resolved) == (6, 6, 1)
    # 003 is cited by nobody and states no year: its date stays unknown
    assert store.conn.execute("SELECT published FROM documents WHERE id = '003_27df97f2463d8e1f'").fetchone() == (None,)


def test_dating_does_not_depend_on_order(tmp_path, seeds_dir):
    store = open_store(tmp_path / "order.db")
    ingest([next(seeds_dir.glob("001_*"))], store)
    assert store.conn.execute("SELECT published FROM documents").fetchone() == (None,)
    ingest([next(seeds_dir.glob("000_*"))], store)
    assert store.conn.execute("SELECT published FROM documents WHERE id LIKE '001%'").fetchone() == ("2015-11-08",)


def _snapshot(store):
    c = store.conn
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(map(repr, c.execute(f"SELECT * FROM {t}"))) for t in tables}


def test_reingest_changes_nothing(seeded, seeds_dir):
    store, _ = seeded
    before = _snapshot(store)
    again = ingest([seeds_dir], store)
    assert dict(again.written) == {("digest", "unchanged"): 2, ("article", "unchanged"): 2,
                                   ("reference", "unchanged"): 1}
    assert _snapshot(store) == before


def test_changed_file_replaces_its_rows(tmp_path, seeds_dir):
    src = tmp_path / "in"
    src.mkdir()
    page = src / "000_page.txt"
    shutil.copy(next(seeds_dir.glob("000_*")), page)
    store = open_store(tmp_path / "c.db")
    ingest([src], store)
    text = page.read_text().replace("2. [France 24]", "2. [France Vingt-Quatre]")
    text = text.replace(", military_", ", Aviation_")
    page.write_text(text)
    report = ingest([src], store)
    assert dict(report.written) == {("digest", "updated"): 1}
    names = [r[0] for r in store.conn.execute("SELECT name FROM citations ORDER BY ord")]
    assert names == ["Al Bawaba", "France Vingt-Quatre", "UPI", "Zee News"]
    topics = {r[0] for r in store.conn.execute("SELECT name FROM topics")}
    assert "Aviation" in topics and "military" not in topics  # topics no document uses are pruned


def test_events_from_digests(seeded):
    store, _ = seeded
    events = [e for e in iter_events(store) if e.id in {r[0] for r in store.conn.execute("SELECT id FROM digest_items")}]
    assert len(events) == 21
    main = next(e for e in events if e.title.startswith("Syrian state news reports clashes"))
    assert main.date == "2015-11-08" and main.date_precision == "day"
    assert main.documents == ["000_4a1e41b65d09cc12", "001_9acd597e7a418373"]
    assert [s.name for s in main.sources] == ["Al Bawaba", "France 24", "UPI", "Zee News"]
    assert len(main.related) == 10
    assert main.mentions[0].text == main.title and main.mentions[0].doc == "000_4a1e41b65d09cc12"
    # the cited UPI story's lead joined the event: its city refines the digest's province, and the
    # monitors and media that report (SANA, UPI) are claimers, not actors
    assert (main.place.name, main.place.precision) == ("Deir ez-Zor", "city")
    assert {a.name for a in main.actors} == {"Islamic State", "Syrian government forces"}
    assert {c.claimed_by for c in main.claims} >= {"SANA"}
    baghdadi = [e for e in events if e.title.startswith("The Syrian Observatory for Human Rights says ISIL leader")]
    assert len(baghdadi) == 1
    b = baghdadi[0]
    assert b.date == "2017-07-11"
    assert b.documents == ["000_4a1e41b65d09cc12", "002_0d4b31b35aa5e444"]
    assert b.topics == ["Deir ez-Zor Governorate", "Islamic State", "Islamic State of Iraq and the Levant",
                        "Syrian Civil War", "Syrian Observatory for Human Rights"]
    mains = {e.id for e in events if e.title.startswith(("Syrian state news reports clashes",
                                                          "The Syrian Observatory for Human Rights claims"))}
    assert set(b.related[:2]) == mains  # the main items of both pages first, then ranked by topics and time


BAD_INPUTS = {
    "empty.txt": b"",
    "blob.bin": bytes(range(256)) * 4,
    "latin1.txt": "Caf\u00e9 bombing\n\nA bomb exploded in the caf\u00e9.".encode("latin-1"),
    "cut.html": b"<!DOCTYPE html><html><head><title>Cut</title></head><body><article><p>Police said two men were",
}


def test_bad_inputs_reported_and_rest_ingested(tmp_path, seeds_dir):
    src = tmp_path / "mixed"
    shutil.copytree(seeds_dir, src)
    for name, data in BAD_INPUTS.items():
        (src / name).write_bytes(data)
    good = {"id": "ok-1", "title": "Two hurt in shooting", "text": "Two people were hurt in a shooting on Main St.",
            "published": "2017-01-02", "url": "http://example.com/a"}
    (src / "feed.jsonl").write_text(json.dumps(good) + "\n{not json\n")
    store = open_store(tmp_path / "m.db")
    report = ingest([src], store)
    where = {p.where().split("/")[-1]: p.reason for p in report.problems}
    assert set(where) == {"empty.txt", "blob.bin", "latin1.txt", "cut.html", "feed.jsonl:2"}
    assert "empty" in where["empty.txt"]
    assert "binary" in where["blob.bin"]
    assert "UTF-8" in where["latin1.txt"]
    assert "truncated" in where["cut.html"].lower()
    assert "JSON" in where["feed.jsonl:2"]
    ids = {r[0] for r in store.conn.execute("SELECT id FROM documents")}
    assert len(ids) == 6 and "ok-1" in ids
    for table in ("sections", "item_listings", "citations", "document_topics", "item_topics"):
        orphans = store.conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)")
        assert orphans.fetchone()[0] == 0


def test_failed_write_leaves_nothing(tmp_path, seeds_dir):
    """A document whose write fails part-way (here: a forced constraint error) leaves no rows."""
    store = open_store(tmp_path / "t.db")
    store.conn.execute("CREATE TRIGGER fail_citation BEFORE INSERT ON citations WHEN NEW.name = 'UPI' "
                       "BEGIN SELECT RAISE(ABORT, 'forced'); END")
    from dateline.readers.files import read_file
    (doc,) = list(read_file(next(seeds_dir.glob("000_*"))))
    with pytest.raises(sqlite3.IntegrityError):
        store.write_document(doc)
    assert store.counts()["documents"] == 0 and store.counts()["citations"] == 0
    assert store.counts()["digest_items"] == 0


def test_same_id_from_another_file_is_a_conflict(tmp_path, seeds_dir):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "story.txt").write_text("First story\n\nA man was shot on Elm Street.")
    (b / "story.txt").write_text("Second story\n\nA woman was shot on Oak Street.")
    store = open_store(tmp_path / "x.db")
    report = ingest([a, b], store)
    assert len(report.problems) == 1 and "already ingested" in report.problems[0].reason
    assert store.conn.execute("SELECT title FROM documents").fetchall() == [("First story",)]


def test_topic_hierarchy_and_related_events(seeded):
    store, _ = seeded
    pairs = store.conn.execute(
        "SELECT c.name, p.name FROM topic_parents tp JOIN topics c ON c.id = tp.child_id "
        "JOIN topics p ON p.id = tp.parent_id ORDER BY c.name").fetchall()
    assert pairs == [("Deir ez-Zor Governorate campaign", "Syrian Civil War"),  # one topic with the digests
                     ("Deir ez-Zor clashes (2011–2014)", "Deir ez-Zor Governorate campaign")]
    events = list(iter_events(store))
    chronology = [e for e in events if e.documents == ["004_bae0d4d6eaaf3b50"]]
    assert chronology and all(e.topics[:3] == ["Deir ez-Zor clashes (2011–2014)", "Deir ez-Zor Governorate campaign",
                                               "Syrian Civil War"] for e in chronology)
    # the chronology's war is the digest pages' "Syrian Civil War": events of both relate
    by_id = {e.id: e for e in events}
    first = next(e for e in chronology if e.date)
    assert first.related and all(r in by_id for r in first.related)
    assert len(first.related) <= 10
    main = next(e for e in events if e.title.startswith("Syrian state news reports clashes"))
    assert len(main.related) == 10  # the page lists ten related items: they come first and fill the list


def test_incremental_ingest_gives_the_same_events(tmp_path, seeds_dir):
    from dataclasses import asdict
    files = sorted(seeds_dir.glob("*.txt"))
    once = open_store(tmp_path / "once.db")
    ingest([seeds_dir], once)
    parts = open_store(tmp_path / "parts.db")
    ingest(files[3:], parts)  # the chronology and 003 first, then the digests and the UPI story
    report = ingest(files[:3], parts)
    assert report.extraction.documents == 3  # only the new documents were extracted
    assert [asdict(e) for e in iter_events(parts)] == [asdict(e) for e in iter_events(once)]


def test_stored_events_follow_the_mentions(tmp_path, seeds_dir):
    import json
    from dataclasses import asdict

    from dateline.resolve.store_events import stored_events
    files = sorted(seeds_dir.glob("*.txt"))
    store = open_store(tmp_path / "ev.db")
    first = ingest(files[1:2], store)  # the UPI story alone: its events are new
    assert first.events.new > 0 and first.events.updated == first.events.removed == 0
    second = ingest(files[:1], store)  # the digest page citing it: the story's lead joins the page's event
    assert second.events.removed >= 1 and second.events.new >= 1
    stored = list(stored_events(store))
    assert all(isinstance(r.pop("in_passing"), bool) for r in stored)  # stored records add in_passing
    assert stored == [json.loads(json.dumps(asdict(e))) for e in iter_events(store)]
    again = ingest(files[:2], store)
    assert again.events is None  # nothing changed: the stored events are left alone
    assert store.conn.execute("SELECT count(*) FROM event_documents WHERE doc_id = '001_9acd597e7a418373'"
                              ).fetchone()[0] >= 1
