"""News-story datelines: "DEIR EZZOR, Syria, Nov. 8 (UPI) --", "BEIRUT (Reuters) -", "MEMPHIS, Tenn. —"."""

from __future__ import annotations

import re

from ..model import Dateline
from .dates import month_number

# ALL-CAPS place, optional ", Region" parts, optional "Mon. D[, YYYY]", optional "(Agency)", then a dash.
_DATELINE = re.compile(
    r"""^\s*(?:[:|•*]+\s*)?
    (?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])            # DEIR EZZOR
    (?P<regions>(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)*?)   # , Syria / , Tenn.
    (?:,?\s*(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?
    \s*(?:\((?P<agency>[A-Za-z][A-Za-z0-9.&' ]{0,30})\))?
    \s*(?P<dash>--|—|–|-)\s+""",
    re.X,
)
DATELINE_SEARCH_PARAGRAPHS = 4  # the dateline opens one of the first few paragraphs of the body


def parse_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """The dateline at the start of a paragraph and the offset where the story text begins."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place = " ".join(m["place"].split())
    if len(place) < 3 or not any(c.isalpha() for c in place):
        return None
    regions = [r.strip() for r in (m["regions"] or "").split(",") if r.strip()]
    if not (m["agency"] or m["month"] or regions):  # "ISIS -" alone is too weak a signal
        return None
    month = month_number(m["month"]) if m["month"] else None
    return Dateline(
        place=place.title() if place.isupper() else place,
        region=", ".join(regions) if regions else None,
        month=month,
        day=int(m["day"]) if m["day"] else None,
        year=int(m["year"]) if m["year"] else None,
        agency=m["agency"],
    ), m.end()


def find_dateline(paragraphs: list[str]) -> Dateline | None:
    for p in paragraphs[:DATELINE_SEARCH_PARAGRAPHS]:
        found = parse_dateline(p)
        if found:
            return found[0]
    return None
