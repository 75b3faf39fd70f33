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
            "Police said he had been arrested on 4 May 2015 for theft.")
    got = event_date(text, lead=[0, 1])
    assert (got.date, got.precision) == ("2021-03-08", "day")


def test_dates_after_publication_are_not_the_event():
    text = "Trial set.\n\nThe men, arrested for the attack, will be tried on 20 April."
    assert event_date(text, lead=[0, 1]) is None


def test_nothing_stated_gives_none():
    assert event_date("Activists detained.\n\nPolice detained several activists.", lead=[0, 1]) is None
