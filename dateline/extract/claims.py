"""Who states a sentence's figures: "according to SOHR", "SANA reported", "police said".

:func:`find_claimer` finds the sentence's attribution clauses and returns the canonical name
of the claimer that governs a given offset: the nearest clause before it ("the Army claimed
that ... 17 were killed"), else the nearest after it ("... 58 killed, a monitor said").
Claimers are actors and sources from data/actors.yaml (SOHR, SANA, "the Army" -> Syrian
government forces, police) or speaker nouns from data/casualty_terms.yaml (officials,
witnesses, the hospital ...). "It said", "the group said" take the previous sentence's claimer
(``previous``) or the last party named before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .numbers import lower_keep_offsets, word_alternation
from .types import ActorMention, Sentence

# Sides that are never claimers of figures even when they speak ("the man said").
NOT_CLAIMER_SIDES = {"civilians", "perpetrators"}
# Characters between "according to" and the claimer it names ("according to the state news agency SANA").
PREP_REACH = 30
# Most capitalised words (a name, a title) allowed between a speaker and its verb
# ("Police Chief John Smith said").
MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class ClaimLexicon:
    verbs: re.Pattern
    preps: re.Pattern
    gap: re.Pattern  # what may stand between a speaker and its verb, whole
    noun_find: re.Pattern  # speaker nouns anywhere ("police", "a witness")
    noun_start: re.Pattern
    nouns: dict[str, str | None]


@dataclass(frozen=True)
class _Clause:
    at: int  # position of the attribution cue in the sentence
    claimer: str | None


@lru_cache(maxsize=1)
def load_claim_lexicon() -> ClaimLexicon:
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("casualty_terms.yaml").read_text("utf-8"))
    try:
        c = raw["claims"]
        verbs, preps, gap = [str(v) for v in c["verbs"]], [str(v) for v in c["preps"]], [str(v) for v in c["gap_words"]]
        nouns = {" ".join(str(k).lower().split()): (None if v is None else str(v)) for k, v in c["nouns"].items()}
    except (KeyError, TypeError, AttributeError) as e:
        raise ValueError(f"data/casualty_terms.yaml: the claims section is malformed ({e!r})") from e
    name = r"[A-Z][\w.'’-]*"
    # between a speaker and its verb: an apposition in commas, then gap words or a name ("SOHR, a
    # Britain-based group, on Sunday said"; "Police Chief John Smith said")
    gap_re = (rf"(?:\s*,[^,]{{1,90}},)?(?:['’]s)?"
              rf"(?:\s+(?:(?i:{word_alternation(gap)})|{name})){{0,{MAX_NAME_WORDS + 3}}}[\s,]*")
    return ClaimLexicon(
        verbs=re.compile(rf"\b{word_alternation(v.lower() for v in verbs)}\b"),
        preps=re.compile(rf"\b{word_alternation(p.lower() for p in preps)}\s+"),
        gap=re.compile(gap_re),
        noun_find=re.compile(rf"\b(?:the\s+)?({word_alternation(nouns)})\b"),
        noun_start=re.compile(rf"(?:the\s+)?({word_alternation(nouns)})\b"),
        nouns=nouns,
    )


@dataclass(frozen=True)
class Claims:
    """The attribution clauses of one sentence; :meth:`claimer_at` picks the one governing a figure."""

    base: int  # the sentence's start in the document
    clauses: tuple[_Clause, ...]

    def claimer_at(self, at: int | None) -> str | None:
        """Who claims what stands at document offset ``at``: the nearest clause before it, else the
        nearest after it; the sentence's first claimer when ``at`` is None."""
        if not self.clauses:
            return None
        if at is None:
            return self.clauses[0].claimer
        p = at - self.base
        before = [c for c in self.clauses if c.at <= p]
        return (before[-1] if before else self.clauses[0]).claimer


