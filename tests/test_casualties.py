"""Casualty figures and their claimers (dateline/extract/casualties/, claims.py), on the seeds'
acceptance file and on US local crime-news wording."""

import json
from functools import lru_cache

import pytest

from dateline.extract.actors import ActorMatcher, document_sides
from dateline.extract.casualties import find_figures, has_trigger, is_tally
from dateline.extract.claims import find_claimer
from dateline.extract.sentences import split_sentences
from dateline.extract.types import Sentence

from .conftest import SHARED, seed

ACCEPTANCE = SHARED / "acceptance" / "seed_events.jsonl"
MATCHER = ActorMatcher()


@lru_cache(maxsize=None)
def seed_doc(prefix):
    """(sentences, document sides) of a seed, as the extraction stage sees them."""
    text = seed(prefix).read_text("utf-8")
    sents = split_sentences(text)
    sides = document_sides(m for s in sents for m in MATCHER.find(s))
    return sents, sides


def figures_at(prefix, quote, *, previous=None):
    sents, sides = seed_doc(prefix)
    (sent,) = [s for s in sents if quote in s.text]
    return find_figures(sent, context_sides=sides, previous_claimer=previous)


def following(prefix, quote):
    """The sentence after the one quoted (where some chronology entries give their toll)."""
    sents, _ = seed_doc(prefix)
    i = next(i for i, s in enumerate(sents) if quote in s.text)
    return sents[i + 1].text


def rows():
    return [json.loads(line) for line in ACCEPTANCE.read_text("utf-8").splitlines() if line.strip()]


def total(figs, kind):
    return sum(f.best for f in figs if f.kind == kind and not f.tally)


# The acceptance rows whose toll stands in the sentence after the quoted one.
TOLL_IN_NEXT_SENTENCE = {"S004-20": "ISIS lost at least 47 fighters", "S004-23": "death of 23 militants"}


@pytest.mark.parametrize("row", rows(), ids=lambda r: r["id"])
def test_acceptance_figures(row):
    prefix = row["doc"][:3]
    figs = figures_at(prefix, row["quote"])
    if row["id"] in TOLL_IN_NEXT_SENTENCE:
        assert figs == []
        nxt = TOLL_IN_NEXT_SENTENCE[row["id"]]
        assert nxt in following(prefix, row["quote"])
        figs = figures_at(prefix, nxt)
    for kind in ("killed", "wounded", "captured"):
        expected = row.get(kind)
        if expected is None:
            if kind == "killed" and "killed" in row:  # null: the quote states no toll
                assert total(figs, "killed") == 0, figs
            continue
        low, high = expected
        assert low <= total(figs, kind) <= high, (kind, figs)


def brief(figs):
    return [(f.kind, f.low, f.best, f.high, f.who, f.side, f.claimed_by, f.tally) for f in figs]


def test_s004_29_two_sides_killed_in_one_sentence():
    figs = figures_at("004", "fifty-one soldiers and sixty-eight ISIS militants were killed")
    assert brief(figs) == [("killed", 51, 51, 51, "soldiers", "Syrian government", None, False),
                           ("killed", 68, 68, 68, "ISIS militants", "Islamic State", None, False)]


def test_s004_22_subset_not_added_and_another_captured():
    figs = figures_at("004", "killing 33 ISIS militants")
    assert brief(figs) == [("killed", 33, 33, 33, "ISIS militants", "Islamic State", None, False),
                           ("captured", 15, 15, 15, None, "Islamic State", None, False)]
    nxt = figures_at("004", "Nine Republican Guard troops, including two officers, died")
    assert brief(nxt) == [("killed", 9, 9, 9, "Republican Guard troops", "Syrian government", None, False)]


def test_s004_10_a_range_for_one_side():
    figs = figures_at("004", "left four rebels and six to nine soldiers dead")
    assert brief(figs) == [("killed", 4, 4, 4, "rebels", "Syrian opposition", None, False),
                           ("killed", 6, 6, 9, "soldiers", "Syrian government", None, False)]


