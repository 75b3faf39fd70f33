"""Killed, wounded and captured figures stated in a sentence, with who was counted, their side
and who claims the figure.

How a sentence is read (all wording is data, in data/casualty_terms.yaml):

1. Pre-filter: one compiled trigger regex; a sentence without a casualty word costs one search.
2. Counted phrases: every count (numbers.find_quantities, with "a"/"another"/"both" as counts),
   definite singular person phrases ("the victim", "his son"), subject pronouns ("he"), headline
   nouns ("Teen in critical condition") and named people with an age ("John Smith, 24,"), each
   with the noun phrase it counts ("58 Syrian government troops and militia"). Counts after
   "including"/"among them" are subsets of another count and are not read.
3. Predicates: a verb before the count ("killing 33", "the deaths of 58", "ISIS lost 47
   fighters"), a predicate after it ("were killed", "dead", "in critical condition", "15
   captured"), or a casualty noun as head ("about 50 casualties"). Coordinated counts share one
   predicate ("fifty-one soldiers and sixty-eight ISIS militants were killed").
4. Outcomes: "shot" without an outcome is wounded (trigger "shot"); "shot and later died" is
   killed; "two men were shot, one fatally" is one killed and one wounded; "no one was injured"
   is an explicit zero. A later "he"/"she" is the person already counted.
5. Sides: an actor named in the counted phrase, else the noun's role (civilians, police,
   soldiers -> the state side of the sentence or document, militants -> the non-state side),
   never the side doing the killing; "others" and bare counts take the side of the figure before.
6. Merges: counts sharing one predicate and one side, and "N others" after a figure of the same
   kind and side, are one figure ("a man and a woman were shot" is 2 wounded), because one
   claimer's figures for one side are read as restatements downstream (export/figures.py).
7. Tally: cumulative counts over a long or open period ("since the war began", "so far this year").
8. Claimer: claims.find_claimer for each figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import product

import yaml

from . import claims as claims_mod
from .actors import ActorMatcher, default_matcher
from .numbers import find_quantities, load_lexicon, lower_keep_offsets, quantities_at, word_alternation, words_of
from .types import ActorMention, CasualtyFigure, Sentence

# Most words in a counted noun phrase ("58 Syrian government troops and militia" has 5).
MAX_NP_WORDS = 6
# How far (characters) after a wounded predicate a "later died" may turn it into killed.
DEATH_REACH = 110
# Sides that are not armed parties: never the side of "soldiers" or "militants".
NON_PARTY_SIDES = {"civilians", "police", "perpetrators"}
# A sentence with at least this share of capitalised words is a headline in title case.
TITLE_CASE_SHARE = 0.6
# Post-modifiers that may follow a counted noun ("58 militants associated with IS").
_POSTMOD = {"inside", "aboard", "loyal", "linked", "affiliated", "belonging", "based", "associated", "allied",
            "backed", "stationed", "armed", "aged", "including", "among"}
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
_YEAR_OLD = re.compile(r"(?:\d+|[a-z]+)[-–\s]year[-–\s]olds?$", re.I)
_CONJ_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|as well as|plus|&)\s*", re.I)
# Where a subject pronoun may stand: sentence start, after punctuation or a conjunction.
_CLAUSE_OPENERS = {",", ";", ":", "(", "—", "–", "and", "but", "after", "when", "where", "before", "as", "that",
                   "said", "until", "because", "while", "then", "once", "if", "say", "says", "told", "since"}
_HEADLINE_OPENERS = {":", "|", "-", "–", "—"}
_ORDINALS = {"second", "third", "fourth", "fifth", "sixth"}
# Participles that, before a counted noun, state its casualty ("one wounded man", "two dead soldiers").
_REFLEXIVE = re.compile(r"himself|herself|self")
_REFLEXIVE_CUES = frozenset({"himself", "herself", "self", "suicide", "life"})
_PARENTS = {"father", "mother", "parent", "parents", "dad", "mom", "grandmother", "grandfather", "grandparents"}
_SPLIT_GAP = re.compile(r"[^.;]{0,40}?,\s*")
_WHO_GAP = re.compile(r"\s*,?\s*who\s+(?:[\w'’-]+\s+){0,6}?", re.I)
_PREPOSITIONS = {"in", "at", "on", "from", "near", "of", "to", "by", "for", "with", "outside", "inside", "into",
                 "across", "through", "toward", "towards", "around", "behind", "between"}
_ZERO_CUES = frozenset({"no", "nobody", "none"})
_PARTICIPLES = {"wounded": "wounded", "injured": "wounded", "dead": "killed", "slain": "killed", "murdered": "killed"}
# "the shooting victim", "a murder suspect": after a gerund or noun these are compounds, not objects.
_COMPOUND_HEADS = {"suspect", "victim", "survivor", "witness", "suspects", "victims", "survivors", "witnesses"}
_CLAUSE_BREAK = re.compile(r";|\b(?:while|but|whereas|although|as)\b", re.I)
_OBJECT_WORDS = {"a", "an", "the", "his", "her", "their", "him", "them", "its", "another", "himself", "herself",
                 "themselves", "two", "three",
                 "four", "five", "six", "seven", "eight", "nine", "ten", "one", "dozens", "scores", "hundreds",
                 "several", "many", "some", "all", "both", "more", "nearly", "over", "about", "up", "police",
                 "officers", "people", "civilians", "soldiers", "militants"}
_NOT_OBJECT_CAPS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "In", "At", "On",
                    "Near", "After", "During", "Outside", "Inside", "Overnight", "Early", "Late", "Last", "This",
                    "While", "When", "As", "By", "From", "For", "With", "Following", "Amid", "Over", "Since",
                    "January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"}
# Words that start a sentence or name a thing, never a person named as a subject ("Johnson was shot").
_NOT_NAMES = {"Himself", "Herself", "Themselves", "Him", "Them", "Me", "Us", "The", "A", "An", "This", "That",
              "These", "Those", "He", "She", "It", "They", "We", "I", "You",
              "There", "Here", "Police", "Officers", "Authorities", "Investigators", "Nobody", "No", "One", "Nothing",
              "Everyone", "Someone", "Anyone", "Who", "What", "Which", "Where", "When", "Why", "How", "His", "Her",
              "Their", "Its", "Our", "My", "Your", "Each", "Every", "Another", "Both", "All", "Some", "Many",
              "Most", "Several", "Neither", "Either", "If", "But", "And", "Or", "So", "Then", "After", "Before",
              "While", "Because", "Although", "Though", "Sheriff", "Deputies", "Troopers", "Detectives",
              "County", "City", "State", "Department", "Hospital", "School", "Church", "God", "Mr", "Mrs", "Ms",
              "Dr", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Today",
              "Yesterday", "Tonight"}
_SUBJECT_NAME = re.compile(r"\b(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){0,2})"
                           r"(?=\s+(?:was|had\s+been|has\s+been|died|dies|has\s+died|succumbed|passed\s+away)\b)")
# Predicates that are also active verbs: without an auxiliary and with an object after them
# ("two gunmen killed three people") the count before them is the agent, not the victims.
_TRANSITIVE = {"killed", "shot", "wounded", "injured", "hurt", "captured", "arrested", "abducted", "kidnapped",
               "detained", "executed", "murdered", "slain", "beheaded", "massacred", "gunned down", "shot dead",
               "shot and killed", "fatally shot", "shot and wounded", "shot and injured", "seized", "assassinated",
               "apprehended", "grazed", "rounded up"}
_QUALIFIED_COUNT = re.compile(r"\s+(?:at\s+least|more\s+than|nearly|about|up\s+to|as\s+many\s+as|over|some)\s+\w", re.I)
_ROLE_SIDES = {"civilian": "civilians", "police": "police", "perpetrator": "perpetrators"}


class TermsError(ValueError):
    """data/casualty_terms.yaml is missing a key or holds a malformed phrase."""


@dataclass(frozen=True)
class CasualtyTerms:
    trigger: re.Pattern
    passive: re.Pattern
    passive_groups: dict[str, tuple[str, str]]  # group name -> (kind, trigger)
    active: dict[tuple[str, ...], tuple[str, str, bool]]  # words -> (kind, trigger, own_losses)
    active_longest: int
    active_last: frozenset[str]  # last words of the active phrases (a cheap first test)
    active_fillers: frozenset[str]
    casualty_nouns: dict[str, str]
    own_loss_verbs: frozenset[str]
    fatal_split: re.Pattern
    death_after: re.Pattern
    reflexive: re.Pattern  # groups "killed" / "wounded"
    passive_pp: re.Pattern  # a prepositional phrase between a count and its auxiliary
    subset: frozenset[tuple[str, ...]]
    zero: re.Pattern
    zero_nouns: re.Pattern
    tally_cue: re.Pattern
    tally: re.Pattern
    not_tally: re.Pattern
    roles: dict[str, str]  # noun (lowercase, may be two words) -> role
    singular: frozenset[str]  # person nouns that count one ("man", "victim")
    np_stop: frozenset[str]
    number_words: frozenset[str]
    count_first_words: frozenset[str]  # words that may open a count (numbers.may_open_count)
    phrase_openers: frozenset[str]  # words that may open a counted phrase other than a number
    before_name: frozenset[str]  # words after which a capitalised word may be a victim's name
    determiners: dict[str, int]  # "a" -> 1, "both" -> 2
    definite_words: frozenset[str]
    pronouns: frozenset[str]
    named: re.Pattern
    aux: frozenset[str]


def _word(w: str) -> str:
    return re.escape(w).replace("'", "['’]").replace(r"\-", r"[\s\-]+")


def _phrase_regex(phrase: str) -> str:
    """Compile the phrase syntax of casualty_terms.yaml: "[a|b]" optional word, "(a|b)" choice."""
    if phrase.startswith("re:"):
        return phrase[3:]
    sep = r"[\s\-]+"
    parts = []
    seen_required = False
    for t in phrase.split():
        optional = t.startswith("[") and t.endswith("]")
        if optional or (t.startswith("(") and t.endswith(")")):
            piece = rf"(?:{'|'.join(_word(w) for w in t[1:-1].split('|'))})"
        else:
            piece = _word(t)
        if not seen_required:  # leading optional words carry their separator after them
            parts.append(rf"(?:{piece}{sep})?" if optional else piece)
            seen_required = not optional
        else:
            parts.append(rf"(?:{sep}{piece})?" if optional else sep + piece)
    if not seen_required:
        raise TermsError(f"data/casualty_terms.yaml: phrase {phrase!r} has no required word")
    return "".join(parts)


def _expand(phrase: str) -> list[tuple[str, ...]]:
    """Every word sequence a phrase stands for ("[the] (death|deaths) of" -> 4 sequences)."""
    options = []
    for t in phrase.split():
        if t.startswith("[") and t.endswith("]"):
            options.append(["", *t[1:-1].split("|")])
        elif t.startswith("(") and t.endswith(")"):
            options.append(t[1:-1].split("|"))
        else:
            options.append([t])
    return [tuple(w for ws in combo for w in ws.lower().split() if w) for combo in product(*options)]


def _alt_phrases(phrases) -> str:
    return "|".join(_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True))


def _first_word(phrase: str) -> str | None:
    if phrase.startswith("re:"):
        return None
    t = phrase.split()[0]
    if t.startswith("["):
        return None
    return t.strip("()").split("|")[0].lower()


@lru_cache(maxsize=1)
def load_terms() -> CasualtyTerms:
    """Read and compile data/casualty_terms.yaml (once per process).

    The patterns that scan a sentence run on its lowercased text (numbers.lower_keep_offsets):
    case-sensitive matching of lowercase words is about twice as fast as re.I."""
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("casualty_terms.yaml").read_text("utf-8"))
    try:
        passive_groups: dict[str, tuple[str, str]] = {}
        alts = []
        stops = {str(w).lower() for w in raw["np_stop"]}
        for i, g in enumerate(raw["passive"]):
            name = f"p{i}"
            passive_groups[name] = (str(g["kind"]), str(g["trigger"]))
            alts.append(f"(?P<{name}>{_alt_phrases(g['phrases'])})")
            for p in g["phrases"]:
                fw = _first_word(str(p))
                if fw and fw not in ("in", "with"):
                    stops.add(fw)
        fill = word_alternation(raw["passive_fillers"])
        neg = word_alternation([n for n in raw["negations"] if n != "n't"])
        passive = re.compile(
            rf"(?P<skip>\s*\([^()]{{0,60}}\)|\s*,[^,;]{{1,80}},)?\s*(?P<fill>(?:{fill}\s+)*)"
            rf"(?P<neg>{neg}\s+|\w+n['’]t\s+)?(?:{fill}\s+)*(?:{'|'.join(alts)})(?![\w-])")
        active: dict[tuple[str, ...], tuple[str, str, bool]] = {}
        for g in raw["active"]:
            value = (str(g["kind"]), str(g["trigger"]), bool(g.get("own_losses", False)))
            for p in g["phrases"]:
                for words in _expand(str(p)):
                    active.setdefault(words, value)
        roles: dict[str, str] = {}
        for role, nouns in raw["person_nouns"].items():
            for n in nouns:
                roles[" ".join(str(n).lower().split())] = str(role)
        casualty_nouns = {str(k).lower(): str(v) for k, v in raw["casualty_nouns"].items()}
        plural_irregular = {"men", "women", "children", "people", "personnel", "police", "militia", "youth",
                            "elderly", "crew", "security personnel"}
        singular = frozenset(n for n, r in roles.items()
                             if r not in ("other", "pronoun") and " " not in n and not n.endswith("s")
                             and n not in plural_irregular)
        lex = load_lexicon()
        number_words = set(lex.units) | set(lex.tens) | set(lex.scales) | {w.split()[0] for w in lex.vague} \
            | {w.split()[0] for w in lex.determiners}
        number_words |= {f"{t}-{u}" for t in lex.tens for u in lex.units if lex.units[u] < 10}
        role_words = word_alternation(roles)
        terms = CasualtyTerms(
            trigger=re.compile(rf"\b{word_alternation(raw['triggers'])}"),
            passive=passive, passive_groups=passive_groups,
            active=active, active_longest=max(len(k) for k in active), active_last=frozenset(k[-1] for k in active),
            active_fillers=frozenset(str(w).lower() for w in raw["active_fillers"]),
            casualty_nouns=casualty_nouns,
            own_loss_verbs=frozenset(words_of(raw, "own_loss_verbs", "casualty_terms.yaml")),
            fatal_split=re.compile(rf"\s*[,;]?\s*(?:and\s+)?(?:{'|'.join(raw['fatal_split'])})\b"),
            death_after=re.compile(str(raw["death_after"])),
            reflexive=re.compile(
                rf"\b(?:(?P<killed>{_alt_phrases(raw['reflexive']['killed'])})"
                rf"|(?P<wounded>{_alt_phrases(raw['reflexive']['wounded'])}))\b"),
            passive_pp=re.compile(
                r"\s+(?:at|in|on|inside|outside|near|from|of|for|with|behind|aboard|between|during)\s+[^,.;:]{1,40}?"
                r"(?=\s+(?:were|was|are|is|had|has|have)\s)"),
            subset=frozenset(tuple(str(s).lower().split()) for s in raw["subset_before"]),
            zero=re.compile(
                rf"\b(?:no\s+one|nobody|none|no\s+other\s+(?:\w+\s+)?{role_words}|no\s+{role_words})"
                rf"(?:\s+else)?(?:\s+(?:of\s+(?:them|the\s+\w+)|inside|in\s+the\s+\w+))?\s+"),
            zero_nouns=re.compile(
                r"\bno\s+(?:other\s+|additional\s+|further\s+|immediate\s+|serious\s+|reported\s+)?"
                r"(?P<noun>injuries|injury|deaths|fatalities|casualties|arrests)\b"),
            tally_cue=re.compile(rf"\b{word_alternation(raw['tally_cues'])}\b"),
            tally=re.compile(rf"\b(?:{'|'.join(raw['tally'])})\b", re.I),
            not_tally=re.compile(rf"\b(?:{'|'.join(raw['not_tally'])})\b", re.I),
            roles=roles, singular=singular, np_stop=frozenset(stops), number_words=frozenset(number_words),
            count_first_words=lex.first_words,
            phrase_openers=frozenset(
                {k for k in lex.determiners if " " not in k} | {str(w).lower() for w in raw["definite"]}
                | {str(w).lower() for w in raw["pronouns"]} | singular
                | {"was", "died", "dies", "succumbed", "passed", "been", ","}),
            before_name=frozenset({k[-1] for k in active} | {str(w).lower() for w in raw["active_fillers"]}),
            determiners={k: v for k, v in lex.determiners.items() if " " not in k},
            definite_words=frozenset(str(w).lower() for w in raw["definite"]),
            pronouns=frozenset(str(w).lower() for w in raw["pronouns"]),
            named=re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'’-]+){1,3},\s+(?:age\s+)?\d{1,2},"
                             r"(?:\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3},)?"),
            aux=frozenset({"were", "was", "are", "is", "been", "be", "being", "got", "get", "gets", "am", "have", "has",
                           "had", "reportedly", "believed", "reported", "found", "confirmed", "feared", "remain",
                           "remains", "remained", "listed", "lay", "lying"}),
        )
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as e:
        raise TermsError(f"data/casualty_terms.yaml: missing or malformed entry ({e!r})") from e
    return terms


@dataclass
class _Tokens:
    """A sentence's words and punctuation, lowercased, with their offsets."""

    starts: list[int]
    ends: list[int]
    low: list[str]
    orig: list[str]
    text_low: str  # the sentence lowercased, offsets unchanged

    @classmethod
    def of(cls, text: str, lowered: str) -> "_Tokens":
        spans = [m.span() for m in _TOKEN.finditer(lowered)]
        if " year old" in lowered:  # "an 11 year old boy": one token, like "11-year-old"
            spans = _join_spaced_ages(spans, lowered)
        return cls([s for s, _ in spans], [e for _, e in spans], [lowered[s:e] for s, e in spans],
                   [text[s:e] for s, e in spans], lowered)

    def at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


