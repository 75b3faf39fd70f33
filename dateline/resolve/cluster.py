"""Group mentions into events: union-find over rules, with blocking so cost stays near-linear.

Rules, in order:

1. Mentions of the same digest item are one event (the item listed on several pages).
2. An article's lead mention joins the event of every digest item that cites the article.
3. Lead mentions of different documents are compared only within a block: the same city
   (mentions without a city are not compared), dates at day precision at most
   ``DATE_WINDOW_DAYS`` apart (``APPROX_WINDOW_DAYS`` when one has only its document's
   publication day). Within a block two leads are the same event when their event types agree
   (or one is unknown), and their killed and wounded figures agree where both state them.
   Leads that both have opening words are left to rule 5 instead: in a busy city, agreeing
   figures alone chained unrelated shootings (GVA: Chicago).
4. Lead mentions of articles in the same region (admin1) at most ``REGION_WINDOW_DAYS`` apart
   are one event when they name the same person or their first sentences (titles) share
   most of their content words.
5. Article leads whose openings (title and first paragraphs, furniture dropped:
   :mod:`dateline.resolve.words`) share rare words and are dated close together are one event
   when the IDF-weighted cosine of their openings reaches a threshold set by the date gap and
   by whether city or region agree. Matches are applied likeliest first, and a match that would
   join two groups whose openings are on average unalike (``COHESION_OPENINGS``) is refused.
6. Article leads at most ``KEY_WINDOW_DAYS`` apart that share a strong key (a victim's or
   suspect's full name, a street block in the same city) are one event: the follow-up reports
   of charges, sentencing and funerals. The region need not agree (a follow-up's place is often
   resolved wrongly, e.g. "East Westwood" in Cincinnati), but the groups joined must be on
   average alike (``COHESION_KEYS``): a roundup naming the victims of several incidents does not
   chain them.
Secondary (non-lead) mentions are not merged across documents: an incident recalled in passing
joined unrelated reports into chains.
Mentions of the same document are never merged here: segmentation already decided them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .mentions import MentionFacts
from .words import Idf

DATE_WINDOW_DAYS = 2  # reports of one incident date it within this many days of each other
APPROX_WINDOW_DAYS = 4  # ... and when one only has its publication day, within this many
# Violent event types that reports of one incident use interchangeably (a street shooting is
# "Crime" in one article and an attack on civilians in another).
VIOLENT_TYPES = {"Crime", "Violence against civilians", "Battles", "Explosions/Remote violence", "Riots",
                 "Organized crime"}


REGION_WINDOW_DAYS = 3  # mentions in one region (admin1) this close may still be one event when ...
TITLE_SIMILARITY = 0.8  # ... their first sentences share this share of content words, or they name the same person
# Rule 4 is single-link with no cohesion check, so generic report words ("15-year-old", "boy",
# "death") are not content: they chained a Rockford murder and eleven Chicago shootings within
# three weeks. GVA, with these stopwords, threshold 0.5 / 0.6 / 0.7 / 0.8: B-cubed P 0.965 / 0.969
# / 0.971 / 0.973 at F1 0.927 each; per-incident date 0.718 / 0.721 / 0.721 / 0.723.
_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset("""a an the of in on at to for and or by with from after before as is are was were be been
has have had that this it its he she his her they their police say says said man woman men women people
one two three four five shot shooting killed dead injured wounded year old boy girl teen teenager child
death dies died fatal fatally accidental accidentally hospital charged arrested suspect victim identified""".split())


# Rule 5: article leads whose openings share rare words. Blocking: only leads sharing a word
# found in at most RARE_MAX_DOCS openings are compared, and only when dated at most
# TEXT_WINDOW_DAYS apart. The IDF-weighted cosine of their openings must reach a threshold
# that rises with the date gap and falls when region or city agree (GVA, pairs by band).
RARE_MAX_DOCS = 20
TEXT_WINDOW_DAYS = 14
NEAR_DAYS = 2
# (gap at most NEAR_DAYS, gap within TEXT_WINDOW_DAYS) thresholds by what else agrees
COSINE_SAME_CITY = (0.10, 0.30)
COSINE_SAME_REGION = (0.12, 0.30)
COSINE_ELSEWHERE = (0.12, 0.45)
# Rules 5 and 6 join two groups only when the mean cosine of the openings across them reaches
# this (pairs of two single leads are not checked). Matching pairs are single links: a roundup
# or a busy-city report alike to two incidents' reports chained them. GVA B-cubed F1, rule 5:
# no check 0.914, 0.05 / 0.07 / 0.08 / 0.09 / 0.10 scored 0.915 / 0.916 / 0.916 / 0.916 / 0.915;
# rule 6, with its region requirement dropped and a 730-day window: 0.03 / 0.05 / 0.06 / 0.08
# scored 0.918 / 0.919 / 0.920 / 0.919.
COHESION_OPENINGS = 0.08
COHESION_KEYS = 0.06


def day_gap(a: MentionFacts, b: MentionFacts) -> int | None:
    """Days between two mentions, the closest of their event and publication days."""
    da = [d for d in (a.day, a.published) if d]
    db = [d for d in (b.day, b.published) if d]
    return min((abs((x - y).days) for x in da for y in db), default=None)


def openings_match(a: MentionFacts, b: MentionFacts, cosine: float, gap: int) -> bool:
    if a.city and a.city == b.city and a.admin1 == b.admin1:
        near, far = COSINE_SAME_CITY
    elif a.admin1 and a.admin1 == b.admin1:
        near, far = COSINE_SAME_REGION
    else:
        near, far = COSINE_ELSEWHERE
    return cosine >= (near if gap <= NEAR_DAYS else far)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2)


def similar(a: MentionFacts, b: MentionFacts) -> bool:
    if a.people & b.people:
        return True
    wa, wb = content_words(a.text), content_words(b.text)
    if len(wa) < 3 or len(wb) < 3:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= TITLE_SIMILARITY


class UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


class Cohesion:
    """The groups of article leads under a union-find, and how alike their openings are."""

    def __init__(self, leads: list[MentionFacts], uf: UnionFind):
        self.uf = uf
        self.idf = Idf(m.words for m in leads)
        self.norms = {m.id: self.idf.norm(m.words) for m in leads}
        self.words = {m.id: m.words for m in leads}
        self.members: dict[str, list[str]] = defaultdict(list)
        for m in leads:
            self.members[uf.find(m.id)].append(m.id)

    def cosine(self, a: str, b: str) -> float:
        return self.idf.overlap(self.words[a], self.words[b]) / (self.norms[a] * self.norms[b] or 1.0)

    def union_if_alike(self, a: str, b: str, floor: float) -> None:
        """Join the groups of ``a`` and ``b`` unless, with more than two leads between them,
        the mean cosine of openings across them is below ``floor``."""
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return
        ga, gb = self.members.get(ra, []), self.members.get(rb, [])
        if ga and gb and len(ga) + len(gb) > 2 \
                and sum(self.cosine(x, y) for x in ga for y in gb) / (len(ga) * len(gb)) < floor:
            return
        self.uf.union(a, b)
        merged = self.members.pop(ra, []) + self.members.pop(rb, [])
        if merged:
            self.members[self.uf.find(a)] = merged


def compatible(a: MentionFacts, b: MentionFacts) -> bool:
    if a.doc_id == b.doc_id:
        return False
    if a.event_type and b.event_type and a.event_type != b.event_type and not (
            a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES):
        return False
    for x, y in ((a.killed, b.killed), (a.wounded, b.wounded)):
        if x is not None and y is not None and x != y:
            return False
    return True


def cluster(mentions: list[MentionFacts], citations: Iterable[tuple[str, str]]) -> list[list[MentionFacts]]:
    """Events as lists of mentions. ``citations``: (digest item id, cited article doc id)."""
    uf = UnionFind(m.id for m in mentions)
    by_item: dict[str, list[str]] = defaultdict(list)
    leads: dict[str, str] = {}
    for m in mentions:
        if m.item_id:
            by_item[m.item_id].append(m.id)
        if m.lead and m.doc_kind == "article":
            leads[m.doc_id] = m.id
    for ids in by_item.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
    for item, doc in citations:
        if item in by_item and doc in leads:
            uf.union(by_item[item][0], leads[doc])
    blocks: dict[tuple, list[MentionFacts]] = defaultdict(list)
    for m in mentions:
        if m.lead and m.city and (m.day or m.published) and not m.item_id:
            blocks[(m.country, m.admin1, m.city)].append(m)
    for block in blocks.values():
        block.sort(key=lambda m: m.day or m.published)
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                gap = ((b.day or b.published) - (a.day or a.published)).days
                if gap > APPROX_WINDOW_DAYS:
                    break
                if gap > DATE_WINDOW_DAYS and a.day and b.day:
                    continue
                if a.words and b.words:
                    continue  # rule 5 compares their openings
                if compatible(a, b):
                    uf.union(a.id, b.id)
    regions: dict[tuple, list[MentionFacts]] = defaultdict(list)
    for m in mentions:
        if m.admin1 and (m.day or m.published) and not m.item_id and m.lead:
            regions[(m.country, m.admin1)].append(m)
    for block in regions.values():
        block.sort(key=lambda m: m.day or m.published)
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if ((b.day or b.published) - (a.day or a.published)).days > REGION_WINDOW_DAYS:
                    break
                if a.doc_id != b.doc_id and similar(a, b):
                    uf.union(a.id, b.id)
    cohesion = Cohesion([m for m in mentions if m.words and not m.item_id], uf)
    _merge_similar_openings([m for m in mentions if m.words and not m.item_id], cohesion)
    _merge_strong_keys([m for m in mentions if m.keys and not m.item_id], cohesion)
    groups: dict[str, list[MentionFacts]] = defaultdict(list)
    for m in mentions:
        groups[uf.find(m.id)].append(m)
    return list(groups.values())


# Rule 6: follow-up reports (charges, sentencing, funerals) come weeks or months later and name
# the victim or the suspect, or the street block, as the first report did. Leads that share
# such a key (:func:`dateline.resolve.words.strong_keys`, people of the lead other than
# officials) at most KEY_WINDOW_DAYS apart are one event; a key in more than KEY_MAX_DOCS
# leads is too common to tell incidents apart. GVA, region required and no cohesion check:
# 30 / 60 / 120 / 200 days scored B-cubed F1 +0.001 / +0.002 / +0.003 / +0.003; requiring
# agreeing figures as well lost half of it. Any region with the COHESION_KEYS check: 120 / 365 /
# 730 days scored 0.918 / 0.919 / 0.920 (sentencing comes a year or two on).
KEY_WINDOW_DAYS = 730
KEY_MAX_DOCS = 10


def _merge_strong_keys(leads: list[MentionFacts], cohesion: Cohesion) -> None:
    """Rule 6, blocked by the keys."""
    postings: dict[str, list[MentionFacts]] = defaultdict(list)
    for m in leads:
        for key in m.keys:
            postings[key].append(m)
    for ms in postings.values():
        if len(ms) > KEY_MAX_DOCS:
            continue
        for x, a in enumerate(ms):
            for b in ms[x + 1:]:
                gap = day_gap(a, b)
                if a.doc_id != b.doc_id and gap is not None and gap <= KEY_WINDOW_DAYS:
                    cohesion.union_if_alike(a.id, b.id, COHESION_KEYS)


def _merge_similar_openings(leads: list[MentionFacts], cohesion: Cohesion) -> None:
    """Rule 5, blocked by rare shared words."""
    uf, idf = cohesion.uf, cohesion.idf
    postings: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(leads):
        for w in m.words:
            if idf.df[w] <= RARE_MAX_DOCS:
                postings[w].append(i)
    seen: set[tuple[int, int]] = set()
    matches: list[tuple[float, str, str]] = []
    for ids in postings.values():
        for x, i in enumerate(ids):
            for j in ids[x + 1:]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                a, b = leads[i], leads[j]
                if a.doc_id == b.doc_id or uf.find(a.id) == uf.find(b.id):
                    continue
                gap = day_gap(a, b)
                if gap is None or gap > TEXT_WINDOW_DAYS:
                    continue
                cosine = cohesion.cosine(a.id, b.id)
                if openings_match(a, b, cosine, gap):
                    matches.append((cosine, a.id, b.id))
    for _, a_id, b_id in sorted(matches, reverse=True):  # the likeliest first, so a chain of weak links is refused
        cohesion.union_if_alike(a_id, b_id, COHESION_OPENINGS)
