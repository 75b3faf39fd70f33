"""PlaceFinder on the seeds, on US local news, and on the false positives it must not make."""

import json
import re
import unicodedata
from functools import lru_cache

import pytest

from dateline.extract.places import PlaceFinder, context_before
from dateline.extract.publisher import publisher_home
from dateline.extract.sentences import split_sentences
from dateline.gazetteer import Gazetteer
from dateline.model import Dateline

from .conftest import SHARED, seed


@lru_cache(maxsize=1)
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.load())


def norm(s):
    """shared/scoring/score.py's norm()."""
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    drop = {"al", "el", "as", "ad", "ar", "az", "ash", "governorate", "province", "city", "of", "the"}
    return " ".join(w for w in s.split() if w not in drop)


def find(text, **kw):
    sentences = split_sentences(text)
    return sentences, finder().places_by_sentence(text, sentences, **kw)


def flat(per):
    return [(m.text, m.relation, m.place.name, m.place.admin1, m.place.country, m.place.precision)
            for row in per for m in row]


@lru_cache(maxsize=None)
def seed_doc(prefix):
    text = seed(prefix).read_text(encoding="utf-8")
    return (text, *find(text))


# S003-01's own sentence names no place; the story states it in the next paragraph.
PLACE_SENTENCE = {"S003-01": "south of the desert town of Sukna"}