def _join_spaced_ages(spans: list[tuple[int, int]], low: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        if i + 2 < len(spans) and low[s:e].isdigit() and low[slice(*spans[i + 1])] == "year" \
                and low[slice(*spans[i + 2])] in ("old", "olds"):
            out.append((s, spans[i + 2][1]))
            i += 3
            continue
        out.append((s, e))
        i += 1
    return out


@dataclass
class _Phrase:
    """A counted phrase: the count and the noun phrase it counts."""

    start: int  # in the sentence text
    end: int  # end of the noun phrase (or of the count when there is none)
    low: int
    best: int
    high: int | None
    source: str  # "number", "determiner", "definite", "pronoun", "headline", "named"
    head: str | None = None  # lowercased head noun
    role: str | None = None
    np_start: int = 0
    np_end: int = 0
    kind: str | None = None
    trigger: str | None = None
    via: str | None = None  # "active", "passive", "noun", "chain-active", "chain-passive"
    own_losses: bool = False
    verb_start: int | None = None  # where the active verb starts (to find the agent)
    pred_end: int | None = None
    agent_side: str | None = None
    zero: bool = False
    skip: tuple[int, int] | None = None  # an apposition between the count and its predicate
    restates: bool = False  # "all four": the total of counts given before it
    modifier_kind: str | None = None  # a participle before the noun: "one wounded man"
    merged: list["_Phrase"] = field(default_factory=list)
    vague: bool = False  # "dozens", "scores": a vague quantity, not a count


def has_trigger(text: str) -> bool:
    """Whether ``text`` has a casualty word at all (the pre-filter)."""
    return load_terms().trigger.search(lower_keep_offsets(text)) is not None


def is_tally(text: str) -> bool:
    """Whether a sentence counts over a long or open period ("since the war began")."""
    return _tally(text, lower_keep_offsets(text), load_terms())


def _tally(text: str, low: str, t: CasualtyTerms) -> bool:
    return bool(t.tally_cue.search(low) and t.tally.search(text)) and not t.not_tally.search(text)


def find_figures(sentence: Sentence, *, actors: list[ActorMention] | None = None,
                 context_sides: list[str] | None = None, previous_claimer: str | None = None,
                 matcher: ActorMatcher | None = None) -> list[CasualtyFigure]:
    """Every killed/wounded/captured figure stated in ``sentence``, in order of appearance.

    ``actors`` are the sentence's actor mentions (found here when None); ``context_sides`` are
    the document's sides, most mentioned first: with them the sentence's actors are looked up
    again so that context-dependent aliases ("the army", "rebels") count. ``previous_claimer``
    is the claimer of the sentence before ("It claimed that ...").
    """
    terms = load_terms()
    text = sentence.text
    low = lower_keep_offsets(text)
    if not terms.trigger.search(low):
        return []
    toks = _Tokens.of(text, low)
    phrases = _phrases(text, toks, terms)
    zeros = _zeros(text, toks, terms)
    if not phrases and not zeros:
        return []
    matcher = matcher or default_matcher()
    if actors is None or context_sides:
        actors = matcher.find(sentence, context_sides=context_sides)
    ctx = [s for s in (context_sides or []) if s]
    for i, p in enumerate(phrases):
        limit = phrases[i + 1].start if i + 1 < len(phrases) else len(text)
        _own_predicate(text, toks, p, terms, limit)
    _chain(text, phrases)
    phrases = _pronoun_merge(text, phrases)
    phrases = [p for p in phrases if p.kind and _acceptable(p)]
    phrases = _appositions(phrases)
    phrases = [p for i, p in enumerate(phrases)
               if not (p.restates and any(o.kind == p.kind for o in phrases[:i]))]
    phrases = _coreference(text, phrases)
    phrases = _fatal_splits(low, phrases, terms)
    base = sentence.start
    rel_actors = [(a.start - base, a.end - base, a) for a in actors if not a.source]
    for p in phrases:
        p.agent_side = _agent_side(text, p, rel_actors)
    sides = _sides(phrases, rel_actors, ctx, matcher)
    tally = _tally(text, low, terms)
    claims = claims_mod.claims_in(sentence, actors, previous=previous_claimer)
    figs: list[CasualtyFigure] = []
    for p, side in _merge(text, phrases, sides):
        claimer = claims.claimer_at(base + p.start)
        low = 0 if p.trigger == "casualties" else p.low
        figs.append(CasualtyFigure(
            kind=p.kind, low=low, best=p.best, high=p.high, who=_who(text, p), side=side, claimed_by=claimer,
            tally=tally, start=base + p.start, end=base + p.end, text=text[p.start:p.end], trigger=p.trigger,
            vague=p.vague))
    for kind, s, e, who, side in zeros:
        if any(f.kind == kind and f.start <= base + s < f.end for f in figs):
            continue
        claimer = claims.claimer_at(base + s)
        figs.append(CasualtyFigure(kind=kind, low=0, best=0, high=0, who=who, side=side, claimed_by=claimer,
                                   tally=False, start=base + s, end=base + e, text=text[s:e], trigger="none"))
    figs.sort(key=lambda f: f.start)
    return figs


# --- counted phrases ---------------------------------------------------------------------------
def _phrases(text: str, toks: _Tokens, terms: CasualtyTerms) -> list[_Phrase]:
    """Every counted phrase of the sentence, in order (one pass over the tokens, regexes only
    where a token calls for them)."""
    low, orig, starts, ends = toks.low, toks.orig, toks.starts, toks.ends
    n = len(low)
    out: list[_Phrase] = []
    taken: list[tuple[int, int]] = []
    first = terms.count_first_words
    cands = [starts[i] for i, w in enumerate(low)
             if w[0].isdigit() or w in first or ("-" in w and w.split("-")[0] in first)]
    if cands:
        for q in quantities_at(text, cands, lowered=toks.text_low):
            k = toks.at(q.start)
            if _subset(toks, k, terms) or (k > 1 and low[k - 1] == "of" and low[k - 2] in _PARENTS) \
                    or (k > 1 and low[k - 1] in ("the", "those", "these") and low[k - 2] == "of"):
                continue  # "including four field commanders", "a father of four", "one of the six"
            p = _Phrase(q.start, q.end, q.low, q.best, q.high, "number", vague=q.qualifier == "vague")
            p.restates = k > 0 and low[k - 1] == "all"  # "all four were taken to hospital"
            _attach_np(toks, p, terms)
            out.append(p)
            taken.append((q.start, p.end))
    names_checked = False
    spans = sorted(taken)
    k = 0
    block_until = -1
    watch = terms.phrase_openers
    before_name = terms.before_name
    for i, w in enumerate(low):
        if w not in watch and not ("year" in w or (i and low[i - 1] in before_name and orig[i][0].isupper())):
            continue  # most words open no counted phrase
        while k < len(spans) and spans[k][1] <= starts[i]:
            k += 1
        if starts[i] < block_until or (k < len(spans) and spans[k][0] <= starts[i]):
            continue  # inside a phrase already read
        if w in terms.determiners or w in terms.definite_words:
            if not _person_ahead(low, i + 1, terms):
                if w in ("another", "both") and i + 1 < n and not low[i + 1][0].isdigit() \
                        and low[i + 1] not in terms.number_words and not (i and low[i - 1] in terms.aux):
                    # "three were killed and another injured", "both were shot"
                    out.append(_Phrase(starts[i], ends[i], terms.determiners[w], terms.determiners[w],
                                       terms.determiners[w], "number"))
                    block_until = ends[i]
                continue
            if w in terms.determiners:
                count = terms.determiners[w]
                if w == "another" and i + 1 < n and (low[i + 1][0].isdigit() or low[i + 1] in terms.number_words):
                    continue  # "another 15" is a number's qualifier
                if w == "a" and i + 1 < n and low[i + 1] in _ORDINALS:
                    pass  # "a second man": one more person
                p = _Phrase(starts[i], ends[i], count, count, count, "determiner")
                _attach_np(toks, p, terms)
                if p.role is None:
                    if w in ("another", "both") and p.head is None and not (i and low[i - 1] in terms.aux):
                        p.source = "number"  # "three were killed and another injured", "both were shot"
                    else:
                        continue  # "a car", "another shooting": a determiner counts people only
            else:
                p = _Phrase(starts[i], ends[i], 1, 1, 1, "definite")
                _attach_np(toks, p, terms)
                if not (p.head in terms.singular or (p.head and "year" in p.head and _YEAR_OLD.match(p.head)
                                                     and not p.head.endswith("s"))):
                    continue
            if _subset(toks, i, terms):
                continue
            out.append(p)
            block_until = p.end
        elif w in terms.pronouns and (i == 0 or low[i - 1] in _CLAUSE_OPENERS):
            out.append(_Phrase(starts[i], ends[i], 1, 1, 1, "pronoun", head=w, role="civilian",
                               np_start=starts[i], np_end=ends[i]))
        elif w in terms.singular or ("year" in w and _YEAR_OLD.match(w) and not w.endswith("s")):
            if (i == 0 or low[i - 1] in _HEADLINE_OPENERS or _headline_modifiers(toks, i)) \
                    and (i == 0 or low[i - 1] not in terms.determiners):
                first = _headline_start(toks, i)
                out.append(_Phrase(starts[first], ends[i], 1, 1, 1, "headline", head=w,
                                   role=terms.roles.get(w, "civilian"), np_start=starts[first], np_end=ends[i]))
                block_until = ends[i]
                continue
            hit = _active_before(toks, starts[i], terms)
            if hit is None and i and low[i - 1] in ("left", "leaving", "leaves"):
                hit = ("", "", False, -1)  # "a shooting that left 6-year-old dead": the predicate follows
            if hit and not (hit[1] and low[_prev_word(toks, i)].endswith("ing") and w in _COMPOUND_HEADS):
                out.append(_Phrase(starts[i], ends[i], 1, 1, 1, "bare", head=w, role=terms.roles.get(w, "civilian"),
                                   np_start=starts[i], np_end=ends[i], verb_start=-1 if not hit[0] else None))
                block_until = ends[i]
        elif orig[i][0].isupper() and i and orig[i] not in _NOT_NAMES and orig[i] not in _NOT_OBJECT_CAPS \
                and w not in terms.roles and _verb_before_name(toks, i) \
                and (_active_before(toks, starts[i], terms) or ("",))[0] in ("killed", "wounded"):
            j = i + 1
            while j < n and j - i < 3 and toks.orig[j][:1].isupper() and toks.orig[j] not in _NOT_NAMES \
                    and toks.orig[j] not in _NOT_OBJECT_CAPS:
                j += 1
            if not (j < n and toks.low[j] in ("'s", "’s", "'", "’")) and not _title_case(toks):
                out.append(_Phrase(starts[i], ends[j - 1], 1, 1, 1, "bare", head="person", role="civilian",
                                   np_start=starts[i], np_end=ends[j - 1]))  # "striking and injuring Keith Williams"
                block_until = ends[j - 1]
        elif not names_checked and (w in ("was", "died", "dies", "succumbed", "passed")
                                    or (w == "been" and i and low[i - 1] in ("had", "has"))
                                    or (w == "," and i + 2 < n and low[i + 1].isdigit() and low[i + 2] == ",")):
            names_checked = True
            for p in _named(text, terms):
                if not any(o.start <= p.start < o.end or p.start <= o.start < p.end for o in out):
                    out.append(p)
    if not _REFLEXIVE_CUES.isdisjoint(low):
        for m in terms.reflexive.finditer(toks.text_low):
            kind = "killed" if m.group("killed") else "wounded"
            if kind == "wounded" and terms.death_after.search(toks.text_low, m.end(), m.end() + DEATH_REACH):
                kind = "killed"  # "4-year-old who accidentally shot himself dies"
            out.append(_Phrase(m.start(), m.end(), 1, 1, 1, "reflexive", head=_REFLEXIVE.search(m.group(0)).group(0)
                               if _REFLEXIVE.search(m.group(0)) else "himself", kind=kind,
                               trigger="killed" if kind == "killed" else "shot", via="reflexive",
                               np_start=m.start(), np_end=m.end()))
    out.sort(key=lambda p: p.start)
    return out


def _person_ahead(low: list[str], i: int, terms: CasualtyTerms) -> bool:
    """Whether a person noun comes within the next few words (cheap test before parsing a phrase)."""
    for w in low[i:i + 4]:
        if w in terms.roles or w in terms.casualty_nouns or ("year" in w and _YEAR_OLD.match(w)):
            return True
        if (w in terms.np_stop and w not in terms.determiners) or not w[0].isalnum():
            return False
    return False


def _verb_before_name(toks: _Tokens, i: int) -> bool:
    """A name is the object of a finite verb ("shot Keith Williams", "striking and injuring Keith"),
    not of a noun ("the shooting Sunday", "slaying Pause")."""
    j = _prev_word(toks, i)
    v = toks.low[j]
    if v.endswith("ing"):
        return j > 0 and toks.low[j - 1] in ("and", ",")
    return v.endswith(("ed", "s")) or v in ("shot", "slew", "hurt")


def _title_case(toks: _Tokens) -> bool:
    words = [w for w in toks.orig if w[0].isalpha()]
    return bool(words) and sum(1 for w in words if w[0].isupper()) >= TITLE_CASE_SHARE * len(words)


def _headline_modifiers(toks: _Tokens, i: int) -> bool:
    """ "Two-year-old Toledo girl shot": up to two capitalised or age words open the sentence."""
    j = i
    for _ in range(2):
        if j == 0:
            break
        prev = toks.orig[j - 1]
        if not (prev[0].isupper() or (("year" in prev.lower()) and _YEAR_OLD.match(prev.lower()))):
            return False
        j -= 1
        if j == 0 or toks.low[j - 1] in _HEADLINE_OPENERS:
            return True
    return False


def _headline_start(toks: _Tokens, i: int) -> int:
    j = i
    while j > 0 and toks.low[j - 1] not in _HEADLINE_OPENERS and i - j < 2:
        j -= 1
    return j


def _prev_word(toks: _Tokens, i: int) -> int:
    j = i - 1
    while j > 0 and toks.low[j] in load_terms().active_fillers:
        j -= 1
    return max(j, 0)


def _named(text: str, terms: CasualtyTerms) -> list[_Phrase]:
    """Named people counted as one: "John Smith, 24," and a name as subject ("Johnson was shot")."""
    out = []
    for m in terms.named.finditer(text):
        out.append(_Phrase(m.start(), m.end(), 1, 1, 1, "named", head="person", role="civilian",
                           np_start=m.start(), np_end=m.end()))
    for m in _SUBJECT_NAME.finditer(text):
        words = m.group("name").split()
        before = text[max(0, m.start() - 12):m.start()].lower().split()
        if words[0] in _NOT_NAMES or words[-1].lower() in terms.roles \
                or any(o.start <= m.start() < o.end for o in out) or (before and before[-1] in _PREPOSITIONS):
            continue  # "a store in Pine Hills has died": the place is not the subject
        out.append(_Phrase(m.start(), m.end(), 1, 1, 1, "named", head="person", role="civilian",
                           np_start=m.start(), np_end=m.end()))
    return out


def _subset(toks: _Tokens, i: int, terms: CasualtyTerms) -> bool:
    """Whether the words before token ``i`` mark a subset ("including", "among them were")."""
    j = i
    while j > 0 and toks.low[j - 1] in ("were", "was", "are", "is", ":"):
        j -= 1
    for n in (3, 2, 1):
        if j >= n and tuple(toks.low[j - n:j]) in terms.subset:
            return True
    return False


def _attach_np(toks: _Tokens, p: _Phrase, terms: CasualtyTerms) -> None:
    """Read the noun phrase after the count at ``p.end``: set head, role, np span and end."""
    low, starts, ends = toks.low, toks.starts, toks.ends
    n = len(low)
    i = toks.at(p.end)
    p.np_start = p.np_end = p.end
    if i < n and low[i] == "of":  # "dozens of soldiers", "one of them", "six of their cars"
        i += 1
        if i < n and low[i] in ("them", "whom", "those", "us"):
            p.head, p.role = low[i], "pronoun"
            p.np_start, p.np_end = starts[i], ends[i]
            p.end = ends[i]
            return
        if i < n and low[i] in ("the", "their", "his", "her", "its", "these", "our"):
            i += 1

        if i < n and low[i] in terms.casualty_nouns:  # "dozens of wounded", "scores of dead"
            p.head, p.role = low[i], None
            p.np_start, p.np_end = starts[i], ends[i]
            p.end = ends[i]
            return
    first = i
    while i < n and i - first < MAX_NP_WORDS:
        w = low[i]
        if w in _PARTICIPLES and i + 1 < n and (
                low[i + 1] in terms.roles
                or (i + 2 < n and low[i + 1][0].isalpha() and low[i + 1] not in terms.np_stop
                    and low[i + 2] in terms.roles)):
            p.modifier_kind = _PARTICIPLES[w]  # "one wounded man", "two dead soldiers"
            i += 1
            continue
        if not w[0].isalnum() or w in terms.np_stop or w.isdigit() or w in terms.number_words:
            break
        i += 1
    if i == first:
        return
    head_at = None
    for j in range(first, i):
        w = low[j]
        two = f"{low[j - 1]} {w}" if j > first else None
        if not ((two in terms.roles) or w in terms.roles or w in terms.casualty_nouns or _YEAR_OLD.match(w)):
            continue
        nxt = low[j + 1] if j + 1 < i else None
        if nxt is None or nxt in _POSTMOD or nxt.endswith("ed") or nxt.endswith("ing"):
            head_at = j
    if head_at is None:
        p.head, p.role = low[i - 1], None
        p.np_start, p.np_end = starts[first], ends[i - 1]
        return
    w = low[head_at]
    two = f"{low[head_at - 1]} {w}" if head_at > first else None
    p.head = two if two in terms.roles else w
    p.role = terms.roles.get(p.head) or ("civilian" if _YEAR_OLD.match(w) else None)
    p.np_start, p.np_end = starts[first], ends[head_at]
    p.end = p.np_end
    # coordinated nouns without a count: "troops and militia", "soldiers and pro-Assad militiamen"
    k = i if head_at == i - 1 else None
    while k is not None and k < n and low[k] in ("and", "or", ","):
        k2 = k + 1 + (k + 1 < n and low[k + 1] == "and")
        found = None
        for j in range(k2, min(k2 + 3, n)):
            w = low[j]
            if w in terms.np_stop or not w[0].isalpha() or w in ("others", "other") or w in terms.number_words:
                break
            if j + 1 < n and f"{w} {low[j + 1]}" in terms.roles:
                found = j + 1
                break
            if w in terms.roles:
                found = j
                break
        if found is None:
            break
        p.np_end = p.end = ends[found]
        k = found + 1


# --- predicates --------------------------------------------------------------------------------
def _active_before(toks: _Tokens, pos: int, terms: CasualtyTerms) -> tuple[str, str, bool, int] | None:
    """The active casualty verb right before ``pos`` ("killing| 33", "the deaths of| 58"), skipping
    fillers ("killing the| two men"): (kind, trigger, own_losses, verb start) or None."""
    j = toks.at(pos)
    while j > 0 and toks.low[j - 1] in terms.active_fillers:
        j -= 1
    if j == 0 or toks.low[j - 1] not in terms.active_last:
        return None
    for n in range(min(terms.active_longest, j), 0, -1):
        hit = terms.active.get(tuple(toks.low[j - n:j]))
        if hit:
            return (*hit, toks.starts[j - n])
    return None


def _own_predicate(text: str, toks: _Tokens, p: _Phrase, terms: CasualtyTerms, limit: int) -> None:
    if p.via == "reflexive":
        return
    if p.head in terms.casualty_nouns and p.source == "number":
        k = terms.casualty_nouns[p.head]
        if k == "casualties":
            p.kind, p.trigger = "killed", "casualties"
        else:
            p.kind, p.trigger = k, {"dead": "killed", "wounded": "injured", "injured": "injured"}.get(p.head, p.head)
        p.via = "noun"
        j = toks.at(p.start)
        if j and toks.low[j - 1] in terms.own_loss_verbs:  # "suffering about 50 casualties"
            p.own_losses, p.verb_start = True, toks.starts[j - 1]
        return
    if p.source not in ("pronoun", "headline") and p.verb_start != -1:
        hit = _active_before(toks, p.start, terms)
        if hit:
            p.kind, p.trigger, p.own_losses, p.verb_start = hit
            p.via = "active"
            return
    m = terms.passive.match(toks.text_low, p.end)
    if not m and p.role is not None:  # "three other men at the scene were also hit by gunfire"
        pp = terms.passive_pp.match(toks.text_low, p.end)
        m = terms.passive.match(toks.text_low, pp.end()) if pp else None
    if not m:
        if p.modifier_kind:
            p.kind, p.trigger, p.via = p.modifier_kind, "injured" if p.modifier_kind == "wounded" else "killed", "noun"
        return
    name = next(k for k in terms.passive_groups if m.group(k) is not None)
    kind, trig = terms.passive_groups[name]
    fill = (m.group("fill") or "").lower().split()
    has_aux = any(w in terms.aux for w in fill) or m.group("skip") is not None
    verb = " ".join(m.group(name).lower().split())
    if not has_aux and verb in _TRANSITIVE:
        if _object_follows(text, m.end()):
            return  # "two gunmen killed three people": active, the count is the agent
        if p.source in ("named", "pronoun"):
            return  # "he shot at officers": a name or a pronoun before a bare verb is its subject
    p.kind, p.trigger, p.via, p.pred_end = kind, trig, "passive", m.end()
    if m.group("skip") is not None:
        p.skip = (m.start("skip"), m.end("skip"))
    if m.group("neg"):
        p.zero = True
        p.low = p.best = 0
        p.high = 0
    if kind == "wounded" and not p.zero:
        d = terms.death_after.search(toks.text_low, m.end(), min(limit, m.end() + DEATH_REACH))
        if d:
            p.kind, p.trigger = "killed", "died"


def _object_follows(text: str, pos: int) -> bool:
    """Whether an object follows a bare participle ("killed three people", "shot Smith")."""
    m = re.match(r"\s+(?:(?:and|then)\s+\w+\s+)?([A-Za-z0-9][\w'’-]*)", text[pos:pos + 40])
    if not m:
        return False
    w = m.group(1)
    if w.lower() in _OBJECT_WORDS or w[0].isdigit() or _QUALIFIED_COUNT.match(text, pos):
        return True
    if w[0].isupper() and w not in _NOT_OBJECT_CAPS:
        words = re.findall(r"[A-Za-z]+", text)
        caps = sum(1 for x in words if x[0].isupper())
        return not (words and caps >= TITLE_CASE_SHARE * len(words))
    return False


def _coordinated(text: str, p: _Phrase, q: _Phrase) -> bool:
    """Whether ``q`` is coordinated with ``p`` ("A and B", "A, B and C"), not its apposition
    ("Garrett's brother, Marquis Garrett, 23,")."""
    gap = _CONJ_GAP.fullmatch(text, p.end, q.start)
    return gap is not None and not (q.source == "named" and gap.group(0).strip() == ",")


def _chain(text: str, phrases: list[_Phrase]) -> None:
    """Coordinated counts share a predicate: passive from the last, active from the first."""
    for i in range(len(phrases) - 2, -1, -1):
        p, q = phrases[i], phrases[i + 1]
        if p.kind is None and q.via in ("passive", "chain-passive") and _coordinated(text, p, q):
            p.kind, p.trigger, p.via, p.pred_end, p.zero = q.kind, q.trigger, "chain-passive", q.pred_end, q.zero
    for i in range(1, len(phrases)):
        p, q = phrases[i - 1], phrases[i]
        if q.kind is None and p.via in ("active", "chain-active") and _coordinated(text, p, q):
            q.kind, q.trigger, q.via, q.own_losses, q.verb_start = p.kind, p.trigger, "chain-active", p.own_losses, \
                p.verb_start


def _acceptable(p: _Phrase) -> bool:
    """A predicate alone is not enough: the count must count people (or be bare: "58 dead")."""
    if p.source in ("pronoun", "named", "headline"):
        return p.via in ("passive", "chain-passive")
    if p.source == "bare":
        return p.via in ("active", "passive")
    if p.source == "reflexive":
        return True
    if p.role is not None or p.via == "noun":
        return True
    return p.source == "number" and p.head is None  # "58 dead", "another 15", "killing one and injuring two"


def _pronoun_merge(text: str, phrases: list[_Phrase]) -> list[_Phrase]:
    """ "he and three others were shot" is four people; the "he" is someone counted just before."""
    out: list[_Phrase] = []
    skip = set()
    for i, p in enumerate(phrases):
        if i in skip:
            continue
        if p.source == "pronoun" and i + 1 < len(phrases):
            q = phrases[i + 1]
            if q.role == "other" and q.kind and re.fullmatch(r"\s+and\s+", text[p.end:q.start]):
                merged = _Phrase(p.start, q.end, q.low + 1, q.best + 1, None if q.high is None else q.high + 1,
                                 "number", head=q.head, role="civilian", np_start=p.start, np_end=q.end,
                                 kind=q.kind, trigger=q.trigger, via=q.via, pred_end=q.pred_end)
                # the pronoun stands for a person counted earlier in the sentence: drop that count
                out = [o for o in out if not (o.kind == merged.kind and o.best == 1 and
                                              o.source in ("determiner", "definite", "headline", "named"))]
                out.append(merged)
                skip.add(i + 1)
                continue
        out.append(p)
    return out


def _appositions(phrases: list[_Phrase]) -> list[_Phrase]:
    """ "the victim, a 25-year-old man, died": the count inside the apposition is the same person."""
    spans = [p.skip for p in phrases if p.skip]
    if not spans:
        return phrases
    return [p for p in phrases if not any(s <= p.start < e for s, e in spans)]


def _coreference(text: str, phrases: list[_Phrase]) -> list[_Phrase]:
    """A later "he"/"she", "the victim" or "himself" is someone already counted in the sentence
    ("A man was shot ... where he later died", "his son, who killed himself"): it updates a single
    person's outcome (killed outranks wounded) and is not counted again."""
    out: list[_Phrase] = []
    for p in phrases:
        ante = None
        if p.source in ("pronoun", "definite") and p.kind in ("killed", "wounded"):
            ante = next((o for o in reversed(out) if o.kind in ("killed", "wounded")
                         and (p.source == "definite" or (o.best == 1 and o.via in ("passive", "chain-passive", "noun")
                                                         and o.source != "number"))), None)
            if ante is not None and not (ante.best == 1 or ante.kind == p.kind):
                ante = None
        elif p.source == "reflexive":  # the subject: counted before only if it was the subject there too
            ante = next((o for o in reversed(out) if o.best == 1 and o.kind in ("killed", "wounded")
                         and (o.via in ("passive", "chain-passive", "noun")
                              or _WHO_GAP.fullmatch(text, o.end, p.start))), None)
        if ante is not None:
            if ante.best == 1 and p.kind == "killed" and ante.kind == "wounded":
                ante.kind, ante.trigger = "killed", "died"
            continue
        out.append(p)
    return out


def _fatal_splits(text: str, phrases: list[_Phrase], terms: CasualtyTerms) -> list[_Phrase]:
    """ "two men were shot, one fatally" -> killed 1 + wounded 1; "four shot, one of whom died" likewise."""
    out: list[_Phrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        i += 1
        after = p.pred_end if p.pred_end is not None else p.end
        if not (p.kind == "wounded" and p.trigger == "shot" and p.best > 1):
            out.append(p)
            continue
        gap = _SPLIT_GAP.match(text, after)
        m = terms.fatal_split.match(text, after) or (gap and terms.fatal_split.match(text, gap.end()))
        if not m:
            out.append(p)
            continue
        w = m.group(0).strip(" ,;").split()
        w = w[1] if w and w[0].lower() == "and" and len(w) > 1 else (w[0] if w else "one")
        k = {"both": p.best, "all": p.best}.get(w.lower())
        if k is None:
            qs = find_quantities(w)
            k = qs[0].best if qs else 1
        k = min(k, p.best)
        out.append(replace(p, low=min(k, p.low), best=k, high=k, kind="killed", trigger="killed", merged=[]))
        if p.best - k > 0:
            out.append(replace(p, low=max(p.low - k, 0), best=p.best - k,
                               high=None if p.high is None else p.high - k, trigger="injured", merged=[]))
        # the "one" of "one of whom died" is this split, not a count of its own
        while i < len(phrases) and after <= phrases[i].start < m.end():
            i += 1
    return out


def _zeros(text: str, toks: _Tokens, terms: CasualtyTerms) -> list[tuple[str, int, int, str, str | None]]:
    """Explicit zeros: "no one was injured", "no other officers were hurt", "no injuries were reported"."""
    out: list[tuple[str, int, int, str, str | None]] = []
    if _ZERO_CUES.isdisjoint(toks.low):
        return out
    low = toks.text_low
    for m in terms.zero.finditer(low):
        pm = terms.passive.match(low, m.end() - 1)
        if not pm:
            continue
        name = next(k for k in terms.passive_groups if pm.group(k) is not None)
        kind = terms.passive_groups[name][0]
        who = text[m.start():m.end()].strip()
        words = who.lower().split()
        side = _ROLE_SIDES.get(terms.roles.get(words[-1], "")) if words else None
        out.append((kind, m.start(), pm.end(), who, side))
    for m in terms.zero_nouns.finditer(low):
        noun = m.group("noun")
        kind = ("captured" if "arrest" in noun else
                "killed" if noun in ("deaths", "fatalities", "casualties") else "wounded")
        if not any(s <= m.start() < e for _k, s, e, _w, _s in out):
            out.append((kind, m.start(), m.end(), text[m.start():m.end()], None))
    return out


# --- sides -------------------------------------------------------------------------------------
def _agent_side(text: str, p: _Phrase, actors) -> str | None:
    """The side doing the killing: the first party named in the clause before an active verb
    ("rebels attacked an Army base, killing 12 soldiers"), or the party after "by"."""
    if p.verb_start is not None:
        parties = [(s, a) for s, e, a in actors if e <= p.verb_start and a.side and a.side != "civilians"
                   and not text[max(0, s - 14):s].lower().endswith("according to ")]
        if not parties:
            return None
        if p.own_losses:  # "According to the Army, ISIS lost 47 fighters": the subject right before
            return parties[-1][1].side
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, p.verb_start)]
        clause = [a for s, a in parties if not breaks or s >= breaks[-1]]
        return (clause or [a for _s, a in parties])[0].side
    if p.pred_end is not None:
        m = re.match(r"\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?", text[p.pred_end:p.pred_end + 40])
        if m:
            at = p.pred_end + m.end()
            for s, e, a in actors:
                if at - 4 <= s <= at + 25 and a.side:
                    return a.side
    return None


