"""Dates of sentences (dateline/extract/dates.py): reference points, chronologies, precision."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest
import yaml

from dateline.extract.dates import SentenceDate, resolve_dates, states_calendar_day
from dateline.extract.dates_terms import BadDateTerms, load_terms, parse_terms
from dateline.extract.sentences import split_sentences
from dateline.extract.types import DateValue
from dateline.readers.files import read_file

from .conftest import SHARED, seed

PUB_001 = DateValue("2015-11-08", "day", "test: UPI dateline")  # a Sunday


def pub(iso: str) -> DateValue:
    return DateValue(iso, "day" if len(iso) == 10 else "month" if len(iso) == 7 else "year", "test")


def resolve(text: str, *, kind: str = "article", published: DateValue | None = None) -> list[SentenceDate]:
    return resolve_dates(text, split_sentences(text), kind=kind, published=published)


def own(text: str, published: str | None = "2015-11-08", *, kind: str = "article") -> DateValue | None:
    """The own date of a one-sentence text."""
    (sd,) = resolve(text, kind=kind, published=pub(published) if published else None)
    return sd.own


def span(v: DateValue | None) -> tuple[str, str | None, str] | None:
    return None if v is None else (v.date, v.date_end, v.precision)


def by_quote(doc_text: str, dates: list[SentenceDate], quote: str) -> SentenceDate:
    sentences = split_sentences(doc_text)
    for s, sd in zip(sentences, dates):
        if quote in s.text:
            return sd
    raise AssertionError(f"quote not found: {quote}")


def satisfies(v: DateValue | None, gold: str) -> bool:
    """score.py's date_ok for a day, a month (YYYY-MM) or an interval A/B."""
    if v is None:
        return False
    d = v.date[:10]
    if "/" in gold:
        lo, hi = gold.split("/")
        return len(d) == 10 and lo <= d <= hi
    if len(gold) == 7:
        return d.startswith(gold)
    return d == gold or bool(v.date_end and d <= gold <= v.date_end)


# --- seed 001: an article published Sunday 2015-11-08 -------------------------------------------


@pytest.fixture(scope="module")
def doc001():
    (doc,) = read_file(seed("001"))
    return doc, resolve_dates(doc.text, split_sentences(doc.text), kind="article", published=PUB_001)


@pytest.mark.parametrize("quote, expected", [
    ("resulted in the deaths of 58 militants", ("2015-11-08", None, "day")),  # "Nov. 8", "Sunday"
    ("on Sunday said regime forces were battling", ("2015-11-08", None, "day")),
    ("including in September, when the group", ("2015-09", None, "month")),
    ("Since early last month, the Syrian military", None),  # background: since ...
    ("SOHR reported Sunday airstrikes", ("2015-11-08", None, "day")),
    ("adjacent town of Tadmur from the Syrian military in May", ("2015-05", None, "month")),
    ("on Friday said it conducted 81 combat sorties over the previous day", ("2015-11-05", None, "day")),
    ("The SDF announced an offensive against IS in al-Hasakah late last month", ("2015-10", None, "month")),
    ("on Friday said the day prior it conducted two airstrikes", ("2015-11-05", None, "day")),
])
def test_seed_001_own_dates(doc001, quote, expected):
    doc, dates = doc001
    assert span(by_quote(doc.text, dates, quote).own) == expected


def test_seed_001_title_has_no_date_and_later_sentences_carry_the_running_date(doc001):
    doc, dates = doc001
    title = by_quote(doc.text, dates, "Regime forces kill 58 Islamic State fighters")
    assert title == SentenceDate(None, None, None, None, None)
    carried = by_quote(doc.text, dates, "SANA reported the clashes took place")
    assert carried.own is None and carried.current.date == "2015-11-08"
    assert carried.text == "Nov. 8" and doc.text[carried.start:carried.end] == "Nov. 8"


def test_seed_001_bases(doc001):
    doc, dates = doc001
    assert by_quote(doc.text, dates, "SOHR reported Sunday").own.basis == \
        "weekday 'Sunday' in article published 2015-11-08"
    assert by_quote(doc.text, dates, "the day prior").own.basis == "'the day prior' after 2015-11-06"


