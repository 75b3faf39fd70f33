"""Article segmentation: which event sentences form the lead mention and which start others."""

from dateline.extract.dates import SentenceDate
from dateline.extract.segment import SentenceFacts, segment_article
from dateline.extract.types import DateValue, PlaceMention, Sentence
from dateline.model import Place


def fact(paragraph, *, day=None, admin1=None, event=True):
    own = DateValue(day, "day" if len(day) == 10 else "month", "test") if day else None
    places = [PlaceMention(Place("Town", admin1, "United States"), 0, 4, "Town", "in")] if admin1 else []
    return SentenceFacts(Sentence(0, 1, "x", paragraph), SentenceDate(own, own, None, None, None), places, event)


def test_an_undated_later_paragraph_goes_back_to_the_lead():
    facts = [fact(0, admin1="Kansas"), fact(1, day="2016-11-23"),
             fact(5, day="2015-06-01"), fact(5),  # an earlier incident recalled, and its detail
             fact(6), fact(6)]  # the article back on its story
    assert segment_article(facts, has_title=True) == [[0, 1, 4, 5], [2, 3]]


def test_a_later_paragraph_naming_another_region_does_not_go_back_to_the_lead():
    facts = [fact(0, admin1="Kansas"), fact(1), fact(5, day="2015-06-01"), fact(6, admin1="Ohio")]
    assert segment_article(facts, has_title=True) == [[0, 1], [2, 3]]


def test_a_day_within_the_current_month_is_the_same_date():
    facts = [fact(0), fact(1, day="2016-07"), fact(2, day="2016-07-04"), fact(3, day="2016-07-09")]
    assert segment_article(facts, has_title=True) == [[0, 1, 2], [3]]


def test_an_undated_lead_keeps_a_later_sentence_dated_just_before_publication():
    facts = [fact(0), fact(1), fact(5, day="2015-03-22"), fact(6, day="2014-08-01")]
    # Sunday's killing in Monday's paper is the lead's story; last year's is another incident
    assert segment_article(facts, has_title=True, published="2015-03-23") == [[0, 1, 2], [3]]
    assert segment_article(facts, has_title=True) == [[0, 1], [2], [3]]  # no publication day: no telling
