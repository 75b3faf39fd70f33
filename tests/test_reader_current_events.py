"""The daily current-events YAML reader, on real digests and on small inline cases."""

from pathlib import Path

import pytest

from dateline.errors import UnreadableDocument
from dateline.model import Document, Problem, Source
from dateline.readers import current_events_yaml as reader

CURRENT_EVENTS = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "current_events"


def read_real(relative: str) -> Document:
    path = CURRENT_EVENTS / relative
    if not path.is_file():
        pytest.fail(f"bench digest not found at {path}: clone the project beside shared/")
    (doc,) = list(reader.read(path.read_text(encoding="utf-8"), path=str(path), doc_id=path.stem))
    return doc


def read_inline(text: str) -> tuple[Document, list[Problem]]:
    out = list(reader.read(text, path="inline.yaml", doc_id="inline"))
    docs = [d for d in out if isinstance(d, Document)]
    assert len(docs) == 1
    return docs[0], [p for p in out if isinstance(p, Problem)]


def digest(*lines: str, category: str = "Armed conflicts and attacks") -> str:
    """A one-category digest; each line is written as a double-quoted YAML string."""
    body = "".join(f'  - "{line}"\n' for line in lines)
    return f"Date: '2015-11-01'\nSource_URI: Portal:Current events/2015 November 1\n" \
           f"Intelligence_Payload:\n  {category}:\n{body}"


def item_starting(doc: Document, prefix: str):
    (item,) = [i for i in doc.items if i.headline.startswith(prefix)]
    return item


def assert_offsets(doc: Document) -> None:
    for item in doc.items:
        assert doc.text[item.start:item.end] == item.headline


# --- real files -----------------------------------------------------------------------

def test_real_digest_2015_11_01():
    doc = read_real("2015/11/2015-11-01.yaml")
    assert (doc.id, doc.kind, doc.format) == ("2015-11-01", "digest", "current_events_yaml")
    assert doc.title == "Current events 2015-11-01"
    assert (doc.published, doc.published_precision, doc.published_basis) == (
        "2015-11-01", "day", "digest date")
    assert doc.url is None
    assert doc.meta == {"source_uri": "Portal:Current events/2015 November 1"}
    assert len(doc.items) == 27
    assert doc.topics == [
        "2015 World Series", "Attacks on secularists in Bangladesh",
        "Azerbaijani parliamentary election, 2015", "China–Japan–South Korea trilateral summit",
        "Colectiv nightclub fire", "Israeli-Palestinian conflict (2015)", "Kogalymavia Flight 9268",
        "School shootings in the United States", "Somali Civil War (2009–present)",
        "Syrian Civil War", "Turkish general election, November 2015",
    ]
    first = doc.items[0]
    assert first.headline == ("Islamist al-Shabaab militants attack a hotel in Mogadishu "
                              "resulting in at least 12 deaths.")
    assert (first.date, first.role, first.category) == (
        "2015-11-01", "item", "Armed conflicts and attacks")
    assert first.topics == ["Somali Civil War (2009–present)"]
    assert first.sources == [Source("AFP via Yahoo! News"), Source("Reuters via ABC News Australia")]
    assert_offsets(doc)


def test_real_digest_items_without_heading_sources_or_with_inner_parentheses():
    doc = read_real("2015/11/2015-11-01.yaml")
    navy = item_starting(doc, "The United States Navy")  # first line of its category: no story heading yet
    assert (navy.category, navy.topics, navy.sources) == (
        "Disasters and accidents", [], [Source("CNN")])
    akp = item_starting(doc, "Turkish President")  # "(AKP)" inside the sentence is not a source
    assert akp.headline.startswith("Turkish President Recep Tayyip Erdoğan's ruling Justice and "
                                   "Development Party (AKP) wins Sunday's snap election")
    assert akp.headline.endswith("just five months after losing it.")
    assert [s.name for s in akp.sources] == ["Washington Post", "BBC", "Al Jazeera"]
    assert akp.topics == ["Turkish general election, November 2015"]
    gordon = doc.items[-1]  # no sources at all
    assert gordon.headline == ("4 time champion, Jeff Gordon wins at Martinsville Speedway for "
                               "the 93rd and final time in his career as he would advance to "
                               "the Championship 4.")
    assert (gordon.sources, gordon.topics, gordon.category) == ([], ["2015 World Series"], "Sports")
    ferry = item_starting(doc, "At least eight people")  # a comma before the source group stays out of the headline
    assert ferry.headline.endswith("in the northwestern Sagaing Region")
    assert ferry.sources == [Source("Myanmar Times")]


def test_real_digest_is_dispatched_to_this_reader():
    from dateline.readers.files import read_file

    (doc,) = list(read_file(CURRENT_EVENTS / "2015/11/2015-11-01.yaml"))
    assert (doc.id, doc.format, len(doc.items)) == ("2015-11-01", "current_events_yaml", 27)