# --- seed 003: an article whose publication date is unknown -------------------------------------


def test_seed_003_weekdays_and_relative_phrases_stay_unknown():
    (doc,) = read_file(seed("003"))
    dates = resolve_dates(doc.text, split_sentences(doc.text), kind="article", published=None)
    lead = by_quote(doc.text, dates, "a monitor said Friday")
    assert lead == SentenceDate(None, None, None, None, None)  # not carried from the photo caption
    assert by_quote(doc.text, dates, "Most of Thursday’s dead").current is None
    assert by_quote(doc.text, dates, "earlier this month").current is None
    assert span(by_quote(doc.text, dates, "on June 9, 2017").own) == ("2017-06-09", None, "day")
    assert span(by_quote(doc.text, dates, "Syria August 12, 2017").own) == ("2017-08-12", None, "day")


# --- seed 004: a chronology ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def doc004():
    (doc,) = read_file(seed("004"))
    return doc, resolve_dates(doc.text, split_sentences(doc.text), kind="reference", published=None,
                              sections=doc.sections)


def _acceptance(prefix: str) -> list[dict]:
    lines = (SHARED / "acceptance" / "seed_events.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and json.loads(line)["id"].startswith(prefix)]


@pytest.mark.parametrize("item", _acceptance("S004-"), ids=lambda it: it["id"])
def test_seed_004_acceptance_dates(doc004, item):
    doc, dates = doc004
    sd = by_quote(doc.text, dates, item["quote"])
    assert satisfies(sd.current, item["date"]), (item["id"], sd.current)


@pytest.mark.parametrize("quote, expected", [
    ("On 31 July 2011, the government sent", ("2011-07-31", None, "day")),
    ("By 13 August 2011, anti-government activists", ("2011-08-13", None, "day")),
    ("On 17 August, the military ordered a partial retreat", ("2011-08-17", None, "day")),
    ("On 26 November, 10 soldiers were killed", ("2011-11-26", None, "day")),
    ("On 22 May, it was reported that two protesters", ("2012-05-22", None, "day")),
    ("On 13 June, hundreds of Syrian Army troops", ("2012-06-13", None, "day")),  # heading "June 2012 fighting"
    ("By 19 July, FSA had seized control", ("2012-07-19", None, "day")),
    ("Three days later, the FSA took control of the head security compound", ("2012-09-04", None, "day")),
    ("Shortly afterwards video of its downing", ("2012-08-13", None, "day")),
    ("Later that day, Al Jazeera reported", ("2012-08-22", None, "day")),
    ("Two days later, the rebels surrounded the airport", ("2012-11-24", None, "day")),
    ("On 11 January 2013, it was reported", ("2013-01-11", None, "day")),  # explicit year wins
    ("From January to April 2013, there were clashes", ("2013-01-01", "2013-04-30", "year")),
    ("On 22 February, Free Syrian Army fighters captured", ("2013-02-22", None, "day")),
    ("On 6 May, the Free Syrian Army shot down", ("2013-05-06", None, "day")),  # not reset by "in 2014"
    ("The next day, in retaliation for the attack", ("2013-06-11", None, "day")),
    ("As of 20 August, the western Hawiqa neighborhood", ("2013-08-20", None, "day")),
    ("On the same day, the Army hit rebel forces", ("2013-08-20", None, "day")),
    ("Three days later, the chief of Syrian Military Intelligence", ("2013-10-17", None, "day")),
    ("However, three days later, Syrian troops", ("2013-12-30", None, "day")),
    ("On 3 February, the rebels were pushing", ("2014-02-03", None, "day")),  # rolled forward
    ("One week later, the rebels took over", ("2014-02-10", None, "day")),
    ("Within a day, more than thirty FSA battalions", ("2014-02-10", "2014-02-11", "month")),
    ("On 10 April, ISIS launched a three-pronged assault", ("2014-04-10", None, "day")),  # "April offensive"
    ("One day later, ISIS executed the rebel commander", ("2014-07-15", None, "day")),
    ("in the two previous weeks Islamic State", ("2014-08-03", "2014-08-17", "month")),
    ("Two days later, General Issam Zahreddine", ("2014-09-05", None, "day")),
    ("On the night of 14–15 October", ("2014-10-14", "2014-10-15", "day")),
    ("Two days later, ISIS detonated a car bomb", ("2014-10-28", None, "day")),
    ("from 29 to 31 October", ("2014-10-29", "2014-10-31", "day")),
    ("During the night of 6 December", ("2014-12-06", None, "day")),
])
def test_seed_004_running_date(doc004, quote, expected):
    doc, dates = doc004
    assert span(by_quote(doc.text, dates, quote).current) == expected


def test_seed_004_headings_set_context(doc004):
    doc, dates = doc004
    assert span(by_quote(doc.text, dates, "=== June 2012 fighting ===").own) == ("2012-06", None, "month")
    assert span(by_quote(doc.text, dates, "== 2012–2014 battle for control ==").own) == \
        ("2012-01-01", "2014-12-31", "year")
    assert span(by_quote(doc.text, dates, "=== July–August 2012 FSA offensive ===").own) == \
        ("2012-07-01", "2012-08-31", "year")
    assert span(by_quote(doc.text, dates, "=== September–November 2014 Army offensive ===").own) == \
        ("2014-09-01", "2014-11-30", "year")
    # no date in the heading: the running date goes on
    assert span(by_quote(doc.text, dates, "== Aftermath ==").current) == ("2014-03-27", None, "day")


def test_seed_004_background_dates_do_not_move_the_running_date(doc004):
    doc, dates = doc004
    airstrike = by_quote(doc.text, dates, "attacked by an Israeli airstrike back in 2007")
    assert airstrike.own is None and airstrike.current.date == "2013-02-22"
    bridge = by_quote(doc.text, dates, "built during the Mandate for Syria")
    assert bridge.own.date == "2013-05-02"
    later = by_quote(doc.text, dates, "until its destruction in 2014")
    assert later.own.date == "2014"  # stated here, but not a running date
    assert by_quote(doc.text, dates, "On 6 May, the Free Syrian Army").own.date == "2013-05-06"


def test_seed_004_bases(doc004):
    doc, dates = doc004
    assert by_quote(doc.text, dates, "On 26 November, 10 soldiers").own.basis == \
        "'On 26 November' in running year 2011"
    assert by_quote(doc.text, dates, "Two days later, the rebels surrounded").own.basis == \
        "'Two days later' after 2012-11-22"
    assert "rolled forward to 2014" in by_quote(doc.text, dates, "On 3 February, the rebels").own.basis


def test_chronology_without_sections_reads_heading_lines():
    text = ("== June 2012 fighting ==\nOn 13 June, troops stormed the city.\n\n"
            "== Aftermath ==\nOn 1 July, five rebels were killed. The next day, more died.")
    got = [span(sd.current) for sd in resolve(text, kind="reference")]
    assert got == [("2012-06", None, "month"), ("2012-06-13", None, "day"), ("2012-06-13", None, "day"),
                   ("2012-07-01", None, "day"), ("2012-07-02", None, "day")]


# --- articles: the publication date is the reference point ---------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Clashes on Sunday killed 58 militants.", ("2015-11-08", None, "day")),  # same day, not a week back
    ("Police arrested him on Friday.", ("2015-11-06", None, "day")),
    ("Most of Thursday's dead came from the south.", ("2015-11-05", None, "day")),
    ("He was shot last Sunday.", ("2015-11-01", None, "day")),
    ("She will appear in court on Tuesday.", ("2015-11-10", None, "day")),
    ("Two men were arrested yesterday.", ("2015-11-07", None, "day")),
    ("The strike began today.", ("2015-11-08", None, "day")),
    ("Protesters gather tonight.", ("2015-11-08", None, "day")),
    ("A bomb exploded last night.", ("2015-11-07", None, "day")),
    ("Police raided the office this morning.", ("2015-11-08", None, "day")),
    ("The clashes started Monday evening.", ("2015-11-02", None, "day")),
    ("Gunmen attacked early Sunday.", ("2015-11-08", None, "day")),
    ("Three people were killed two days ago.", ("2015-11-06", None, "day")),
    ("DEIR EZZOR, Syria, Nov. 8 (UPI) -- Clashes broke out.", ("2015-11-08", None, "day")),
    ("He was detained on November 3.", ("2015-11-03", None, "day")),
    ("He was detained on 3 November.", ("2015-11-03", None, "day")),
    ("He was detained on 26 December.", ("2014-12-26", None, "day")),  # would be after publication
    ("He was detained on November 12.", ("2015-11-12", None, "day")),  # within a few days: same year
    ("The trial is scheduled to open on 26 January.", ("2016-01-26", None, "day")),  # future tense
    ("Troops drove to Tal Afar on June 9, 2017.", ("2017-06-09", None, "day")),
    ("He was arrested on 26 November 2011.", ("2011-11-26", None, "day")),
    ("Maldives, Thursday, May 6, 2021.", ("2021-05-06", None, "day")),
    ("The report was dated 2015-10-30.", ("2015-10-30", None, "day")),
    ("Rebels seized villages last week.", ("2015-10-26", "2015-11-01", "year")),
    ("A girl died this week.", ("2015-11-02", "2015-11-08", "month")),
    ("Activists were detained over the weekend.", ("2015-11-07", "2015-11-08", "month")),
    ("The army broke the siege earlier this month.", ("2015-11", None, "month")),
    ("They were arrested last month.", ("2015-10", None, "month")),
    ("The group attacked in September.", ("2015-09", None, "month")),
    ("The group attacked in December.", ("2014-12", None, "month")),
    ("Since March 2011 protests have continued, but in late July 2011 troops moved in.", ("2011-07", None, "month")),
    ("Troops pushed through the desert this summer.", ("2015-06-01", "2015-08-31", "year")),
    ("Fighting intensified earlier this year.", ("2015", None, "year")),
    ("He was jailed last year.", ("2014", None, "year")),
    ("He was jailed in 2014.", ("2014", None, "year")),
    ("The miners struck in February this year.", ("2015-02", None, "month")),
    ("It happened in mid-November 2014.", ("2014-11", None, "month")),
    ("Fighting between 2006 and 2010 killed thousands.", ("2006-01-01", "2010-12-31", "year")),
    ("The army shelled the town from 29 to 31 October.", ("2015-10-29", "2015-10-31", "day")),
])
def test_article_expressions(sentence, expected):
    assert span(own(sentence)) == expected


