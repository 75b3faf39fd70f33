"""Counts in news text: "58", "3,000", "1.5 million", "fifty-one", "six to nine", "at least 20", "dozens".

:func:`find_quantities` returns every count in a text as a :class:`Quantity` with ``low``,
``best`` and ``high`` read by the conventions in ``data/quantities.yaml`` (exact numbers are
themselves; "at least N"/"over N" are N with an open top; ranges are recorded at their lower
end, ACLED's conservative rule; vague words like "dozens" take their literal minimum).

Numbers that are not counts are skipped: years, dates, clock times, ages ("ages 13, 17 and
19", "a 12-year-old", "John Smith, 24,"), addresses ("2300 block", "2516 E 21st St"), unit and
model names ("104th Brigade", "Brigade 104", "Su-24"), percentages, money, measures
("3 km", "24 hours", "three-day"), ordinals and phone numbers.

The lexicon is compiled once, on first use (:func:`load_lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import LexiconError
from .types import Quantity

# Four-digit numbers in this span are read as years unless the words around them make them a
# count ("1500 people"). Calibrated on the seeds (2011-2017) and GVA (2013-2017).
YEAR_MIN, YEAR_MAX = 1800, 2099
# A bare number up to this value next to a name in commas ("Julian Roary, 47,") is an age.
MAX_AGE = 120
# How far (characters) to look left of a number for an identifier word, month or age cue.
LEFT_WINDOW = 40


@dataclass(frozen=True)
class NumberLexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fixed: dict[str, int]
    determiners: dict[str, int]
    qualifiers: dict[str, str]
    vague: dict[str, tuple[int, int | None]]
    pattern: re.Pattern  # counts, without the determiners "a"/"an"/"another"/"both"
    pattern_articles: re.Pattern  # counts and determiners
    second_number: re.Pattern  # the upper end of a range, anchored
    measure_after: re.Pattern
    name_after: re.Pattern
    month_after: re.Pattern
    month_words: frozenset[str]
    identifier_words: frozenset[str]
    age_words: frozenset[str]
    first_words: frozenset[str]  # words that may open a count
    candidates: re.Pattern  # where a count may start: a digit or one of first_words


_SEPARATOR = "\x00"


def lower_keep_offsets(text: str) -> str:
    """``text`` lowercased with every offset unchanged (a letter whose lowercase is longer, like
    "İ", keeps its first character), so matches on it point into ``text``."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie: one pass per position, longest first.

    A space or hyphen in a word matches any run of spaces and hyphens; an apostrophe matches
    ' or ’. Case is kept (compile with re.I to ignore it). Used for every word list in the
    extraction stage: a plain "a|b|c" alternation tries each word at each position, which is
    many times slower on long lists.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in str(w):
            node = node.setdefault(_SEPARATOR if ch in " -" else ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = r"[\s\-‐–]+" if ch == _SEPARATOR else "['’]" if ch in "'’" else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


_alt = word_alternation


READINGS = ("exact", "lower", "upper", "below", "approx")


def words_of(raw: dict, key: str, file: str) -> list[str]:
    """The word list ``raw[key]`` of a data file, checked: YAML reads a bare no/on/off/yes as a
    boolean, which would silently drop the word."""
    items = raw[key]
    if not isinstance(items, list):
        raise LexiconError(f"data/{file}: {key} must be a list of words")
    bad = [x for x in items if not isinstance(x, (str, int)) or isinstance(x, bool)]
    if bad:
        raise LexiconError(f"data/{file}: {key} holds {bad!r}, not words; quote words like 'no' and 'on'")
    return [str(x) for x in items]


@lru_cache(maxsize=1)
def load_lexicon() -> NumberLexicon:
    """Read and compile data/quantities.yaml (once per process)."""
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("quantities.yaml").read_text("utf-8"))
    try:
        units = {str(k): int(v) for k, v in raw["units"].items()}
        tens = {str(k): int(v) for k, v in raw["tens"].items()}
        scales = {str(k): int(v) for k, v in raw["scales"].items()}
        fixed = {str(k): int(v) for k, v in raw["fixed"].items()}
        determiners = {str(k): int(v) for k, v in raw["determiners"].items()}
        qualifiers = {str(k): str(v) for k, v in raw["qualifiers"].items()}
        vague = {str(k): (int(v[0]), None if v[1] is None else int(v[1])) for k, v in raw["vague"].items()}
        measure_units = words_of(raw, "measure_units", "quantities.yaml")
        identifier_words = words_of(raw, "identifier_words", "quantities.yaml")
        name_suffixes = words_of(raw, "name_suffixes", "quantities.yaml")
        age_words = words_of(raw, "age_words", "quantities.yaml")
        months = words_of(raw, "months", "quantities.yaml")
    except (KeyError, TypeError, IndexError) as e:
        raise LexiconError(f"data/quantities.yaml: missing or malformed entry ({e!r})") from e
    bad = sorted(set(qualifiers.values()) - set(READINGS))
    if bad:
        raise LexiconError(f"data/quantities.yaml: unknown qualifier reading(s) {bad}; allowed: {READINGS}")

    word = _alt([*units, *tens, *scales])
    scale = _alt(scales)
    words = (rf"(?:an?\s+(?=(?:{scale})\b))?(?:{word})\b(?:(?:\s*-\s*|\s+and\s+|\s+)(?:{word})\b)*")
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
    core = (rf"(?P<vague>{_alt(vague)})\b"
            rf"|(?P<fixed>{_alt(fixed)})\b"
            rf"|(?P<digits>{digits})(?:\s*-?\s*(?P<dscale>{scale})\b)?(?P<plus>\+)?(?![\w])"
            rf"|(?P<words>{words})")
    lead = r"(?<![\w$£€¥.,:/#&+-])"
    qual = rf"(?:(?P<qual>{_alt(qualifiers)})\s+)?(?:(?P<between>between|from)\s+)?"
    # The scanning patterns run on lowercased text (lower_keep_offsets): a case-sensitive regex over
    # lowercase text is about twice as fast as re.I, and every word list here is lowercase.
    pattern = re.compile(rf"{lead}{qual}(?:{core})")
    pattern_articles = re.compile(rf"{lead}{qual}(?:{core}|(?P<det>{_alt(determiners)})\b)")
    second_number = re.compile(rf"\s*(?P<sep>-|–|—|to|or|and)\s*"
                               rf"(?:(?P<digits>{digits})(?![\w])|(?P<words>{words})|(?P<more>more)\b)", re.I)
    measure_after = re.compile(rf"\s*(?:%|[-\s]*(?:{_alt(measure_units)})(?![\w]))", re.I)
    name_after = re.compile(
        rf"\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'’.-]*\s+){{0,3}}(?:{_alt(name_suffixes)})\b|\s+block\b|\s+[NSEW]\s+\d")
    month_after = re.compile(
        rf"(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?:{_alt(months)})\b")
    first_words = frozenset(k.split()[0].lower() for d in (units, tens, scales, fixed, determiners, qualifiers, vague)
                            for k in d) | {"between", "from"}
    candidates = re.compile(rf"{lead}(?:\d|{_alt(sorted(first_words))}\b)")
    return NumberLexicon(units, tens, scales, fixed, determiners, qualifiers, vague, pattern, pattern_articles,
                         second_number, measure_after, name_after, month_after, frozenset(months),
                         frozenset(identifier_words), frozenset(w.lower() for w in age_words), first_words, candidates)