def test_real_digest_text_renders_every_line_once():
    doc = read_real("2015/11/2015-11-01.yaml")
    lines = doc.text.split("\n")
    assert lines[:4] == ["# Current events 2015-11-01", "", "## Armed conflicts and attacks",
                         "### Somali Civil War (2009–present)"]
    assert lines[4] == ("- Islamist al-Shabaab militants attack a hotel in Mogadishu resulting in "
                        "at least 12 deaths. (AFP via Yahoo! News) (Reuters via ABC News Australia)")
    assert sum(line.startswith("- ") for line in lines) == 27
    assert sum(line.startswith("### ") for line in lines) == 11
    assert sum(line.startswith("## ") for line in lines) == 7
    for item in doc.items:
        assert doc.text.count(item.headline) == 1


def test_real_digest_2016_05_07_nested_and_long_headings():
    doc = read_real("2016/05/2016-05-07.yaml")
    assert len(doc.items) == 8
    romania, iran = doc.items[:2]
    assert romania.topics == ["War in Afghanistan (2001–2021)", "Resolute Support Mission"]
    assert iran.topics == ["Syrian Civil War", "Aleppo offensive (May 2016)"]
    assert [s.name for s in iran.sources] == ["Retuers", "Business Insider", "NDTV"]  # sic
    guam = doc.items[6]
    assert guam.topics == ["2016 United States presidential election, United States presidential "
                           "election in Guam, 2016"]
    nyquist = doc.items[7]  # "races.(The Blood-Horse)": no space before the group
    assert nyquist.headline == ("Nyquist wins the 2016 Kentucky Derby, extending his race record "
                                "to eight wins in eight races.")
    assert (nyquist.category, nyquist.topics, nyquist.sources) == (
        "Sports", [], [Source("The Blood-Horse")])
    assert_offsets(doc)


# --- heading or item ------------------------------------------------------------------

def test_heading_rule_on_inline_lines():
    doc, _ = read_inline(digest(
        "A line before any heading kills two. (BBC)",
        "Iraqi insurgency (post-U.S. withdrawal)",  # heading with a disambiguator
        "Harambe is killed.",  # short, but a sentence: an item without sources
        "Shooting of Antwon Rose Jr.",  # a heading ending in an abbreviation
        "A missile kills a Saudi soldier in Asir province (Reuters)",  # no full stop
        "Typhoon Melor (Nona)",  # a capitalised disambiguator after a short title
        "Matt Terry wins The X Factor",  # a verb: an item that lost its full stop
        "2019 Venezuelan presidential crisis, United States–Venezuela relations, "
        "Crisis in Venezuela, Second Cold War",  # a 14-word list of titles: a heading
        "Cooling systems fail at three reactors in the Fukushima II Nuclear Power Plant "
        "following Friday's earthquake",  # long, no full stop: an item
    ))
    assert doc.topics == [
        "2019 Venezuelan presidential crisis, United States–Venezuela relations, "
        "Crisis in Venezuela, Second Cold War",
        "Iraqi insurgency (post-U.S. withdrawal)",
        "Shooting of Antwon Rose Jr.",
        "Typhoon Melor (Nona)",
    ]
    got = [(i.headline, i.topics, [s.name for s in i.sources]) for i in doc.items]
    assert got == [
        ("A line before any heading kills two.", [], ["BBC"]),
        ("Harambe is killed.", ["Iraqi insurgency (post-U.S. withdrawal)"], []),
        ("A missile kills a Saudi soldier in Asir province", ["Shooting of Antwon Rose Jr."],
         ["Reuters"]),
        ("Matt Terry wins The X Factor", ["Typhoon Melor (Nona)"], []),
        ("Cooling systems fail at three reactors in the Fukushima II Nuclear Power Plant "
         "following Friday's earthquake",
         ["2019 Venezuelan presidential crisis, United States–Venezuela relations, "
          "Crisis in Venezuela, Second Cold War"], []),
    ]
    assert_offsets(doc)


def test_heading_does_not_cross_categories():
    text = ("Date: '2015-11-01'\nIntelligence_Payload:\n"
            "  Sport:\n  - 2015 World Series\n  - The Royals win. (ESPN)\n"
            "  Science:\n  - A comet is seen. (NASA)\n")
    doc, _ = read_inline(text)
    assert [(i.category, i.topics) for i in doc.items] == [
        ("Sports", ["2015 World Series"]), ("Science and technology", [])]
    assert doc.text == ("# Current events 2015-11-01\n\n## Sport\n### 2015 World Series\n"
                        "- The Royals win. (ESPN)\n\n## Science\n- A comet is seen. (NASA)\n")
    assert doc.meta == {}


