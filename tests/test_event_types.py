"""ACLED event typing (dateline.extract.event_types): data validation and exact expectations.

The sentences below were written for these tests (general news phrasing per sub-event type),
apart from the seed sentences, which are located verbatim in shared/seeds.
"""

import re
import subprocess
import sys

import pytest

from dateline.extract.event_types import (EventTypeDataError, case_labels, classify, explain, load_taxonomy,
                                          parse_taxonomy)
from dateline.extract.sentences import split_sentences
from dateline.extract.types import EventTyping

from .conftest import seed

CASE_KEYS = case_labels()  # CASE 2021 labels as the reference scorer maps sub-event types


def case_label(sub_event_type):
    return CASE_KEYS.get(" ".join(re.sub(r"[^a-z]+", " ", sub_event_type.lower()).split()), "NONE")


ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
EXTENSIONS = {"Natural disaster", "Man-made disaster", "Diplomacy", "Organized crime", "Crime"}

# (sentence, event type, sub-event type): one or more clear reports per sub-event type
CLEAR = [
    ("Government troops and rebels exchanged fire near the border town overnight.", "Battles", "Armed clash"),
    ("Fierce fighting broke out between the army and insurgents in the north of the province.", "Battles", "Armed clash"),
    ("Kurdish fighters repelled an attack by jihadists on their positions.", "Battles", "Armed clash"),
    ("Government forces recaptured the town from the rebels after a week-long siege.", "Battles", "Government regains territory"),
    ("The village was recaptured by government forces on Monday.", "Battles", "Government regains territory"),
    ("Syrian troops, backed by Russian air strikes and Iranian militias, recaptured the town.", "Battles",
     "Government regains territory"),
    ("The Taliban captured the district centre on Sunday, officials said.", "Battles", "Non-state actor overtakes territory"),
    ("The town fell to the Taliban after days of fighting.", "Battles", "Non-state actor overtakes territory"),
    ("ISIS fighters recaptured the village from the Syrian army.", "Battles", "Non-state actor overtakes territory"),
    ("Dozens of people suffocated after a chlorine attack on the rebel-held suburb.", "Explosions/Remote violence",
     "Chemical weapon"),
    ("Inspectors concluded that sarin was used in the attack on the village.", "Explosions/Remote violence", "Chemical weapon"),
    ("Russian warplanes bombed a market in the rebel-held town, killing 12 people.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("A US drone strike killed three suspected militants in the tribal region.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint, killing four policemen.", "Explosions/Remote violence",
     "Suicide bomb"),
    ("Rebels fired mortar shells at a residential district, wounding six civilians.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("A rocket hit a school in the southern city on Monday.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a military convoy, killing two soldiers.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Three children were killed when they stepped on a landmine near their village.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Unidentified men hurled a grenade at a bar, injuring five people.", "Explosions/Remote violence", "Grenade"),
    ("Soldiers raped at least ten women during the raid on the village, a rights group said.",
     "Violence against civilians", "Sexual violence"),
    ("Gunmen killed 12 villagers in an overnight raid on the settlement.", "Violence against civilians", "Attack"),
    ("Militants executed four civilians accused of spying.", "Violence against civilians", "Attack"),
    ("Gunmen kidnapped 30 students from a boarding school in the north.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("Thousands of people marched through the capital to demand higher wages.", "Protests", "Peaceful protest"),
    ("Teachers held a peaceful rally outside the ministry on Monday.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse hundreds of demonstrators in the capital.", "Protests", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing at least seven people.", "Protests",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and set fire to cars in the city centre.", "Riots", "Violent demonstration"),
    ("An angry mob lynched a man suspected of stealing a motorbike.", "Riots", "Mob violence"),
    ("The two sides signed a ceasefire agreement in the capital on Sunday.", "Strategic developments", "Agreement"),
    ("More than 200 fighters surrendered to the army under an amnesty deal.", "Strategic developments", "Agreement"),
    ("Police arrested the opposition leader at his home on Tuesday.", "Strategic developments", "Arrests"),
    ("The militant group named a new leader after the death of its founder.", "Strategic developments",
     "Change to group/activity"),
    ("The army deployed additional troops to the border region.", "Strategic developments", "Change to group/activity"),
    ("Bomb disposal experts defused an explosive device found near the market.", "Strategic developments",
     "Disrupted weapons use"),
    ("Police seized a large cache of weapons and ammunition in a raid.", "Strategic developments", "Disrupted weapons use"),
    ("Air defences intercepted two drones launched toward the airport.", "Strategic developments", "Disrupted weapons use"),
    ("Turkish forces established an observation post south of the town.", "Strategic developments",
     "Headquarters or base established"),
    ("Militiamen looted shops and burned dozens of homes in the village.", "Strategic developments",
     "Looting/property destruction"),
    ("Rebels entered the city without a fight after the army pulled out.", "Strategic developments",
     "Non-violent transfer of territory"),
    ("The Islamic State group claimed responsibility for the bombing.", "Strategic developments", "Attribution"),
    ("A magnitude 6.4 earthquake struck the region, killing at least 30 people.", "Natural disaster", "Natural disaster"),
    ("Floods triggered by heavy rains displaced thousands of families.", "Natural disaster", "Natural disaster"),
    ("Mount Merapi erupted on Sunday, forcing thousands to flee.", "Natural disaster", "Natural disaster"),
    ("The volcano erupted on Sunday, killing 12 villagers.", "Natural disaster", "Natural disaster"),
    # "erupted" alone is how fighting starts, not a volcano
    ("Fighting erupted at the airport after the rebels made an attempt to capture it.", "Battles", "Armed clash"),
    # persons captured ("15 captured") are not a territory taken
    ("The brigade attacked their supply bases; at least 33 militants were killed and 15 captured.", "Battles",
     "Armed clash"),
    ("A fire broke out at a garment factory, killing 20 workers.", "Man-made disaster", "Man-made disaster"),
    ("A ferry carrying 200 passengers capsized on the river.", "Man-made disaster", "Man-made disaster"),
    ("The foreign minister met his counterpart in Beijing to discuss trade.", "Diplomacy", "Diplomacy"),
    ("The country recalled its ambassador in protest at the remarks.", "Diplomacy", "Diplomacy"),
    ("Police dismantled a drug trafficking ring and seized two tonnes of cocaine.", "Organized crime", "Organized crime"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", CLEAR)
def test_clear_sentences(text, event_type, sub_event_type):
    got = classify(text)
    assert got is not None, text
    assert (got.event_type, got.sub_event_type) == (event_type, sub_event_type)
    assert got.trigger and got.trigger in text
    assert 0.0 < got.score <= 1.0


def test_every_case_label_but_other_is_reached_by_a_clear_sentence():
    reached = {case_label(st) for _t, _e, st in CLEAR}
    assert set(CASE_KEYS.values()) - {"OTHER"} <= reached


# (quote located verbatim in a seed document, seed prefix, sub-event type)
SEEDS = [
    ("On 20 June, the Syrian Army heavily shelled positions held by the Free Syrian Army in the city of Abu Kamal",
     "004", "Shelling/artillery/missile attack"),
    ("On 19 May 2012, a car bomb exploded in the town, killing nine people.", "004", "Remote explosive/landmine/IED"),
    ("On 16 November, rebels seized the military airport of Hamdan", "004", "Non-state actor overtakes territory"),
    ("the Army launched a counter-attack and recaptured parts of Al Mari'iyah village", "004",
     "Government regains territory"),
    ("ISIS detonated a car bomb in a residential area on Sakr island, killing 3 civilians", "004",
     "Remote explosive/landmine/IED"),
    ("Clashes between regime troops and the Islamic State in eastern Syria's Deir Ezzor province", "001", "Armed clash"),
    ("it conducted two airstrikes in al-Hasakah province", "001", "Air/drone strike"),
    ("Syrian troops, backed by units of the National Defense Force, recaptured Jafra.", "004",
     "Government regains territory"),
]


@pytest.mark.parametrize("quote,doc,sub_event_type", SEEDS)
def test_seed_sentences(seeds_dir, quote, doc, sub_event_type):
    text = seed(doc).read_text(encoding="utf-8")
    (sentence,) = [s.text for s in split_sentences(text) if quote in s.text]
    assert classify(sentence).sub_event_type == sub_event_type
    assert classify(quote).sub_event_type == sub_event_type


def test_seed_arrest_clause(seeds_dir):
    assert "24 were arrested throughout the city" in seed("004").read_text(encoding="utf-8")
    assert classify("24 were arrested throughout the city.").sub_event_type == "Arrests"


def test_suicide_bomb_only_when_a_suicide_bomber_is_mentioned():
    assert classify("ISIS detonated a car bomb in the market, killing 3 civilians.").sub_event_type == \
        "Remote explosive/landmine/IED"
    assert classify("An ISIS suicide bomber detonated a car bomb in the market, killing 3 civilians.").sub_event_type == \
        "Suicide bomb"


def test_crime_context_maps_a_shooting_to_crime():
    text = "A man was shot and killed outside a convenience store on Main Street late Saturday, police said."
    assert classify(text, crime_context=True) == EventTyping("Crime", "Shooting", "shot", 0.75)
    assert classify(text, crime_context=False).sub_event_type == "Attack"
    assert classify(text).sub_event_type == "Attack"  # nothing in the text says it is a crime report
    assert classify("A woman was stabbed to death in her apartment.", crime_context=True).sub_event_type == "Stabbing"
    assert classify("A 4-year-old boy accidentally shot himself with his father's handgun.",
                    crime_context=True).sub_event_type == "Accidental shooting"
    robbery = "Two men robbed a gas station at gunpoint and fired at the clerk."
    assert classify(robbery).sub_event_type == "Armed robbery"  # the text reads as a crime report
    assert classify(robbery, crime_context=False).sub_event_type != "Armed robbery"


@pytest.mark.parametrize("text", [
    "The weather was mild and the markets were busy.",
    "The ministry published its annual budget on Tuesday.",
    "He was born in 1960 and studied law in Cairo.",
    "",
])
def test_no_event(text):
    assert classify(text) is None


@pytest.mark.parametrize("text", [
    "The army denied that its jets had bombed the village.",
    "There were no clashes in the city on Sunday, residents said.",
    "The rebels threatened to shell the capital if talks failed.",
    "Marines arrived ahead of an operation to take control of the city.",
])
def test_negated_or_hypothetical_events_are_not_events(text):
    assert classify(text) is None


def test_context_bonuses():
    text = "Fighting in the village left five people dead."
    assert classify(text, actor_sides=["Islamic State", "Syrian government"]).sub_event_type == "Armed clash"
    protest = "Thousands of protesters gathered in the main square."
    assert classify(protest).sub_event_type == "Peaceful protest"
    assert classify(protest).score > classify(protest, figures=3).score


def test_explain_ranks_the_winner_first():
    ranked = explain("A suicide bomber detonated a car bomb near the base.")
    assert ranked[0].sub_event_type == "Suicide bomb" and not ranked[0].dropped
    assert any(c.sub_event_type == "Remote explosive/landmine/IED" and c.dropped for c in ranked)


def test_data_file_validates():
    tax = load_taxonomy()
    assert tax.provenance
    assert set(tax.event_types) == set(ACLED) | EXTENSIONS
    for et, subs in ACLED.items():
        assert {s.name for s in tax.sub_types.values() if s.event_type == et} >= subs
    for st in tax.sub_types.values():
        assert st.event_type in tax.event_types and st.definition
    assert tax.sub_types["Attribution"].event_type == "Strategic developments"
    assert {s.name for s in tax.sub_types.values() if s.event_type == "Crime"} == {
        "Shooting", "Stabbing", "Armed robbery", "Accidental shooting", "Other crime"}
    # every CASE label except OTHER is reachable: some sub-type maps to it and has cues
    owners = {c.owner for c in tax.cues}
    reachable = {case_label(st.name) for st in tax.sub_types.values() if st.name in owners or st.side}
    assert set(CASE_KEYS.values()) - {"OTHER"} <= reachable


def _raw():
    import yaml
    from importlib import resources
    return yaml.safe_load(resources.files("dateline.data").joinpath("event_types.yaml").read_text("utf-8"))


def test_invalid_data_is_reported_with_the_entry():
    raw = _raw()
    raw["event_types"][0]["sub_event_types"][0]["overrides"] = ["No such type"]
    with pytest.raises(EventTypeDataError, match="overrides unknown sub-event type 'No such type'"):
        parse_taxonomy(raw)
    raw = _raw()
    raw["event_types"][0]["sub_event_types"][0]["cues"]["strong"].append("clash(")
    with pytest.raises(EventTypeDataError, match=r"Armed clash: cue 'clash\(' is not a valid pattern"):
        parse_taxonomy(raw)
    raw = _raw()
    raw["precedence"].remove("Grenade")
    with pytest.raises(EventTypeDataError, match=r"missing \['Grenade'\]"):
        parse_taxonomy(raw)


def test_no_work_at_import_time():
    code = ("import dateline.extract.event_types as m; "
            "print(m.load_taxonomy.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_anchor_prefilter_finds_every_match(seeds_dir):
    """The word-anchor prefilter is an optimisation only: it finds exactly what scanning every cue finds."""
    from dateline.extract.event_types.cue_matching import cue_matches, normalise
    tax = load_taxonomy()
    texts = [t for t, _e, _s in CLEAR] + [s.text for s in split_sentences(seed("004").read_text(encoding="utf-8"))][:60]
    for text in texts:
        low = normalise(text).lower()
        fast = {(c.source, c.owner, m.span()) for c, ms in cue_matches(tax, low) for m in ms}
        slow = {(c.source, c.owner, m.span()) for c in tax.cues for m in c.pattern.finditer(low)}
        assert {(s, o, sp[0]) for s, o, sp in fast} >= {(s, o, sp[0]) for s, o, sp in slow}, text
