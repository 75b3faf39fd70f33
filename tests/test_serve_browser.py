"""The site in a real headless Chromium (Debian's ``chromium``, driven by Playwright): pages render
with their map and chart, a search is typed and clicked, hostile text stays text. Screenshots
go to out/screenshots/ for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from .serve_support import HOSTILE_ID, SEED_EVENT, SEED_TITLE, build_site_db, running_server

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"


@pytest.fixture(scope="module")
def browser_page(seeds_dir, tmp_path_factory):
    if not Path(CHROMIUM).exists() or not shutil.which("chromium"):
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs Debian's chromium (never `playwright install`)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    db = build_site_db(seeds_dir, tmp_path_factory.mktemp("serve_browser"))
    with running_server(db) as (base, _app), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield base, page, dialogs, errors
        browser.close()


@pytest.fixture
def browser(browser_page):
    """The module's browser page, with the dialogs and errors of earlier tests forgotten."""
    browser_page[2].clear()
    browser_page[3].clear()
    return browser_page


def shot(page, name: str, *, full_page: bool = True) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_front_page_renders_map_and_chart(browser):
    base, page, _dialogs, errors = browser
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_text("The latest events")
    svg = page.locator("figure.map svg")
    expect(svg).to_be_visible()
    assert svg.bounding_box()["width"] > 400
    assert page.locator("figure.map .land path").count() > 5  # country outlines
    expect(page.locator("figure.map circle.marker").first).to_be_visible()
    expect(page.locator("figure.chart svg")).to_be_visible()
    assert page.locator("figure.chart rect.killed").count() >= 1
    assert page.locator("section.day").count() == 3
    shot(page, "front")
    assert not errors, errors


def test_event_page_renders_map_claims_and_highlighted_evidence(browser):
    base, page, _dialogs, errors = browser
    page.goto(f"{base}/events/{SEED_EVENT}")
    expect(page.locator("h1")).to_have_text(SEED_TITLE)
    expect(page.locator("p.dateline time")).to_have_text("Sunday, 8 November 2015")
    marker = page.locator("figure.map circle.marker.main")
    expect(marker).to_be_visible()
    box, map_box = marker.bounding_box(), page.locator("figure.map svg").bounding_box()
    assert map_box["x"] < box["x"] < map_box["x"] + map_box["width"]  # the marker is inside the map
    expect(page.locator("table.claims")).to_contain_text("SANA")
    marks = page.locator("blockquote.evidence mark")
    assert marks.count() >= 5
    expect(marks.first).to_be_visible()
    assert page.locator("mark", has_text="Syrian troops killed 58 militants").count() == 1
    # a claim links to its sentence; following it targets the highlighted sentence
    page.locator("table.claims a[href^='#']").first.click()
    assert page.evaluate("document.querySelector(':target').tagName") == "MARK"
    shot(page, "event")
    # the map zooms with its buttons (site.js): the viewBox narrows
    before = page.locator("figure.map svg").get_attribute("viewBox")
    page.locator("figure.map .map-reset button", has_text="+").click()
    after = page.locator("figure.map svg").get_attribute("viewBox")
    assert float(after.split()[2]) < float(before.split()[2])
    assert not errors, errors


def test_topic_page_renders_timeline_chart_and_map(browser):
    base, page, _dialogs, errors = browser
    page.goto(f"{base}/topics/syrian-civil-war")
    expect(page.locator("h1")).to_have_text("Syrian Civil War")
    expect(page.locator("figure.chart svg")).to_be_visible()
    assert page.locator("figure.chart rect.killed").count() >= 10
    assert page.locator("figure.chart text.xlabel", has_text="2014").count() == 1
    expect(page.locator("figure.map svg")).to_be_visible()
    assert page.locator("figure.map circle.marker").count() >= 3
    assert page.locator("section.timeline li.event").count() == 100
    shot(page, "topic", full_page=False)  # the timeline below runs to 100 events
    assert not errors, errors


def test_search_typed_and_clicked(browser):
    base, page, _dialogs, errors = browser
    page.goto(f"{base}/search")
    page.fill("form.search input[name=q]", "militants")
    page.fill("input[name=place]", "Deir ez-Zor")
    page.fill("input[name=min_killed]", "50")
    page.select_option("select[name=type]", "Battles")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?*")
    expect(page.locator("p.result-count")).to_contain_text("event")
    results = page.locator("ul.results li.event a.title")
    expect(results.filter(has_text=SEED_TITLE)).to_have_count(1)
    assert "q=militants" in page.url and "min_killed=50" in page.url
    expect(page.locator("form.search input[name=q]")).to_have_value("militants")
    expect(page.locator("figure.map circle.marker").first).to_be_visible()
    shot(page, "search")
    results.filter(has_text=SEED_TITLE).click()
    page.wait_for_url(f"**/events/{SEED_EVENT}")
    assert not errors, errors


def test_hostile_article_is_shown_as_text(browser):
    base, page, dialogs, errors = browser
    page.goto(f"{base}/documents/{HOSTILE_ID}")
    expect(page.locator("h1")).to_have_text("Three killed in Memphis shooting <script>alert(1)</script>")
    text = page.locator("div.doc-text").inner_text()
    assert '<img src=x onerror="alert(2)">' in text and "<b>Witnesses</b>" in text
    assert page.locator("main img, main b, main script").count() == 0
    assert page.locator("script").count() == 1  # the site's own
    link = page.locator("ul.events a.title").first
    link.click()
    page.wait_for_url("**/events/ev-*")
    expect(page.locator("h1")).to_contain_text('<img src=x onerror="alert(2)">')
    assert page.locator("main img").count() == 0
    shot(page, "hostile")
    assert dialogs == [], dialogs
    assert not errors, errors