def test_earlier_this_week_on_a_monday_is_the_week_just_past_not_that_monday():
    # Monday 24 May 2021: the week so far is that one day, which the text does not mean
    assert span(own("Earlier this week an opposition activist died in a penal colony.", "2021-05-24")) == \
        ("2021-05-18", "2021-05-24", "month")
    assert span(own("Earlier this week an activist died.", "2021-05-26")) == ("2021-05-24", "2021-05-26", "month")


@pytest.mark.parametrize("sentence", [
    "The clashes continued on Sunday.", "Two men were arrested yesterday.", "It happened last month.",
    "He was detained on 26 February.", "The group attacked in September.", "Rebels advanced this summer.",
    "Two days later, the rebels attacked.", "The next day, police arrived.",
])
def test_unknown_publication_leaves_relative_dates_unknown(sentence):
    (sd,) = resolve(sentence, published=None)
    assert sd == SentenceDate(None, None, None, None, None)


def test_hrd_like_phrasing():
    text = ("Police on Tuesday arrested three activists. They had been detained on 26 February, "
            "a lawyer said. The union was banned last month.")
    got = [span(sd.own) for sd in resolve(text, published=pub("2021-03-10"))]
    assert got == [("2021-03-09", None, "day"), ("2021-02-26", None, "day"), ("2021-02", None, "month")]


