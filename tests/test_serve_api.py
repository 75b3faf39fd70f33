"""`dateline serve`: pages, their .json/.md/.xml twins, RSS, errors, OpenAPI, escaping — over HTTP
against a real uvicorn server on a database built by ingesting the seeds (and one hostile article)."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET

import feedparser
import httpx
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.query.events import EventQuery, count_events
from dateline.store import open_store

from .serve_support import HOSTILE_ID, SEED_EVENT, SEED_TITLE, build_site_db, running_server


@pytest.fixture(scope="module")
def site(seeds_dir, tmp_path_factory):
    db = build_site_db(seeds_dir, tmp_path_factory.mktemp("serve_api"))
    with running_server(db) as (base, app):
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client, app, db


def get(site, path, **kw):
    client = site[0]
    return client.get(path, **kw)


def ok_json(site, path) -> dict:
    r = get(site, path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["ok"] is True
    return body


# --- pages and their twins ---------------------------------------------------------------------

PAGES = ["/", f"/events/{SEED_EVENT}", "/days/2015-11-08", "/topics", "/topics/syrian-civil-war",
         "/search?q=militants", f"/documents/{HOSTILE_ID}"]


def twin(path: str, fmt: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return f"{base}.{fmt}" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_in_four_formats(site, path):
    html = get(site, path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in html.text
    # the page names its twins, and they answer
    for fmt in ("json", "md", "xml"):
        assert f'href="{twin(path, fmt)}"'.replace("&", "&amp;") in html.text
    data = ok_json(site, twin(path, "json"))
    md = get(site, twin(path, "md"))
    assert md.status_code == 200 and md.headers["content-type"] == "text/markdown; charset=utf-8"
    assert md.text.strip()
    xml = get(site, twin(path, "xml"))
    assert xml.status_code == 200 and xml.headers["content-type"] == "application/xml; charset=utf-8"
    root = ET.fromstring(xml.content)
    assert root.tag == "page" and root.get("kind") == data["kind"]
    assert {child.tag for child in root} <= set(data) | {"entry"}


def test_front_page_shows_latest_days_with_map_and_chart(site):
    data = ok_json(site, "/index.json")
    days = [d["date"] for d in data["days"]]
    assert days == sorted(days, reverse=True) and len(days) == 3
    assert days[0] == "2017-09-09"
    assert data["totals"]["events"] == 127 and data["totals"]["documents"] == 6
    html = get(site, "/").text
    assert '<figure class="map"' in html and re.search(r'<circle class="marker ', html)
    assert '<figure class="chart"' in html
    assert html.count('<li class="event">') == sum(len(d["events"]) for d in data["days"])


def test_event_json_is_the_event_record_with_related_and_documents(site):
    data = ok_json(site, f"/events/{SEED_EVENT}.json")
    assert data["kind"] == "event"
    ev = data["event"]
    assert ev["id"] == SEED_EVENT and ev["title"] == SEED_TITLE
    assert ev["date"] == "2015-11-08" and ev["date_precision"] == "day"
    assert ev["killed"]["best"] == 58 and ev["killed"]["by_side"] == {"Islamic State": {"low": 58, "best": 58, "high": 58}}
    assert {"SANA", "media", None} == {c["claimed_by"] for c in ev["claims"]}
    assert [d["id"] for d in data["documents"]] == ["000_4a1e41b65d09cc12", "001_9acd597e7a418373"]
    assert [r["id"] for r in data["related"]] == ev["related"]
    assert all(r["title"] and r["url"] == f"/events/{r['id']}" for r in data["related"])


def test_event_page_shows_claims_evidence_map_topics_related(site):
    html = get(site, f"/events/{SEED_EVENT}").text
    assert "Sunday, 8 November 2015" in html and "day precision" in html
    assert "Deir ez-Zor, Syria" in html
    # casualty table per side, and every claim with who makes it
    table = html[html.index('<table class="figures">'):html.index("</table>")]
    assert "Islamic State" in table and "58" in table
    claims = html[html.index('<table class="claims">'):]
    claims = claims[:claims.index("</table>")]
    assert claims.count("<tr>") == 1 + 4 and "SANA" in claims and "not attributed" in claims
    # the evidence sentences are highlighted in their sources, and the claims link to them
    marks = re.findall(r'<mark id="([^"]+)">([^<]*)</mark>', html)
    assert any(t.startswith("Syrian troops killed 58 militants") for _, t in marks)
    assert any("Deir Ezzor province Sunday resulted in the deaths of 58 militants" in t for _, t in marks)
    anchors = {a for a, _ in marks}
    linked = re.findall(r'<a href="#([^"]+)" title=', claims)
    assert linked and set(linked) <= anchors
    # the place on a map, with its country shaded; sources; related events with their context
    assert re.search(r'<circle class="marker main"', html) and '<path d="M' in html and 'class="focus"' in html
    assert 'href="http://www.upi.com/Top_News/' in html
    assert html.count('<li class="event">') == len(ok_json(site, f"/events/{SEED_EVENT}.json")["related"])
    assert '<a href="/topics/syrian-civil-war">Syrian Civil War</a>' in html


def test_event_markdown_is_the_digest_page_format(site):
    md = get(site, f"/events/{SEED_EVENT}.md").text
    lines = md.splitlines()
    assert lines[0] == "### [2015-11-8](/news/2015/11/08/index.md)"
    assert f"# {SEED_TITLE}" in lines
    assert "### Source:" in lines and "### Related:" in lines
    assert "1. [Al Bawaba](http://www.albawaba.com/news/russian-airstrikes-reportedly-kill-11-civilians-idlib-765766)" in lines
    related = lines[lines.index("### Related:") + 2:]
    assert related and all(re.match(r"\d+\. \[.+\]\(/news/\d{4}/\d\d/\d\d/ev-[0-9a-f]+\.md\)( _Context: .+_)?$", x)
                           for x in related if x)
    assert any("_Context: " in x for x in related)
    # the digest site's paths the Markdown links to answer here too
    day_link = re.search(r"\]\((/news/[^)]+/index\.md)\)", lines[0]).group(1)
    assert get(site, day_link).text == get(site, "/days/2015-11-08.md").text
    event_link = re.search(r"\]\((/news/[^)]+\.md)\)", related[0]).group(1)
    r = get(site, event_link)
    assert r.status_code == 200 and r.text.startswith("### [")
    r = get(site, event_link.removesuffix(".md"), follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"].startswith("/events/ev-")


def test_day_page_lists_the_days_events_with_neighbours(site):
    data = ok_json(site, "/days/2015-11-08.json")
    ids = [e["id"] for e in data["events"]]
    assert SEED_EVENT in ids and all(e["date"] == "2015-11-08" for e in data["events"])
    assert data["previous"] < "2015-11-08" < data["next"]
    md = get(site, "/days/2015-11-08.md").text
    assert md.startswith("# 2015-11-8\n") and f"/news/2015/11/08/{SEED_EVENT}.md" in md
    html = get(site, "/days/2015-11-08").text
    assert f'href="/days/{data["previous"]}"' in html and f'href="/days/{data["next"]}"' in html


def test_topic_page_timeline_chart_and_map(site):
    data = ok_json(site, "/topics/syrian-civil-war.json")
    with open_store(site[2], create=False, readonly=True) as store:
        expected = count_events(store, EventQuery(topic="Syrian Civil War"))
    assert data["topic"]["name"] == "Syrian Civil War" and data["count"] == expected > 100
    assert data["pages"] == 2 and len(data["events"]) == 100
    assert {c["name"] for c in data["children"]} == {"Deir ez-Zor Governorate campaign"}
    months = data["casualties_by_month"]
    assert [m["month"] for m in months] == sorted(m["month"] for m in months)
    assert sum(m["killed"] for m in months) > 1000
    html = get(site, "/topics/syrian-civil-war").text
    assert '<figure class="chart"' in html and '<rect class="killed"' in html
    assert '<figure class="map"' in html and "<h3>July 2011</h3>" in html  # a timeline, by month
    page2 = ok_json(site, "/topics/syrian-civil-war.json?page=2")
    assert page2["page"] == 2 and len(page2["events"]) == data["count"] - 100
    assert max(e["date"] for e in data["events"]) <= min(e["date"] for e in page2["events"])  # oldest first
    child = ok_json(site, "/topics/deir-ez-zor-governorate-campaign.json")
    assert child["parents"][0]["name"] == "Syrian Civil War"
    topics = ok_json(site, "/topics.json")["topics"]
    assert topics[0]["events"] >= topics[-1]["events"] and any(t["id"] == "syrian-civil-war" for t in topics)
    deir = [t["name"] for t in ok_json(site, "/topics.json?q=deir")["topics"]]
    assert "Deir ez-Zor Governorate campaign" in deir and all("deir" in n.lower() for n in deir)


def test_search_full_text_filters_and_paging(site):
    data = ok_json(site, "/search.json?q=militants&place=Deir%20ez-Zor&min_killed=50")
    assert SEED_EVENT in [e["id"] for e in data["events"]]
    assert all(e["killed"] >= 50 for e in data["events"])
    assert data["query"] == {"q": "militants", "place": "Deir ez-Zor", "min_killed": 50}
    everything = ok_json(site, "/search.json?per_page=10")
    assert everything["count"] == 127 and everything["pages"] == 13 and len(everything["events"]) == 10
    dates = [e["date"] for e in everything["events"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert everything["next"] == "/search?page=2&per_page=10" and everything["previous"] is None
    second = ok_json(site, everything["next"].replace("/search", "/search.json"))
    assert not {e["id"] for e in second["events"]} & {e["id"] for e in everything["events"]}
    dated = ok_json(site, "/search.json?date_from=2015-11&date_to=2015-11&type=Battles")
    assert dated["count"] >= 1 and all(e["date"].startswith("2015-11") and e["event_type"] == "Battles"
                                       for e in dated["events"])
    actor = ok_json(site, "/search.json?actor=Islamic%20State&date_from=2015-11-08&date_to=2015-11-08")
    assert SEED_EVENT in [e["id"] for e in actor["events"]]
    html = get(site, "/search?q=militants&place=Deir+ez-Zor").text
    assert 'value="militants"' in html and SEED_TITLE.replace("'", "&#39;") in html
    assert re.search(r'<circle class="marker ', html)


def test_rss_feed_of_latest_events(site):
    r = get(site, "/feed.rss")
    assert r.status_code == 200 and r.headers["content-type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(r.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Dateline: latest events" and len(feed.entries) == 50
    first = feed.entries[0]
    assert first.link.startswith(str(site[0].base_url).rstrip("/") + "/events/ev-")
    assert first.published_parsed[:3] == (2017, 9, 9)
    assert any("Memphis" in e.title and "<img" in e.title for e in feed.entries)  # as text, escaped in the XML


def test_openapi_describes_every_page_and_the_error_shape(site):
    spec = ok_json_plain(site, "/openapi.json")
    paths = spec["paths"]
    for p in ("/", "/index.{fmt}", "/events/{event_id}", "/events/{event_id}.{fmt}", "/days/{day}",
              "/topics/{topic_id}", "/search", "/search.{fmt}", "/feed.rss", "/documents/{doc_id}"):
        assert p in paths, p
    params = {x["name"] for x in paths["/search"]["get"]["parameters"]}
    assert {"q", "date_from", "date_to", "place", "actor", "type", "min_killed", "page", "per_page"} <= params
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {"ok", "status", "error", "code"}
    assert get(site, "/docs").status_code == 404  # the interactive docs would load a CDN


def ok_json_plain(site, path):
    r = get(site, path)
    assert r.status_code == 200
    return r.json()


# --- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, status, message", [
    ("/events/ev-nope.json", 404, "no event 'ev-nope': search for events at /search"),
    ("/events/ev-nope.md", 404, "no event 'ev-nope': search for events at /search"),
    ("/events/ev-nope.xml", 404, "no event 'ev-nope': search for events at /search"),
    ("/topics/no-such-topic.json", 404, "no topic 'no-such-topic': see /topics for every topic"),
    ("/nowhere", 404, "no page at /nowhere: see / for the latest days, /search to find events"),
])
def test_errors_have_one_json_shape(site, path, status, message):
    r = get(site, path)
    assert r.status_code == status and r.headers["content-type"] == "application/json"
    code = None if path == "/nowhere" else "E404"
    assert r.json() == {"ok": False, "status": status, "error": message, "code": code}


def test_bad_parameters_are_422_naming_the_parameter(site):
    r = get(site, "/search.json?min_killed=-1")
    assert r.status_code == 422
    assert r.json() == {"ok": False, "status": 422, "code": "E422",
                        "error": "min_killed must be a whole number of 0 or more, not '-1'"}
    r = get(site, "/search.json?q=&date_from=&place=&type=&min_killed=")  # an empty form: everything
    assert r.status_code == 200 and r.json()["count"] == 127
    r = get(site, "/search.json?date_from=yesterday")
    assert r.status_code == 422 and r.json()["ok"] is False and "date_from" in r.json()["error"]
    r = get(site, "/events/x.pdf")
    assert r.status_code == 422 and r.json()["error"].startswith("fmt: ")
    r = get(site, "/days/2015-13-45.json")
    assert r.status_code == 422 and "2015-13-45" in r.json()["error"]
    r = site[0].post("/search.json")
    assert r.status_code == 405 and r.json()["status"] == 405


def test_a_bug_is_a_500_in_the_same_shape(site, monkeypatch):
    from dateline.serve import pages

    def broken(*a, **k):
        raise RuntimeError("boom")
    monkeypatch.setattr(pages, "topics_page", broken)
    r = get(site, "/topics.json?q=x-500")
    assert r.status_code == 500
    assert r.json() == {"ok": False, "status": 500, "code": "E500",
                        "error": "internal error while serving /topics.json: RuntimeError; the server log has the details"}


def test_a_browser_gets_errors_as_a_page(site):
    r = get(site, "/events/ev-nope", headers={"accept": "text/html,application/xhtml+xml"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Error 404" in r.text and "no event &#39;ev-nope&#39;" in r.text


# --- safety, offline, read-only ----------------------------------------------------------------

def test_untrusted_text_is_shown_as_text_everywhere(site):
    doc = ok_json(site, f"/documents/{HOSTILE_ID}.json")
    (eid,) = [e["id"] for e in doc["events"]]
    for path in (f"/documents/{HOSTILE_ID}", f"/events/{eid}", "/days/2017-01-08", "/search?q=nightclub"):
        html = get(site, path).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Witnesses" not in html, path
        assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html, path
        assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/site.js" defer>'], path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in get(site, f"/documents/{HOSTILE_ID}").text
    assert 'href="javascript:' not in get(site, f"/documents/{HOSTILE_ID}").text


@pytest.mark.parametrize("path", ["/", f"/events/{SEED_EVENT}", "/topics/syrian-civil-war", "/search?q=killed"])
def test_pages_load_nothing_from_elsewhere(site, path):
    html = get(site, path).text
    for url in re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url
    for asset in ("/static/site.css", "/static/site.js"):
        assert get(site, asset).status_code == 200


def test_the_site_only_reads(site):
    app = site[1]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        app.state.reader.conn.execute("CREATE TABLE x (a)")


@pytest.mark.parametrize("path", ["/days/2015-11-08", "/days/2015-11-08.xml", "/feed.rss"])
def test_a_page_is_rendered_once_until_the_database_changes(site, path):
    cache = site[1].state.cache
    first = get(site, path)
    hits = cache.hits
    second = get(site, path)
    assert cache.hits == hits + 1
    assert second.status_code == 200 and second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    assert int(second.headers["content-length"]) == len(second.content)


def test_pages_follow_an_ingest_while_serving(seeds_dir, tmp_path):
    db = build_site_db(seeds_dir, tmp_path)
    with running_server(db) as (base, _app):
        before = httpx.get(f"{base}/index.json").json()["totals"]["documents"]
        assert httpx.get(f"{base}/index.json").json()["totals"]["documents"] == before  # now from the cache
        more = tmp_path / "more"
        more.mkdir()
        (more / "late_article.txt").write_text("Late news\n\nNothing happened in Memphis on Monday.\n")
        with open_store(db) as store:
            from dateline.ingest import ingest
            ingest([more], store)
        assert httpx.get(f"{base}/index.json").json()["totals"]["documents"] == before + 1


def test_serve_command_refuses_a_missing_database(tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code == 2 and "no database at" in r.output
    host = next(p for p in main.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_json_twins_are_valid_utf8_json(site):
    r = get(site, f"/events/{SEED_EVENT}.json")
    assert json.loads(r.content.decode("utf-8"))["event"]["id"] == SEED_EVENT


def test_readme_serve_commands_start_a_site(site):
    """The commands of the README's "The web site" block run (on a free port, bound to 127.0.0.1)."""
    import shlex
    import subprocess
    import sys
    import time
    from pathlib import Path

    from .serve_support import free_socket

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    section = readme[readme.index("## The web site"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = [x.split("#")[0].strip() for x in block.splitlines() if x.strip()]
    assert lines and all(x.startswith(".venv/bin/dateline serve") for x in lines)
    for line in lines:
        with free_socket() as s:
            port = s.getsockname()[1]
        args = shlex.split(line)[2:]
        args = [str(site[2]) if a == "out/events.db" else "127.0.0.1" if a == "0.0.0.0" else a for a in args]
        if "--port" in args:
            args[args.index("--port") + 1] = str(port)
        else:
            args += ["--port", str(port)]
        proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    r = httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=2)
                    break
                except httpx.TransportError:
                    assert proc.poll() is None, proc.stderr.read().decode()
                    assert time.monotonic() < deadline, f"{line}: no answer in 30 s"
                    time.sleep(0.1)
            assert r.status_code == 200 and r.json()["kind"] == "front", line
        finally:
            proc.terminate()
            proc.wait(timeout=20)
