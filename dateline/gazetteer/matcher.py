"""Where gazetteer names occur in a text, and the words around them.

:meth:`NameMatcher.find` scans one sentence: a regular expression finds runs of capitalised
words ("Deir ez-Zor", "Dayr az Zawr", "al-Hasakah", "St. Louis"); inside a run the longest
word sequence whose name key the gazetteer knows is a match. Only around a match is the text
tokenised, to read its cues (``dateline/data/place_cues.yaml``):

- before it: a preposition, possibly past "the", a few modifiers or a possessive ("in eastern
  Syria's Deir Ezzor province" -> ``in``), "<direction> of" -> ``near``, "the town of" ->
  ``city_of``; "the 2300 block of" rules it out (an address), "University of" too (a name);
- after it: "province"/"governorate" (``province``, an admin1 region), "police" (``authority``),
  "man"/"home" (``local``), ", Tenn." / ", Syria" (``region``: the region the place is in),
  "Street"/"Hospital" or any other capitalised word (part of a longer name), "said" or ", 25,"
  (a person, unless a preposition says otherwise).

This module decides nothing about which place a name is; :mod:`dateline.extract.places` does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .cues import PlaceCues
from .entry import GazetteerEntry
from .names import article_stripped, name_key
from .store import Gazetteer

MAX_NAME_WORDS = 5  # longest place name tried, in words ("Ras al Ayn", "Salt Lake City")
MAX_MODIFIERS = 3  # lower-case words allowed between a preposition and the name ("in the oil-rich ...")
BEFORE_CHARS = 55  # text read before a match for its preposition
AFTER_CHARS = 32  # text read after a match for its region, noun or verb
COMMON_WORD_MIN_POPULATION = 50_000  # a place spelled like a word the text writes in lower case must be this big
TITLE_CASE_SHARE = 0.75  # a line with this share of capitalised words is a Title Case headline
TITLE_MAX_WORDS = 40
TITLE_MAX_CHARS = 300

_ARTICLES = "al|el|ar|as|ash|ad|az|an|at|ath|ez|es|ed|er"
_ARTICLE_SET = frozenset(_ARTICLES.split("|"))
_WORD = (rf"(?:(?:[A-Z]\.){{2,}}|(?:(?:{_ARTICLES})-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
         r"(?:(?<=\bSt)\.|(?<=\bFt)\.|(?<=\bMt)\.|(?<=\bSte)\.)?)")
_CONNECTORS = ("of|de|del|della|di|da|do|dos|das|du|des|la|le|les|el|al|ez|az|as|ad|ar|ash|en|y|sur|am|im|upon")
_RUN = re.compile(rf"(?<![\w'’\-.]){_WORD}(?:(?:[ \t]+(?:{_CONNECTORS}))?[ \t]+{_WORD})*")
_RUN_WORD = re.compile(rf"{_WORD}|[a-z]+")
_TOKEN = re.compile(
    r"(?P<D>(?:[A-Z][a-z]?\.){2,})"
    rf"|(?P<C>(?:(?:{_ARTICLES})-)?[A-Z](?:[\w'’\-]*[^\W_])?)"
    r"|(?P<l>[a-z](?:[\w'’\-]*[^\W_])?)"
    r"|(?P<n>\d[\w'’\-.,]*)"
    r"|(?P<p>[^\w\s])"
)
_CAP_WORD = re.compile(r"\b[A-Z][\w'’\-]*")
_ANY_WORD = re.compile(r"\b[^\W\d_][\w'’\-]*")
_HYPHEN_LOCAL = frozenset({"based", "area", "born", "bound", "raised"})
_QUALIFIERS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "northern", "southern", "eastern", "western", "central", "downtown", "greater", "metro",
                         "uptown", "midtown", "suburban", "rural", "upper", "lower"})
_RUN_OF_OK = frozenset({"city", "town", "village", "borough", "township", "province", "governorate", "republic",
                        "kingdom", "isle", "municipality", "district"})
FUNCTION_WORDS = frozenset({"in", "at", "of", "the", "a", "an", "on", "for", "to", "near", "from", "after", "with",
                            "by", "and", "or", "as", "is", "are", "was", "outside", "into", "over", "during",
                            "before", "amid", "says", "said", "while", "who", "its", "his", "her", "off", "but",
                            "not", "be", "has", "have", "had", "will", "up", "out", "down", "more"})
_COUNTRY_CODES = re.compile(r"(?<![\w.])(?:USA|US|UK|UAE|DRC)(?![\w.])")  # dotted forms are ordinary run words
_LIST_JOINERS = frozenset({",", "and", "or", "&"})
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight"})
_TIME_WORDS = _DAY_WORDS | {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                            "october", "november", "december"}
_LOWER_TAIL = re.compile(r"[ \t]+(island|islands)\b")
_DETERMINERS = frozenset({"the", "a", "an", "this", "its", "their", "his", "her", "our"})
_STOP_WORDS = frozenset({"that", "which", "who", "whom", "said", "says", "say", "was", "were", "is", "are", "be",
                         "been", "being", "believe", "told", "tell", "when", "where", "while", "if", "because",
                         "and", "or", "but", "than", "then", "what", "how", "why", "he", "she", "they", "we",
                         "it", "you", "i", "him", "them", "us", "me", "according", "has", "have", "had", "will",
                         "would", "could", "should", "can", "may", "might", "must", "not", "no", "also", "just"})
_PERSON_NOUNS = frozenset({"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "family",
                           "attorney", "lawyer", "body", "death", "killing", "arrest", "release", "girlfriend",
                           "boyfriend", "friend", "friends", "mom", "dad", "parents", "car", "truck", "vehicle",
                           "case", "trial", "sentencing", "funeral", "grandmother", "grandfather", "uncle", "aunt",
                           "cousin", "children", "child", "baby", "home", "house", "apartment", "phone", "gun"})


@dataclass
class NameMatch:
    """A gazetteer name found in a sentence, with what its surroundings say."""

    start: int
    end: int
    text: str
    key: str
    entries: tuple[GazetteerEntry, ...]
    relation: str | None = None
    region: GazetteerEntry | None = None  # ", Tenn." / ", Syria" right after the name
    wants_admin1: bool = False  # "X province"
    veto: str | None = None  # "person", "street", "name", "county": not a place
    quarter: bool = False  # "the X neighborhood": maybe a part of the story's city rather than a town
    person_hint: bool = False  # "X said", "X, 25,": a person unless a preposition says otherwise
    curated: bool = False  # a spelling from place_aliases.yaml
    list_member: bool = False  # follows the previous match after "," / "and" ("Aleppo, Damascus and Homs")
    plural_admin: bool = False  # followed by "provinces" ("the Hama and Homs provinces")
    consumed_to: int = 0  # end of the ", Region" read with the name
    in_title: bool = False  # found in a Title Case headline, where any word may be capitalised


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, str, int]]:
    """(token, kind, end offset) in ``text[lo:hi]``; kinds: C capitalised, A all-caps, D dotted
    ("U.S.", "N.C."), l lower-case, n number, p punctuation."""
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        t, k = m.group(), m.lastgroup or "p"
        if k == "C" and len(t) > 1 and t.isupper():
            k = "A"
        out.append((t, k, m.end()))
    return out


def _weak_or(relation: str | None, cue: str) -> str:
    """A cue after the name ("police", "man") beats a weak preposition before it ("asked to call the ...")."""
    return cue if relation in (None, "to", "from", "of") else relation


def _capitalised(word: str) -> bool:
    """A capitalised word, or one behind a lower-case Arabic article ("al-Hasakah", "ez-Zor")."""
    if word[:1].isupper():
        return True
    head, sep, rest = word.partition("-")
    return bool(sep) and rest[:1].isupper() and head in _ARTICLE_SET


def _is_possessive(word: str) -> bool:
    """ "Syria's", "Thomas'" (not "Sina'a")."""
    return (len(word) > 2 and word.endswith(("'s", "’s"))) or (len(word) > 1 and word.endswith(("'", "’")))


def _strip_possessive(word: str) -> str:
    if word.endswith(("'", "’")):
        return word[:-1]
    return word[:-2] if _is_possessive(word) else word


def is_title_case(sentence: str) -> bool:
    """Whether a line is a Title Case headline ("Teen Shot At Rocky Mount Basketball Court")."""
    if len(sentence) > TITLE_MAX_CHARS or sentence.count(" ") < 3 or sentence.endswith((".", "?", "!", '"', "”")):
        return False  # a headline has no full stop
    words = _ANY_WORD.findall(sentence)
    if len(words) < 4 or len(words) > TITLE_MAX_WORDS:
        return False
    return len(_CAP_WORD.findall(sentence)) >= TITLE_CASE_SHARE * len(words)


class NameMatcher:
    """Finds gazetteer names in sentences and reads their cues."""

    def __init__(self, gazetteer: Gazetteer, cues: PlaceCues, curated_keys: frozenset[str]):
        self.gazetteer = gazetteer
        self.cues = cues
        self.curated_keys = curated_keys

    # -- matching ---------------------------------------------------------------------------

    def find(self, text: str, lo: int, hi: int, *, title: bool = False) -> list[NameMatch]:
        """Matches in ``text[lo:hi]`` (one sentence), in order."""
        return self.find_spans(text, [(lo, hi, title)])[0]

    def find_spans(self, text: str, spans: list[tuple[int, int, bool]], *, skip: tuple[int, int] | None = None,
                   common_words: frozenset[str] = frozenset()) -> list[list[NameMatch]]:
        """Matches in each span (a sentence: start, end, whether it is a Title Case headline).

        One pass of the run expression over the whole text; ``skip`` is a span already read
        (the dateline); ``common_words`` are words the text writes in lower case: a small
        place spelled like one ("Just", "Car") is not read at all.
        """
        out: list[list[NameMatch]] = [[] for _ in spans]
        if not spans:
            return out
        starts = [sp[0] for sp in spans]
        n, consumed = 0, 0
        for run in _RUN.finditer(text, spans[0][0], spans[-1][1]):
            rs = run.start()
            if rs < consumed or (skip and rs < skip[1] and run.end() > skip[0]):
                continue
            while n + 1 < len(spans) and rs >= starts[n + 1]:
                n += 1
            lo, hi, title = spans[n]
            if rs >= hi:
                continue
            found = out[n]
            word = run.group()
            if " " not in word and "\t" not in word:  # one word, the usual case: no need to split it
                key = self._word_key(word)
                if not key or len(word) < 2 or not (self.gazetteer.has_key(key) or "." in word
                                                    or (article_stripped(key) and self.gazetteer.has_key(article_stripped(key)))
                                                    or _LOWER_TAIL.match(text, run.end())):
                    continue
                segments = [[(rs, run.end(), word)]]
            else:
                words = [(m.start() + rs, m.end() + rs, m.group()) for m in _RUN_WORD.finditer(word)]
                segments = self._segments(words, title)
            for segment in segments:
                for match in self._match_segment(text, lo, hi, segment, title, common_words):
                    if match.start < consumed:
                        continue
                    if found and self._joined(text, found[-1].end, match.start):
                        match.list_member = True
                    found.append(match)
                    consumed = max(consumed, match.end, match.consumed_to)
        for m in _COUNTRY_CODES.finditer(text, spans[0][0], spans[-1][1]):
            n = max(0, bisect_right(starts, m.start()) - 1)
            if m.start() < spans[n][1]:
                match = self._country_code(text, spans[n][0], spans[n][1], m)
                if match is not None:
                    out[n].append(match)
                    out[n].sort(key=lambda x: x.start)
        for found in out:
            if len(found) > 1:
                self._propagate_lists(found)
        return out

    def _segments(self, words: list[tuple[int, int, str]], title: bool) -> list[list[tuple[int, int, str]]]:
        """Split a run at possessives ("Syria's | Deir Ezzor") and, in a headline, at function words."""
        segments, current = [], []
        for w in words:
            if title and w[2].lower() in FUNCTION_WORDS and w[2][:1].isupper():
                if current:
                    segments.append(current)
                current = []
                continue
            current.append(w)
            if _is_possessive(w[2]):
                segments.append(current)
                current = []
        if current:
            segments.append(current)
        return segments

    @staticmethod
    @lru_cache(maxsize=65536)
    def _word_key(word: str) -> str:
        """The name key of one word of a run ("" for an adjective like "ISIS-held"); cached across documents."""
        word = _strip_possessive(word)
        if "-" in word:
            head, _, tail = word.rpartition("-")
            if tail in _HYPHEN_LOCAL:
                word = head
            elif tail[:1].islower() and head.split("-")[0] not in _ARTICLE_SET:
                return ""  # "Levant-controlled", "ISIS-held": an adjective
        return name_key(word)

    def _match_segment(self, text: str, lo: int, hi: int, seg: list[tuple[int, int, str]], title: bool,
                       common_words: frozenset[str] = frozenset()) -> list[NameMatch]:
        gaz = self.gazetteer
        out = []
        keys = [self._word_key(w[2]) for w in seg]
        caps = [_capitalised(w[2]) and (title or "." in w[2] or not (len(w[2]) > 1 and w[2].isupper())) for w in seg]
        p = 0
        while p < len(seg):
            if not caps[p] or len(seg[p][2]) < 2:
                p += 1
                continue
            found = None
            tail = _LOWER_TAIL.match(text, seg[-1][1])  # "Sakr island": a lower-case island after the name
            if tail and gaz.has_key(" ".join(k for k in keys[p:] if k) + " " + tail.group(1)):
                key = " ".join(k for k in keys[p:] if k) + " " + tail.group(1)
                seg = seg + [(tail.start(1), tail.end(1), tail.group(1))]
                keys = keys + [tail.group(1)]
                caps = caps + [True]
                found = (len(seg), key)
            for q in range(min(len(seg), p + MAX_NAME_WORDS), p, -1):
                if found is not None:
                    break
                if not caps[q - 1]:
                    continue
                key = " ".join(k for k in keys[p:q] if k)
                if not key:
                    continue
                if gaz.has_key(key):
                    found = (q, key)
                    break
                bare = article_stripped(key)
                if bare and gaz.has_key(bare):
                    found = (q, bare)
                    break
            if found is None:
                if "." in seg[p][2] and len(seg[p][2]) > 2:
                    match = self._state_abbreviation(text, lo, hi, seg, p)
                    if match is not None:
                        out.append(match)
                p += 1
                continue
            q, key = found
            if seg[p][2] == "The" and self._longer_after(seg, keys, caps, p + 1, q):
                p += 1  # "The Fort Wayne Police Department": Fort Wayne, not "The Fort" (Augusta)
                continue
            if q == p + 1 and key in common_words and key not in self.curated_keys:
                top = self.gazetteer.entries_for_key(key)
                if top and top[0].kind == "city" and top[0].population < COMMON_WORD_MIN_POPULATION:
                    p = q  # "Just", "Car": the text uses the word in lower case; a small namesake is not meant
                    continue
            if q == p + 1 and seg[p][2] in self.cues.not_places and not self._maybe_qualified(text, seg[p]):
                p = q  # "Police said", "on Sunday": only "the town of March" or "March, Cambs." could make it a place
                continue
            match = self._read_cues(text, lo, hi, seg, p, q, key, title)
            if match is not None:
                out.append(match)
            p = q
        return out

    def _longer_after(self, seg: list[tuple[int, int, str]], keys: list[str], caps: list[bool], p: int,
                      end: int) -> bool:
        """Whether a place name starts at ``seg[p]`` and runs past ``end``."""
        for q in range(min(len(seg), p + MAX_NAME_WORDS), end, -1):
            key = " ".join(k for k in keys[p:q] if k)
            if caps[q - 1] and key and self.gazetteer.has_key(key):
                return True
        return False

    @staticmethod
    def _maybe_qualified(text: str, word: tuple[int, int, str]) -> bool:
        """Whether a word is followed by a comma or preceded by "of" (cheap test before reading cues)."""
        start, end, _ = word
        return text.startswith(",", end) or text[max(0, start - 4):start].lower() == " of "

    # -- cues -------------------------------------------------------------------------------

    def _read_cues(self, text: str, lo: int, hi: int, seg: list[tuple[int, int, str]], p: int, q: int, key: str,
                   title: bool) -> NameMatch | None:
        cues = self.cues
        entries = self.gazetteer.entries_for_key(key)
        if not entries:
            return None
        start, end = seg[p][0], seg[q - 1][1]
        end -= len(seg[q - 1][2]) - len(_strip_possessive(seg[q - 1][2]))
        last = seg[q - 1][2]
        if "-" in last and last.rpartition("-")[2] in _HYPHEN_LOCAL:
            end = start + len(text[start:end].rpartition("-")[0]) if q - 1 == p else end - len(last.rpartition("-")[2]) - 1
        m = NameMatch(start, end, text[start:end], key, entries, curated=key in self.curated_keys, in_title=title)
        relation: str | None = None
        veto: str | None = None
        # words of the run before the name
        if p > 0:
            inner = [w[2] for w in seg[:p]]
            low = [w.lower() for w in inner]
            if len(inner) >= 2 and low[-1] == "of":
                if low[-2] in _RUN_OF_OK:
                    relation = "city_of" if low[-2] in cues.settlement_nouns else "province"
                else:
                    veto = "name"  # "Islamic State of Iraq", "Bank of America"
            elif not all(w in _QUALIFIERS or w in FUNCTION_WORDS or w in _TIME_WORDS for w in low):
                veto = "name"  # "Michael Jordan", "Park Manor", "Four Hills" (but "Sunday Memphis", "North Minneapolis")
        before = _tokens(text, max(lo, seg[0][0] - BEFORE_CHARS), seg[0][0])
        if before and (before[-1][0] in cues.person_titles
                       or (before[-1][0] == "." and len(before) > 1 and before[-2][0] in cues.person_titles)):
            veto = "person"
        if len(before) >= 2 and before[-1][0].lower() == "of" and before[-2][0].lower() in cues.junction_nouns:
            veto = veto or "street"  # "the corner of Baltimore and McHenry avenues"
        if q - p > 1 and _strip_possessive(last) in cues.thoroughfare_words and not m.curated:
            veto = veto or "street"  # "Second Street" is in the gazetteer (British Columbia) but means a street
        if relation is None and veto is None:
            relation, veto = self._preposition(before, title)
        if relation == "province":
            m.wants_admin1 = True
        # words after the name
        if q < len(seg):
            relation, veto = self._word_after(m, seg[q][2], relation, veto, in_run=True, title=title)
        else:
            after = _tokens(text, end, min(hi, end + AFTER_CHARS))
            possessive = _is_possessive(last) or bool(after and after[0][0] in ("'", "’"))
            if after and after[0][0] in ("'", "’"):  # the possessive cut off the name
                after = after[2:] if len(after) > 1 and after[1][0] == "s" else after[1:]
            if possessive:  # "Syria's east" says nothing; "Thomas' mother" says a person
                if after and after[0][0].lower() in _PERSON_NOUNS:
                    m.person_hint = True
                if after and after[0][0].lower() in cues.county_nouns:
                    veto = veto or "county"  # "Prince George's County", "St. Mary's Parish"
                after = []
            if after:
                t, k, _ = after[0]
                if k == "l" and t in cues.neighbourhood_nouns and before \
                        and (before[-1][0].lower() == "the" or _is_possessive(before[-1][0])):
                    m.quarter = True  # "in the Austin neighborhood", "the city's Germantown section"
                elif k == "l" or (title and t.lower() in FUNCTION_WORDS):
                    relation, veto = self._word_after(m, t, relation, veto, in_run=False, title=title)
                elif t == ",":
                    region, used = self._region_after(after, 1)
                    # "Felton, Minn.": the US "City, State" style names the state even of a town the
                    # gazetteer lacks; elsewhere a region must hold one of the name's places
                    # ("Aleppo, Damascus" is a list, not Aleppo in Damascus province).
                    if region is not None and (any(_in_region(e, region) for e in entries)
                                               or (region.kind == "admin1" and region.country_code == "US")):
                        m.region = region
                        relation = relation or "region"
                        m.consumed_to = after[used - 1][2]
                    elif len(after) > 1 and (after[1][1] == "n" or after[1][0].lower() in ("who", "whose")):
                        m.person_hint = True
                elif k == "n" and not title:
                    veto = veto or "name"  # "Cloud 9", "Highway 61"
                elif t == "-" and len(after) > 1 and after[1][0] in _HYPHEN_LOCAL:
                    relation = _weak_or(relation, "local")
        if "-" in last and last.rpartition("-")[2] in _HYPHEN_LOCAL:
            relation = _weak_or(relation, "local")
        m.relation = relation
        m.veto = veto
        return m

    def _word_after(self, m: NameMatch, word: str, relation: str | None, veto: str | None, *, in_run: bool,
                    title: bool) -> tuple[str | None, str | None]:
        """(relation, veto) once the word right after the name is read; sets ``m.wants_admin1``,
        ``m.plural_admin`` and ``m.person_hint``.

        ``in_run``: the word is part of the capitalised run the name was found in ("Aleppo
        Province", "Rocky Mount Police Department"); there authority words are matched as written
        ("PD", "Fire"), a facility word makes it the place the event is near ("Deir ez-Zor
        Airport"), street and building words veto the place, local nouns count only in a
        Title Case headline ("Cheyenne Child Shoots Himself"), and any other capitalised word
        makes the run a longer name outside headlines. Else it is the lower-case word after the
        run (or a function word in a headline): "Aleppo province", "Memphis police", "a Memphis
        man", "Johnson said" (a person).
        """
        cues = self.cues
        lw = word.lower()
        if self._admin_noun(lw):
            m.wants_admin1 = True
            m.plural_admin = lw.endswith("s")
            relation = relation if relation in ("in", "at") else "province"
        elif lw in cues.county_nouns:
            veto = veto or "county"
        elif (word if in_run else lw) in cues.authority_words:
            relation = _weak_or(relation, "authority")
        elif in_run and word in cues.facility_words:
            relation = _weak_or(relation, "near")
        elif in_run and (word in cues.street_words or word.rstrip(".") in cues.street_words):
            veto = veto or "street"
        elif (title or not in_run) and lw in cues.local_nouns:
            relation = _weak_or(relation, "local")
        elif not in_run and lw in cues.person_verbs:
            m.person_hint = True
        elif in_run and not title and veto is None and not word.islower() and lw not in _DAY_WORDS:
            veto = "name"  # "Park Manor", "Bakersfield College" (but "in Bakersfield Friday night")
        return relation, veto

    def _state_abbreviation(self, text: str, lo: int, hi: int, seg: list[tuple[int, int, str]], p: int) -> NameMatch | None:
        """A dotted abbreviation alone ("N.J. State troopers", "in Southeast D.C."): the state, if it is one."""
        region = self.gazetteer.region(seg[p][2])
        if region is None or region.kind != "admin1":
            return None
        start, end = seg[p][0], seg[p][1]
        m = NameMatch(start, end, seg[p][2], name_key(region.name), (region,))
        m.relation, m.veto = self._preposition(_tokens(text, max(lo, start - BEFORE_CHARS), start), False)
        if p + 1 < len(seg):
            m.veto = m.veto or "name"
        return m

    def _admin_noun(self, word: str) -> bool:
        nouns = self.cues.admin1_nouns
        return word in nouns or (word.endswith("s") and word[:-1] in nouns)

    def _preposition(self, before: list[tuple[str, str, int]], title: bool) -> tuple[str | None, str | None]:
        """(relation, veto) from the tokens before the name, read backwards."""
        cues = self.cues
        modifiers = 0
        i = len(before) - 1
        while i >= 0:
            t, k, _ = before[i]
            w = t.lower()
            if k == "l" or (title and k == "C" and w in FUNCTION_WORDS):
                rel = cues.prepositions.get(w)
                if rel is not None and w in cues.quantity_prepositions and i + 1 < len(before) \
                        and before[i + 1][1] == "n":
                    return None, None  # "over 3,000 Toyota workers": a quantity
                if rel is not None:
                    if rel != "of":
                        return rel, None
                    if i == 0:
                        return "of", None
                    pt, pk, _ = before[i - 1]
                    pw = pt.lower()
                    if pk in "CA" and not _is_possessive(pt) and not (title and pw in FUNCTION_WORDS):
                        if pw in _RUN_OF_OK:
                            return ("city_of" if pw in cues.settlement_nouns else "province"), None
                        if title and pw in cues.directions:
                            return "near", None  # "Three People Dead East of Bozeman"
                        return None, "name"  # "University of Memphis", "Islamic State of Iraq"
                    if pw in cues.directions:
                        return "near", None
                    if pw in cues.settlement_nouns:
                        return "city_of", None
                    if self._admin_noun(pw):
                        return "province", None
                    if pw == "block":
                        return None, "street"
                    return "of", None
                if w in _STOP_WORDS or (w not in _DETERMINERS and w.endswith(("ed", "ing"))):
                    return None, None  # a verb or clause word: "believe that Vance"
                modifiers += w not in _DETERMINERS
                if modifiers > MAX_MODIFIERS:
                    return None, None
            elif k == "C" and _is_possessive(t):
                pass
            elif k == "p" and t in "-–":
                pass
            elif k == "n":
                modifiers += 1
                if modifiers > MAX_MODIFIERS:
                    return None, None
            else:
                return None, None
            i -= 1
        return None, None

    def _region_after(self, after: list[tuple[str, str, int]], i: int) -> tuple[GazetteerEntry | None, int]:
        """The region named at ``after[i]`` ("Tenn.", "N.C.", "North Carolina", "Syria", "TN") and the tokens used."""
        if i >= len(after):
            return None, i
        t, k, _ = after[i]
        gaz = self.gazetteer
        if k == "D" or (k == "A" and len(t) == 2):
            e = gaz.region(t)
            return (e, i + 1) if e is not None else (None, i)
        if k != "C":
            return None, i
        for width in (3, 2, 1):
            part = after[i:i + width]
            if len(part) < width or part[-1][1] != "C" or any(x[1] not in "Cl" for x in part):
                continue
            phrase = " ".join(x[0] for x in part)
            phrase = _strip_possessive(phrase)
            if i + width < len(after) and after[i + width][0] == ".":
                e = gaz.region(phrase + ".")
                if e is not None:
                    return e, i + width + 1
            e = gaz.region(phrase)
            if e is not None:
                return e, i + width
        return None, i

    def _country_code(self, text: str, lo: int, hi: int, m: re.Match) -> NameMatch | None:
        """ "U.S.", "UK": a country; part of a longer name ("U.S. Central Command") only as evidence."""
        entries = tuple(e for e in self.gazetteer.lookup(m.group()) if e.kind == "country")
        if not entries:
            return None
        match = NameMatch(m.start(), m.end(), m.group(), name_key(m.group()), entries)
        match.relation, match.veto = self._preposition(_tokens(text, max(lo, m.start() - BEFORE_CHARS), m.start()), False)
        nxt = _tokens(text, m.end(), min(hi, m.end() + 20))
        if nxt and nxt[0][1] in "CA":
            match.veto = match.veto or "name"
        return match

    # -- lists ------------------------------------------------------------------------------

    @staticmethod
    def _joined(text: str, prev_end: int, start: int) -> bool:
        between = text[prev_end:start].strip().lower()
        if between.startswith(("'s", "’s")):
            return False
        words = between.replace(",", " , ").split()
        return bool(words) and len(words) <= 2 and all(w in _LIST_JOINERS for w in words)

    @staticmethod
    def _propagate_lists(matches: list[NameMatch]) -> None:
        """Members of a list share its preposition, and its "provinces" ("in the Aleppo, ... and Homs provinces")."""
        groups: list[list[NameMatch]] = []
        for m in matches:
            if m.list_member and groups:
                groups[-1].append(m)
            else:
                groups.append([m])
        for g in groups:
            if len(g) < 2:
                continue
            head = g[0].relation if g[0].veto is None else None
            plural = g[-1].plural_admin
            for m in g[1:]:
                if m.relation in (None, "mention") and head is not None and head != "province":
                    m.relation = head
            if plural:
                for m in g:
                    m.wants_admin1 = True
                    m.relation = "province" if m.relation in (None, "mention", "of") else m.relation


def _in_region(e: GazetteerEntry, region: GazetteerEntry) -> bool:
    if region.kind == "country":
        return e.country_code == region.country_code
    return e.admin1_key == region.admin1_key and e.kind != "country"
