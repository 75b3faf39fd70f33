"""Publication dates from metadata strings, with their precision. Nothing is filled from today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}


@dataclass(frozen=True)
class MetaDate:
    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # "day" | "month" | "year"


def month_number(word: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Nov.", "Sept", "November")."""
    w = word.strip(". ").lower()
    if w.startswith("sept"):
        w = "sep"
    return MONTHS.get(w[:3]) if len(w) >= 3 and (w[:3] in MONTHS) and _is_month_word(w) else None


def _is_month_word(w: str) -> bool:
    full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"]
    return any(f.startswith(w) for f in full) or w == "sep"


def parse_meta_date(raw: object) -> MetaDate | None:
    """Parse a metadata date ("2015-11-08", "2021-03-08 23:00:34", RFC 822, ISO with zone).

    Returns None for anything unparseable or impossible; never guesses a missing year.
    """
    if raw is None:
        return None
    s = str(raw).strip()
    if not s:
        return None
    try:
        if m := _YMD.match(s):
            return MetaDate(date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day")
        if m := _YEAR_MONTH.match(s):
            if 1 <= int(m[2]) <= 12:
                return MetaDate(f"{int(m[1]):04d}-{int(m[2]):02d}", "month")
            return None
        if m := _YEAR.match(s):
            return MetaDate(m[1], "year")
    except ValueError:
        return None
    try:  # RFC 822 / 2822, as RSS uses
        return MetaDate(parsedate_to_datetime(s).date().isoformat(), "day")
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return MetaDate(datetime.fromisoformat(s).date().isoformat(), "day")
    except ValueError:
        return None
