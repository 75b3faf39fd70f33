"""Places named in a document, resolved against the gazetteer with the whole document as context.

:class:`PlaceFinder` works in five steps over one document:

1. names: :class:`~dateline.gazetteer.matcher.NameMatcher` finds gazetteer names in each
   sentence and reads the words around them (a preposition, "the town of", "province",
   ", Tenn.", "police", a street word, a person's verb);
2. acceptance: a name counts as a place with a cue, as a curated alias, as a country or
   admin1 region, as a big city, or when the same name had a cue elsewhere in the document;
   never as a person ("Jordan said"), a street ("Edwards Street"), part of a longer name
   ("Nash General Hospital") or a month ("in March");
3. resolution: an ambiguous name is scored over its gazetteer entries by population, by the
   countries and admin1 regions the document points to (its dateline, ", Tenn.", "Syria",
   demonyms, the caller's country hint, the other places it names) and by closeness to the
   document's confidently placed names, in two passes;
4. context: "the city", "the town", "the village", "the provincial capital" point back to the
   most recent populated place (relation ``context``); "the province" to the last region;
5. counties: "in Lycoming County" names its state at admin1 precision (the gazetteer holds
   counties only as names of states' counties), when one state has a county of that name, the
   text writes the state after it, or the document's other evidence points to one of them.
   GVA places alone: state 0.828 -> 0.844, articles with no place 7.9% -> 6.4%.

Word lists live in ``dateline/data/place_cues.yaml``. The constants below were calibrated on
the seeds and on ``bench/score_places_gva.py`` (GVA articles).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from ..gazetteer import Gazetteer, GazetteerEntry
from ..gazetteer.cues import PlaceCues, load_cues
from ..gazetteer.data_files import load_place_data
from ..gazetteer.matcher import NameMatch, NameMatcher, is_title_case
from ..gazetteer.names import name_key
from ..model import Dateline, Place
from ..readers.datelines import locate_dateline
from .publisher import PublisherHome
from .types import PlaceMention, Sentence

BARE_MIN_POPULATION = 250_000  # a city this big counts without any cue ("Aleppo fell", "Chicago's mayor")
TITLE_MIN_POPULATION = 10_000  # in a Title Case headline a cued name the body does not repeat must be this big
FOREIGN_MAX_POPULATION = 100_000  # a place smaller than this outside the document's country is dropped ...
# a city this big in the document's country may be what a country's name means ("in Benin": Benin City)
COUNTRY_NAMESAKE_MIN_POPULATION = 200_000
CITY_STATE_MIN_POPULATION = 500_000  # a city this big named like its country is the city (Hong Kong, Singapore)
FOREIGN_EVIDENCE = 3.0  # ... when the document's country is this clear (a hint, a dateline, several places)
OTHER_STATE_MAX_POPULATION = 50_000  # an unqualified town this small outside the home city's admin1 region is dropped
AUTHORITY_HOME_POPULATION = 100_000  # a city this big whose police or officials speak is the story's home city
HOME_WEIGHT = 1.0  # the publishing site's home town, state or country: as much as one place named once
W_POPULATION = 0.6  # score per decade of population
WORLD_CITY_POPULATION = 1_000_000  # a city this big is what its bare name means abroad too ("a London prison") ...
W_WORLD_CITY = 2.0  # ... unless the text names another's state or the document is local news of its region
W_MATCH = {"name": 1.0, "alternate": -2.0, "article": -1.0}  # own name or curated alias / alternate / without "al-"
W_COUNTRY = 3.0  # the document's leading country (a 100x population gap outweighs it)
W_ADMIN1 = 3.5  # the document's leading admin1 region
W_NEAR = 1.5  # within NEAR_KM of a confidently placed name of the same document
NEAR_KM = 150.0
ADMIN1_PENALTY = 1.5  # a bare name means the city more often than its province
CONFIDENT_MARGIN = 1.0  # score lead that makes a pick an anchor for the second pass
MAX_SCORED = 60  # entries scored per name (ranked by the gazetteer: own names, then population)
DATELINE_SENTENCES = 12  # the dateline opens one of the first sentences

STRONG_RELATIONS = frozenset({"in", "at", "on", "near", "city_of", "province", "region", "dateline", "authority",
                              "local"})
DIRECTION_MIN_POPULATION = 20_000  # "to X" / "from X" alone make a place only of a town this big ("according to Thomas")
WEAK_RELATIONS = frozenset({"of", "mention", "to", "from"})
# How strongly a relation ties an event to the place (event_place): 3 it happened there,
# 2 around it, 1 connected to it, 0 merely named.
RELATION_TIER = {"in": 3, "at": 3, "on": 3, "city_of": 3, "dateline": 3, "province": 3, "region": 3,
                 "context": 3, "near": 2, "authority": 2, "local": 2, "of": 1, "from": 1, "to": 0, "mention": 0}
PRECISION_RANK = {"point": 4, "city": 3, "admin1": 2, "country": 1}

_POSSESSIVE_NOUN = re.compile(r"['’]s?\s+((?:[A-Za-z-]+\s*){1,3})")  # the words after "X's"
_NEAR_DATELINE = re.compile(r"^(?:near|outside)\s+", re.I)
_COUNTY_DATELINE = re.compile(r"(.+?)\s+(?:County|Parish)$", re.I)
COUNTY_MAX_STATES = 3  # a county name shared by more states than this adds no weight to its states ...
W_COUNTY_STATE = 1.5  # ... but a namesake in a state with a county the document names scores this much
COUNTRY_WORD_WEIGHT = 0.3  # each "Sheriff" points to the US
COUNTY_COUNTRY_WEIGHT = 0.5  # each "X County" the gazetteer knows points to the US
W_PAIR = 1.0  # a reading of the name near some reading of another name of the document ("Caledonia" and "Rochester")
PAIR_ENTRIES = 8  # readings of each other name tried for W_PAIR ...
PAIR_MAX_RATIO = 20  # ... that are at least 1/20 as big as that name's biggest reading
_COUNTY_WORD = re.compile(r" (?:County|Parish)\b")
_COUNTY_NAME = re.compile(r"((?:St\. |Saint )?[A-Z][\w'’.-]*(?: [A-Z][\w'’-]*){0,2})$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_STATE_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*\.?(?: [A-Z][a-z]+)?)")  # ", Tenn.", ", North Carolina", ", TN"
_CONTEXT_PHRASE = re.compile(
    r"\bthe\s+(?:(?:same|nearby|besieged|embattled|eastern|western|northern|southern|central|border|desert|"
    r"ancient|small|tiny|strategic|rebel-held|provincial|regional)\s+)?"
    r"(city|town|village|provincial capital|capital|province|governorate)\b(?!\s+of\b)(?!-)",
    re.I,
)


@dataclass
class _Candidate:
    match: NameMatch
    sentence: int
    accepted: bool = False
    choice: GazetteerEntry | None = None
    margin: float = 0.0


class PlaceFinder:
    """Finds and resolves the places a document names; one instance serves many documents."""

    def __init__(self, gazetteer: Gazetteer, *, cues: PlaceCues | None = None):
        self.gazetteer = gazetteer
        self.cues = cues or load_cues()
        curated = frozenset(name_key(s) for p in load_place_data().places for s in (p.name, *p.aliases))
        self.matcher = NameMatcher(gazetteer, self.cues, curated)

    # -- public API -------------------------------------------------------------------------

    def places_by_sentence(
        self,
        text: str,
        sentences: list[Sentence],
        *,
        dateline: Dateline | None = None,
        country_hint: str | None = None,
        home: PublisherHome | None = None,
    ) -> list[list[PlaceMention]]:
        """For each sentence, the places it names (offsets into ``text``), in text order.

        ``dateline`` is the story's dateline when the reader found one (else the first
        paragraphs are searched for one); ``country_hint`` a country the caller knows the
        document is about ("United States" for a US local-news feed); ``home`` where the
        publishing site is at home (:mod:`dateline.extract.publisher`), a weak hint.
        """
        evidence = _Evidence()
        if country_hint:
            cc = self.gazetteer.country_code(country_hint)
            if cc:
                evidence.country[cc] += 3.0
        if home is not None:
            for e in home.places:
                evidence.add_region(e, HOME_WEIGHT)
            if home.country_code:
                evidence.country[home.country_code] += HOME_WEIGHT
        demonyms, country_words = self.cues.demonyms, self.cues.country_words
        for word in _CAPITALISED.findall(text):  # "Syrian troops": evidence for Syria; "Sheriff": for the US
            cc = demonyms.get(word)
            if cc is not None:
                evidence.country[cc] += 0.3
            cc = country_words.get(word)
            if cc is not None:
                evidence.country[cc] += COUNTRY_WORD_WEIGHT
        for pattern, cc in self.cues.country_phrases:  # "the 200 block of", "police department": US local news
            n = sum(1 for _ in pattern.finditer(text))
            if n:
                evidence.country[cc] += COUNTRY_WORD_WEIGHT * n
        counties: list[tuple[int, int, tuple[GazetteerEntry, ...]]] = []
        for m in _COUNTY_WORD.finditer(text):  # "Shelby County": evidence for the states that have one
            name = _COUNTY_NAME.search(text, max(0, m.start() - 40), m.start())
            if name is None:
                continue
            states = self.gazetteer.county_states(name.group(1))
            if m.group().strip() == "Parish":  # Louisiana's counties are parishes ("St. Mary's Parish": St. Mary)
                bare = self.gazetteer.county_states(re.sub(r"['’]s$", "", name.group(1)))
                states = [st for st in (*states, *bare) if st.admin1_key == ("US", "LA")][:1]
            if states:  # only US states have counties in the gazetteer: the document is about the US
                named = _STATE_AFTER.match(text, m.end())  # "Perry County, Tenn.": the state the text names
                region = self.gazetteer.region(named.group(1)) if named else None
                if region is not None and any(s.admin1_key == region.admin1_key for s in states):
                    states = [region]
                counties.append((name.start(1), m.end(), tuple(states)))
                evidence.country[states[0].country_code] += COUNTY_COUNTRY_WEIGHT
                evidence.county_states.update(s.admin1_key for s in states if s.admin1_key)
            if len(states) <= COUNTY_MAX_STATES:
                for state in states:
                    evidence.add_region(state, 1.0 / len(states))
        dl = self._dateline(text, sentences, dateline, evidence)
        skip = (dl.match.start, dl.match.end) if dl is not None else None
        candidates: list[_Candidate] = [dl] if dl is not None else []
        spans = [(s.start, s.end, is_title_case(s.text)) for s in sentences]
        found = self.matcher.find_spans(text, spans, skip=skip, common_words=_lower_words(text))
        for n, matches in enumerate(found):
            for m in matches:
                candidates.append(_Candidate(m, n))
                if m.region is not None and m.veto is None:
                    evidence.add_region(m.region, 3.0)
        self._accept(text, candidates)
        self._resolve(candidates, evidence)
        return self._mentions(text, sentences, candidates, self._county_mentions(text, counties, evidence.admin1))

    def event_place(self, mentions: list[PlaceMention], *, context: PlaceMention | None = None) -> PlaceMention | None:
        """The most specific place the mentions of one event support.

        A city beats its province, which beats its country; a place the event happened "in"
        beats one it is only measured from or named with. A coarser mention lends its relation
        to a finer place inside it ("the ruins of Palmyra, in Homs province": Palmyra).
        With nothing better than a passing mention, ``context`` (the running place) wins.
        """
        if not mentions:
            return context
        best: tuple[bool, int, int, int] | None = None
        chosen: PlaceMention | None = None
        for i, m in enumerate(mentions):
            tier = RELATION_TIER.get(m.relation or "mention", 0)
            for other in mentions:
                if other is not m and _contains(other.place, m.place):
                    tier = max(tier, RELATION_TIER.get(other.relation or "mention", 0))
            rank = (tier >= 2, PRECISION_RANK.get(m.place.precision or "", 0), tier, -i)
            if best is None or rank > best:
                best, chosen = rank, m
        if context is not None and best is not None and not best[0]:
            if best[2] == 0 or PRECISION_RANK.get(context.place.precision or "", 0) >= best[1]:
                return context
        return chosen

    # -- dateline ---------------------------------------------------------------------------

    def _dateline(self, text: str, sentences: list[Sentence], dateline: Dateline | None,
                  evidence: _Evidence) -> _Candidate | None:
        """The dateline's place as an accepted candidate, located in the text when it is there."""
        found_in = None
        if dateline is None:  # the first sentence of each of the first paragraphs, with the one after it
            opening: list[int] = []
            for n, s in enumerate(sentences[:DATELINE_SENTENCES]):
                if n == 0 or s.paragraph != sentences[n - 1].paragraph:
                    opening.append(n)
            found = locate_dateline(
                [(sentences[n].text, sentences[n + 1].text if n + 1 < len(sentences) else None) for n in opening],
                known_place=lambda name: self.gazetteer.has_key(name_key(name)))
            if found is not None:
                dateline, found_in = found[0], opening[found[1]]
        if dateline is None:
            return None
        region = self.gazetteer.region(dateline.region.split(",")[0]) if dateline.region else None
        if region is None and dateline.region:  # "JACKSONVILLE, ONSLOW COUNTY -": the state whose county it is
            county_region = _COUNTY_DATELINE.match(dateline.region.split(",")[0].strip())
            states = self.gazetteer.county_states(county_region.group(1).title()) if county_region else []
            region = states[0] if len(states) == 1 else None
        if region is not None:
            evidence.add_region(region, 4.0)
        county = _COUNTY_DATELINE.match(dateline.place)
        if county:  # "NAVARRO COUNTY --": the county's state is evidence; the place is in the story
            states = self.gazetteer.county_states(county.group(1))
            if region is None and 0 < len(states) <= COUNTY_MAX_STATES:
                for state in states:
                    evidence.add_region(state, 3.0 / len(states))
            return None
        place = _NEAR_DATELINE.sub("", dateline.place)  # "NEAR DALLAS, Ore. –": Dallas
        key = name_key(place)
        entries = self.gazetteer.entries_for_key(key)
        if not entries and (region is None or region.kind != "admin1"):
            return None
        if not entries:  # "FELTON, Minn.": a place too small for the gazetteer, in a known state
            entries = (region,)
        pattern = re.compile(r"\b" + re.escape(place) + r"\b", re.I)
        where = [found_in] if found_in is not None else range(min(len(sentences), DATELINE_SENTENCES))
        n, start, end, surface = 0, None, None, place
        for i in where:
            s = sentences[i]
            m = pattern.search(text, s.start, s.end)
            if m and (found_in is not None or m.group().isupper()):
                n, start, end, surface = i, m.start(), m.end(), m.group()
                break
        if start is None or end is None:  # not in the text: an empty span at the start of the story
            start = end = sentences[0].start if sentences else 0
        match = NameMatch(start, end, surface, key, entries, relation="dateline", region=region)
        return _Candidate(match, n, accepted=True)

    # -- acceptance and resolution ----------------------------------------------------------

    def _accept(self, text: str, candidates: list[_Candidate]) -> None:
        """Decide which matches are places (see the module docstring, step 2)."""
        cues = self.cues
        confirmed: set[str] = set()
        # body text first: a headline in Title Case capitalises every word, so its matches
        # count only when the body confirms them, or with a region, dateline or "the town of".
        for c in sorted(candidates, key=lambda c: c.match.in_title):
            m = c.match
            if c.accepted:
                confirmed.add(m.key)
                continue
            if m.veto is not None:
                continue
            if m.relation == "on":  # "reported on He Qian's plight": no place; "on Syria's border": a place
                after = _POSSESSIVE_NOUN.match(text, m.end)
                if after and not set(after.group(1).lower().split()) & cues.possessive_place_nouns:
                    m.relation = "of"
            strong = m.relation in STRONG_RELATIONS
            top = m.entries[0]
            if m.text in cues.not_places or m.text in cues.demonyms:  # "Somali-American": a people, no place
                c.accepted = m.relation in ("city_of", "region", "dateline")
            elif m.in_title:
                c.accepted = m.relation in ("city_of", "region") or (
                    (strong or m.curated or top.kind in ("country", "admin1")) and m.key in confirmed) or (
                    strong and top.population >= TITLE_MIN_POPULATION and m.text not in cues.person_names)
            elif m.text in cues.person_names:  # "Jordan said": a place only with a cue ("from Houston" for a big city)
                c.accepted = strong or (m.relation in ("to", "from") and top.population >= BARE_MIN_POPULATION)
            elif strong or m.curated:
                c.accepted = not (m.person_hint and not strong)
            elif m.person_hint:
                c.accepted = False
            elif m.relation in ("to", "from") and top.population >= DIRECTION_MIN_POPULATION:
                c.accepted = True
            else:  # no cue, or only "of": a country, a region or a big city
                c.accepted = top.kind in ("country", "admin1") or top.population >= BARE_MIN_POPULATION
            if c.accepted:
                m.relation = m.relation or "mention"
                if (strong or m.curated) and not m.in_title:
                    confirmed.add(m.key)
        for c in candidates:
            m = c.match
            if not c.accepted and m.veto is None and m.key in confirmed and not m.person_hint \
                    and m.text not in cues.not_places and m.text not in cues.person_names:
                c.accepted = True
                m.relation = m.relation or "mention"

    def _resolve(self, candidates: list[_Candidate], evidence: _Evidence) -> None:
        accepted = [c for c in candidates if c.accepted]
        for c in candidates:  # a vetoed "Tennessee Bureau of Investigation" still says Tennessee
            m = c.match
            if not c.accepted and m.veto in ("name", "county") and m.entries[0].kind in ("admin1", "country"):
                evidence.add_region(m.entries[0], 0.5)
        seen: set[str] = set()
        for c in accepted:  # "Tennessee", "Syria": a region or country by its own name (once per name)
            m = c.match
            if m.key in seen:
                continue
            seen.add(m.key)
            heads = [e for e in m.entries[:6] if e.match == "name"]
            if not heads or m.region is not None or m.relation == "dateline":
                continue
            regions = [e for e in heads if e.kind in ("admin1", "country")]
            if regions and all(e.kind != "city" or e.population < 0.2 * heads[0].population for e in heads):
                for e in regions:
                    evidence.add_region(e, 1.0 / len(regions))
        readings: dict[str, list[GazetteerEntry]] = {}
        for c in accepted:
            if c.match.key not in readings:
                cities = [e for e in c.match.entries[:PAIR_ENTRIES] if e.kind == "city"]
                top_pop = max((e.population for e in cities), default=0)
                # a far smaller namesake is no reading to pair with ("Memphis" is not Memphis, Missouri)
                readings[c.match.key] = [e for e in cities if e.population * PAIR_MAX_RATIO >= top_pop]
        base = evidence.copy()
        for _ in range(2):
            anchors = list({c.choice.id: c.choice for c in accepted
                            if c.choice is not None and c.margin >= CONFIDENT_MARGIN}.values())
            done: dict[tuple, tuple[GazetteerEntry | None, float]] = {}
            for c in accepted:  # the same name with the same cues resolves the same way
                m = c.match
                sig = (m.key, m.region.id if m.region else None, m.wants_admin1)
                if sig in done:
                    c.choice, c.margin = done[sig]
                    continue
                others = [e for k, es in readings.items() if k != m.key for e in es]
                self._choose(c, evidence, anchors, others)
                done[sig] = (c.choice, c.margin)
            evidence = base.copy()
            picked = {c.match.key: c for c in accepted if c.choice is not None and c.choice.kind == "city"}
            for c in picked.values():  # one vote per distinct name, however often it is repeated
                evidence.add_region(c.choice, 1.0 if c.margin >= CONFIDENT_MARGIN else 0.5)
        top = evidence.country.most_common(1)[0] if evidence.country else None
        # the story's home city: its dateline, else a big city whose authorities it quotes ("Philadelphia police")
        home = next((c.choice for c in accepted if c.match.relation == "dateline" and c.choice is not None
                     and c.choice.kind == "city"), None) or next(
            (c.choice for c in accepted if c.match.relation == "authority" and c.choice is not None
             and c.choice.kind == "city" and c.choice.population >= AUTHORITY_HOME_POPULATION), None)
        home_admin1 = home.admin1_key if home is not None else None
        # a name the text calls a part of a city ("the Austin neighborhood") in a story at home
        # elsewhere is a quarter of that city everywhere in it ("Five wounded in Austin shooting",
        # Chicago police quoted: Chicago's Austin, not Austin, Texas)
        quarters = {c.match.key for c in accepted if c.match.quarter and home is not None
                    and c.choice is not None and c.choice.id != home.id}
        for c in accepted:  # a namesake abroad: "a group of Arab, Assyrian ...", "Whitehaven" in Memphis news
            e, m = c.choice, c.match
            if m.key in quarters and m.relation != "dateline":
                c.accepted = False
                continue
            if e is None or top is None or e.kind != "city" or m.curated \
                    or m.relation in ("region", "dateline", "city_of"):
                continue
            if e.country_code == top[0]:
                if home_admin1 is not None and e.admin1_key != home_admin1 \
                        and e.population < OTHER_STATE_MAX_POPULATION:
                    c.accepted = False  # "Brainerd" in a CHICAGO story: a neighbourhood, not the Minnesota town
                continue
            if m.relation in WEAK_RELATIONS or (e.population < FOREIGN_MAX_POPULATION and (
                    top[1] >= FOREIGN_EVIDENCE or (home is not None and home.country_code == top[0]))):
                c.accepted = False  # "South Flores shooting" in a story at home in San Antonio: not Flores, Brazil
            elif e.match == "alternate" and e.population < FOREIGN_MAX_POPULATION \
                    and not base.country.get(e.country_code):
                c.accepted = False  # another spelling of a small town in a country nothing else points to ("Khan")

    def _choose(self, c: _Candidate, evidence: _Evidence, anchors: list[GazetteerEntry],
                others: list[GazetteerEntry]) -> None:
        """Pick ``c``'s entry; ``others`` are the likely readings of the document's other names."""
        m = c.match
        entries, region = m.entries, m.region
        if region is not None and region.kind == "admin1" and not m.wants_admin1 \
                and not any(e.kind == "city" and _in_region(e, region) for e in entries):
            # "Tbilisi, Georgia": the region's name is also a country's, which has the place (the
            # region read is that country)
            cc = self.gazetteer.country_code(region.name)
            abroad = tuple(e for e in entries if e.kind == "city" and cc and e.country_code == cc)
            if abroad:
                region = self.gazetteer.country(cc) or region
                entries = abroad
        if region is not None:
            entries = tuple(e for e in entries if _in_region(e, region)) or entries
        if region is not None and region.kind == "admin1" and not m.wants_admin1 \
                and not any(e.kind == "city" and _in_region(e, region) for e in entries):
            # "Felton, Minn.": the text names the state, the gazetteer has no such place there
            # (fewer than 500 people): keep the name and the state, with no coordinates.
            r = region
            c.choice = GazetteerEntry(-1, _title(m.text), "city", "city", r.country, r.country_code, r.admin1,
                                      r.admin1_code, None, None, 0)
            c.margin = 10.0
            return
        country = self._country_by_name(m, entries, evidence)
        if len(entries) == 1:
            best, c.margin = entries[0], 10.0
        elif country is not None:
            best, c.margin = country, 10.0
        else:
            top_country = max(evidence.country.values(), default=0.0)
            top_admin = max(evidence.admin1.values(), default=0.0)
            scored: list[tuple[float, GazetteerEntry]] = []
            for e in entries[:MAX_SCORED]:
                s = W_POPULATION * math.log10(e.population + 10)
                if e.kind == "city" and e.match == "name" and e.population >= WORLD_CITY_POPULATION:
                    s += W_WORLD_CITY
                s += W_MATCH[e.match]
                if top_country and e.country_code:
                    s += W_COUNTRY * evidence.country.get(e.country_code, 0.0) / top_country
                if top_admin and e.kind != "country" and e.admin1_key:
                    s += W_ADMIN1 * evidence.admin1.get(e.admin1_key, 0.0) / top_admin
                if e.kind == "city" and e.admin1_key in evidence.county_states:
                    s += W_COUNTY_STATE
                if e.kind == "admin1":
                    s += 6.0 if m.wants_admin1 else -ADMIN1_PENALTY
                elif e.kind == "country" and m.wants_admin1:
                    s -= 3.0
                scored.append((s, e))
            scored.sort(key=lambda t: t[0], reverse=True)
            if anchors or others:
                rescored = []
                for s, e in scored[:8]:
                    if e.kind == "city" and any(a.id != e.id and _distance_km(a, e) <= NEAR_KM for a in anchors):
                        s += W_NEAR
                    if e.kind == "city" and any(o.id != e.id and _distance_km(o, e) <= NEAR_KM for o in others):
                        s += W_PAIR
                    rescored.append((s, e))
                scored = sorted(rescored, key=lambda t: t[0], reverse=True) + scored[8:]
            best = scored[0][1]
            c.margin = scored[0][0] - scored[1][0]
        if m.wants_admin1 and best.kind == "city" and best.admin1_key:
            best = self.gazetteer.admin1(*best.admin1_key) or best
        c.choice = best

    @staticmethod
    def _country_by_name(m: NameMatch, entries: tuple[GazetteerEntry, ...],
                         evidence: _Evidence) -> GazetteerEntry | None:
        """The country a name means outright, or None to score the readings.

        "misbehaving in Egypt" means the country, never a namesake town (Egypt, Pennsylvania),
        unless the text qualifies the name ("Egypt, Pa."), a big city bears it (Hong Kong,
        Singapore), the document is clearly about another country that has a big city of that
        name ("in Benin" in Nigerian news is Benin City) or clearly about the region that has
        the namesake (Lehigh Valley news).
        """
        if m.region is not None or m.wants_admin1:
            return None
        country = next((e for e in entries if e.kind == "country" and e.match == "name"), None)
        if country is None:
            return None
        cities = [e for e in entries if e.kind == "city"]
        if any(e.match == "name" and e.population >= CITY_STATE_MIN_POPULATION for e in cities):
            return None
        if any(e.kind == "admin1" and e.match == "name" and evidence.country.get(e.country_code, 0.0)
               > evidence.country.get(country.country_code, 0.0) for e in entries):
            return None  # "Georgia" in news of the US (the state) rather than of Georgia
        top = evidence.country.most_common(1)[0] if evidence.country else None
        if top is not None and top[0] != country.country_code and top[1] >= FOREIGN_EVIDENCE and any(
                e.country_code == top[0] and e.population >= COUNTRY_NAMESAKE_MIN_POPULATION for e in cities):
            return None
        region = evidence.admin1.most_common(1)[0] if evidence.admin1 else None
        if region is not None and region[1] >= FOREIGN_EVIDENCE and any(e.admin1_key == region[0] for e in cities):
            return None  # local news of the region that has the namesake: "a crash in Egypt" near Allentown
        return country

    # -- output -----------------------------------------------------------------------------

    def _county_mentions(self, text: str, counties: list[tuple[int, int, tuple[GazetteerEntry, ...]]],
                         support: Counter) -> list[PlaceMention]:
        """"in Lycoming County": the county's state, at admin1 precision (the gazetteer has no
        counties as places; the state is what is known). A county name several states bear
        ("Perry County") gives the one of them the document's other evidence (``support``:
        weights by admin1) points to most, and nothing on a tie."""
        out = []
        for start, end, states in counties:
            if len(states) > 1:  # a name several states' counties bear: the state the rest of the text points to
                ranked = sorted(states, key=lambda e: support.get(e.admin1_key, 0.0), reverse=True)
                if support.get(ranked[0].admin1_key, 0.0) <= support.get(ranked[1].admin1_key, 0.0):
                    continue
                states = ranked[:1]
            before = text[max(0, start - 12):start].lower().split()
            relation = self.cues.prepositions.get(before[-1]) if before else None
            if relation not in ("in", "at", "near"):
                after = text[end:end + 30].split()  # "Carlton County Sheriff's Office", "Rankin County authorities"
                word = re.sub(r"['’]s$", "", after[0].rstrip(".,;:")) if after else ""
                relation = "authority" if word in self.cues.authority_words else "mention"
            out.append(PlaceMention(states[0].to_place(), start, end, text[start:end], relation))
        return out

    def _mentions(self, text: str, sentences: list[Sentence], candidates: list[_Candidate],
                  counties: list[PlaceMention]) -> list[list[PlaceMention]]:
        per: list[list[PlaceMention]] = [[] for _ in sentences]
        items: list[list[tuple[int, int, PlaceMention | None, str | None]]] = [[] for _ in sentences]
        for c in candidates:
            if c.accepted and c.choice is not None:
                m = c.match
                items[c.sentence].append((m.start, m.end, PlaceMention(c.choice.to_place(), m.start, m.end, m.text, m.relation), None))
        if sentences:
            starts = [s.start for s in sentences]
            for cm in counties:
                n = bisect_right(starts, cm.start) - 1
                if n >= 0 and cm.end <= sentences[n].end:
                    items[n].append((cm.start, cm.end, cm, None))
            for pm in _CONTEXT_PHRASE.finditer(text, sentences[0].start, sentences[-1].end):
                n = bisect_right(starts, pm.start()) - 1
                if n >= 0 and pm.end() <= sentences[n].end:
                    items[n].append((pm.start(), pm.end(), None, pm.group(1).lower()))
        last_city: PlaceMention | None = None
        last_village: PlaceMention | None = None
        last_admin1: PlaceMention | None = None
        for n, row in enumerate(items):
            row.sort(key=lambda t: t[0])
            for start, end, mention, phrase in row:
                if mention is not None:
                    per[n].append(mention)
                    if mention.place.precision == "city":
                        last_city = mention
                        if mention.relation == "city_of" and "village" in text[max(0, start - 25):start].lower():
                            last_village = mention
                    elif mention.place.precision == "admin1":
                        last_admin1 = mention
                    continue
                if phrase in ("province", "governorate"):
                    ref = last_admin1 or (self._admin1_of(last_city) if last_city else None)
                elif phrase == "village":
                    ref = last_village or last_city
                else:
                    ref = last_city
                if ref is not None:
                    per[n].append(PlaceMention(ref.place, start, end, text[start:end], "context"))
        return per

    def _admin1_of(self, mention: PlaceMention) -> PlaceMention | None:
        place = mention.place
        if not place.admin1:
            return None
        for e in self.gazetteer.entries_for_key(name_key(place.admin1)):
            if e.kind == "admin1" and e.country == place.country:
                return PlaceMention(e.to_place(), mention.start, mention.end, mention.text, "context")
        return None