def test_a_stated_weekday_picks_the_year_unless_the_report_is_days_later():
    # 11 November 2016 was a Friday: a report of 23 November 2016 slipped on the weekday
    assert own("The boy was shot on Wednesday, November 11.", "2016-11-23").date == "2016-11-11"
    # 2 March 2016 was a Wednesday; a report of 2017 saying "Wednesday, March 2" means 2016
    assert own("The boy was shot on Wednesday, March 2.", "2017-06-20").date == "2016-03-02"


@pytest.mark.parametrize("sentence, published, expected", [
    ("A man was shot on Christmas Day.", "2016-12-27", "2016-12-25"),
    ("He was killed on Thanksgiving.", "2016-11-26", "2016-11-24"),  # the fourth Thursday of November
    ("Two teens were shot on New Year’s Eve.", "2017-01-02", "2016-12-31"),  # the year before
    ("It happened on Easter Sunday.", "2016-03-30", "2016-03-27"),
    ("The girl was shot on Halloween.", "2016-01-05", "2015-10-31"),
    ("A Fourth of July party ended in gunfire.", "2015-07-06", "2015-07-04"),
    ("The shooting on Christmas Eve 2014 killed two.", "2016-03-30", "2014-12-24"),
    ("He was shot on Memorial Day.", "2016-06-01", "2016-05-30"),  # the last Monday of May
])
def test_holidays_name_their_day(sentence, published, expected):
    got = own(sentence, published)
    assert (got.date, got.precision) == (expected, "day")