_WORD = re.compile(r"[A-Za-z]+")
# Words (lowercase) or marks right before a four-digit number that make it a year.
_YEAR_BEFORE = frozenset("in since of by until till from to during early late mid summer winter spring fall autumn "
                         "before after year class season fiscal the and or through , ( – -".split()) \
    | frozenset(m.lower() for m in ("January February March April May June July August September October November "
                                    "December").split())
_BEFORE_TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_APPOSITION_AFTER = re.compile(r"(?:\s*(?:,|and|&)\s*\d{1,3})*\s*(?:[,;)]|\.(?:\s|$)|$)")
_AGE_PAIR_AFTER = re.compile(r"-\s*(?:and|or|to)\s+\d+\s*-\s*year", re.I)
_PHONE_AFTER = re.compile(r"[-.)\s]*\d{3}[-.]\d{4}\b|-\d{4}\b")
_TIME_AFTER = re.compile(r":\d|\s*(?:a\.?m\b|p\.?m\b)", re.I)
_FRACTION_AFTER = re.compile(r"\s*-?\s*(?:half|halves|third|thirds|quarter|quarters|fifths?|tenths?)\b", re.I)
_NO_ONE_BEFORE = frozenset({"no", "any", "every", "each", "some", "the", "that", "this", "which"})