_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]+")


def _lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (common words, never names)."""
    return frozenset(_LOWER_WORD.findall(text))


def _title(name: str) -> str:
    """ "FELTON" -> "Felton"; names already in mixed case stay as written."""
    return name.title() if name.isupper() else name


def context_before(per_sentence: list[list[PlaceMention]], index: int) -> PlaceMention | None:
    """The running place before sentence ``index``: the last city-level (or finer) place named."""
    for n in range(min(index, len(per_sentence)) - 1, -1, -1):
        for m in reversed(per_sentence[n]):
            if m.place.precision in ("city", "point"):
                return m
    return None


def _in_region(e: GazetteerEntry, region: GazetteerEntry) -> bool:
    if region.kind == "country":
        return e.country_code == region.country_code
    return e.admin1_key == region.admin1_key and e.kind != "country"


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is a coarser place holding ``inner`` (its admin1 region or country)."""
    if PRECISION_RANK.get(outer.precision or "", 0) >= PRECISION_RANK.get(inner.precision or "", 0):
        return False
    if outer.precision == "admin1":
        return inner.admin1 is not None and inner.admin1 == outer.admin1 and inner.country == outer.country
    if outer.precision == "country":
        return inner.country is not None and inner.country == outer.country
    return False


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)  # equirectangular: good to a few percent under 1,000 km


class _Evidence:
    """Weights of the countries and admin1 regions a document points to."""

    def __init__(self) -> None:
        self.country: Counter[str] = Counter()
        self.admin1: Counter[tuple[str, str]] = Counter()
        self.county_states: set[tuple[str, str]] = set()  # states with a county of a name the document writes

    def add_region(self, e: GazetteerEntry, weight: float) -> None:
        if e.country_code:
            self.country[e.country_code] += weight
        if e.kind != "country" and e.admin1_key:
            self.admin1[e.admin1_key] += weight

    def copy(self) -> _Evidence:
        out = _Evidence()
        out.country, out.admin1 = Counter(self.country), Counter(self.admin1)
        out.county_states = set(self.county_states)
        return out