@pytest.mark.parametrize("sentence", [
    "The Easter egg hunt was cancelled.", "He came home for Christmas.", "A Christmas party was held.",
    "Shots were fired over Memorial Day weekend.", "The day after Christmas, he left.",
])
def test_holiday_words_that_name_no_day(sentence):
    assert own(sentence, "2016-12-28") is None


def test_date_of_saying_gives_way_to_the_event_date():
    (sd,) = resolve("A court on Monday said the journalists were arrested on 26 February.",
                    published=pub("2021-03-10"))
    assert sd.own.date == "2021-02-26" and sd.text == "on 26 February"


def test_relative_chain_in_an_article_counts_from_the_last_stated_day():
    text = "The girls were kidnapped on February 26. They were freed two days later. Police arrived the next day."
    got = [span(sd.current) for sd in resolve(text, published=pub("2021-03-08"))]
    assert got == [("2021-02-26", None, "day"), ("2021-02-28", None, "day"), ("2021-03-01", None, "day")]


def test_anaphoric_phrases_never_count_from_the_publication_date():
    (sd,) = resolve("Two days later, police arrived.", published=pub("2021-03-08"))
    assert sd.own is None and sd.current is None


def test_names_that_look_like_dates_are_not_dates():
    for sentence in ("He told USA Today the story.", "May God help us.", "She spoke at the Winter Olympics.",
                     "After the fall of Hamdan, rebels regrouped.", "He acted against his will on Sunday.",
                     "More than 2014 people signed.", "The 5th Commando Division attacked."):
        sd, = resolve(sentence, published=pub("2015-11-08"))
        assert sd.own is None or sd.own.date == "2015-11-08", sentence
    (sd,) = resolve("He acted against his will on Sunday.", published=pub("2015-11-08"))
    assert sd.own.date == "2015-11-08"  # "will" as a noun is no future tense


# --- chronology rules on small texts --------------------------------------------------------------


def test_rolling_year_forward():
    text = "On 27 December 2013, rebels took the town. On 3 February, they pushed on. On 11 January 2015, it fell."
    got = [sd.own.date for sd in resolve(text, kind="reference")]
    assert got == ["2013-12-27", "2014-02-03", "2015-01-11"]


def test_small_backward_steps_keep_the_year():
    text = "On 30 November 2012, SOHR reported fighting. On 22 November, rebels captured a base."
    assert [sd.own.date for sd in resolve(text, kind="reference")] == ["2012-11-30", "2012-11-22"]


def test_relative_chain_in_a_chronology():
    text = ("On 22 November 2012, rebels captured the base. Two days later, they surrounded the airport. "
            "One week later, the airport fell. The same day, a jet crashed. Within a day, talks began.")
    got = [span(sd.current) for sd in resolve(text, kind="reference")]
    assert got == [("2012-11-22", None, "day"), ("2012-11-24", None, "day"), ("2012-12-01", None, "day"),
                   ("2012-12-01", None, "day"), ("2012-12-01", "2012-12-02", "month")]


def test_counting_needs_a_day_not_a_month():
    text = "== June 2012 fighting ==\nThe next day, troops advanced."
    got = resolve(text, kind="reference")[1].own
    assert span(got) == ("2012-06", None, "month")  # a day after some day of June 2012: June, at best
    assert got.basis == "'The next day' after 2012-06 (month only)"
    (sd,) = resolve("In 2012, fighting began. Two days later, troops came.", kind="reference")[1:]
    assert sd.own is None and sd.current is None  # a day after some day of a year: unknown


