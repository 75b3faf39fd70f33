"""Assembling the figures of a sentence: :func:`find_figures` runs the stages listed in the
package docstring in order and turns each counted phrase into a ``CasualtyFigure`` claim, with
the claimer from :mod:`dateline.extract.claims`.

Merges: counts sharing one predicate and one side, and "N others" after a figure of the same
kind and side, are one figure ("a man and a woman were shot" is 2 wounded), because one
claimer's figures for one side are read as restatements downstream (export/figures.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import claims as claims_mod
from ..actors import ActorMatcher, default_matcher
from ..numbers import lower_keep_offsets
from ..types import ActorMention, CasualtyFigure, Sentence
from .count_phrases import number_phrases
from .outcomes import appositions, coreference, fatal_splits, pronoun_merge, stated_zeros
from .person_phrases import person_phrases, reflexive_phrases
from .event_nouns import counted_after_of, event_noun_phrases
from .phrase import CountedPhrase
from .predicates import CONJ_GAP, acceptable, chain, coordinated, own_predicate
from .sides import agent_side, counted_sides
from .tally import reads_as_tally
from .terms import load_terms
from .tokens import Tokens


def has_trigger(text: str) -> bool:
    """Whether ``text`` has a casualty word at all (the pre-filter)."""
    return load_terms().trigger.search(lower_keep_offsets(text)) is not None


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
    toks = Tokens.of(text, low)
    numbers = number_phrases(text, toks, terms)
    persons = person_phrases(text, toks, terms, numbers)
    lists = [(p.start, p.end) for p in persons if p.source == "named" and p.head == "people"]
    if lists:  # the age inside "Elijah Jackson and Shakur Franklin, both 16," counts nobody
        numbers = [n for n in numbers if not any(s <= n.start < e for s, e in lists)]
    phrases = sorted([*numbers, *persons, *reflexive_phrases(toks, terms), *event_noun_phrases(low, terms)],
                     key=lambda p: p.start)
    zeros = stated_zeros(text, toks, terms)
    if not phrases and not zeros:
        return []
    matcher = matcher or default_matcher()
    if actors is None or context_sides:
        actors = matcher.find(sentence, context_sides=context_sides)
    ctx = [s for s in (context_sides or []) if s]
    for i, p in enumerate(phrases):
        limit = phrases[i + 1].start if i + 1 < len(phrases) else len(text)
        own_predicate(text, toks, p, terms, limit)
    chain(text, phrases)
    phrases = pronoun_merge(text, phrases)
    phrases = counted_after_of(text, [p for p in phrases if p.kind and acceptable(p)])
    phrases = appositions(phrases, text)
    phrases = [p for i, p in enumerate(phrases)
               if not (p.restates and any(o.kind == p.kind for o in phrases[:i]))]
    phrases = coreference(text, phrases, terms)
    phrases = fatal_splits(low, phrases, terms)
    base = sentence.start
    rel_actors = [(a.start - base, a.end - base, a) for a in actors if not a.source]
    for p in phrases:
        p.agent_side = agent_side(text, p, rel_actors, terms)
    sides = counted_sides(phrases, rel_actors, ctx, matcher)
    tally = reads_as_tally(text, low, terms)
    claims = claims_mod.claims_in(sentence, actors, previous=previous_claimer)
    figs: list[CasualtyFigure] = []
    for p, side in _merge(text, phrases, sides):
        claimer = claims.claimer_at(base + p.start)
        low = 0 if p.trigger == "casualties" else p.low
        figs.append(CasualtyFigure(
            kind=p.kind, low=low, best=p.best, high=p.high, who=_who(text, p), side=side, claimed_by=claimer,
            tally=tally, start=base + p.start, end=base + p.end, text=text[p.start:p.end], trigger=p.trigger,
            vague=p.vague))
    for z in zeros:
        if any(f.kind == z.kind and f.start <= base + z.start < f.end for f in figs):
            continue
        claimer = claims.claimer_at(base + z.start)
        figs.append(CasualtyFigure(kind=z.kind, low=0, best=0, high=0, who=z.who, side=z.side, claimed_by=claimer,
                                   tally=False, start=base + z.start, end=base + z.end, text=text[z.start:z.end],
                                   trigger="none"))
    figs.sort(key=lambda f: f.start)
    return figs


_ALTERNATIVE = re.compile(r"\s*,?\s*or\s+", re.I)


def _merge(text: str, phrases: list[CountedPhrase], sides: list[str | None]):
    """Counts sharing a predicate and a side, and "N others" after a figure of the same kind and
    side, are one figure."""
    out: list[tuple[CountedPhrase, str | None]] = []
    for p, side in zip(phrases, sides):
        if out:
            q, qs = out[-1]
            chained = bool(p.via and p.via.startswith("chain") or q.via and q.via.startswith("chain"))
            same_pred = chained and coordinated(text, q, p)
            others = p.role == "other" and not p.zero and not q.zero
            if same_pred and _ALTERNATIVE.fullmatch(text, q.end, p.start):
                out[-1] = (replace(q, end=p.end, np_end=p.np_end), qs)  # "his brother or a friend": one of them
                continue
            if (same_pred or others) and side == qs and p.kind == q.kind:
                out[-1] = (replace(q, end=p.end, low=q.low + p.low, best=q.best + p.best,
                                   high=None if q.high is None or p.high is None else q.high + p.high,
                                   np_end=p.np_end, merged=(q.merged or [q]) + [p]), side)
                continue
        out.append((p, side))
    return out


def _who(text: str, p: CountedPhrase) -> str | None:
    """The words naming who a figure counts ("58 Syrian government troops and militia", "A man and a woman")."""
    if p.source == "reflexive":
        return p.head  # "himself": the subject, counted as one
    if p.merged:
        parts = [text[m.start:m.end] for m in p.merged]
        if all(CONJ_GAP.fullmatch(text, a.end, b.start) for a, b in zip(p.merged, p.merged[1:])):
            return text[p.merged[0].start:p.merged[-1].end]  # "A man and a woman"
        return " + ".join(parts)  # "two people + five others"
    if p.source in ("pronoun", "named", "headline", "definite"):
        return text[p.start:p.end].strip() or None
    if p.np_end > p.np_start:
        return text[p.np_start:p.np_end].strip()
    return None