def test_s001_01_state_news_claims_58_militants():
    figs = figures_at("001", "resulted in the deaths of 58 militants")
    assert brief(figs) == [("killed", 58, 58, 58, "militants", "Islamic State", "SANA", False)]


def test_s003_01_a_monitor_claims_58_government_troops():
    figs = figures_at("003", "ISIS militants killed at least 58 Syrian government troops and militia")
    assert brief(figs) == [("killed", 58, 58, None, "Syrian government troops and militia", "Syrian government",
                            "SOHR", False)]


def test_s003_isis_claims_scores_of_regime_fighters():
    figs = figures_at("003", "ISIS put out a statement claiming")
    assert brief(figs) == [("killed", 40, 40, 199, "regime fighters", "Syrian government", "Islamic State", False)]


def test_s004_lead_tally_over_five_years():
    figs = figures_at("004", "since the start of the fighting in Deir ez-Zor city five years earlier")
    assert brief(figs) == [
        ("killed", 3000, 3000, 3000, "anti-government jihadists", "Islamic State", None, True),
        ("killed", 2500, 2500, 2500, "pro-government fighters", "Syrian government", None, True)]


def test_s004_24_killed_and_wounded_others():
    figs = figures_at("004", "killing 3 civilians and wounding 11 others")
    assert brief(figs) == [("killed", 3, 3, 3, "civilians", "civilians", None, False),
                           ("wounded", 11, 11, 11, "others", "civilians", None, False)]


def test_s004_27_it_claimed_takes_the_previous_claimer():
    figs = figures_at("004", "at least 17 ISIS fighters were killed and 24 were arrested",
                      previous="Syrian government forces")
    assert brief(figs) == [
        ("killed", 17, 17, None, "ISIS fighters", "Islamic State", "Syrian government forces", False),
        ("captured", 24, 24, 24, None, "Islamic State", "Syrian government forces", False)]


def test_s004_own_losses_and_casualties():
    (lost,) = figures_at("004", "ISIS lost at least 47 fighters")
    assert (lost.kind, lost.best, lost.side, lost.claimed_by) == ("killed", 47, "Islamic State",
                                                                   "Syrian government forces")
    figs = figures_at("004", "suffering about 50 casualties and dozens of wounded")
    assert brief(figs) == [("killed", 0, 50, 50, "casualties", "Islamic State", "Syrian government forces", False),
                           ("wounded", 24, 24, 99, "wounded", "Islamic State", "Syrian government forces", False)]


def test_s002_scores_claimed_by_sohr():
    (f,) = figures_at("002", "scores of Syrian Army troops have been killed")
    assert (f.kind, f.low, f.best, f.side, f.claimed_by, f.tally) == ("killed", 40, 40, "Syrian government", "SOHR",
                                                                      False)


def test_s001_russian_strike_one_killed_several_injured():
    figs = figures_at("001", "airstrikes suspected of being carried out by Russia killed one person")
    assert brief(figs) == [("killed", 1, 1, 1, "person", "civilians", "SOHR", False),
                           ("wounded", 3, 3, 9, "others", "civilians", "SOHR", False)]


def test_s001_the_group_said_it_killed_90_soldiers():
    (f,) = figures_at("001", "when the group said it killed 90 Syrian soldiers")
    assert (f.kind, f.best, f.side, f.claimed_by) == ("killed", 90, "Syrian government", "Islamic State")


def test_units_and_dates_in_the_seed_are_not_counts():
    assert figures_at("004", "On 13 August, FSA claimed to have shot down a Syrian Air Force MiG-23") == []
    assert figures_at("004", "a convoy of 600 Republican Guard soldiers and 90 armed vehicles") == []
    assert figures_at("001", "it conducted two airstrikes in al-Hasakah province") == []


