"""Readers for web inputs: HTML pages and fragments, JSON Lines records, RSS and Atom feeds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dateline.errors import UnreadableDocument
from dateline.model import Document, Problem
from dateline.readers import feed, html_page, jsonlines
from dateline.readers.files import detect, read_path

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Blast kills 12 in Aleppo market | Example News</title>
<link rel="canonical" href="https://news.example.com/2016/10/05/aleppo-blast">
<meta property="og:url" content="https://news.example.com/2016/10/05/aleppo-blast?share=1">
<meta property="og:title" content="Blast kills 12 in Aleppo market">
<meta property="article:published_time" content="2016-10-05T08:30:00Z">
<script>var tracking = "never keep this";</script>
<style>body { color: red }</style>
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li>
</ul></nav></header>
<main><article>
<h1>Blast kills 12 in Aleppo market</h1>
<p>ALEPPO, Syria (Reuters) - A car bomb exploded in a crowded market in the northern Syrian city
of Aleppo on Wednesday, killing at least 12 people and wounding dozens more, a monitoring group said.</p>
<p>The Syrian Observatory for Human Rights said the death toll was likely to rise because many of
the wounded were in critical condition. No group immediately claimed responsibility.</p>
<p>Residents said the explosion tore through stalls selling vegetables and clothes shortly after
noon. Rescue workers pulled survivors from the rubble of two collapsed buildings.</p>
</article></main>
<footer><p>Copyright 2016 Example News. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>
</body>
</html>
"""

FRAGMENT = (
    "<p>By Jane Roe</p> <p>BEIJING (Reuters) – A ski jumper was hailed by advocates on Sunday "
    "after displaying a flag.</p> <p>He would not discuss the issue when asked.<br>Officials "
    "declined to comment.</p>"
)

GVA_CONTENT = (
    "You must enter the characters with black color that stand out from the other characters\n\n"
    "Message: * A friend wanted you to see this item from WRAL.com: http://wral.com/13334346\n\n"
    "— A 12-year-old was in critical condition Tuesday after he and three others were shot on a "
    "Rocky Mount basketball court.\n\n"
    "Police had only a vague description of the shooter, who fled the scene."
)

RSS = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Example World News</title>
<link>https://news.example.com/</link>
<description>World headlines</description>
<item>
<title>Flood kills 30 in Kerala</title>
<link>https://news.example.com/2018/08/10/kerala-flood</link>
<guid isPermaLink="false">kerala-flood-2018</guid>
<pubDate>Fri, 10 Aug 2018 09:15:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Heavy monsoon rains caused floods that killed at least 30 people in
Kerala, officials said on Friday.</p><p>Thousands were moved to relief camps.<script>alert("x")</script></p>]]></content:encoded>
</item>
<item>
<title>Empty entry</title>
<link>https://news.example.com/empty</link>
</item>
<item>
<title>Protest in Lima &amp; Cusco, Perú</title>
<link>https://news.example.com/2018/08/11/lima</link>
<pubDate>Sat, 11 Aug 2018 17:00:00 +0000</pubDate>
<description>&lt;p&gt;Thousands marched in Lima on Saturday.&lt;/p&gt;&lt;p&gt;Police used tear gas.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Conflict &lt;b&gt;Monitor&lt;/b&gt;</title>
  <id>urn:uuid:feed-1</id>
  <updated>2019-03-02T10:00:00Z</updated>
  <entry>
    <title>Shelling reported near Idlib</title>
    <id>urn:uuid:entry-1</id>
    <link href="https://monitor.example.org/idlib-shelling"/>
    <published>2019-03-01T08:00:00+02:00</published>
    <updated>2019-03-02T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Government forces shelled villages south of Idlib on Friday, a monitor said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Talks resume</title>
    <id>urn:uuid:entry-2</id>
    <link href="https://monitor.example.org/two"/>
    <updated>2019-03-02T09:30:00Z</updated>
    <summary>Delegations met in Geneva on Saturday to resume talks.</summary>
  </entry>
