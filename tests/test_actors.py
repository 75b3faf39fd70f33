"""Actors and sources in sentences (dateline/extract/actors.py, data/actors.yaml)."""

import pytest

from dateline.extract.actors import ActorMatcher, document_sides
from dateline.extract.sentences import split_sentences
from dateline.extract.types import Sentence

SYRIA = ["Syrian government", "Islamic State", "Syrian opposition"]


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher()


def names(matcher, text, context=None):
    return [(m.text, m.name, m.side) for m in matcher.find_in(text, context_sides=context)]


@pytest.mark.parametrize("alias", ["SAA", "Syrian Arab Army", "Syrian Army", "Syrian Armed Forces", "Syrian troops",
                                   "Republican Guard", "104th Brigade", "NDF", "National Defence Forces", "Shabiha",
                                   "Syrian Air Force", "pro-Assad militiamen"])
def test_syrian_government_aliases(matcher, alias):
    assert names(matcher, f"Clashes with {alias} went on.") == [
        (alias, "Syrian government forces", "Syrian government")]


@pytest.mark.parametrize("alias", ["IS", "ISIS", "ISIL", "Daesh", "Islamic State",
                                   "Islamic State of Iraq and the Levant", "Islamic State of Iraq"])
def test_islamic_state_aliases(matcher, alias):
    assert names(matcher, f"Fighters of {alias} attacked.") == [(alias, "Islamic State", "Islamic State")]


def test_acronyms_are_case_sensitive(matcher):
    assert names(matcher, "It is clear that this is true.") == []
    assert names(matcher, "Activists say IS forces clashed.") == [
        ("Activists", "activists", None), ("IS", "Islamic State", "Islamic State")]
    assert names(matcher, "MAN IS SHOT BY POLICE") == [
        ("MAN", "civilians", "civilians"), ("POLICE", "police", "police")]


def test_longest_alias_wins(matcher):
    assert names(matcher, "The Free Syrian Army and the Syrian Observatory for Human Rights") == [
        ("The Free Syrian Army", "Syrian rebels", "Syrian opposition"),
        ("the Syrian Observatory for Human Rights", "SOHR", None)]
    assert names(matcher, "the al-Nusra Front and al Nusra") == [
        ("the al-Nusra Front", "al-Nusra Front", "al-Nusra Front"), ("al Nusra", "al-Nusra Front", "al-Nusra Front")]


def test_contextual_aliases_need_a_syrian_context(matcher):
    text = "The army shelled rebels, a monitor said."
    assert names(matcher, text) == []
    assert names(matcher, text, SYRIA) == [("The army", "Syrian government forces", "Syrian government"),
                                           ("rebels", "Syrian rebels", "Syrian opposition"),
                                           ("a monitor", "SOHR", None)]
    # a Syrian actor in the sentence is context enough
    assert names(matcher, "Regime forces and ISIS fought; the army lost ground.")[2] == (
        "the army", "Syrian government forces", "Syrian government")
    # in an Iraqi story the same words are Iraqi forces
    assert names(matcher, "The army entered the town.", ["Iraqi government", "Islamic State"])[0][1] == "Iraqi forces"


@pytest.mark.parametrize("text, name, side", [
    ("SDF fighters", "Syrian Democratic Forces", "SDF"), ("YPG", "Syrian Democratic Forces", "SDF"),
    ("Russian airstrikes", "Russia", "Russia"), ("CJTF-OIR jets", "US-led coalition", "US-led coalition"),
    ("U.S.-led coalition", "US-led coalition", "US-led coalition"), ("Hezbollah", "Hezbollah", "Hezbollah"),
    ("Iraqi forces", "Iraqi forces", "Iraqi government"), ("the IDF", "Israel", "Israel"),
    ("Turkish troops", "Turkey", "Turkey"), ("Ahrar al-Sham", "Syrian rebels", "Syrian opposition"),
    ("Jabhat al-Nusra", "al-Nusra Front", "al-Nusra Front"),
    ("police", "police", "police"), ("the gunman", "perpetrators", "perpetrators"),
    ("suspects", "perpetrators", "perpetrators"), ("bystanders", "civilians", "civilians"),
    ("Sheriff's Office", "police", "police"), ("Sheriff’s Office", "police", "police"),
])
def test_other_parties(matcher, text, name, side):
    (m,) = matcher.find_in(text)
    assert (m.name, m.side, m.source) == (name, side, False)


@pytest.mark.parametrize("text, name", [
    ("SOHR", "SOHR"), ("the Observatory", "SOHR"), ("Syrian Observatory for Human Rights", "SOHR"),
    ("SANA", "SANA"), ("Syrian Arab News Agency", "SANA"), ("Syrian state news", "SANA"), ("Amaq", "Amaq"),
    ("Xinhua news agency", "Xinhua"), ("Reuters", "Reuters"), ("AFP", "AFP"), ("The Associated Press", "AP"),
    ("The Russian Ministry of Defense", "Russian Ministry of Defense"),
])
def test_sources_are_flagged_and_have_no_side(matcher, text, name):
    (m,) = matcher.find_in(text)
    assert (m.name, m.side, m.source) == (name, None, True)


def test_monitor_and_state_news_are_sources_in_a_syrian_story(matcher):
    found = matcher.find_in("58 killed, a monitor said, while state news reported 40", context_sides=SYRIA)
    assert [(m.name, m.source) for m in found] == [("SOHR", True), ("SANA", True)]


def test_offsets_are_into_the_document(matcher):
    doc = "Title\n\nSyrian troops killed 58 militants associated with the Islamic State (IS) group."
    sent = split_sentences(doc)[1]
    found = matcher.find(sent)
    assert [(doc[m.start:m.end], m.name) for m in found] == [
        ("Syrian troops", "Syrian government forces"), ("militants", "Islamic State"),
        ("the Islamic State", "Islamic State"), ("IS", "Islamic State")]
    assert all(isinstance(m.start, int) for m in found)


def test_document_sides_most_mentioned_first(matcher):
    sents = [Sentence(0, 40, "ISIS attacked; ISIS shelled the SAA.", 0)]
    assert document_sides(matcher.find(sents[0])) == ["Islamic State", "Syrian government"]
