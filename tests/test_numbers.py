"""Counts read from text (dateline/extract/numbers.py), with the readings of data/quantities.yaml."""

import pytest

from dateline.extract.numbers import LexiconError, find_quantities, parse_number_words, words_of


def counts(text, **kw):
    return [(q.text, q.low, q.best, q.high) for q in find_quantities(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("58 militants", [("58", 58, 58, 58)]),
    ("around 3,000 jihadists", [("around 3,000", 3000, 3000, 3000)]),
    ("1.5 million people", [("1.5 million", 1_500_000, 1_500_000, 1_500_000)]),
    ("fifty-one soldiers and sixty-eight ISIS militants", [("fifty-one", 51, 51, 51), ("sixty-eight", 68, 68, 68)]),
    ("One-hundred and fifty Shia residents", [("One-hundred and fifty", 150, 150, 150)]),
    ("a hundred and fifty", [("a hundred and fifty", 150, 150, 150)]),
    ("a dozen people", [("a dozen", 12, 12, 12)]),
    ("two dozen", [("two dozen", 24, 24, 24)]),
    ("half a dozen", [("half a dozen", 6, 6, 6)]),
    ("Nine Republican Guard troops", [("Nine", 9, 9, 9)]),
])
def test_numbers_in_digits_and_words(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("six to nine soldiers", [("six to nine", 6, 6, 9)]),  # a range is recorded at its low end (ACLED)
    ("between 10 and 12 people", [("between 10 and 12", 10, 10, 12)]),
    ("10-12 people", [("10-12", 10, 10, 12)]),
    ("10 or 12 people", [("10 or 12", 10, 10, 12)]),
    ("one or two people", [("one or two", 1, 1, 2)]),
    ("10 or more people", [("10 or more", 10, 10, None)]),
    ("150+ tanks", [("150+", 150, 150, None)]),
])
def test_ranges(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("at least 58", ("at least 58", 58, 58, None)),
    ("more than 100", ("more than 100", 100, 100, None)),
    ("over 700 tribal members", ("over 700", 700, 700, None)),
    ("about 50 casualties", ("about 50", 50, 50, 50)),
    ("around 20", ("around 20", 20, 20, 20)),
    ("nearly 40", ("nearly 40", 40, 40, 40)),
    ("almost 40", ("almost 40", 40, 40, 40)),
    ("up to 263 positions", ("up to 263", 1, 263, 263)),
    ("as many as 4 people", ("as many as 4", 1, 4, 4)),
    ("fewer than 10", ("fewer than 10", 1, 9, 9)),
    ("some 50 fighters", ("some 50", 50, 50, 50)),
    ("an estimated 3,000", ("an estimated 3,000", 3000, 3000, 3000)),
    ("another 120 insurgents", ("another 120", 120, 120, 120)),  # 120 more, not 121
])
def test_qualifiers(text, expected):
    assert counts(text) == [expected]


@pytest.mark.parametrize("text, low, high", [
    ("several others", 3, 9), ("a few people", 2, 5), ("dozens of soldiers", 24, 99),
    ("scores of troops", 40, 199), ("hundreds of residents", 200, 999), ("thousands of rebels", 2000, 9999),
    ("many rebels", 3, None), ("a number of people", 2, None), ("tens of thousands", 20000, 99999),
])
def test_vague_quantities_take_their_literal_minimum(text, low, high):
    (q,) = find_quantities(text)
    assert (q.low, q.best, q.high, q.qualifier) == (low, low, high, "vague")


def test_offsets_point_into_the_document():
    text = "Clashes left 58 militants dead."
    (q,) = find_quantities(text[8:], offset=8)
    assert (q.start, q.end, text[q.start:q.end]) == (13, 15, "58")


def test_determiners_count_only_when_asked():
    assert counts("a man was shot and another was killed") == []
    assert counts("a man was shot and another was killed; both died", articles=True) == [
        ("a", 1, 1, 1), ("another", 1, 1, 1), ("both", 2, 2, 2)]
    assert counts("a day later", articles=True) == []  # "a day" is a measure


@pytest.mark.parametrize("text", [
    "On 26 November", "November 26", "Nov. 8 (UPI)", "from 29 to 31 October", "the night of 14–15 October",  # dates
    "in 2014", "By mid-November 2016", "the 2014 offensive", "In 2013 police arrested",  # years
    "at about 6 p.m. Monday", "10:30 Monday", "around 2 a.m.",  # times
    "ages 13, 17 and 19", "aged 25", "a 12-year-old", "12- and 10-year-old sons", "Julian Roary, 47, had",
    "his sons, 10 and 12, before", "Smith (25) was", "between the ages of 21 and 58",  # ages
    "2300 block of Raceway Rd", "2516 E 21st St", "call 252-972-1411",  # addresses, phones
    "5th Commando Division", "104th Brigade", "104 Mechanized Brigade", "Brigade 104", "Su-24 jet", "MiG-23",
    "Fox 59", "No. 5",  # unit, model and station names
    "40 percent of the city", "90%", "$200,000 bond", "200 dollars",  # percentages, money
    "3 km from the base", "24 hours", "a three-day siege", "the 28-month-long siege", "shot 5 times",  # measures
    "no one was hurt", "one-third of the city",
])
def test_numbers_that_are_not_counts(text):
    assert counts(text) == []


def test_counts_next_to_non_counts():
    assert counts("On 26 November, 10 soldiers were killed") == [("10", 10, 10, 10)]
    assert counts("In 2014, 1500 people fled") == [("1500", 1500, 1500, 1500)]
    assert counts("Police: 1 Dead, 7 Injured") == [("1", 1, 1, 1), ("7", 7, 7, 7)]


def test_parse_number_words_stops_where_the_number_stops():
    assert parse_number_words("one-hundred and fifty") == (150, 21)
    assert parse_number_words("fifty-one") == (51, 9)
    assert parse_number_words("two and three") == (2, 3)
    assert parse_number_words("three thousand two hundred") == (3200, 26)
    assert parse_number_words("men") is None


def test_word_lists_reject_yaml_booleans():
    with pytest.raises(LexiconError, match="quote words like 'no'"):
        words_of({"stop": ["in", False]}, "stop", "x.yaml")