def parse_number_words(text: str, lex: NumberLexicon | None = None) -> tuple[int, int] | None:
    """The value of a run of number words and how many characters of ``text`` it uses.

    "one-hundred and fifty" -> (150, 21); "fifty-one" -> (51, 9); "two and three" -> (2, 3):
    the run stops where the words stop making one number.
    """
    lex = lex or load_lexicon()
    total = cur = 0
    prev: str | None = None
    end = 0
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w in ("a", "an") and prev is None and end == 0:
            prev, end = "unit", m.end()  # "a hundred", "an estimated" never gets here
            cur = 1
            continue
        if w == "and":
            if prev in ("hundred", "big"):
                prev = "and"
                continue
            break
        if w in lex.units:
            v = lex.units[w]
            ok = prev in (None, "hundred", "big", "and") or (prev == "tens" and 0 < v < 10)
            cat = "unit" if v < 10 else "teen"
            cur += v
        elif w in lex.tens:
            ok = prev in (None, "hundred", "big", "and")
            cat = "tens"
            cur += lex.tens[w]
        elif w == "hundred":
            ok = prev in (None, "unit", "teen", "tens")
            cat = "hundred"
            cur = (cur or 1) * 100
        elif w == "dozen":
            ok = prev in (None, "unit", "teen", "tens")
            cat = "dozen"
            cur = (cur or 1) * 12
        elif w in lex.scales:
            ok = prev in (None, "unit", "teen", "tens", "hundred")
            cat = "big"
            total += (cur or 1) * lex.scales[w]
            cur = 0
        else:
            break
        if not ok:
            break
        prev = cat
        end = m.end()
    if end == 0:
        return None
    return total + cur, end


def _digits_value(digits: str, dscale: str | None, lex: NumberLexicon) -> int | None:
    value = float(digits.replace(",", ""))
    if dscale:
        value *= lex.scales[dscale.lower()]
    elif "." in digits:
        return None  # "2.5" is a measure, not a count
    return int(round(value))


def _bounds(reading: str, n: int) -> tuple[int, int, int | None]:
    if reading == "lower":
        return n, n, None
    if reading == "upper":
        return min(1, n), n, n
    if reading == "below":
        m = max(n - 1, 0)
        return min(1, m), m, m
    return n, n, n


def find_quantities(text: str, offset: int = 0, *, articles: bool = False) -> list[Quantity]:
    """Every count in ``text``, in order; offsets are into ``text`` shifted by ``offset``.

    With ``articles=True`` the determiners "a", "an", "another", "a second" (1) and "both" (2)
    are counts too, for person phrases such as "a man was shot".
    """
    lex = load_lexicon()
    low = lower_keep_offsets(text)
    return _scan(text, low, [m.start() for m in lex.candidates.finditer(low)], offset, articles, lex)


def quantities_at(text: str, starts: Iterable[int], offset: int = 0, *, articles: bool = False,
                  lowered: str | None = None) -> list[Quantity]:
    """The counts that begin at the given word starts (ascending), for a caller that has tokenised
    ``text`` already: only words that may open a count need be given (see :func:`may_open_count`).
    ``lowered`` is ``lower_keep_offsets(text)`` when the caller has it."""
    return _scan(text, lowered or lower_keep_offsets(text), starts, offset, articles, load_lexicon())


def may_open_count(word: str) -> bool:
    """Whether a (lowercased) word may begin a count: a digit, a number word, a qualifier or a
    vague quantity's first word ("at" of "at least", "dozens", "fifty" of "fifty-one")."""
    return word[:1].isdigit() or word.split("-")[0] in load_lexicon().first_words


def _scan(text: str, low: str, starts: Iterable[int], offset: int, articles: bool,
          lex: NumberLexicon) -> list[Quantity]:
    pat = lex.pattern_articles if articles else lex.pattern
    out: list[Quantity] = []
    pos = 0
    for st in starts:
        if st < pos:
            continue
        m = pat.match(low, st)
        if m is None:
            continue
        q = _read(text, m, lex)
        if q is None:
            continue
        lo, best, high, qualifier, start, end = q
        out.append(Quantity(low=lo, best=best, high=high, text=text[start:end], start=start + offset,
                            end=end + offset, qualifier=qualifier))
        pos = end
    return out


