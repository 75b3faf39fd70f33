"""News-story datelines: "DEIR EZZOR, Syria, Nov. 8 (UPI) --", "BEIRUT (Reuters) -", "MEMPHIS, Tenn. —"."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Dateline
from .dates import month_number

# ALL-CAPS place, optional ", Region" parts, optional "Mon. D[, YYYY]", optional "(Agency)", then a dash.
_DATELINE = re.compile(
    r"""^\s*(?:[:|•*]+\s*)?
    (?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])            # DEIR EZZOR
    (?P<regions>(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)*?)   # , Syria / , Tenn.
    (?:,?\s*(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?
    \s*(?:\(\s*(?P<agency>[A-Za-z][A-Za-z0-9.&' ]{0,30}?)\s*\))?   # (Reuters), ( KMOV.com )
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


# A dateline alone on its line ("READING, Pa. -"), the story on the next one.
_DASH_END = re.compile(r"\s(?:-|--|\u2014|\u2013)\s*$")
# "PEORIA — A homeless man": a place and a dash with no region, date or agency; a dateline only
# when the caller knows the name as a place (``known_place``).
_BARE_DATELINE = re.compile(r"([A-Z][A-Z.'’ -]{2,30}[A-Z])\s*(?:\([A-Za-z0-9 .&-]{1,20}\))?\s*(?:--|—|–)\s")
# "Paris (CNSNews.com) – Decades after ...": a place in Title Case with an agency, when the
# caller knows the name as a place.
_TITLE_CASE_DATELINE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})\s*\([A-Za-z][A-Za-z0-9.&' ]{0,30}\)\s*(?:--|—|–|-)\s")


def locate_dateline(lines: list[tuple[str, str | None]], *,
                    known_place: Callable[[str], bool] | None = None) -> tuple[Dateline, int] | None:
    """The dateline opening one of ``lines`` and that line's index. Each line comes with the
    text after it, which is read with a dateline standing alone on its line ("READING, Pa. -").
    With ``known_place``, a bare "PEORIA —" or a "Paris (CNSNews.com) –" counts when the name is
    a known place."""
    for n, (line, after) in enumerate(lines):
        if after is not None and _DASH_END.search(line):
            line = f"{line} {after}"
        parsed = parse_dateline(line)
        if parsed:
            return parsed[0], n
        if known_place is None:
            continue
        bare = _BARE_DATELINE.match(line)
        if bare and known_place(bare.group(1)):
            return Dateline(place=bare.group(1).title()), n
        titled = _TITLE_CASE_DATELINE.match(line)
        if titled and known_place(titled.group(1)):
            return Dateline(place=titled.group(1)), n
    return None


def find_dateline(paragraphs: list[str]) -> Dateline | None:
    """The dateline opening one of the first paragraphs of a story."""
    first = paragraphs[:DATELINE_SEARCH_PARAGRAPHS]
    found = locate_dateline([(p, paragraphs[i + 1] if i + 1 < len(paragraphs) else None) for i, p in enumerate(first)])
    return found[0] if found else None