# --- crime news --------------------------------------------------------------------------------
def figs_of(text):
    (sent,) = split_sentences(text)
    return [(f.kind, f.best, f.trigger) for f in find_figures(sent)]


@pytest.mark.parametrize("text, expected", [
    ("A man was shot and killed Monday night, police said.", [("killed", 1, "killed")]),
    ("A woman was shot.", [("wounded", 1, "shot")]),
    ("A 12-year-old was in critical condition Tuesday after he and three others were shot on a court.",
     [("wounded", 4, "shot")]),
    ("Two men were shot, one fatally.", [("killed", 1, "killed"), ("wounded", 1, "injured")]),
    ("The shootout left six people wounded -- two mortally.", [("killed", 2, "killed"), ("wounded", 4, "injured")]),
    ("Four people were shot, one of whom died.", [("killed", 1, "killed"), ("wounded", 3, "injured")]),
    ("A 12-year-old was in critical condition.", [("wounded", 1, "critical")]),
    ("The victim died at the hospital.", [("killed", 1, "killed")]),
    ("He was taken to the hospital where he later died.", [("killed", 1, "died")]),
    ("No one was injured.", [("wounded", 0, "none")]),
    ("One killed, two injured in shooting", [("killed", 1, "killed"), ("wounded", 2, "injured")]),
    ("Police: 1 Dead, 7 Injured in North Minneapolis Shooting", [("killed", 1, "killed"), ("wounded", 7, "injured")]),
    ("A 20-year-old man died at the scene, two people are in critical condition and five others were "
     "hospitalized with injuries.", [("killed", 1, "killed"), ("wounded", 7, "critical")]),
    ("Two gunmen killed three people and wounded two others.", [("killed", 3, "killed"), ("wounded", 2, "injured")]),
    ("A man and a woman were shot Sunday.", [("wounded", 2, "shot")]),
    ("Police say the man fatally shot his wife and son.", [("killed", 2, "killed")]),
    ("They were charged with murdering a 13-year-old and his father.", [("killed", 2, "killed")]),
    ("Officers found a man, woman and child with gunshot wounds.", [("wounded", 3, "injured")]),
    ("The man accidentally shot a 9-year-old girl, his relative, in the chest.", [("wounded", 1, "shot")]),
    ("The gunman and a police officer were killed.", [("killed", 1, "killed"), ("killed", 1, "killed")]),
    ("A father was killed and his 4-year-old son was shot.", [("killed", 1, "killed"), ("wounded", 1, "shot")]),
    ("Police investigate fatal shooting in Aliquippa", [("killed", 1, "killed")]),
    ("Gunman kills one, wounds two", [("killed", 1, "killed"), ("wounded", 2, "injured")]),
    ("An accident with a firearm claimed the life of 4-year-old Summer Miller.", [("killed", 1, "killed")]),
    ("Officials released the names of the four people who were killed.", [("killed", 4, "killed")]),
    ("Two men arrived at the hospital with gunshot wounds.", [("wounded", 2, "injured")]),
    ("Elijah Jackson and Shakur Franklin, both 16, were killed during the shootout.", [("killed", 2, "killed")]),
    ("Daniel, 6, and Oscar, 11, were shot while playing street soccer.", [("wounded", 2, "shot")]),
    ("A man fatally shot his partner and their two children.", [("killed", 3, "killed")]),
    ("A man fatally shot his girlfriend and her two children.", [("killed", 3, "killed")]),
    # the relative clause is the girl's: her mother is no victim
    ("The mother of a girl who was killed spoke to reporters.", [("killed", 1, "killed")]),
    # ... and "the father of a boy was shot" counts the father only
    ("The father of a 6-year-old boy was shot.", [("wounded", 1, "shot")]),
    # "himself" is the man of the relative clause, already counted, not the boy hurt before
    ("He was injured in a shooting that claimed the lives of his mother and a man who, police said, shot them, "
     "then turned the gun on himself.", [("wounded", 1, "injured"), ("killed", 2, "killed")]),
    ("Victims identified in Roswell triple homicide", [("killed", 3, "killed")]),
    ("Kansas City quadruple shooting", [("wounded", 4, "shot")]),
    ("It was the city's third fatal shooting this week.", []),
    ("A man suspected of opening fire on two police officers, killing one and severely wounding the other, has "
     "been arrested.", [("killed", 1, "killed")]),  # the officers are not the ones arrested
    ("The victim, who was shot in the head, died at the scene.", [("killed", 1, "killed")]),
    ("An 11-year-old boy playing on his skateboard was shot in the hand.", [("wounded", 1, "shot")]),
    ("Video shows two suspects running away after a 15-year-old boy was shot.", [("wounded", 1, "shot")]),
    ("A gunman firing from a minivan has shot and wounded five teenagers.", [("wounded", 5, "injured")]),
    ("Teen in critical condition after shooting at basketball court", [("wounded", 1, "critical")]),
    ("Kelsey Brady, 24, was shot and killed.", [("killed", 1, "killed")]),
    ("Johnson was pronounced dead at the hospital.", [("killed", 1, "killed")]),
    ("Father shoots son in the shoulder", [("wounded", 1, "shot")]),
    ("Police investigate the shooting death of an 11 year old boy.", [("killed", 1, "killed")]),
    ("The victim, a 25-year-old man, died at the scene.", [("killed", 1, "killed")]),
    ("One man was shot in his arm, two were shot in their torso, and one was shot in the face; all four were "
     "taken to a hospital.", [("wounded", 1, "shot"), ("wounded", 2, "shot"), ("wounded", 1, "shot")]),
    ("Police say Fekede killed one person, wounded three others, and then killed himself.",
     [("killed", 1, "killed"), ("wounded", 3, "injured"), ("killed", 1, "killed")]),
    ("Three people were killed, and another injured in a shooting.", [("killed", 3, "killed"),
                                                                      ("wounded", 1, "injured")]),
    ("Police arrested two men.", [("captured", 2, "captured")]),
    ("Names released in shooting that left 6-year-old dead", [("killed", 1, "killed")]),
    ("4-year-old who accidentally shot himself dies", [("killed", 1, "killed")]),
    ("A man shot his wife and then he killed himself.", [("wounded", 1, "shot"), ("killed", 1, "killed")]),
    ("Garrett's brother, Marquis Garrett, 23, was injured.", [("wounded", 1, "injured")]),
    ("Family of father of 4 killed in shooting speaks out", []),
    ("A pair of gunmen shot six people, one fatally, at a party.",
     [("killed", 1, "killed"), ("wounded", 5, "injured")]),
    ("Both men were transported to the hospital, where they were later pronounced dead.", [("killed", 2, "died")]),
    ("Three other men at the scene were also hit by gunfire, police said.", [("wounded", 3, "shot")]),
    ("He rushed out to see one wounded man on the church steps.", [("wounded", 1, "injured")]),
    ("A third victim, Richard Huwiler, 61, suffered a non-life-threatening wound at the store.",
     [("wounded", 1, "injured")]),
])
def test_crime_news_person_phrases(text, expected):
    assert figs_of(text) == expected