def find_claimer(sentence: Sentence, actors: list[ActorMention] | None = None, *, at: int | None = None,
                 previous: str | None = None) -> str | None:
    """The canonical name of who states the figure at document offset ``at`` (or the sentence's
    first claimer when ``at`` is None); None when the sentence does not say."""
    return claims_in(sentence, actors, previous=previous).claimer_at(at)


def claims_in(sentence: Sentence, actors: list[ActorMention] | None = None, *,
              previous: str | None = None) -> Claims:
    """Every attribution clause of ``sentence`` ("according to X", "X said", "said X", "X: ...")."""
    lex = load_claim_lexicon()
    text = sentence.text
    base = sentence.start
    spans = sorted(((a.start - base, a.end - base, a) for a in (actors or ())
                    if a.side not in NOT_CLAIMER_SIDES or a.source), key=lambda x: x[1])
    low = lower_keep_offsets(text)
    nouns = [(m.start(1), m.end(1), m.group(1)) for m in lex.noun_find.finditer(low)]
    clauses: list[_Clause] = []
    head = re.match(r"\s*([^:]{2,40}):\s", text)  # "Police: 1 dead, 7 injured"
    if head:
        who = _speaker_at(text, head.start(1), head.end(1), spans, lex, previous)
        if who:
            clauses.append(_Clause(0, who))
    for m in lex.preps.finditer(low):
        who = _speaker_after(low, m.end(), spans, lex, previous)
        if who:
            clauses.append(_Clause(m.start(), who))
    for m in lex.verbs.finditer(low):
        who = _speaker_before(text, m.start(), spans, nouns, lex, previous)
        if who is None:
            who = _speaker_after(low, m.end(), spans, lex, previous, reach=6)
        if who:
            clauses.append(_Clause(m.start(), who))
    clauses.sort(key=lambda c: c.at)
    return Claims(base, tuple(clauses))


def _resolve_pronoun(text: str, upto: int, spans, previous: str | None) -> str | None:
    if previous:
        return previous
    for s, e, a in reversed(spans):
        if e <= upto and not a.source and a.side not in NOT_CLAIMER_SIDES and a.side != "police":
            return a.name
    return None


def _speaker_before(text: str, verb: int, spans, nouns, lex: ClaimLexicon, previous: str | None) -> str | None:
    """The claimer that speaks with the verb at ``verb`` ("SOHR| reported", "a monitor| said")."""
    for s, e, a in reversed(spans):
        if e <= verb and lex.gap.fullmatch(text, e, verb):
            return a.name
    for s, e, word in reversed(nouns):
        if e <= verb and lex.gap.fullmatch(text, e, verb):
            return _noun(word, text, s, spans, lex, previous)
    return None


def _speaker_after(text: str, start: int, spans, lex: ClaimLexicon, previous: str | None,
                   reach: int = PREP_REACH) -> str | None:
    """The claimer named just after ``start`` ("according to| the Army", "said| police")."""
    for s, e, a in spans:
        if start <= s <= start + reach and re.fullmatch(r"[\s\w'’.-]*", text[start:s] or " ") and \
                len(text[start:s].split()) <= 4:
            return a.name
    m = lex.noun_start.match(text, start)
    if m:
        return _noun(m.group(1), text, start, spans, lex, previous)
    return None


def _speaker_at(text: str, start: int, end: int, spans, lex: ClaimLexicon, previous: str | None) -> str | None:
    for s, e, a in spans:
        if s >= start and e <= end:
            return a.name
    m = lex.noun_start.fullmatch(text[start:end].strip().lower())
    if m:
        return _noun(m.group(1), text, start, spans, lex, previous)
    return None


def _noun(word: str, text: str, at: int, spans, lex: ClaimLexicon, previous: str | None) -> str | None:
    key = " ".join(word.lower().split())
    if key not in lex.nouns:
        return None
    value = lex.nouns[key]
    if value is None:
        return _resolve_pronoun(text, at, spans, previous)
    return value