# --- digests --------------------------------------------------------------------------------------


def test_digest_relative_dates_count_from_the_digest_date():
    text = "- Rebels seize the town. A ceasefire was agreed yesterday."
    got = [span(sd.current) for sd in resolve(text, kind="digest", published=pub("2017-08-28"))]
    assert got == [("2017-08-28", None, "day"), ("2017-08-27", None, "day")]


def test_digest_lines_take_the_date_of_their_linked_item():
    (doc,) = read_file(seed("000"))
    dates = resolve_dates(doc.text, split_sentences(doc.text), kind="digest", published=pub("2015-11-08"))
    assert by_quote(doc.text, dates, "A ceasefire was reached between warring parties yesterday").own.date == \
        "2017-08-27"
    assert by_quote(doc.text, dates, "leaves at least 47 civilians dead").current.date == "2016-01-23"
    assert by_quote(doc.text, dates, "result in the deaths of 58 militants").current.date == "2015-11-08"


# --- never today; inputs are checked ---------------------------------------------------------------


def test_nothing_ever_resolves_to_today():
    today = date.today().isoformat()
    texts = ["Sunday", "today", "yesterday", "this morning", "last week", "earlier this month", "this year",
             "on 26 February", "in September", "The next day, police came.", "Two days later, it ended."]
    for kind in ("article", "digest", "reference"):
        for t in texts:
            for sd in resolve(t, kind=kind, published=None):
                assert sd.own is None and sd.current is None, (kind, t)
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        (doc,) = read_file(path)
        for sd in resolve_dates(doc.text, split_sentences(doc.text), kind=doc.kind, published=None,
                                sections=doc.sections or None):
            for v in (sd.own, sd.current):
                assert v is None or today not in (v.date, v.date_end), path.name


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind must be one of article, reference, digest"):
        resolve_dates("x", split_sentences("x"), kind="blog", published=None)


def test_date_terms_are_validated():
    assert load_terms().months["sept"] == 9 and load_terms().weekdays["sunday"] == 6
    with pytest.raises(BadDateTerms, match="'units'"):
        parse_terms({"seasons": {}, "number_words": {"one": 1}, "units": ["fortnight"]})
    with pytest.raises(BadDateTerms, match="'seasons.summer'"):
        parse_terms({"seasons": {"summer": [6]}, "number_words": {}})
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("date_terms.yaml").read_text("utf-8"))
    raw["holidays"]["thanksgiving"] = {"month": 11, "weekday": 3, "nth": 5}
    with pytest.raises(BadDateTerms, match="'holidays.thanksgiving'"):
        parse_terms(raw)


def test_states_calendar_day():
    assert states_calendar_day("on 26 February") and states_calendar_day("Nov. 8")
    assert states_calendar_day("On the night of 14–15 October")
    assert not states_calendar_day("on Friday") and not states_calendar_day("yesterday")
    assert not states_calendar_day("Two days later") and not states_calendar_day("in September")


def test_offsets_point_into_the_document_text():
    text = "Title line\n\nPolice said on Monday that 3 people died on 26 February."
    (title, body) = resolve(text, published=pub("2021-03-10"))
    assert body.text == "on 26 February" and text[body.start:body.end] == "on 26 February"


@pytest.mark.parametrize("text", [
    "October 27, 2013 11:16 AM South Florida Crime Coverage",
    "By Jane Doe Updated: Mar 29, 2017 - 4:13 AM",
    "Posted: Tuesday, March 31, 2015 5:46 PM EDT",
    "More at 11. — Nefertiti Jaquez (@NefertitiWSB) March 29, 2017",
])
def test_a_page_or_post_stamp_dates_nothing(text):
    from dateline.extract.dates_scan import scan
    assert scan(text) == []


def test_a_date_with_its_time_in_the_story_is_still_a_date():
    from dateline.extract.dates_scan import scan
    (c,) = scan("The shooting happened on October 27, 2013 at 11:16 a.m., police said.")
    assert (c.year, c.month, c.day) == (2013, 10, 27)
