"""Where a news site is at home, from its web address: weak evidence for the places it reports.

Local news sites are named after their town or state ("chicagotribune.com", "nbcmiami.com",
"pittsburgh.cbslocal.com", "dnainfo.com/chicago/...") or sit under a country's domain
("guardian.ng"). A "Franklin" or "Monroe" in their stories is most likely the one near home.
The home found here is added to a document's place evidence with a small weight (see
:mod:`dateline.extract.places`); it never becomes an event's place by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..gazetteer import Gazetteer, GazetteerEntry
from ..gazetteer.cues import load_cues

# A town's name counts anywhere in a site's name only for a big city ("nbcmiami",
# "pittsburgh.cbslocal"); a smaller town's only at the start ("bozemandailychronicle",
# "helenair"): inside a label short names hide in words ("times-standard" is not Tanda,
# "seacoastonline" not Aston). The gazetteer's compact names go down to its
# COMPACT_MIN_POPULATION. GVA with 100,000 for both / 30,000 at the start: per incident state
# 0.836 / 0.837, within 25 km 0.699 / 0.700.
ANYWHERE_MIN_POPULATION = 100_000
_ARCHIVE = re.compile(r"^https?://web\.archive\.org/web/[^/]+/", re.I)
_GENERIC_SECOND = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "nic"}
# two-letter domains sold to anyone ("tv", "io", "me", "ly", "fm" ...): no country
_NOT_COUNTRY_TLDS = {"tv", "io", "co", "me", "ly", "fm", "am", "ai", "cc", "ws", "to", "gg", "im", "is", "it", "la",
                     "md", "nu", "so", "st", "vc", "eu", "us"}


@dataclass(frozen=True)
class PublisherHome:
    places: tuple[GazetteerEntry, ...]  # places the site's name or path names, longest name first
    country_code: str | None  # the country of its national domain, if any


def _labels(url: str) -> tuple[list[str], str | None]:
    """The site's name labels and path head (without www and generic parts), and its top-level domain."""
    try:
        parts = urlsplit(_ARCHIVE.sub("", url.strip()))
    except ValueError:
        return [], None
    host = (parts.hostname or "").lower()
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return [], None
    tld = labels[-1]
    labels = labels[:-1]
    if len(tld) == 2 and labels and labels[-1] in _GENERIC_SECOND:
        labels = labels[:-1]
    labels = [x for x in labels if x not in ("www", "m", "amp", "mobile", "news")]
    head = next((seg for seg in parts.path.split("/") if seg), "")
    if head.isalpha() and len(head) >= 5:
        labels.append(head.lower())
    return labels, tld


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Words that name a place somewhere but no site's home ("Police", Poland), lower-cased."""
    return frozenset(w.lower() for w in load_cues().not_places)


def publisher_home(url: str | None, gazetteer: Gazetteer) -> PublisherHome | None:
    """The places a site's address names, and its national domain's country; None when neither."""
    if not url:
        return None
    labels, tld = _labels(url)
    names = gazetteer.compact_names()
    not_places = _not_places()
    found: list[GazetteerEntry] = []
    for label in labels:
        word = "".join(ch for ch in label if ch.isalpha())
        best = None
        for size in range(len(word), 4, -1):  # the longest place name inside the label
            for i in range(len(word) - size + 1):
                e = names.get(word[i:i + size])
                if e is not None and e.name.lower() not in not_places \
                        and (i == 0 or e.kind != "city" or e.population >= ANYWHERE_MIN_POPULATION):
                    best = e
                    break
            if best is not None:
                break
        if best is not None and best not in found:
            found.append(best)
    cc = None
    if tld and len(tld) == 2 and tld not in _NOT_COUNTRY_TLDS:
        cc = gazetteer.country_code(tld.upper())
    if not found and cc is None:
        return None
    return PublisherHome(tuple(found), cc)
