"""Calendar arithmetic for date resolution: :class:`Span` and the unit steps it needs.

A Span is a resolved date as an interval of days ``lo``..``hi`` with a precision. A single
day, a whole month or a whole year are the plain cases; anything else is a range. A range
whose ends the text states as days ("from 29 to 31 October", "the night of 14-15 October")
keeps precision "day"; a range the text only implies ("last week", "in the two previous
weeks") gets the precision of the smallest calendar unit holding it, so a consumer never
claims a day the text does not state.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from .dates_terms import Holiday
from .types import DateValue

WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)  # 0 = Monday, as in date_terms.yaml

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Span:
    lo: date
    hi: date
    precision: str  # "day" | "month" | "year"
    basis: str

    @property
    def is_day(self) -> bool:
        """True for a single day or a range whose days the text states."""
        return self.precision == "day"

    def with_basis(self, basis: str) -> Span:
        return replace(self, basis=basis)

    def to_value(self) -> DateValue:
        """The DateValue: ISO at the precision for whole units, else ``date``..``date_end``."""
        if self.lo == self.hi:
            return DateValue(self.lo.isoformat(), "day", self.basis)
        if self.precision == "month" and self.lo == month_start(self.lo) and self.hi == month_end(self.lo):
            return DateValue(f"{self.lo.year:04d}-{self.lo.month:02d}", "month", self.basis)
        if self.precision == "year" and (self.lo.month, self.lo.day, self.hi.month, self.hi.day) == (1, 1, 12, 31) \
                and self.lo.year == self.hi.year:
            return DateValue(f"{self.lo.year:04d}", "year", self.basis)
        return DateValue(self.lo.isoformat(), self.precision, self.basis, date_end=self.hi.isoformat())


def day_span(d: date, basis: str) -> Span:
    return Span(d, d, "day", basis)


def month_span(year: int, month: int, basis: str) -> Span:
    first = date(year, month, 1)
    return Span(first, month_end(first), "month", basis)


def year_span(year: int, basis: str) -> Span:
    return Span(date(year, 1, 1), date(year, 12, 31), "year", basis)


def range_span(lo: date, hi: date, basis: str, *, stated_days: bool) -> Span:
    """lo..hi (swapped if reversed): precision "day" when the text states both days, else the
    smallest calendar unit that holds the range."""
    if hi < lo:
        lo, hi = hi, lo
    if stated_days or lo == hi:
        precision = "day"
    elif (lo.year, lo.month) == (hi.year, hi.month):
        precision = "month"
    else:
        precision = "year"
    return Span(lo, hi, precision, basis)


def join(a: Span, b: Span, basis: str) -> Span:
    """The range from ``a`` to ``b`` ("July 2011 - May 2012", "26 November 2011 - 10 April 2014")."""
    return range_span(a.lo, b.hi, basis, stated_days=a.is_day and b.is_day)


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (30 February) or is out of range."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_start(d: date) -> date:
    """The Monday of d's calendar week."""
    return d - timedelta(days=d.weekday())


def weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7 or 7)


def weekday_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)


def shift(span: Span, unit: str, count: int, basis: str) -> Span | None:
    """``span`` moved by ``count`` units; days from its last day when moving forward and from its
    first day when moving back. Months and years keep their precision."""
    try:
        if unit == "day":
            base = span.hi if count > 0 else span.lo
            return day_span(base + timedelta(days=count), basis)
        if unit == "week":
            base = span.hi if count > 0 else span.lo
            return day_span(base + timedelta(days=7 * count), basis)
        if unit == "month":
            y, m = add_months(span.lo.year, span.lo.month, count)
            return month_span(y, m, basis)
        if unit == "year":
            return year_span(span.lo.year + count, basis)
    except (ValueError, OverflowError):
        return None
    raise ValueError(f"unknown unit {unit!r}")


def holiday_date(h: Holiday, year: int) -> date:
    """The day a holiday falls on in ``year`` (Easter by dateutil's Gregorian computus)."""
    if h.easter is not None:
        return easter(year) + timedelta(days=h.easter)
    if h.day is not None:
        return date(year, h.month, h.day)
    if h.nth == -1:  # the last such weekday: "Memorial Day"
        return date(year, h.month, 1) + relativedelta(day=31, weekday=WEEKDAYS[h.weekday](-1))
    return date(year, h.month, 1) + relativedelta(weekday=WEEKDAYS[h.weekday](h.nth))
