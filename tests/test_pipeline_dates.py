"""The date of an article's lead event (dateline/extract/dates_event.py)."""

from __future__ import annotations

from dateline.extract.dates import resolve_dates
from dateline.extract.dates_event import article_event_date
from dateline.extract.sentences import split_sentences
from dateline.extract.types import DateValue

PUBLISHED = DateValue("2021-03-10", "day", "test")


def event_date(text: str, lead: list[int]) -> DateValue | None:
    sents = split_sentences(text)
    dates = resolve_dates(text, sents, kind="article", published=PUBLISHED)
    return article_event_date(sents, dates, PUBLISHED, lead=lead)


def test_a_date_near_a_violation_word_in_the_lead_wins_over_the_first_date():
    text = ("Court hears activist case.\n\nOn 8 March the court heard the case. "
            "She was arrested on 2 March in the capital.")
    got = event_date(text, lead=[0, 1, 2])
    assert (got.date, got.precision) == ("2021-03-02", "day")


def test_the_lead_day_wins_over_an_older_violation_date_later_in_the_article():
    text = ("Man shot dead in city.\n\nA man was found on Monday in his car.\n\n"
            "He was 40. He lived alone. Neighbours were shocked. The street was quiet.\n\n"
            "Police said he had been arrested on 4 May 2015 for theft.")
    got = event_date(text, lead=[0, 1])
    assert (got.date, got.precision) == ("2021-03-08", "day")


def test_dates_after_publication_are_not_the_event():
    text = "Trial set.\n\nThe men, arrested for the attack, will be tried on 20 April."
    assert event_date(text, lead=[0, 1]) is None


def test_nothing_stated_gives_none():
    assert event_date("Activists detained.\n\nPolice detained several activists.", lead=[0, 1]) is None


def test_the_opening_shooting_day_wins_over_a_later_court_day_in_the_lead():
    # the lead mention holds the title and the arraignment; the shooting is in the opening
    text = ("Soldier charged.\n\nA soldier was arraigned Monday in connection with a shooting.\n\n"
            "He was charged with assault in connection to the Saturday shooting.")
    got = event_date(text, lead=[0, 1])
    assert (got.date, got.precision) == ("2021-03-06", "day")


def test_a_second_date_in_a_sentence_near_the_shooting_counts():
    text = "Bond set.\n\nBond was set at $1 million Tuesday for a man accused of shooting a toddler Monday."
    got = event_date(text, lead=[0, 1])
    assert (got.date, got.precision) == ("2021-03-08", "day")


def test_a_coarse_date_gives_way_to_the_day_it_holds():
    text = ("Arrest in shooting.\n\nPolice arrested a man in a shooting earlier this month.\n\n"
            "The man was shot on March 2 outside a bar.")
    got = event_date(text, lead=[0, 1, 2])
    assert (got.date, got.precision) == ("2021-03-02", "day")


def test_an_incident_word_makes_a_date_the_event_s():
    text = ("Girl hurt.\n\nA girl is recovering at home.\n\n"
            "It happened around 11:40 p.m. Tuesday night in the 4100 block of Wallace Street.")
    got = event_date(text, lead=[0, 1])
    assert (got.date, got.precision) == ("2021-03-09", "day")


def test_an_opening_day_far_from_any_violation_word_is_the_event_day():
    text = ("Girl dies after accidental shooting.\n\nThe sheriff's office is investigating.\n\n"
            "Deputies were called out to a residence in Pinetown around 6 p.m. on Tuesday.")
    got = event_date(text, lead=[0])
    assert (got.date, got.precision) == ("2021-03-09", "day")


def test_over_the_weekend_gives_way_to_the_night_it_holds():
    text = ("Gun recovered.\n\nTwo students were shot and killed over the weekend, after a party.\n\n"
            "The party on 29th Street had begun late Saturday night.")
    got = event_date(text, lead=[0, 1])
    assert (got.date, got.precision) == ("2021-03-06", "day")