</feed>
"""


def read_one(path: Path) -> list[Document | Problem]:
    return list(read_path([path]))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- HTML ------------------------------------------------------------------------------------

def test_html_page_keeps_the_story_and_drops_navigation(tmp_path):
    (doc,) = read_one(write(tmp_path, "aleppo.html", PAGE))
    assert isinstance(doc, Document)
    assert (doc.id, doc.kind, doc.format) == ("aleppo", "article", "html")
    assert doc.title == "Blast kills 12 in Aleppo market"
    assert doc.url == "https://news.example.com/2016/10/05/aleppo-blast"  # canonical beats og:url
    assert (doc.published, doc.published_precision, doc.published_basis) == ("2016-10-05", "day", "metadata")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Blast kills 12 in Aleppo market"  # the <h1> is not repeated
    assert paragraphs[1].startswith("ALEPPO, Syria (Reuters) - A car bomb exploded")
    assert paragraphs[-1].endswith("from the rubble of two collapsed buildings.")
    assert len(paragraphs) == 4
    for junk in ("Home", "Subscribe", "Copyright", "Privacy", "tracking", "color: red", "<"):
        assert junk not in doc.text
    assert doc.dateline is not None and (doc.dateline.place, doc.dateline.agency) == ("Aleppo", "Reuters")


def test_without_trafilatura_text_lxml_blocks_title_tag_and_htmldate_take_over(monkeypatch):
    monkeypatch.setattr(html_page.trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    doc = html_page.html_to_article(PAGE, doc_id="p", path="p.html", fmt="html")
    assert doc.title == "Blast kills 12 in Aleppo market | Example News"
    assert doc.url == "https://news.example.com/2016/10/05/aleppo-blast"
    assert (doc.published, doc.published_basis) == ("2016-10-05", "metadata")
    assert doc.meta == {"extractor": "lxml"}
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[:2] == ["Blast kills 12 in Aleppo market | Example News", "Blast kills 12 in Aleppo market"]
    assert paragraphs[2].startswith("ALEPPO, Syria (Reuters) - A car bomb exploded in a crowded market")
    assert paragraphs[-1].endswith("from the rubble of two collapsed buildings.")
    assert len(paragraphs) == 5  # menus, footer, script and style left out


def test_truncated_html_is_a_problem_saying_download_again(tmp_path):
    cut = PAGE[: PAGE.index("<p>The Syrian Observatory")]
    (problem,) = read_one(write(tmp_path, "cut.html", cut))
    assert problem == Problem(str(tmp_path / "cut.html"),
                              "truncated HTML (no closing </html>): the file looks cut off; download it again")


def test_html_ending_inside_a_tag_is_truncated():
    with pytest.raises(UnreadableDocument, match=r"^truncated HTML \(it ends inside a tag\)"):
        html_page.html_to_article("<p>One.</p><p class=", doc_id="x", path="x", fmt="html")


def test_a_literal_less_than_sign_is_not_truncation():
    doc = html_page.html_to_article("<p>Turnout was < 5 percent in the north.</p>", doc_id="x", path="x",
                                    fmt="html")
    assert doc.text == "Turnout was < 5 percent in the north."


def test_html_fragment_reads_as_paragraphs():
    doc = html_page.html_to_article(FRAGMENT, doc_id="frag", path="f.jsonl", fmt="jsonl",
                                    title="Ski jumper hailed", published="2022-02-06 10:00:00")
    assert doc.text.split("\n\n") == [
        "Ski jumper hailed",
        "By Jane Roe",
        "BEIJING (Reuters) – A ski jumper was hailed by advocates on Sunday after displaying a flag.",
        "He would not discuss the issue when asked.",
        "Officials declined to comment.",
    ]
    assert (doc.published, doc.published_basis) == ("2022-02-06", "metadata")
    assert doc.dateline is not None and doc.dateline.place == "Beijing"


def test_block_text_fallback_splits_blocks_and_drops_code_and_menus():
    tree = html_page.parse_html(
        "<div>Intro <b>bold</b><!-- note --> end</div><nav>Menu</nav>"
        "<p>Line one<br>Line two<script>evil()</script> tail</p>")
    assert html_page.block_text(tree) == "Intro bold end\n\nLine one\n\nLine two tail"


def test_html_without_text_is_unreadable(tmp_path):
    (problem,) = read_one(write(tmp_path, "empty.htm",
                                "<html><head><script>x()</script></head><body><img src='a.png'></body></html>"))
    assert isinstance(problem, Problem)
    assert problem.reason.startswith("no main text found in HTML")


def test_html_sniff():
    assert html_page.sniff("page.XHTML", "")
    assert html_page.sniff("download", "\n  <!DOCTYPE HTML>\n<html>")
    assert html_page.sniff("download", "<html lang='en'>")
    assert not html_page.sniff("notes.txt", "<p>not a page</p>")
    assert detect("page", "<!doctype html><html>") is html_page


# --- JSON Lines ------------------------------------------------------------------------------

def jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "a1", "title": "Market blast", "published": "2016-10-05",
                    "url": "https://example.com/a1",
                    "text": "A car bomb killed 12 people in Aleppo on Wednesday.\n\nRescuers searched the rubble."}),
        json.dumps({"id": 973494593, "title": "Over 300 Girls Kidnapped", "published": "2021-03-08 23:00:34",
                    "html": "<p>In the early morning of February 26, 317 girls were kidnapped.</p> "
                            "<p>The girls have since been released.</p>"}),
        "",
        json.dumps({"incident": "101301", "id": "0394aa4ef5a3cd71d2a23e0997ce1aad",
                    "title": "Teen in critical condition after shooting", "dct": "2014-01-28",
                    "uri": "http://www.wral.com/13334346/", "content": GVA_CONTENT}),
        '{"id": "broken", "text": "no closing quote}',
        json.dumps({"title": "No id here", "text": "Some text."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "t9", "url": "http://example.com/only-a-url"}),
        json.dumps({"id": "cut", "html": "<html><body><p>Started but"}),
    ]


def test_jsonl_reads_good_records_and_reports_bad_lines(tmp_path):
    path = write(tmp_path, "batch.jsonl", "\n".join(jsonl_lines()) + "\n")
    out = read_one(path)
    docs = [d for d in out if isinstance(d, Document)]
    problems = [p for p in out if isinstance(p, Problem)]
    assert [d.id for d in docs] == ["a1", "973494593", "0394aa4ef5a3cd71d2a23e0997ce1aad"]
    assert {d.format for d in docs} == {"jsonl"}

    text_doc, html_doc, gva_doc = docs
    assert text_doc.text == ("Market blast\n\nA car bomb killed 12 people in Aleppo on Wednesday.\n\n"
                             "Rescuers searched the rubble.")
    assert (text_doc.url, text_doc.published) == ("https://example.com/a1", "2016-10-05")

    assert html_doc.title == "Over 300 Girls Kidnapped"
    assert html_doc.text == ("Over 300 Girls Kidnapped\n\nIn the early morning of February 26, 317 girls "
                             "were kidnapped.\n\nThe girls have since been released.")
    assert (html_doc.published, html_doc.published_precision) == ("2021-03-08", "day")

    assert gva_doc.url == "http://www.wral.com/13334346/"
    assert (gva_doc.published, gva_doc.published_basis) == ("2014-01-28", "metadata")
    body = gva_doc.text.split("\n\n")[1:]
    assert body[0].startswith("— A 12-year-old was in critical condition Tuesday")  # captcha lines dropped
    assert body[-1] == "Police had only a vague description of the shooter, who fled the scene."
    assert "101301" not in gva_doc.text and "incident" not in gva_doc.meta

    where = str(path)
    assert problems == [
        Problem(where, "malformed JSON (unterminated string starting at column 26): fix the line or remove it", 5),
        Problem(where, 'record has no "id": give every record a unique string id', 6),
        Problem(where, 'not a JSON object (got list): each line must be one {"id": ..., "text": ...} record', 7),
        Problem(where, "record 't9' has no text: give it \"title\", \"text\", \"content\" or \"html\"", 8),
        Problem(where, "record 'cut': truncated HTML (no closing </html>): the file looks cut off; "
                       "download it again", 9),
    ]


def test_invisible_characters_are_dropped_so_the_dateline_opens_the_paragraph(tmp_path):
    record = {"id": "zw", "title": "NOPD: 4 shot in Gert\u00adTown", "published": "2016-11-29",
              "text": "\u200bNEW ORLEANS -- Police are investigating a quadruple shooting Tuesday evening."}
    doc = read_one(write(tmp_path, "zw.jsonl", json.dumps(record) + "\n"))[0]
    assert doc.title == "NOPD: 4 shot in GertTown"
    assert doc.text.split("\n\n")[1].startswith("NEW ORLEANS -- Police")


def test_jsonl_sniff():
    head = '{"id": "1", "title": "T", "text": "x"}\n'
    assert jsonlines.sniff("a.ndjson", "")
    assert jsonlines.sniff("a.json", head)
    assert jsonlines.sniff("export", head)
    assert not jsonlines.sniff("a.json", '{\n  "id": "pretty printed"\n}')
    assert not jsonlines.sniff("a.json", '[{"id": 1}]')
    assert not jsonlines.sniff("notes.md", head)
    assert detect("a.json", head) is jsonlines


# --- Feeds -----------------------------------------------------------------------------------

def sha12(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def test_rss_feed_one_article_per_entry(tmp_path):
    path = write(tmp_path, "world.rss", RSS)
    out = read_one(path)
    assert [type(x).__name__ for x in out] == ["Document", "Problem", "Document"]
    flood, empty, lima = out
    assert flood.id == f"world-{sha12('kerala-flood-2018')}" == "world-9c72a74bc8e6"
    assert flood.format == "feed" and flood.title == "Flood kills 30 in Kerala"
    assert flood.url == "https://news.example.com/2018/08/10/kerala-flood"
    assert (flood.published, flood.published_precision) == ("2018-08-10", "day")
    assert flood.text == ("Flood kills 30 in Kerala\n\nHeavy monsoon rains caused floods that killed at "
                          "least 30 people in Kerala, officials said on Friday.\n\n"
                          "Thousands were moved to relief camps.")
    assert flood.meta == {"feed_title": "Example World News"}
    assert empty == Problem(str(path), "feed entry 'Empty entry' has no text (no content or summary): nothing to read")
    assert lima.id == f"world-{sha12('https://news.example.com/2018/08/11/lima')}" == "world-16cb6ec85d42"
    assert lima.title == "Protest in Lima & Cusco, Perú"  # the stale windows-1251 declaration is ignored
    assert lima.text == "Protest in Lima & Cusco, Perú\n\nThousands marched in Lima on Saturday.\n\nPolice used tear gas."
    assert lima.published == "2018-08-11"


def test_atom_feed(tmp_path):
    first, second = read_one(write(tmp_path, "monitor.xml", ATOM))
    assert first.id == f"monitor-{sha12('urn:uuid:entry-1')}" == "monitor-7c8354acc2c1"
    assert first.title == "Shelling reported near Idlib"
    assert first.url == "https://monitor.example.org/idlib-shelling"
    assert first.published == "2019-03-01"  # <published>, not <updated>
    assert first.text.endswith("Government forces shelled villages south of Idlib on Friday, a monitor said.")
    assert first.meta == {"feed_title": "Conflict Monitor"}  # the HTML title lost its markup
    assert second.published == "2019-03-02"  # only <updated>
    assert second.text == "Talks resume\n\nDelegations met in Geneva on Saturday to resume talks."


def test_broken_feed_is_unreadable():
    with pytest.raises(UnreadableDocument, match=r"^not a readable feed \("):
        list(feed.read('<?xml version="1.0"?><rss><channel><title>Cut', path="x.rss", doc_id="x"))


def test_feed_sniff():
    assert feed.sniff("news.xml", '<?xml version="1.0"?><rss version="2.0">')
    assert feed.sniff("download", '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')
    assert feed.sniff("news.rdf.feed", "<rdf:RDF>")
    assert not feed.sniff("data.xml", '<?xml version="1.0"?><catalog/>')
    assert not feed.sniff("page.html", "<html><body>rss</body></html>")


def test_jsonl_title_only_record_is_kept(tmp_path):
    """News corpora hold records whose body failed to download; the headline still reports an event."""
    path = write(tmp_path, "t.jsonl", json.dumps({"id": "h1", "title": "DA charges teen in Larose shooting",
                                                  "content": "", "dct": "2017-03-02"}) + "\n")
    (doc,) = read_one(path)
    assert (doc.id, doc.text, doc.meta, doc.published) == (
        "h1", "DA charges teen in Larose shooting", {"body": "missing"}, "2017-03-02")


def test_links_to_other_stories_and_video_playlists_are_not_story_text():
    from dateline.readers.boilerplate import clean_body
    body = ("A man was shot on Main Street.\n\n► Related: Grandparents charged in fatal shooting of Detroit girl, 5"
            "\n\n1:15 Prosecutor in double murder trial says killer's story 'didn't add up'\n\n"
            "9:30 p.m. is when police arrived.")
    assert clean_body(body) == "A man was shot on Main Street.\n\n9:30 p.m. is when police arrived."


def test_a_dateline_names_a_broadcaster_with_digits():
    from dateline.readers.datelines import parse_dateline
    for text, place, agency in [("KALAMAZOO, Mich. (NEWSCHANNEL 3) - A 17-year-old is hurt", "Kalamazoo", "NEWSCHANNEL 3"),
                                ("YONKERS, N.Y. (PIX11) — A 4-year-old girl", "Yonkers", "PIX11"),
                                ("HUDSON, Fla. (AP) - A boy", "Hudson", "AP")]:
        dl, _ = parse_dateline(text)
        assert (dl.place, dl.agency) == (place, agency)


def test_a_dateline_alone_on_its_line_is_found_by_the_reader_and_the_place_finder():
    from dateline.extract.places import PlaceFinder
    from dateline.extract.sentences import split_sentences
    from dateline.gazetteer import Gazetteer
    from dateline.readers.datelines import find_dateline
    paragraphs = ["READING, Pa., Oct. 5, 2016 (AP) -", "A man was shot on Penn Street on Tuesday."]
    dl = find_dateline(paragraphs)
    assert (dl.place, dl.region, dl.year) == ("Reading", "Pa.", 2016)
    text = "\n\n".join(["Man shot in Reading", "READING, Pa. -", "A man was shot on Penn Street on Tuesday."])
    per = PlaceFinder(Gazetteer.load()).places_by_sentence(text, split_sentences(text))
    assert [(m.place.name, m.place.admin1) for row in per for m in row if m.relation == "dateline"] == \
        [("Reading", "Pennsylvania")]