# --- sources --------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "headline", "sources"), [
    # parentheses inside the sentence stay in the headline
    ("The Party (AKP) wins the vote (49%) in Turkey. (Reuters) (BBC)",
     "The Party (AKP) wins the vote (49%) in Turkey.", [Source("Reuters"), Source("BBC")]),
    ("A reform passes through the Directorate (DNA). (actmedia)",
     "A reform passes through the Directorate (DNA).", [Source("actmedia")]),
    ("He wins the award outright (Steve McNair shared the award in 2004 with Peyton Manning).",
     "He wins the award outright (Steve McNair shared the award in 2004 with Peyton Manning).",
     []),
    # nested groups, "}" typos, separators, an unclosed last group, trailing punctuation
    ("Talks are postponed. (The Daily Star (Lebanon) via Reuters)", "Talks are postponed.",
     [Source("The Daily Star (Lebanon) via Reuters")]),
    ("France bans pulse fishing. (AFP via Yahoo! News}", "France bans pulse fishing.",
     [Source("AFP via Yahoo! News")]),
    ("A bus bombing injures four. (Retiredanalyst), (Philstar),", "A bus bombing injures four.",
     [Source("Retiredanalyst"), Source("Philstar")]),
    ("The floods disrupt food supplies. (Bloomberg).", "The floods disrupt food supplies.",
     [Source("Bloomberg")]),
    ("Workers stage protests over the oil rig. (Voice of America",
     "Workers stage protests over the oil rig.", [Source("Voice of America")]),
    ("Sanctions are placed on four subsidiaries. (France 24))",
     "Sanctions are placed on four subsidiaries.", [Source("France 24")]),
    # a bare outlet name or URL instead of parentheses
    ("A ship sinks a fishing vessel, leaving one dead. The Maritime Executive",
     "A ship sinks a fishing vessel, leaving one dead.", [Source("The Maritime Executive")]),
    ("Three people are injured in a stabbing. https://www.bbc.com/news/world-1",
     "Three people are injured in a stabbing.",
     [Source("bbc.com", url="https://www.bbc.com/news/world-1")]),
])
def test_trailing_sources(line, headline, sources):
    doc, _ = read_inline(digest(line))
    (item,) = doc.items
    assert (item.headline, item.sources) == (headline, sources)
    assert doc.text.count(f"- {line}\n") == 1
    assert_offsets(doc)


# --- shape and errors -----------------------------------------------------------------

def test_nested_lists_are_flattened_and_other_entries_reported():
    text = ("Date: 2015-11-01\nIntelligence_Payload:\n  Sport:\n"
            "  - - Syrian Civil War\n    - Rebels take a town. (BBC)\n"
            "  - {odd: entry}\n  - 2015\n  -\n  Empty:\n")
    doc, problems = read_inline(text)  # an unquoted Date is read as a date too
    assert doc.published == "2015-11-01"
    assert [(i.headline, i.topics) for i in doc.items] == [
        ("Rebels take a town.", ["Syrian Civil War"])]
    assert doc.topics == ["2015", "Syrian Civil War"]  # a bare number is a (short) heading
    assert [p.reason for p in problems] == [
        "category 'Sport': skipped a dict entry (\"{'odd': 'entry'}\"); entries must be lines "
        "of text"]


def test_malformed_yaml_names_the_line():
    text = "Date: '2015-11-01'\nIntelligence_Payload:\n  Sport:\n  - one\n  - [unclosed\n"
    with pytest.raises(UnreadableDocument, match=r"invalid YAML at line \d+: .*fix the YAML"):
        list(reader.read(text, path="bad.yaml", doc_id="bad"))


def test_malformed_yaml_line_number_is_exact():
    text = "Date: '2015-11-01'\nIntelligence_Payload:\n  Sport:\n  - a: b: c\n"
    with pytest.raises(UnreadableDocument, match=r"at line 4:"):
        list(reader.read(text, path="bad.yaml", doc_id="bad"))


@pytest.mark.parametrize(("text", "message"), [
    ("Source_URI: x\nIntelligence_Payload:\n  Sport:\n  - a\n", r"no 'Date' key"),
    ("Date: 'soon'\nIntelligence_Payload: {}\n", r"'Date' is 'soon', not a date"),
    ("Date: '2015-11-01'\n", r"'Intelligence_Payload' is missing, not a mapping"),
    ("Date: '2015-11-01'\nIntelligence_Payload:\n- a\n",
     r"'Intelligence_Payload' is a list, not a mapping"),
    ("- just\n- a list\n", r"not a current-events digest"),
])
def test_wrong_shape_is_unreadable(text, message):
    with pytest.raises(UnreadableDocument, match=message):
        list(reader.read(text, path="bad.yaml", doc_id="bad"))


def test_sniff():
    head = "Date: '2015-11-01'\nSource_URI: Portal:Current events/2015 November 1\n"
    assert reader.sniff("2015-11-01.yaml", head + "Intelligence_Payload:\n")
    assert reader.sniff("day.yml", head)
    assert not reader.sniff("2015-11-01.txt", head + "Intelligence_Payload:\n")
    assert not reader.sniff("config.yaml", "name: x\nversion: 2\n")


def test_story_used_as_category_key_becomes_a_topic():
    """2011-2014 digests often file items under a story ("Syrian civil war") instead of a section."""
    text = ("Date: '2011-08-01'\nIntelligence_Payload:\n"
            "  Syrian civil war:\n  - Tanks shell Hama for a second day. (BBC)\n"
            "  Armed conflict and attacks:\n  - A bomb explodes in Kabul. (AP)\n")
    doc, _ = read_inline(text)
    assert [(i.category, i.topics) for i in doc.items] == [
        (None, ["Syrian civil war"]), ("Armed conflicts and attacks", [])]
    assert doc.topics == ["Syrian civil war"]