def test_a_name_ending_in_jr_keeps_its_age_an_age_and_a_relative_clause_is_skipped():
    text = "One of the victims, Larry Lynch, Jr., 28, who lived in the same block, was pronounced dead at the scene."
    assert all(f[1] != 28 for f in figs_of(text))
    text = "One of the victims, Larry Lynch, 28, who lived in the same block, was pronounced dead at the scene."
    assert figs_of(text) == [("killed", 1, "killed")]
    assert figs_of("Two men, who were standing outside, were shot.") == [("wounded", 2, "shot")]


@pytest.mark.parametrize("text", [
    "The other victims, ages 13, 17 and 19, were treated and released.",
    "Police responded to the 2300 block of Raceway Rd at about 6 p.m. Monday.",
    "The 104th Brigade and 5th Commando Division moved in 2014.",
    "Norfolk shooting victim believes he was the target.",
    "Two gunmen killed in 2014 remain unidentified",  # no number counts the dead here but "Two gunmen"
])
def test_no_figures_from_ages_addresses_units_or_compounds(text):
    figs = figs_of(text)
    assert all(f[1] not in (13, 17, 19, 2300, 6, 104, 5, 2014) for f in figs), figs
    if "Two gunmen" not in text:
        assert figs == []


def test_who_side_and_offsets_into_the_document():
    doc = "Headline\n\nISIS militants killed at least 58 Syrian government troops, a monitor said."
    sent = split_sentences(doc)[1]
    (f,) = find_figures(sent, context_sides=["Syrian government", "Islamic State"])
    assert (doc[f.start:f.end], f.text, f.who) == ("at least 58 Syrian government troops",) * 2 + (
        "Syrian government troops",)
    assert (f.side, f.claimed_by) == ("Syrian government", "SOHR")