def _sides(phrases: list[_Phrase], actors, ctx: list[str], matcher: ActorMatcher) -> list[str | None]:
    sides: list[str | None] = []
    sent_sides = [a.side for _s, _e, a in actors if a.side]
    for i, p in enumerate(phrases):
        side = None
        inside = [a for s, e, a in actors if s >= p.np_start and e <= p.np_end and a.side]
        parties = [a for a in inside if a.side not in NON_PARTY_SIDES]
        if p.source == "reflexive":
            side = "perpetrators" if len(phrases) > 1 else None  # a murder-suicide's killer
        elif p.own_losses and p.agent_side and (not parties or p.role in ("combatant", "nonstate", "state")):
            side = p.agent_side  # "ISIS lost at least 47 fighters"
        elif parties:
            side = parties[0].side
        elif p.role in _ROLE_SIDES:
            side = _ROLE_SIDES[p.role]
        elif inside and p.role is None:
            side = inside[0].side
        elif p.role in ("other", "pronoun") or (p.head is None and p.source == "number") or p.via == "noun":
            side = sides[i - 1] if i else None
            if side is None and p.role == "other":
                side = _by_role("combatant", sent_sides, ctx, p.agent_side, matcher)
        elif p.role == "officer":
            conflict = matcher.theatres_of(sent_sides + ctx)
            side = _by_role("state", sent_sides, ctx, p.agent_side, matcher) if conflict else "police"
        elif p.role in ("state", "nonstate", "combatant"):
            side = _by_role(p.role, sent_sides, ctx, p.agent_side, matcher)
        sides.append(side)
    return sides