def acceptance():
    with open(SHARED / "acceptance" / "seed_events.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.mark.parametrize("event", acceptance(), ids=lambda e: e["id"])
def test_seed_event_places(event):
    text, sentences, per = seed_doc(event["doc"][:3])
    quote = " ".join(PLACE_SENTENCE.get(event["id"], event["quote"]).split())[:40]
    index = next(i for i, s in enumerate(sentences) if quote in " ".join(s.text.split()))
    place = finder().event_place(per[index], context=context_before(per, index))
    assert place is not None
    got = {norm(place.place.name), norm(place.place.admin1)}
    assert got & {norm(n) for n in event["place"]}, (event["id"], place)


def sentence_places(prefix, fragment):
    text, sentences, per = seed_doc(prefix)
    index = next(i for i, s in enumerate(sentences) if fragment in s.text)
    return [(m.text, m.relation, m.place.name, m.place.admin1, m.place.precision) for m in per[index]]


def test_seed_sentences_exactly():
    assert sentence_places("004", "Hamdan military airport near Abu Kamal") == [
        ("Abu Kamal", "near", "Abu Kamal", "Deir ez-Zor", "city")]
    assert sentence_places("001", "ancient ruins of Palmyra") == [
        ("Palmyra", "of", "Palmyra", "Homs", "city"), ("Homs", "in", "Homs", "Homs", "admin1")]
    assert sentence_places("001", "two airstrikes in al-Hasakah province") == [
        ("al-Hasakah", "in", "Al-Hasakah", "Al-Hasakah", "admin1")]
    assert sentence_places("003", "south of the desert town of Sukna") == [
        ("Sukna", "city_of", "Sukhnah", "Homs", "city"), ("Palmyra", "city_of", "Palmyra", "Homs", "city")]
    assert sentence_places("004", "captured the village of Haweeja Saqr") == [
        ("Haweeja Saqr", "city_of", "Sakr Island", "Deir ez-Zor", "point"),
        ("Deir ez-Zor", "near", "Deir ez-Zor", "Deir ez-Zor", "city")]
    assert sentence_places("004", "On 19 May 2012, a car bomb exploded in the town") == [
        ("the town", "context", "Deir ez-Zor", "Deir ez-Zor", "city")]
    assert sentence_places("004", "fighters from the village of Hatla") == [
        ("Hatla", "city_of", "Hatla", "Deir ez-Zor", "city"), ("Deir ez-Zor", "near", "Deir ez-Zor", "Deir ez-Zor", "city")]
    assert sentence_places("004", "killing sixty residents") == [
        ("the village", "context", "Hatla", "Deir ez-Zor", "city")]


def test_seed_dateline_and_country():
    text, sentences, per = seed_doc("001")
    dateline = [m for row in per for m in row if m.relation == "dateline"]
    assert [(m.text, m.place.name, m.place.admin1, m.place.country) for m in dateline] == [
        ("DEIR EZZOR", "Deir ez-Zor", "Deir ez-Zor", "Syria")]
    assert {m.place.country for row in per for m in row} <= {"Syria", "United States", "United Kingdom"}


def test_event_place_prefers_the_city_inside_the_province():
    text, sentences, per = seed_doc("001")
    index = next(i for i, s in enumerate(sentences) if "ancient ruins of Palmyra" in s.text)
    best = finder().event_place(per[index])
    assert (best.place.name, best.place.country, best.place.precision) == ("Palmyra", "Syria", "city")


def test_memphis_dateline_sets_the_state():
    sentences, per = find("MEMPHIS, Tenn. — A man was shot Sunday night in a parking lot, police said.")
    assert flat(per) == [("MEMPHIS", "dateline", "Memphis", "Tennessee", "United States", "city")]
    given = Dateline(place="Memphis", region="Tenn.")
    sentences, per = find("MEMPHIS, Tenn. — A man was shot Sunday.", dateline=given)
    assert flat(per)[0][2:5] == ("Memphis", "Tennessee", "United States")


def test_dateline_state_for_a_place_too_small_for_the_gazetteer():
    sentences, per = find("FELTON, Minn. -- A Felton, Minn., man is accused of shooting his daughter.")
    places = {(m.place.name, m.place.admin1, m.place.lat) for row in per for m in row}
    assert places == {("Felton", "Minnesota", None)}


def test_rocky_mount_first_gva_document():
    with open(SHARED / "bench" / "gva" / "docs.jsonl", encoding="utf-8") as fh:
        doc = json.loads(fh.readline())
    text = doc["title"] + "\n\n" + doc["content"]
    sentences, per = find(text)
    found = flat(per)
    assert {(name, admin1) for _, _, name, admin1, _, _ in found} == {("Rocky Mount", "North Carolina")}
    assert [(t, rel) for t, rel, *_ in found] == [("Rocky Mount", "at"), ("Rocky Mount", "on"),
                                                   ("Rocky Mount", "authority")]


@pytest.mark.parametrize("text, state", [
    ("SPRINGFIELD, Ill. -- A man was shot Friday near a gas station.", "Illinois"),
    ("A Springfield man was shot Friday. Illinois State Police said the Springfield, Ill., man died.", "Illinois"),
    ("A teenager was wounded in Springfield, Mo., on Friday night.", "Missouri"),
    ("Police in Springfield said a man was shot on Main Street. Springfield is the capital of Illinois.", "Illinois"),
    ("Two men were shot in Springfield. Police in nearby Chicopee and Holyoke are helping.", "Massachusetts"),
])
def test_springfield_resolved_by_its_state(text, state):
    sentences, per = find(text)
    springfields = {admin1 for _, _, name, admin1, _, _ in flat(per) if name == "Springfield"}
    assert springfields == {state}


@pytest.mark.parametrize("text", [
    "Police said the man was shot Sunday.",
    "On Sunday, police said the victim was found in March.",
    "The teens were shot on the court behind Word Tabernacle Church on Edwards Street.",
    "The shooting happened in the 2300 block of Raceway Rd on Sunday.",
    "Jordan said he heard shots. Victoria, 25, was not hurt.",
    "Michael Jordan and Victoria Smith were at home.",
    "Nash General Hospital treated the victims.",
    "Independence Day celebrations were cancelled after a mobile phone was stolen.",
])
def test_not_places(text):
    sentences, per = find(text)
    assert flat(per) == []


def test_a_country_with_a_cue_is_a_place():
    sentences, per = find("The family fled Syria and now lives in Jordan. Jordan said nothing.")
    assert [(t, rel, name) for t, rel, name, *_ in flat(per)] == [("Syria", "mention", "Syria"), ("Jordan", "in", "Jordan")]


def test_province_near_and_context_relations():
    text = ("Clashes broke out in Homs province on Sunday. Rebels attacked checkpoints near Deir ez-Zor. "
            "Government forces shelled the city for hours.")
    sentences, per = find(text)
    assert flat(per) == [
        ("Homs", "in", "Homs", "Homs", "Syria", "admin1"),
        ("Deir ez-Zor", "near", "Deir ez-Zor", "Deir ez-Zor", "Syria", "city"),
        ("the city", "context", "Deir ez-Zor", "Deir ez-Zor", "Syria", "city"),
    ]
    assert per[2][0].start == text.index("the city")


def test_country_hint_and_document_country_decide_namesakes():
    sentences, per = find("Two people were injured in a shooting in Chelsea.", country_hint="United States")
    assert flat(per)[0][2:5] == ("Chelsea", "Massachusetts", "United States")
    sentences, per = find("Syrian troops advanced on Palmyra, the ancient city, on Sunday.")
    assert flat(per)[0][2:5] == ("Palmyra", "Homs", "Syria")


def test_offsets_point_into_the_text():
    text, sentences, per = seed_doc("003")
    for row in per:
        for m in row:
            assert text[m.start:m.end] == m.text


def test_a_county_named_by_many_states_still_picks_the_namesake_in_one_of_them():
    _, per = find("A 15-year-old was killed in Deer Lodge on Tuesday. Morgan County Sheriff Glen Smith said "
                  "the boy was alone.")
    got = [(m.place.name, m.place.country) for row in per for m in row if m.text == "Deer Lodge"]
    assert got and got[0][1] == "United States"



@pytest.mark.parametrize("text, want", [
    ("Rights groups condemned the arrests of protesters in Egypt last week.", ("Egypt", "country")),
    ("Protesters gathered in the Middle East and in Egypt on Friday.", ("Egypt", "country")),
    ("Police in Egypt, Pa., arrested two men on Friday.", ("Egypt", "city")),
    ("Police arrested five union members in Hong Kong on Thursday.", ("Hong Kong", "city")),
    ("Allentown police said a crash in Whitehall Township, Pennsylvania, closed Route 329. Allentown, Pa., "
     "crews helped. Police said a man was hurt in Egypt on Friday.", ("Egypt", "city")),  # local news
    ("The Nigerian police in Warri and Asaba, Delta State, said the chief was detained over a kidnap in Benin. "
     "Lagos officials agreed.", ("Benin City", "city")),
])
def test_a_country_name_means_the_country_not_a_namesake_town(text, want):
    _, per = find(text)
    got = [(m.place.name, m.place.precision) for row in per for m in row]
    assert want in got
    assert not any(name == "Middle East" for name, _ in got)


def test_a_facility_named_for_a_town_places_the_event_near_it():
    _, per = find("The Syrian Army breaks the nine month long siege of the Deir ez-Zor Airport by ISIL militants.")
    assert [(m.place.name, m.relation) for row in per for m in row] == [("Deir ez-Zor", "near")]
    _, per = find("Police closed Elm Street after the shooting.")
    assert not [m for row in per for m in row]


def test_a_world_city_keeps_its_name_in_news_about_another_country():
    text = ("The U.S. wants to extradite him under the Espionage Act. The United States says the case is about "
            "national security. He has spent a year in that London prison. The hearing in London resumes in May.")
    _, per = find(text)
    london = [(m.place.admin1, m.place.country) for row in per for m in row if m.text == "London"]
    assert london and all(c == "United Kingdom" for _, c in london)


def test_a_surname_spelt_like_a_small_town_abroad_is_no_place():
    text = ("Media freedom in Pakistan declined under PTI rule, Pakistani editors said. "
            "As the battle of narratives between Khan and the military went on, Pakistan slipped in the index.")
    _, per = find(text)
    assert [m.place.name for row in per for m in row] == ["Pakistan", "Pakistan"]


def test_the_empire_is_no_place():
    _, per = find("Her notes named the Empire State Building. She had no chance of escaping the Empire's punishment "
                  "in Afghanistan.")
    assert [m.place.name for row in per for m in row] == ["Afghanistan"]


def test_a_small_namesake_in_another_state_than_the_dateline_is_no_place():
    text = ("Brainerd shooting kills 1 person, wounds 4\n\nCHICAGO — A shooting in Brainerd left one woman dead "
            "and four people wounded on Thursday night, police said.")
    _, per = find(text)
    assert [(m.place.name, m.place.admin1) for row in per for m in row] == [("Chicago", "Illinois")]


def test_a_tiny_namesake_of_another_name_does_not_pull_a_city_away():
    text = ("Family members mourn shooting of Knoxville teen\n\nKNOXVILLE (WATE) – A 17-year-old was found shot "
            "in an alley on Sunday. His family moved to North Carolina and sent him to a youth center in Memphis.")
    _, per = find(text)
    assert {m.place.admin1 for row in per for m in row if m.text.lower() == "knoxville"} == {"Tennessee"}


def test_a_small_town_in_another_state_than_the_quoted_police_city_is_no_place():
    text = ("Several injured in shooting near after-hours club\n\nToledo police said the shooting happened at "
            "Junction and Dorr.")
    _, per = find(text)
    assert [(m.place.name, m.place.admin1) for row in per for m in row] == [("Toledo", "Ohio")]


def test_a_dateline_alone_on_its_line_still_places_the_story():
    text = "4 people wounded by gunfire in Reading\n\nREADING, Pa. -\n\nFour people were wounded in a drive-by shooting."
    _, per = find(text)
    assert {(m.place.name, m.place.admin1) for row in per for m in row} == {("Reading", "Pennsylvania")}


def test_us_local_news_wording_points_to_the_us():
    text = ("Panama City Police Investigate Shooting\n\nAround 10:30 Sunday morning, the Panama City Police "
            "Department received a 911 call. Officers went to the 400 block of Harrison Avenue.")
    _, per = find(text)
    assert {m.place.country for row in per for m in row if m.text == "Panama City"} == {"United States"}


def test_a_country_stays_a_country_beside_a_mid_sized_namesake_in_the_story_country():
    text = ("A suspect in the 1985 murder of a United States Navy diver has been arrested in Greece, police said. "
            "The United States has asked for him. The flight from Cairo to San Diego had stops in Boston and Los "
            "Angeles. United States officials in Washington said the United States would seek his extradition.")
    _, per = find(text)
    assert [(m.place.name, m.place.precision) for row in per for m in row if m.text == "Greece"] == \
        [("Greece", "country")]


def test_georgia_is_the_state_in_us_news_and_the_country_beside_tbilisi():
    _, per = find("A man was shot in Georgia, police said. The Douglas County Sheriff said deputies were called "
                  "to the 400 block of Main Street.")
    assert [(m.place.name, m.place.country, m.place.precision) for row in per for m in row] == \
        [("Georgia", "United States", "admin1")]
    _, per = find("Protesters marched in Tbilisi, Georgia, on Sunday.")
    assert [m.place.country for row in per for m in row if m.text == "Tbilisi"] == ["Georgia"]


def test_a_demonym_is_a_people_not_a_region():
    _, per = find("Somali-American Congresswoman Ilhan Omar urged the Somali government to free journalists in "
                  "Mogadishu.")
    assert [m.place.name for row in per for m in row] == ["Mogadishu"]


def test_a_big_city_named_like_a_person_counts_after_from():
    _, per = find("Two known MS-13 members from Houston were charged this week. Jordan said nothing.")
    assert [(m.place.name, m.place.admin1) for row in per for m in row] == [("Houston", "Texas")]


def test_on_a_name_s_plight_is_no_place_but_on_a_country_s_border_is():
    _, per = find("Huizhong Wu reported on He Qian’s plight.")
    assert flat(per) == []
    _, per = find("Troops massed on Syria’s northern border. Shots were fired on Jacksonville's Eastside.")
    assert [(m.text, m.relation) for row in per for m in row] == [("Syria", "on"), ("Jacksonville", "on")]


def test_a_weekday_after_a_city_does_not_make_it_a_longer_name():
    _, per = find("Four people were injured in a shooting in Southeast Bakersfield Friday night.")
    assert [(m.place.name, m.place.admin1) for row in per for m in row] == [("Bakersfield", "California")]


def test_a_named_neighbourhood_of_the_story_city_is_not_the_namesake_town():
    text = ("Five wounded in Austin shooting\n\nFive people were shot Thursday night in the Austin neighborhood "
            "on the West Side, according to Chicago Police.")
    _, per = find(text)
    assert {(m.place.name, m.place.admin1) for row in per for m in row} == {("Chicago", "Illinois")}
    # with no other home city, "the Spring neighborhood" is the neighbourhood in Spring
    _, per = find("Seven people were shot in Spring, Texas, on Wednesday. A neighbor said the Spring neighborhood "
                  "is typically quiet.")
    assert {(m.place.name, m.place.admin1) for row in per for m in row} == {("Spring", "Texas")}
    _, per = find("Shots were fired in an Austin neighborhood on Friday.")
    assert [(m.place.name, m.place.admin1) for row in per for m in row] == [("Austin", "Texas")]


def test_a_near_dateline_gives_the_town():
    _, per = find("Boy shoots himself in leg\n\nNEAR DALLAS, Ore. – Polk County sheriff's deputies said a boy, 2, "
                  "shot himself on Sunday.")
    assert [(m.place.name, m.place.admin1, m.relation) for row in per for m in row][:1] == \
        [("Dallas", "Oregon", "dateline")]


def test_names_at_a_corner_or_intersection_are_streets():
    _, per = find("The victims were standing on the corner of Baltimore and McHenry avenues when a car drove by, "
                  "Cincinnati police said.")
    assert [m.place.name for row in per for m in row] == ["Cincinnati"]


def test_a_small_foreign_namesake_is_dropped_in_a_story_at_home_elsewhere():
    title = "25-year-old woman ID'd as victim in South Flores shooting that injured 4 others"
    caption = "San Antonio police investigate the scene of a fatal shooting on the city’s South Side Sunday morning."
    home = publisher_home("http://www.mysanantonio.com/news/local/crime/article/Woman-9758340.php", Gazetteer.load())
    _, per = find(f"{title}\n\n{title}\n\nPhoto: Pro 21 Video Image 1 of / 8 Caption Close Image 1 of 8 {caption} "
                  f"{caption} Photo: Pro 21 Video Image 2 of 8", home=home)
    assert {m.place.country for row in per for m in row} == {"United States"}


def test_over_before_a_number_is_a_quantity_not_a_place_relation():
    _, per = find("The month-long strike by over 3,000 Toyota workers at two Bidadi plants in the southern "
                  "Indian state of Karnataka is in imminent danger.")
    found = {m.place.name: m.relation for row in per for m in row}
    assert "Toyota" not in found or found["Toyota"] not in ("in", "at")
    assert found["Bidadi"] == "at"
    _, per = find("Fighting raged over Aleppo on Sunday.")
    assert [(m.place.name, m.relation) for row in per for m in row] == [("Aleppo", "in")]


def test_a_gazetteer_name_ending_in_street_is_a_street():
    # GeoNames lists a "Second Street" in British Columbia; it pulled Richmond to Canada
    _, per = find("A baby was hit by an errant bullet on Second Street in Richmond, police said. "
                  "Officers on Second Street found the shell casings.")
    found = [(m.place.name, m.place.country) for row in per for m in row]
    assert ("Second Street", "Canada") not in found
    assert all(country == "United States" for _, country in found)


@pytest.mark.parametrize("text, expected", [
    # only Pennsylvania has a Lycoming County: the state is known, at admin1 precision
    ("It happened at a boat launch near Trout Run in Lycoming County on Tuesday.",
     [("Lycoming County", "Pennsylvania", "admin1", "in")]),
    ("A girl was hospitalized after an accidental shooting, Rankin County authorities said.",
     [("Rankin County", "Mississippi", "admin1", "authority")]),
    # a county name many states bear says nothing alone ...
    ("A boy was killed in Perry County on Sunday.", []),
    # ... but the state written after it, or named elsewhere, decides
    ("A boy was killed in Perry County, Tenn. on Sunday.", [("Perry County", "Tennessee", "admin1", "in")]),
])
def test_a_county_gives_its_state(text, expected):
    _, per = find(text)
    assert [(m.text, m.place.name, m.place.precision, m.relation) for row in per for m in row] == expected


@pytest.mark.parametrize("text, expected", [
    # a possessive county is a county, not the town (Prince George, Virginia)
    ("Bravon Freeman, 22, was charged in the killing, Prince George's County police said Tuesday.",
     [("Prince George's County", "Maryland", "authority")]),
    # a parish is Louisiana's (St. Mary's County is Maryland's)
    ("Shooting occurs in southern Louisiana's St. Mary's Parish.",
     [("Louisiana", "Louisiana", "in"), ("St. Mary's Parish", "Louisiana", "mention")]),
    # sentence-opening English words are no towns (Ho, Ghana; As, Czechia)
    ("No officers were injured during the incident. As police arrived, the man fled.", []),
])
def test_counties_parishes_and_words_that_are_no_towns(text, expected):
    _, per = find(text)
    assert [(m.text, m.place.name, m.relation) for row in per for m in row] == expected


def test_a_dateline_county_names_the_state_of_its_town():
    _, per = find("JACKSONVILLE, ONSLOW COUNTY - Police say a man was charged after his son, 3, shot himself.")
    assert [(m.place.name, m.place.admin1, m.relation) for row in per for m in row][:1] == \
        [("Jacksonville", "North Carolina", "dateline")]


def test_a_title_case_dateline_with_an_agency():
    _, per = find("Macron orders arrests\n\nA photo caption of the arrests.\n\n"
                  "Paris (CNSNews.com) – Decades after the killings, ten Italian fugitives face extradition.")
    assert [(m.place.name, m.place.country) for row in per for m in row if m.relation == "dateline"] == \
        [("Paris", "France")]
    # a Title Case word with an agency that is no place is no dateline
    _, per = find("Reuters report\n\nHeadline (Reuters) - Police said two men were arrested.")
    assert not [m for row in per for m in row if m.relation == "dateline"]


@pytest.mark.parametrize("text, expected", [
    # "The Fort" is a GeoNames name of Augusta; the longer name after "The" wins
    ("The Fort Wayne Police Department said a man was shot.", [("Fort Wayne", "Indiana", "authority")]),
    ("The Las Vegas Metropolitan Police Department said a man was shot.", [("Las Vegas", "Nevada", "authority")]),
    ("A man was shot in The Hague.", [("The Hague", "South Holland", "in")]),
    # an agency in parentheses with spaces inside
    ("KINLOCH, Mo. ( KMOV.com ) – Four people were shot.", [("Kinloch", "Missouri", "dateline")]),
])
def test_names_after_the_and_agencies(text, expected):
    _, per = find(text)
    assert [(m.place.name, m.place.admin1, m.relation) for row in per for m in row] == expected


def test_more_local_nouns_after_a_town():
    for text, place in (("A Hummelstown juvenile died from a gunshot wound.", "Hummelstown"),
                        ("The Carbondale chief said an officer was shot.", "Carbondale")):
        _, per = find(text)
        assert [(m.place.name, m.relation) for row in per for m in row] == [(place, "local")], text