def test_soldiers_need_the_document_context():
    sent = Sentence(0, 30, "10 soldiers were killed by defectors.", 0)
    assert find_figures(sent)[0].side is None
    assert find_figures(sent, context_sides=["Syrian government", "Islamic State"])[0].side == "Syrian government"


def test_tally_markers():
    assert is_tally("So far this year, 300 people have been killed in the city.")
    assert is_tally("Since the war began in 2011, more than 250,000 people have been killed.")
    assert not is_tally("Since the start of the offensive, fifty-one soldiers were killed.")
    assert not is_tally("In the two previous weeks IS jihadists killed over 700 tribal members.")


def test_pre_filter():
    assert not has_trigger("The city council met on Tuesday to discuss the budget.")
    assert has_trigger("Two people were killed.")
    assert find_figures(Sentence(0, 44, "The council met on Tuesday with 40 members.", 0)) == []


@pytest.mark.parametrize("text, claimer", [
    ("According to SOHR, 10 people were killed.", "SOHR"),
    ("SANA reported that 20 militants were killed.", "SANA"),
    ("10 people were killed, police said.", "police"),
    ("Police say two men were shot.", "police"),
    ("Activists say 12 soldiers died.", "activists"),
    ("The Syrian Observatory for Human Rights, a Britain-based group, on Sunday said 5 were killed.", "SOHR"),
    ("Five people were killed, officials said.", "officials"),
    ("Two men were shot.", None),
])
def test_claimers(text, claimer):
    (sent,) = split_sentences(text)
    assert find_claimer(sent, MATCHER.find(sent)) == claimer


def test_claimer_nearest_before_a_figure():
    text = ("Xinhua reported IS fighters attacked the airbase in September, when the group said it killed "
            "90 Syrian soldiers.")
    (sent,) = split_sentences(text)
    actors = MATCHER.find(sent, context_sides=["Syrian government", "Islamic State"])
    assert find_claimer(sent, actors) == "Xinhua"
    assert find_claimer(sent, actors, at=text.index("90")) == "Islamic State"


def test_a_military_source_is_the_army_in_syria():
    text = "Opposition sources claimed a breakthrough, but a military source stated that 23 militants died."
    (sent,) = split_sentences(text)
    actors = MATCHER.find(sent, context_sides=["Syrian government", "Islamic State"])
    assert find_claimer(sent, actors, at=text.index("23")) == "Syrian government forces"
    assert find_claimer(sent, actors, at=0) == "Syrian rebels"


