"""Find date expressions in a sentence: compiled patterns, no resolution.

The patterns are built once from data/date_terms.yaml. Two cheap trigger patterns find the
tokens every date expression contains (a plausible day or year, a month or weekday name, a
relative keyword such as "day", "week", "later"); the full pattern is then tried only where
the run of prefix words before each trigger begins ("On the night of 14-15 October"). Each match is a :class:`Candidate`
carrying what it says (day, month, year, weekday, relative phrase ...) and three facts about
where it stands, which decide later whether it is the sentence's own date and whether it may
move a chronology's running date:

- ``initial``: it opens the sentence or a clause ("On 26 November, ...", "Still, in April
  2014, ...", "... that ended when, on 14 July, ...");
- ``saying``: it dates a statement, not the event ("on Friday said ...", "a monitor said
  Friday"); ``leads_report``: a reporting verb follows it before the next date ("On 17
  August, SOHR said that in the two previous weeks ...");
- ``background``: it states when something began or was built, or long ago ("since March
  2011", "back in 2007", "(1920-1941)", "the 2014 abduction").

Two dates joined by a dash or "to" ("26 November 2011 - 10 April 2014", "July 2011 - May
2012") are merged into one ``join`` candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates_terms import DateTerms, load_terms

# Core kinds a match can have (the named alternatives of the pattern, in priority order).
CORE_KINDS = ("iso", "r_dm", "r_md", "r_mmy", "dmy", "mdy", "dm", "md", "my", "r_y", "hol", "season",
              "deic", "ana", "nago", "nrel", "nwin", "within", "yr", "mon", "wd")
DAY_LEVEL_KINDS = frozenset({"iso", "r_dm", "r_md", "dmy", "mdy", "dm", "md", "wd", "nago", "nrel", "within",
                             "hol"})
# Season names that are also common words: a date only with a year or "this/last/next" ("fall 2014").
AMBIGUOUS_SEASONS = frozenset({"fall"})
# Words at least one of which every relative date expression contains ("Two days later", "the
# next day", "last week", "shortly afterwards", "soon after"): the scanner only tries the full
# pattern near these, digits, month and weekday names. Seasons are added from the data file.
TRIGGER_WORDS = ("yesterday", "today", "tonight", "tomorrow", "overnight", "night", "morning", "evening",
                 "afternoon", "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years",
                 "ago", "later", "earlier", "afterwards", "afterward", "thereafter", "soon")
# How far before its trigger token a date expression may begin ("as far back as the beginning of").
MAX_PREFIX_CHARS = 40
# How far before an expression the clause-initial / saying / background cues are looked for.
LOOK_BACK_CHARS = 60
_OPENERS = " \t\"'\u201c\u2018(["
_WORD = re.compile(r"[A-Za-z]+|\d+")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"


@dataclass(frozen=True)
class Candidate:
    """One date expression found in a sentence; offsets are into the sentence text."""

    kind: str
    start: int
    end: int
    text: str
    prep: str | None = None  # "on", "by", "as of", "since" ... (lower case)
    mod: str | None = None  # "early", "late", "mid", "the end of" ...
    rel: str | None = None  # "last", "this", "next" before a weekday, month or season
    tod_of: str | None = None  # "the night of" ...
    day: int | None = None
    day2: int | None = None
    month: int | None = None
    month2: int | None = None
    year: int | None = None
    year2: int | None = None
    weekday: int | None = None
    season: str | None = None
    number: int | None = None
    unit: str | None = None
    direction: str | None = None  # "later", "earlier", "past", "previous", "following" ...
    phrase: str | None = None  # deictic / anaphoric table key
    year_rel: str | None = None  # "this" | "last" | "next" in "February this year"
    initial: bool = False
    saying: bool = False
    leads_report: bool = False
    background: bool = False
    parts: tuple[Candidate, ...] = ()  # the two ends of a "join"

    @property
    def day_level(self) -> bool:
        return self.kind in DAY_LEVEL_KINDS or (self.kind in ("deic", "ana") and self.unit == "day")


def _alt(words: object) -> str:
    """A regex alternation of ``words`` as a prefix trie ("J(?:an(?:uary)?|u(?:ly?|ne?))"):
    the regex engine then dispatches on each character instead of trying every word. Greedy
    optional tails make the longest word win, as a longest-first alternation would. A space
    in a phrase matches any run of whitespace."""
    trie: dict = {}
    for w in {str(x) for x in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    ends = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


@dataclass(frozen=True)
class Scanner:
    """The compiled pattern and the lookup tables that turn its groups into a Candidate."""

    terms: DateTerms
    pattern: re.Pattern[str]
    trigger_digits: re.Pattern[str]  # numbers that may be part of a date
    trigger_words: re.Pattern[str]  # month, weekday and relative keywords, matched in lower case
    capitalised: frozenset[str]  # trigger words that count only when capitalised (month, weekday names)
    prefix_words: frozenset[str]  # lower-case words that may stand before a trigger in an expression
    verbs: frozenset[str]  # reporting verbs, lower case
    saying_after: re.Pattern[str]
    clause_end: re.Pattern[str]  # what may follow a date of saying placed after its verb
    report_verb: re.Pattern[str]
    future: re.Pattern[str]
    join_between: re.Pattern[str]


@lru_cache(maxsize=1)
def get_scanner() -> Scanner:
    """The scanner for the packaged vocabulary, built on first use."""
    return build_scanner(load_terms())


def build_scanner(terms: DateTerms) -> Scanner:
    full_months = {name for name, n in terms.months.items()
                   if len(name) == max(len(k) for k, v in terms.months.items() if v == n)}
    abbreviations = set(terms.months) - full_months
    full_alt = _alt([m.capitalize() for m in full_months] + [m.upper() for m in full_months])
    abbr_alt = _alt([m.capitalize() for m in abbreviations] + [m.upper() for m in abbreviations])
    # a full name never takes a full stop ("in May." ends a sentence); an abbreviation may ("Nov. 8")
    month_alt = f"(?:{full_alt})(?![A-Za-z])|(?:{abbr_alt})\\.?"
    weekday_alt = _alt([w.capitalize() for w in terms.weekdays])
    num_alt = r"\d{1,3}|" + _alt(terms.numbers)
    unit_alt = "|".join(u for u in terms.units if u != "weekend")
    dash = f"[{_DASHES}]"
    dash_or_to = rf"(?:\s*{dash}+\s*|\s+(?i:to|and|until|till|through)\s+)"
    # "New Year's Eve" with either apostrophe, words separated by any spaces; longest names first
    holiday_alt = "|".join(r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in name.split())
                           for name in sorted(terms.holidays, key=len, reverse=True))

    def month(name: str) -> str:
        return rf"(?P<{name}>{month_alt})(?![A-Za-z])"

    def day(name: str) -> str:
        return rf"(?<![\d.,])(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"

    def year(name: str) -> str:
        return rf"(?<![\d.,$£€])(?P<{name}>1[89]\d\d|20\d\d)(?!\d|s\b|[{_DASHES}]?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:century|centuries))"

    def weekday(name: str) -> str:
        return rf"(?P<{name}>{weekday_alt})"

    def num(name: str) -> str:
        return rf"(?P<{name}>(?i:{num_alt}))"

    wd_lead = lambda n: rf"(?:{weekday(n)},?\s+)?"  # noqa: E731 - a tiny local helper
    cores = {
        "iso": rf"{year('iy')}-(?P<im>1[0-2]|0?[1-9])-(?P<id>3[01]|[12]\d|0?[1-9])(?!\d)",
        "r_dm": rf"{day('d1')}{dash_or_to}{day('d2')}\s+(?i:of\s+)?{month('m1')}(?:,?\s+{year('y1')})?",
        "r_md": rf"{month('m2')}\s+{day('d3')}{dash_or_to}{day('d4')}(?:,?\s+{year('y2')})?",
        "r_mmy": rf"{month('m3')}{dash_or_to}{month('m4')},?\s+{year('y3')}",
        "dmy": rf"{wd_lead('w1')}(?i:the\s+)?{day('d5')}\s+(?i:of\s+)?{month('m5')},?\s+{year('y4')}",
        "mdy": rf"{wd_lead('w2')}{month('m6')}\s+{day('d6')},?\s+{year('y5')}",
        "dm": rf"{wd_lead('w3')}(?i:the\s+)?{day('d7')}\s+(?i:of\s+)?{month('m7')}",
        "md": rf"{wd_lead('w4')}{month('m8')}\s+{day('d8')}(?!\s*(?i:percent|per\s+cent|%|,\d{{3}}))",
        "my": rf"{month('m9')},?\s+(?i:of\s+)?{year('y6')}",
        "r_y": rf"{year('y7')}\s*{dash}\s*(?:{year('y8')}|(?P<y8s>\d\d)(?!\d))",
        "hol": rf"(?i:the\s+)?(?=[A-Z])(?P<hn>(?i:{holiday_alt}))(?:,?\s+{year('y11')})?",
        "season": rf"(?i:the\s+)?(?P<sn>(?i:{_alt(terms.seasons)}))(?:\s+(?i:of\s+)?{year('y9')})?",
        "deic": rf"(?P<dp>(?i:{_alt(terms.deictic)}))",
        "ana": rf"(?P<ap>(?i:{_alt(terms.anaphoric)}))",
        "nago": rf"{num('n1')}\s+(?P<u1>(?i:{unit_alt}))s?\s+(?i:ago)",
        "nrel": rf"{num('n2')}\s+(?P<u2>(?i:{unit_alt}))s?\s+(?P<dir2>(?i:later|earlier|afterwards?|after|before|prior))",
        "nwin": rf"(?i:the\s+)(?:{num('n3')}\s+)?(?P<dir3>(?i:past|last|previous|preceding|following|next|coming))"
                rf"\s+(?:{num('n4')}\s+)?(?P<u3>(?i:{unit_alt}))s?",
        "within": rf"(?i:within)\s+{num('n5')}\s+(?P<u5>(?i:{unit_alt}))s?",
        "yr": year("y10"),
        "mon": month("m10"),
        "wd": rf"{weekday('w5')}(?P<poss>['\u2019]s)?(?:\s+(?P<wtod>(?i:{_alt(terms.times_of_day)})))?",
    }
    body = "|".join(f"(?P<{k}>{cores[k]})" for k in CORE_KINDS)
    pattern = (
        r"(?<![A-Za-z0-9])"
        rf"(?:(?P<prep>(?i:{_alt(terms.prepositions)}))\s+)?"
        rf"(?:(?P<todof>(?i:{_alt(terms.times_of_day_of)}))\s+)?"
        rf"(?:(?P<mod>(?i:{_alt(terms.modifiers)}))(?:\s+|-))?"
        r"(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?"
        rf"(?:{body})"
        r"(?P<yrel>\s+(?i:of\s+)?(?i:this|last|next)\s+year)?"
        r"(?![A-Za-z0-9])"
    )
    verbs = _alt(terms.reporting_verbs)
    # Triggers. Digits count only where a date can follow: a year, or a day before a
    # capitalised word (a month), a range or a unit ("26 November", "14-15 October", "3 days
    # later"). Both patterns open with a literal or a character class so the regex engine can
    # skip ahead quickly; the word boundary before a keyword is checked in code.
    trigger_digits = (rf"[0-9](?<![\d.,][0-9])(?:(?<=1)[89]\d\d(?!\d)|(?<=2)0\d\d(?!\d)"
                      rf"|\d{{0,2}}(?:st|nd|rd|th)?(?=\s*[{_DASHES}]\s*\d|\s+(?:of\s+)?[A-Z][a-z]"
                      rf"|\s+(?:to|and|until|till|through)\s+\d|\s+(?:{unit_alt})s?\b))")
    holiday_words = {name.split()[0] for name in terms.holidays}  # "christmas", "new", "fourth" ... capitalised
    trigger_words = set(terms.months) | set(terms.weekdays) | set(TRIGGER_WORDS) | set(terms.seasons) | holiday_words
    prefix = {w for group in (terms.prepositions, terms.modifiers, terms.times_of_day_of, terms.deictic,
                              terms.anaphoric, terms.numbers) for phrase in group for w in phrase.split()}
    prefix |= {"the", "of", "last", "this", "next", "past", "coming", "within", "mid", "a", "an"}
    return Scanner(
        terms=terms,
        pattern=re.compile(pattern),
        trigger_digits=re.compile(trigger_digits),
        trigger_words=re.compile(rf"{_alt(trigger_words)}(?![a-z])"),
        capitalised=frozenset(terms.months) | frozenset(terms.weekdays) | frozenset(holiday_words),
        prefix_words=frozenset(prefix),
        verbs=frozenset(terms.reporting_verbs),
        saying_after=re.compile(rf"\s*,?\s*(?i:{verbs})\b"),
        clause_end=re.compile(r"\s*(?:[.,;:!?)\"\u201d\u2019]|$|(?i:that|in\s+an?\s|according)\b)"),
        report_verb=re.compile(rf"\b(?i:{verbs})\b"),
        future=re.compile(rf"(?<![A-Za-z])(?i:{_alt(terms.future_cues)})(?![A-Za-z])"),
        join_between=re.compile(rf"^(?:\s*[{_DASHES}]+\s*|\s+(?i:to|until|till|through|and)\s+)$"),
    )


def _number(raw: str | None, terms: DateTerms) -> int | None:
    if raw is None:
        return None
    raw = raw.lower()
    return int(raw) if raw.isdigit() else terms.numbers.get(raw)


def _fields(m: re.Match[str], s: Scanner) -> dict[str, object] | None:
    """The Candidate fields for a match, or None for a match that is not a date in context."""
    t = s.terms
    kind = m.lastgroup if m.lastgroup in _KIND_SET else next(k for k in CORE_KINDS if m.group(k) is not None)
    g = m.group
    prep = " ".join(g("prep").lower().split()) if g("prep") else None
    mod = " ".join(g("mod").lower().split()) if g("mod") else None
    rel = g("rel").lower() if g("rel") else None
    yrel = g("yrel").split()[-2].lower() if g("yrel") else None

    def mon(name: str) -> int:
        return t.months[g(name).lower().rstrip(".")]

    def wd(name: str) -> int | None:
        return t.weekdays[g(name).lower()] if g(name) else None

    fields: dict[str, object]
    if kind == "iso":
        fields = {"year": int(g("iy")), "month": int(g("im")), "day": int(g("id"))}
    elif kind == "r_dm":
        fields = {"day": int(g("d1")), "day2": int(g("d2")), "month": mon("m1"), "year": _int(g("y1"))}
    elif kind == "r_md":
        fields = {"day": int(g("d3")), "day2": int(g("d4")), "month": mon("m2"), "year": _int(g("y2"))}
    elif kind == "r_mmy":
        fields = {"month": mon("m3"), "month2": mon("m4"), "year": int(g("y3"))}
    elif kind == "dmy":
        fields = {"day": int(g("d5")), "month": mon("m5"), "year": int(g("y4")), "weekday": wd("w1")}
    elif kind == "mdy":
        fields = {"day": int(g("d6")), "month": mon("m6"), "year": int(g("y5")), "weekday": wd("w2")}
    elif kind == "dm":
        fields = {"day": int(g("d7")), "month": mon("m7"), "weekday": wd("w3")}
    elif kind == "md":
        fields = {"day": int(g("d8")), "month": mon("m8"), "weekday": wd("w4")}
    elif kind == "my":
        fields = {"month": mon("m9"), "year": int(g("y6"))}
    elif kind == "r_y":
        y1 = int(g("y7"))
        y2 = int(g("y8")) if g("y8") else (y1 // 100) * 100 + int(g("y8s"))
        if not y1 <= y2 <= y1 + 100:
            return None
        fields = {"year": y1, "year2": y2}
    elif kind == "hol":
        key = " ".join(g("hn").lower().replace("\u2019", "'").split())
        if prep not in _HOLIDAY_PREPOSITIONS or (not t.holidays[key].bare and not prep and not g("y11")):
            return None  # "an Easter egg hunt", "home for Christmas", "after Christmas": no day of an event
        if _WEEKEND_AFTER.match(m.string, m.end()):
            return None  # "Memorial Day weekend": the weekend, not the day
        fields = {"phrase": key, "year": _int(g("y11"))}
    elif kind == "season":
        if not g("y9") and (g("sn")[0].isupper() and m.start("sn") > 0 or not (rel or prep or mod)
                            or g("sn").lower() in AMBIGUOUS_SEASONS and not rel
                            or _OF_AFTER.match(m.string, m.end())):
            # "summer" alone, "after the fall of Hamdan", "the spring of hope", "at the Winter
            # Olympics", "the Arab Spring": not dates
            return None
        fields = {"season": g("sn").lower(), "year": _int(g("y9"))}
    elif kind in ("deic", "ana"):
        key = " ".join(g("dp" if kind == "deic" else "ap").lower().split())
        phrase = (t.deictic if kind == "deic" else t.anaphoric)[key]
        fields = {"phrase": key, "unit": phrase.unit}
    elif kind == "nago":
        fields = {"number": _number(g("n1"), t), "unit": g("u1").lower(), "direction": "ago"}
    elif kind == "nrel":
        fields = {"number": _number(g("n2"), t), "unit": g("u2").lower(), "direction": g("dir2").lower()}
    elif kind == "nwin":
        n = g("n3") or g("n4")
        if n is None and g(0).rstrip().endswith("s"):
            return None  # "over the following years", "in recent weeks": no count, no date
        fields = {"number": _number(n, t) or 1, "unit": g("u3").lower(), "direction": g("dir3").lower()}
    elif kind == "within":
        fields = {"number": _number(g("n5"), t), "unit": g("u5").lower(), "direction": "within"}
    elif kind == "yr":
        fields = {"year": int(g("y10"))}
    elif kind == "mon":
        fields = {"month": mon("m10"), "bare": not (prep or mod or rel or yrel or g("todof"))}
    else:  # "wd"
        fields = {"weekday": wd("w5")}
    if fields.get("number") is None and kind in ("nago", "nrel", "within"):
        return None
    fields.update(kind=kind, start=m.start(), end=m.end(), text=g(0), prep=prep, mod=mod, rel=rel,
                  tod_of=" ".join(g("todof").lower().split()) if g("todof") else None, year_rel=yrel)
    return fields


_KIND_SET = frozenset(CORE_KINDS)
_OF_AFTER = re.compile(r"\s+of\b")
_WEEKEND_AFTER = re.compile(r"\s+weekend\b", re.I)
_HOLIDAY_PREPOSITIONS = frozenset({None, "on", "over", "during", "at", "of", "in"})


def _int(raw: str | None) -> int | None:
    return int(raw) if raw else None


def _in_parentheses(text: str, start: int, end: int) -> bool:
    opened = text.rfind("(", 0, start)
    return opened >= 0 and text.rfind(")", opened, start) < 0 and text.find(")", end) >= 0


def scan(text: str, scanner: Scanner | None = None, *, triggers: list[int] | None = None) -> list[Candidate]:
    """Date expressions in one sentence, in order, with their position facts.

    ``triggers``: the sentence's trigger positions when the caller found them for a whole
    document at once (:func:`find_triggers`), shifted to the sentence.
    """
    s = scanner or get_scanner()
    if triggers is None:
        triggers = find_triggers(text, s)
    if not triggers:
        return []
    found: list[dict[str, object]] = []
    for m in _matches(text, s, triggers):
        f = _fields(m, s)
        if f is None:
            continue
        kind = f["kind"]
        if kind in ("deic", "ana") and text[m.start(kind)].isupper() and not _sentence_opening(text, m.start()):
            continue  # "USA Today", "This Week": names, not dates
        # a bare four-digit number is a count far more often than a year, and a bare "May" or
        # "March" a word: kept only as the second end of a range ("between 2006 and 2010")
        f["bare"] = bool(f.get("bare")) or (kind == "yr" and not (f["prep"] or f["mod"])
                                            and text[max(0, m.start() - 4):m.start()].lower() != "the ")
        found.append(f)
    found = [f for f in _merge_joins(text, found, s) if not f.pop("bare", False) and not _stamp(text, f, s)]
    out = []
    for i, f in enumerate(found):
        nxt = found[i + 1]["start"] if i + 1 < len(found) else len(text)
        f.update(_position(text, f, s))
        f["leads_report"] = bool(f["initial"] and s.report_verb.search(text, f["end"], nxt))  # type: ignore[arg-type]
        out.append(Candidate(**f))  # type: ignore[arg-type]
    return out


_CLOCK_AFTER = re.compile(r"\s*(?:[-\u2013\u2014|,]\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b|[ap]m|\d)", re.I)
_TWEET_SIGNATURE = re.compile(r"\(@\w+\)\s*$")
_STAMP_KINDS = frozenset({"iso", "dmy", "mdy"})  # a date with its year: how pages stamp themselves


def _stamp(text: str, f: dict[str, object], s: Scanner) -> bool:
    """Whether the full date ``f`` stamps the page or a post (see ``stamp_words`` in date_terms.yaml)."""
    if f["kind"] not in _STAMP_KINDS:
        return False
    start, end = f["start"], f["end"]
    assert isinstance(start, int) and isinstance(end, int)
    before = text[max(0, start - 40):start].lower().rstrip(" :\u2013\u2014-|,")
    if before.endswith(" on"):
        before = before[:-3].rstrip(" :")
    if any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
           for w in s.terms.stamp_words):
        return True
    if _TWEET_SIGNATURE.search(text, max(0, start - 60), start):
        return True
    return not f["prep"] and bool(_CLOCK_AFTER.match(text, end))


def _position(text: str, f: dict[str, object], s: Scanner) -> dict[str, bool]:
    """initial / saying / background for the expression ``f`` (see the module docstring)."""
    start, end, prep = f["start"], f["end"], f["prep"]
    assert isinstance(start, int) and isinstance(end, int)
    before = text[max(0, start - LOOK_BACK_CHARS):start].rstrip().rstrip(_QUOTES)
    words = before.lower().rsplit(None, 3)[-3:]
    last1 = words[-1] if words else ""
    last2 = " ".join(words[-2:])
    last3 = " ".join(words)
    if start <= LOOK_BACK_CHARS and not text[:start].strip(_OPENERS):
        initial = True
    else:
        initial = (before[-1:] in _CLAUSE_MARKS or before.endswith("--") or last1 in _CONNECTIVES
                   or last2 in _CONNECTIVES)
    saying = bool(last1 in s.verbs and s.clause_end.match(text, end)) or bool(s.saying_after.match(text, end))
    cues = s.terms.background_cues
    attributive = f["kind"] == "yr" and not prep and last1 == "the"
    # "since 5 May" starts the state the sentence reports (a detention, a strike): not background
    dated_start = prep in _STARTING and f["kind"] in DAY_LEVEL_KINDS
    background = (prep in s.terms.background_prepositions and not dated_start or attributive
                  or (not prep and (last1 in cues or last2 in cues or last3 in cues))
                  or _in_parentheses(text, start, end))
    return {"initial": initial, "saying": saying, "background": background}


_STARTING = frozenset({"since", "ever since"})
_QUOTES = "\"'\u201c\u2018"
_CLAUSE_MARKS = frozenset(",;:(\u2014\u2013")
# Words after which a date opens a clause ("... and on 5 May", "ended when, on 14 July").
_CONNECTIVES = frozenset({"and", "but", "when", "while", "then", "where", "whereupon", "after which"})


def _sentence_opening(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".:;\"\u201c\u2018'(\u2014\u2013-"


def find_triggers(text: str, s: Scanner) -> list[int]:
    """Positions of the tokens every date expression contains, in order."""
    found = [m.start() for m in s.trigger_digits.finditer(text)]
    for m in s.trigger_words.finditer(text.lower()):
        p = m.start()
        if p > 0 and text[p - 1].isalpha():
            continue
        if m.group(0) in s.capitalised and not text[p].isupper():
            continue  # "may", "march", "sunday" in lower case are not names of days
        found.append(p)
    return sorted(found)


def _matches(text: str, s: Scanner, triggers: list[int]) -> list[re.Match[str]]:
    """Matches of the full pattern, each tried where its trigger token's run of prefix words
    ("on the night of", "in the two previous") begins, then at the trigger itself.

    Equivalent to ``s.pattern.finditer(text)`` for expressions that contain a trigger, and
    many times faster: the full pattern is costly to try at every position.
    """
    out: list[re.Match[str]] = []
    done = 0
    for p in triggers:
        if p < done:
            continue
        for start in _prefix_starts(text, max(done, p - MAX_PREFIX_CHARS), p, s) + [p]:
            m = s.pattern.match(text, start)
            if m and m.end() > p:
                out.append(m)
                done = m.end()
                break
    return out


def _prefix_starts(text: str, lo: int, p: int, s: Scanner) -> list[int]:
    """Starts of the words just before ``p`` that may open a date expression, earliest first:
    the run of prefix words ("On", "the night of", "the two previous") that ends at ``p``."""
    words = list(_WORD.finditer(text, lo, p))
    starts: list[int] = []
    nxt = p
    for w in reversed(words):
        if text[w.end():nxt].strip(" \t-") or w.group(0).lower() not in s.prefix_words:
            break
        starts.append(w.start())
        nxt = w.start()
    starts.reverse()
    return starts


def future_at(text: str, s: Scanner) -> int | None:
    """Where the sentence first speaks of the future ("will", "scheduled" ...), or None.
    "will" as a noun ("against his will", "the will of the people") does not count."""
    for m in s.future.finditer(text):
        before = text[max(0, m.start() - 20):m.start()].lower().split()
        if before and before[-1] in s.terms.future_cue_exceptions:
            continue
        return m.start()
    return None


def _merge_joins(text: str, found: list[dict[str, object]], s: Scanner) -> list[dict[str, object]]:
    """Join "A - B" / "from A to B" / "between A and B" into one candidate."""
    out: list[dict[str, object]] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            between = text[a["end"]:b["start"]]  # type: ignore[misc]
            joinable = a["kind"] in _JOINABLE and b["kind"] in _JOINABLE and b["prep"] is None
            if joinable and s.join_between.match(between):
                if between.strip().lower() != "and" or a["prep"] == "between":
                    parts = tuple(Candidate(**{k: v for k, v in x.items() if k != "bare"}) for x in (a, b))
                    out.append({"kind": "join", "start": a["start"], "end": b["end"], "bare": a.get("bare", False),
                                "text": text[a["start"]:b["end"]], "prep": a["prep"],  # type: ignore[misc]
                                "parts": parts})
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


_JOINABLE = frozenset({"iso", "r_dm", "r_md", "r_mmy", "dmy", "mdy", "dm", "md", "my", "r_y", "season", "yr", "mon"})
