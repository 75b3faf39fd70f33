"""Markdown export: digest pages in the seeds' format that read back as what the seeds say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.export.markdown import day_index_markdown, event_markdown, event_path
from dateline.readers import digest_markdown, export_index

from .conftest import seed
from .eventdbs import crime_db, seeds_db


def read_page(path: Path):
    (doc,) = digest_markdown.read(path.read_text(encoding="utf-8"), path=str(path), doc_id=path.stem)
    return doc


@pytest.fixture(scope="module")
def site(tmp_path_factory, seeds_dir):
    d = tmp_path_factory.mktemp("md")
    db = seeds_db(d, seeds_dir)
    r = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "md", "--out", str(d / "site")])
    assert r.exit_code == 0, r.output
    return d / "site"


def exported_page_of(site: Path, original):
    main_item = original.items[0]
    for path in site.glob(f"news/{main_item.date.replace('-', '/')}/ev-*.md"):
        doc = read_page(path)
        if doc.items[0].headline == main_item.headline.strip():
            return doc
    raise AssertionError(f"no exported page for {main_item.headline!r}")


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_round_trip_of_the_seed_digest_pages(site, prefix):
    original = read_page(seed(prefix))
    page = exported_page_of(site, original)
    want, got = original.items[0], page.items[0]
    assert got.date == want.date
    assert got.headline == want.headline.strip()
    assert got.sources == want.sources
    related_want = {(it.date, it.headline.strip()): it for it in original.items[1:]}
    related_got = {(it.date, it.headline): it for it in page.items[1:]}
    assert set(related_got) == set(related_want)
    for key, it in related_want.items():
        # an item listed on both seed pages carries the contexts of both
        assert set(it.topics) <= set(related_got[key].topics), key
        assert (site / related_got[key].path.lstrip("/")).is_file()  # links lead to exported pages


def test_every_event_has_a_page_and_every_day_an_index(site):
    pages = list(site.glob("news/**/ev-*.md"))
    assert pages
    for index in site.glob("news/**/index.md"):
        links = [line.split("](", 1)[1].split(")", 1)[0] for line in index.read_text().splitlines()
                 if line[:1].isdigit()]
        assert links and all((site / link.lstrip("/")).is_file() for link in links)
        assert all(Path(link).parent == Path("/" + str(index.parent.relative_to(site))) for link in links)
    days = {p.parent for p in pages}
    assert days == {p.parent for p in site.glob("news/**/index.md")}


def test_article_events_list_their_documents_as_sources(tmp_path):
    db = crime_db(tmp_path)
    out = tmp_path / "site"
    r = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "md", "--out", str(out),
                                  "--place", "Memphis, Tennessee", "--month", "2017-01"])
    assert r.exit_code == 0, r.output
    (path,) = out.glob("news/**/ev-*.md")
    doc = read_page(path)
    assert doc.items[0].date == "2017-01-08"
    assert {s.url for s in doc.items[0].sources} == {"http://example.com/mem-1", "http://example.com/mem-2"}


def test_md_needs_a_folder(tmp_path):
    r = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "x.db"), "--format", "md"])
    assert r.exit_code == 2 and "--out" in r.output


def test_pages_of_records_without_day_dates():
    undated = {"id": "ev-1", "title": "Something happened.", "date": None, "sources": [], "documents": ["d1"],
               "related": ["ev-2", "ev-missing"], "topics": ["T"]}
    month = {"id": "ev-2", "title": "Earlier.", "date": "2011-07", "topics": ["A", "B"]}
    text = event_markdown(undated, related={"ev-2": month}, documents={"d1": {"title": "A report", "url": "http://x/1"}})
    assert text.splitlines()[0] == "### [undated](/news/undated/index.md)"
    assert "1. [A report](http://x/1)" in text
    assert "1. [Earlier.](/news/2011/07/ev-2.md) _Context: A, B_" in text
    assert "ev-missing" not in text
    assert event_path(month) == "/news/2011/07/ev-2.md"
    index = day_index_markdown("2011-07", [month])
    assert index.splitlines()[0] == "# 2011-7" and "[Earlier.](/news/2011/07/ev-2.md)" in index


def test_a_source_without_a_url_is_named_not_linked():
    from dateline.export.markdown import event_markdown
    page = event_markdown({"id": "ev-1", "date": "2017-08-12", "date_precision": "day", "title": "A title.",
                           "sources": [{"name": "Monitor report", "url": None}, {"name": "UPI", "url": "http://u.pi/x"}]})
    assert "1. Monitor report\n" in page and "]()" not in page
    assert "2. [UPI](http://u.pi/x)" in page


def test_every_exported_page_reads_back_with_its_date_and_precision(site, tmp_path):
    # month- and year-dated events (seed 004's chronology) too, and undated ones
    pages = sorted(site.glob("news/**/ev-*.md"))
    coarse = [p for p in pages if len(p.parent.relative_to(site / "news").parts) < 3]
    assert coarse, "the seeds have events known only to the month or year"
    for path in pages:
        doc = read_page(path)
        parts = path.parent.relative_to(site / "news").parts
        want = None if parts == ("undated",) else "-".join(parts)
        assert (doc.items[0].date, doc.published_precision) == \
            (want, {10: "day", 7: "month", 4: "year"}.get(len(want)) if want else None), path
    r = CliRunner().invoke(main, ["ingest", *map(str, coarse), "--db", str(tmp_path / "back.db")])
    assert r.exit_code == 0, r.output
    assert f"read {len(coarse)} documents, 0 failed (digest new {len(coarse)})" in r.output


def test_ingesting_a_whole_export_folder_reads_the_event_pages_and_leaves_the_index_pages_out(site, tmp_path):
    pages = list(site.glob("news/**/ev-*.md"))
    indexes = list(site.glob("news/**/index.md"))
    assert pages and indexes
    r = CliRunner().invoke(main, ["ingest", str(site), "--db", str(tmp_path / "all.db"), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output.strip().splitlines()[-1])
    assert out["failed"] == 0 and out["problems"] == []
    assert out["run"] == {"digest_new": len(pages)}  # no index page read as an article
    assert sorted(s["path"] for s in out["skipped"]) == sorted(map(str, indexes))
    assert all("index page" in s["reason"] for s in out["skipped"])
    assert out["database"]["events"] == len(pages)
    r = CliRunner().invoke(main, ["ingest", str(site), "--db", str(tmp_path / "all.db")])
    assert r.exit_code == 0 and f"left out {len(indexes)} files: an index page" in r.output


def test_a_text_that_only_starts_like_an_index_page_is_still_read():
    head = "# 2014\n\n1. [A headline.](/news/2014/ev-1.md)\n"
    text = head + "\nThen the story goes on in prose, as an article would.\n"
    assert export_index.sniff("x.md", head)
    (doc,) = export_index.read(text, path="x.md", doc_id="x")
    assert doc.kind == "article"