@pytest.mark.parametrize("sentence, tally", [
    ("Diplomats met in Vienna over Syria's four-year civil war that has killed more than 250,000 people.", True),
    ("The WHO estimates that air pollution contributed to seven million deaths in 2012.", True),
    ("Between 1989 and 2003 as many as 250,000 people in Liberia were killed in a civil war.", True),
    ("Gunmen killed 12 people in an attack that left the village in ruins.", False),
    ("Three people were killed in a shooting that police said was gang related.", False),
    ("Police: 8 Dead, 27 Wounded In Weekend Shootings Across Chicago", True),  # a roundup of incidents
    ("Two men were killed in separate shootings on Sunday.", True),
    ("Two men were killed in a shooting outside a bar on Sunday.", False),
    ("In D.C., weekend gunfire kills 1, wounds 12", True),
    ("At least 13 people were shot in the District in five incidents.", True),
])
def test_long_running_counts_are_tallies_and_single_attacks_are_not(sentence, tally):
    assert is_tally(sentence) is tally


def _story(*texts):
    return [find_figures(s) for s in split_sentences(" ".join(texts))]


def test_a_wound_retold_of_the_dead_victim_is_not_another_wounded():
    from dateline.extract.casualties.retold import drop_retold_wounds
    story = _story("A 3-year-old boy has died after he accidentally shot himself.",
                   "The boy was rushed to a hospital in critical condition.")
    kept = [(f.kind, f.best) for figs in drop_retold_wounds(story) for f in figs]
    assert ("killed", 1) in kept and not any(k == "wounded" for k, _ in kept)
    # without a death, the same sentence is a wounded victim; beside a death in its own sentence, another person
    alive = _story("A boy shot himself on Sunday.", "The boy was rushed to a hospital in critical condition.")
    assert [f.kind for figs in drop_retold_wounds(alive) for f in figs].count("wounded") >= 1
    two = _story("A father was killed and his 4-year-old son was shot.")
    assert sorted(f.kind for figs in drop_retold_wounds(two) for f in figs) == ["killed", "wounded"]
    # a named victim found wounded and then pronounced dead is one dead
    named = _story("Officers found Aaron P. Moore, 24, with a gunshot wound.", "Moore was pronounced dead at the scene.")
    assert [(f.kind, f.best) for figs in drop_retold_wounds(named) for f in figs] == [("killed", 1)]
    other = _story("Officers found Aaron P. Moore, 24, with a gunshot wound.", "Smith was pronounced dead.")
    assert sorted(f.kind for figs in drop_retold_wounds(other) for f in figs) == ["killed", "wounded"]


def test_a_shooting_death_a_double_murder_suicide_and_babies_counted_by_months():
    assert figs_of("Teen charged in Hawkinsville 17-year-old’s shooting death") == [("killed", 1, "killed")]
    assert figs_of("It was the city's third shooting death this year.") == []
    assert figs_of("Police investigate an apparent double murder-suicide.") == [("killed", 3, "killed")]
    assert figs_of("Police investigate the shooting death of 5-month-old Aavielle Wakefield.") == [("killed", 1, "killed")]
    assert figs_of("Men arrested for gunning down 3 teens in Merced County") == [("killed", 3, "killed")]


def test_more_ways_news_states_a_death():
    assert figs_of("She died, bringing the number of fatalities to three.") == \
        [("killed", 1, "killed"), ("killed", 3, "toll")]
    assert figs_of("He is accused of shooting to death his former girlfriend and two young men.") == \
        [("killed", 3, "killed")]
    assert figs_of("A man shot his 1-year-old daughter dead, the sheriff said.") == [("killed", 1, "killed")]
    assert figs_of("Fifteen-year-old Jaheim Walker was killed after a gunman opened fire.") == [("killed", 1, "killed")]


def test_one_of_them_after_a_count_is_part_of_the_group():
    assert figs_of("She lost two friends, one of them her cousin.") == [("killed", 2, "losses")]
    assert figs_of("Gunmen killed two men, one woman and a child.") == [("killed", 4, "killed")]


def test_the_fourth_is_one_more_person_and_passing_away_is_death():
    assert figs_of("Three were wounded and the fourth died.") == [("wounded", 3, "injured"), ("killed", 1, "killed")]
    assert figs_of("3 in hospital and the 4th has passed away.") == [("wounded", 3, "critical"), ("killed", 1, "killed")]
    assert figs_of("It was the third shooting this week.") == []


