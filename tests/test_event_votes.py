"""An event's day and city are the ones most of its reports give, one vote per document."""

from dateline.export.events import ReportVotes
from dateline.model import EventRecord, Place

MEMPHIS = Place("Memphis", "Tennessee", "United States", 35.15, -90.05, "city")
MILLINGTON = Place("Millington", "Tennessee", "United States", 35.34, -89.9, "city")


def day(d, basis="'Sunday' in article"):
    return (d, None, "day", basis)


def event_from(reports, doc_days=None, doc_cities=None):
    """The event as compute_events builds it: first mention's date and place, then the vote.
    ``doc_days``: every day each document names (by default the days of its reports here)."""
    ev = EventRecord(id="ev-1", title="")
    if doc_days is None:
        doc_days = {}
        for doc, date, _ in reports:
            if date[2] == "day":
                doc_days.setdefault(doc, set()).add(date[0])
    votes = ReportVotes(doc_days, doc_cities)
    for doc, date, place in reports:
        if ev.date is None and date[0]:
            ev.date, ev.date_end, ev.date_precision, ev.date_basis = date
        if ev.place is None and place is not None:
            ev.place = place
        votes.add(doc, date, place)
    votes.apply(ev)
    return ev


def test_the_day_and_city_most_reports_give_win_over_the_first_report():
    ev = event_from([("a", day("2017-01-22"), MILLINGTON), ("b", day("2017-01-15"), MEMPHIS),
                     ("c", day("2017-01-15"), MEMPHIS)])
    assert (ev.date, ev.date_precision) == ("2017-01-15", "day")
    assert ev.place == MEMPHIS


def test_a_tie_takes_the_earliest_day_and_one_document_votes_once():
    ev = event_from([("a", day("2017-01-16"), MEMPHIS), ("a", day("2017-01-16"), MEMPHIS),
                     ("b", day("2017-01-15"), MILLINGTON)])
    assert ev.date == "2017-01-15"
    assert ev.place == MEMPHIS  # one vote each: the first city stays


def test_a_lone_report_and_coarse_dates_leave_the_event_as_it_is():
    ev = event_from([("a", ("2017-01", None, "month", "month"), MEMPHIS), ("b", day("2017-01-20"), None)])
    assert (ev.date, ev.date_precision) == ("2017-01", "month")


def test_a_lone_day_refines_an_event_dated_only_to_its_year():
    year = ("2015", None, "year", "no date stated; publication date 2015-06-08")
    ev = event_from([("a", year, MEMPHIS), ("b", day("2015-06-07"), MEMPHIS)])
    assert (ev.date, ev.date_precision) == ("2015-06-07", "day")
    other = event_from([("a", year, MEMPHIS), ("b", day("2014-12-30"), MEMPHIS)])
    assert (other.date, other.date_precision) == ("2015", "year")  # not within it: left alone


def test_a_tie_goes_to_the_day_more_reports_name_anywhere():
    # "b" dates its lead by "Wednesday" (a follow-up's day); elsewhere it names the shooting's day too
    reports = [("a", day("2015-03-17"), MEMPHIS), ("b", day("2015-03-11"), MEMPHIS)]
    ev = event_from(reports, {"a": {"2015-03-17"}, "b": {"2015-03-11", "2015-03-17"}})
    assert ev.date == "2015-03-17"
    assert event_from(reports).date == "2015-03-11"  # named once each: the earliest


def test_a_tie_between_cities_goes_to_the_one_more_reports_name_anywhere():
    key = ("Memphis", "Tennessee", "United States")
    reports = [("a", day("2017-01-15"), MILLINGTON), ("b", day("2017-01-15"), MEMPHIS)]
    ev = event_from(reports, doc_cities={"a": {key, ("Millington", "Tennessee", "United States")}, "b": {key}})
    assert ev.place == MEMPHIS
    assert event_from(reports).place == MILLINGTON  # named once each: the first report's city stays