def _read(text: str, m: re.Match, lex: NumberLexicon):
    """The quantity a master-pattern match stands for, or None when it is not a count."""
    start, end = m.start(), m.end()
    qual = m.group("qual")
    between = m.group("between")
    reading = lex.qualifiers[_norm(qual)] if qual else "exact"
    qualifier = _norm(qual) if qual else None
    if m.group("vague"):
        low, high = lex.vague[_norm(m.group("vague"))]
        if between:
            start = m.start("vague")
        return low, low, high, "vague", start if not qual else m.start(), end
    if m.groupdict().get("det"):
        if qual or between or lex.measure_after.match(text, end):
            return None  # "a day", "a mile"
        n = lex.determiners[_norm(m.group("det"))]
        return n, n, n, "determiner", start, end
    is_words = False
    if m.group("fixed"):
        value = lex.fixed[_norm(m.group("fixed"))]
        core_start = m.start("fixed")
    elif m.group("digits"):
        value = _digits_value(m.group("digits"), m.group("dscale"), lex)
        core_start = m.start("digits")
        if value is None:
            return None
        if m.group("plus"):
            reading, qualifier = "lower", qualifier or "plus"
    else:
        parsed = parse_number_words(m.group("words"), lex)
        if parsed is None:
            return None
        value, used = parsed
        core_start = m.start("words")
        end = core_start + used
        is_words = True
    # a range: "six to nine", "10-12", "between 10 and 12", "10 or 12"; "10 or more"
    high_value: int | None = None
    r = lex.second_number.match(text, end)
    if r and (r.group("sep").lower() != "and" or between) and not (m.group("plus")):
        if r.group("more") and r.group("sep").lower() == "or":
            reading, qualifier, end = "lower", qualifier or "or more", r.end()
        elif r.group("digits") or r.group("words"):
            if r.group("digits"):
                v2 = _digits_value(r.group("digits"), None, lex)
                e2 = r.end()
            else:
                p2 = parse_number_words(r.group("words"), lex)
                v2, e2 = (p2[0], r.start("words") + p2[1]) if p2 else (None, r.end())
            mixed = r.group("sep") in "-–—" and is_words != bool(r.group("words"))  # "two-3"
            if v2 is not None and v2 > value and not mixed:
                if _PHONE_AFTER.match(text, e2) and r.group("sep") == "-":
                    return None
                high_value, end = v2, e2
    if between and high_value is None:
        start = core_start if not qual else m.start()
        if qual:
            return None  # "at least between ..." is not a pattern we read
    if not _is_count(text, start, core_start, end, value, m, lex, is_words):
        return None
    if high_value is not None:
        return value, value, high_value, "range", start, end
    low, best, high = _bounds(reading, value)
    return low, best, high, qualifier, start, end


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _is_count(text: str, start: int, core_start: int, end: int, value: int, m: re.Match, lex: NumberLexicon,
              is_words: bool) -> bool:
    """Whether the number at ``text[core_start:end]`` counts things (not a year, date, age, ...)."""
    after = text[end:end + 60]
    if lex.measure_after.match(after) or _TIME_AFTER.match(after) or _FRACTION_AFTER.match(after):
        return False
    if lex.month_after.match(after) or _AGE_PAIR_AFTER.match(after):
        return False
    before = _BEFORE_TOKEN.findall(text, max(0, start - LEFT_WINDOW), start)
    last = before[-1] if before else ""
    k = len(before) - 1
    while k >= 0 and before[k] in (".", "the"):
        k -= 1
    if k >= 0 and before[k] in lex.month_words:
        return False  # "Nov. 8", "November 26"
    if _age_list_before(before, lex):
        return False  # "ages 13, 17 and 19", "aged 25"
    if is_words:
        return not (value == 1 and last.lower() in _NO_ONE_BEFORE and m.group("words").lower().startswith("one"))
    digits = m.group("digits") or ""
    if last == "#" or (k >= 0 and before[k] in lex.identifier_words) or lex.name_after.match(after):
        return False  # "No. 5", "Brigade 104", "Fox 59"; "2300 block", "104 Mechanized Brigade"
    if _PHONE_AFTER.match(after) and len(digits) == 3:
        return False
    plain = digits.replace(",", "")
    if (len(digits) == 4 and plain.isdigit() and YEAR_MIN <= value <= YEAR_MAX and not m.group("dscale")
            and (last.lower() in _YEAR_BEFORE or not _LOWER_WORD_AFTER.match(after)
                 or re.match(r"[-/]\d", after))):
        return False
    if (value <= MAX_AGE and "," not in digits and not m.group("qual") and _apposition_before(before)
            and _APPOSITION_AFTER.match(after)):
        return False  # "Julian Roary, 47, had", "sons, 10 and 12,", "Smith (25)"
    return True


def _age_list_before(before: list[str], lex: NumberLexicon) -> bool:
    """ "ages 13, 17 and", "between the ages of 21 and" before a number: it is an age too."""
    j = len(before) - 1
    while j >= 0 and ((before[j].isdigit() and len(before[j]) <= 3)
                      or before[j] in (",", "and", "&", "to", "-", "–", "of", "the", "between")):
        j -= 1
    return j >= 0 and before[j].lower() in lex.age_words


def _apposition_before(before: list[str]) -> bool:
    """A name or noun, then a comma or bracket (and maybe other ages) right before the number."""
    j = len(before) - 1
    while j >= 1 and (before[j] in ("and", "&") or (before[j].isdigit() and len(before[j]) <= 3)
                      or (before[j] == "," and before[j - 1].isdigit())):
        j -= 1
    if j >= 2 and before[j] == "," and before[j - 1] == "." and before[j - 2].isalpha():
        return True  # "Larry Lynch, Jr., 28,": a name ending in an abbreviation
    return j >= 1 and before[j] in (",", "(") and before[j - 1].isalpha()