def test_people_listed_after_a_count_of_as_many_are_those_people():
    text = "Three other victims, a 21-year-old male, a 19-year-old female and a 3-year-old boy were taken to a hospital."
    assert figs_of(text) == [("wounded", 3, "critical")]
    assert figs_of("Three men were killed, a woman was wounded and a child was hurt.") == \
        [("killed", 3, "killed"), ("wounded", 1, "injured"), ("wounded", 1, "injured")]


def test_along_with_others_and_an_age_in_a_coordinated_kin_noun():
    assert figs_of("A man was shot along with three others.") == [("wounded", 4, "shot")]
    assert figs_of("A woman was killed and her brother and 4-year-old daughter injured in a shooting.") == \
        [("killed", 1, "killed"), ("wounded", 2, "injured")]


def test_a_headline_person_may_come_with_a_county():
    assert figs_of("Mathews county teen dies in hunting accident") == [("killed", 1, "killed")]


def test_one_person_or_another_is_one():
    assert figs_of("She was told either his brother or a friend was dead.") == [("killed", 1, "killed")]
    assert figs_of("A man and a woman were shot.") == [("wounded", 2, "shot")]


def test_parents_and_a_couple_are_two_people():
    assert figs_of("He was charged with killing a two-year-old girl and shooting her parents.") == \
        [("killed", 1, "killed"), ("wounded", 2, "shot")]
    assert figs_of("The couple were shot.") == [("wounded", 2, "shot")]
    assert figs_of("His parents said he was shot.") == [("wounded", 1, "shot")]


def test_turning_the_gun_on_oneself_in_an_attempted_suicide_is_a_wound():
    text = "Shawn Fuller, 31, shot and killed his two sons, then turned the gun on himself in an attempted suicide."
    assert figs_of(text) == [("killed", 2, "killed"), ("wounded", 1, "shot")]
    assert figs_of("He then turned the gun on himself.") == [("killed", 1, "killed")]


def test_a_fatal_shooting_is_at_least_one_dead_and_yields_to_a_count():
    (fatal,) = [f for figs in _story("Police investigate a fatal shooting.") for f in figs]
    assert (fatal.kind, fatal.low, fatal.best, fatal.high, fatal.vague) == ("killed", 1, 1, None, True)
    from dateline.export.figures import ClaimRow, event_figures
    figs = [f for s in _story("Police investigate a fatal shooting.", "Two men were killed.") for f in s]
    rows = [ClaimRow(f.kind, f.low, f.best, f.high, f.side, f.claimed_by, f.tally, f.vague, f.trigger) for f in figs]
    assert event_figures(rows)["killed"].total.best == 2


def test_a_murder_suicide_is_two_dead_beside_the_named_victim():
    # the victim and the one who killed himself: not a vague floor that one counted victim replaces
    from dateline.export.figures import ClaimRow, event_figures
    figs = [f for s in _story("A 4-year-old boy was killed in a murder-suicide, authorities said.") for f in s]
    rows = [ClaimRow(f.kind, f.low, f.best, f.high, f.side, f.claimed_by, f.tally, f.vague, f.trigger) for f in figs]
    assert event_figures(rows)["killed"].total.best == 2


def test_a_named_person_has_no_side_so_the_same_person_is_not_added_to_a_sided_count():
    from dateline.export.figures import ClaimRow, event_figures
    figs = [f for s in _story("An armed robbery suspect was shot and killed by a police officer on Thursday.",
                              "Police say the officer who shot and killed Hayes fired three shots.") for f in s]
    assert [(f.kind, f.side) for f in figs] == [("killed", "perpetrators"), ("killed", None)]
    rows = [ClaimRow(f.kind, f.low, f.best, f.high, f.side, f.claimed_by, f.tally, f.vague, f.trigger) for f in figs]
    assert event_figures(rows)["killed"].total.best == 1