def _by_role(role: str, sent_sides: list[str], ctx: list[str], agent: str | None,
             matcher: ActorMatcher) -> str | None:
    """The first side fitting ``role`` named in the sentence, else in the document, never the agent's."""
    for pool in (sent_sides, ctx):
        for s in pool:
            if s == agent or s in NON_PARTY_SIDES:
                continue
            state = matcher.is_state_side(s)
            if role == "combatant" or (role == "state") == state:
                return s
    return None


# --- output ------------------------------------------------------------------------------------
def _merge(text: str, phrases: list[_Phrase], sides: list[str | None]):
    """Counts sharing a predicate and a side, and "N others" after a figure of the same kind and
    side, are one figure."""
    out: list[tuple[_Phrase, str | None]] = []
    for p, side in zip(phrases, sides):
        if out:
            q, qs = out[-1]
            chained = bool(p.via and p.via.startswith("chain") or q.via and q.via.startswith("chain"))
            same_pred = chained and _coordinated(text, q, p)
            others = p.role == "other" and not p.zero and not q.zero
            if (same_pred or others) and side == qs and p.kind == q.kind:
                out[-1] = (replace(q, end=p.end, low=q.low + p.low, best=q.best + p.best,
                                   high=None if q.high is None or p.high is None else q.high + p.high,
                                   np_end=p.np_end, merged=(q.merged or [q]) + [p]), side)
                continue
        out.append((p, side))
    return out


def _who(text: str, p: _Phrase) -> str | None:
    if p.source == "reflexive":
        return p.head  # "himself": the subject, counted as one
    if p.merged:
        parts = [text[m.start:m.end] for m in p.merged]
        if all(_CONJ_GAP.fullmatch(text, a.end, b.start) for a, b in zip(p.merged, p.merged[1:])):
            return text[p.merged[0].start:p.merged[-1].end]  # "A man and a woman"
        return " + ".join(parts)  # "two people + five others"
    if p.source in ("pronoun", "named", "headline", "definite"):
        return text[p.start:p.end].strip() or None
    if p.np_end > p.np_start:
        return text[p.np_start:p.np_end].strip()
    return None
