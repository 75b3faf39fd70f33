"""An article's main place: where the story it leads with happened.

The dateline (unless the title or lead puts the event "in" or "at" another town of its region),
else the title's place (a site-name suffix like " - WTVM.com-Columbus, GA News" ignored), else
the lead's, else the place named most often, else the site suffix's city; then a neighbourhood or suburb
named beside its much bigger city counts as that city ("Englewood" -> Chicago), as incident
databases record it. Calibrated on the GVA articles (bench/score_places_gva.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..gazetteer import Gazetteer
from .places import RELATION_TIER, PlaceFinder
from .types import PlaceMention, Sentence

LEAD_SENTENCES = 3  # sentences of the body that make its lead
# The dateline is where the story was filed; a town of the same region that the title or the
# lead says the event happened "in" or "at" is where it happened ("LOS ANGELES — ... the
# rampage that left them dead in Santa Monica"). GVA places alone: city 0.748 -> 0.750,
# within 25 km 0.663 -> 0.665 (the first body sentence only: 0.749 / 0.665).
DATELINE_YIELDS_TO = ("in", "at")

_SITE_SUFFIX = re.compile(r"\s(?:[-|–—«»]|::)\s")  # " - " / " | " / " :: " in a title
_SITE_WORDS = re.compile(r"\.com|\.org|\.net|News|Weather|Radio|TV\b|Times|Post|Tribune|Herald|Journal|Gazette|"
                         r"Channel|Online|Press|Daily|Patch|Fox|ABC|NBC|CBS", re.I)
_CALL_SIGN = re.compile(r"\b[KW][A-Z]{2,3}(?:-?TV)?\b")  # a US broadcaster: WRAL, KSLA, WBTV


def site_suffix_start(title: str) -> int:
    """Where a title's site-name suffix starts (" - WTVM.com-Columbus, GA News"); len(title) if none."""
    for m in _SITE_SUFFIX.finditer(title):
        rest = title[m.end():]
        if _SITE_WORDS.search(rest) or _CALL_SIGN.search(rest):
            return m.start()
    return len(title)


def main_place(per: list[list[PlaceMention]], sentences: list[Sentence], title_end: int, title_len: int,
               finder: PlaceFinder) -> PlaceMention | None:
    """The article's main place: the dateline, else the title's, else the lead's, else the most frequent.

    In the title and the lead, :meth:`PlaceFinder.event_place` picks among the mentions that
    are tied to the story ("in", "at", "police", "a Memphis man"); a city counts before a region.
    """
    site = [m for row in per for m in row if title_end <= m.start < title_len and m.relation != "context"]
    per = [[m for m in row if not title_end <= m.start < title_len] for row in per]  # the site's own name
    mentions = [m for row in per for m in row if m.relation != "context"]
    body_start = next((n for n, s in enumerate(sentences) if s.start >= title_end), len(sentences))
    title = [m for row in per[:body_start] for m in row if m.end <= title_end and m.relation != "context"]
    lead = [m for row in per[body_start:body_start + LEAD_SENTENCES] for m in row if m.relation != "context"]
    dateline = next((m for m in mentions if m.relation == "dateline" and m.place.precision in ("city", "point")), None)
    if dateline is not None:
        elsewhere = [m for m in title + lead if m.relation in DATELINE_YIELDS_TO and m.place.precision in ("city", "point")
                     and m.place.admin1 == dateline.place.admin1 and m.place.name != dateline.place.name]
        return elsewhere[0] if elsewhere else dateline
    for group in (title, lead, title + lead):
        best = finder.event_place([m for m in group if RELATION_TIER.get(m.relation or "mention", 0) >= 1])
        if best is not None and best.place.precision in ("city", "point"):
            return best
    cities = Counter((m.place.name, m.place.admin1) for m in mentions if m.place.precision in ("city", "point"))
    if cities:
        (name, admin1), _ = cities.most_common(1)[0]
        return next(m for m in mentions if (m.place.name, m.place.admin1) == (name, admin1))
    for precision in ("admin1", "country"):
        found = [m for m in mentions if m.place.precision == precision]
        if found:  # the region or country named most often
            return max(found, key=lambda m: sum(1 for x in found if x.place == m.place))
    # nothing in the story: a local site's home ("... - WMC Action News 5 - Memphis, Tennessee")
    return next((m for m in site if m.place.precision in ("city", "point")), None)


PARENT_MIN_POPULATION = 100_000  # a city this big, named in the article, ...
PARENT_RATIO = 5  # ... and this many times bigger than the main place ...
PARENT_KM = 20.0  # ... and this close to it, is the city the main place is a part of ("Englewood" -> Chicago)


def population(gaz: Gazetteer, place) -> int:
    for e in gaz.lookup(place.name):
        if e.kind == "city" and e.admin1 == place.admin1 and e.country == place.country:
            return e.population
    return 0


def parent_city(main: PlaceMention, per: list[list[PlaceMention]], gaz: Gazetteer) -> PlaceMention:
    """The big city a neighbourhood or suburb belongs to, when the article names both."""
    p = main.place
    if p.precision != "city" or p.lat is None:
        return main
    own = population(gaz, p)
    for m in (m for row in per for m in row):
        q = m.place
        if q.precision != "city" or q.name == p.name or q.lat is None or q.admin1 != p.admin1:
            continue
        if km(p.lat, p.lon, q.lat, q.lon) <= PARENT_KM:
            other = population(gaz, q)
            if other >= PARENT_MIN_POPULATION and other >= PARENT_RATIO * own:
                return m
    return main


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    h = (math.sin(math.radians(b_lat - a_lat) / 2) ** 2
         + math.cos(math.radians(a_lat)) * math.cos(math.radians(b_lat)) * math.sin(math.radians(b_lon - a_lon) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(h))
