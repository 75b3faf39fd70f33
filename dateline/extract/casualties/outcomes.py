"""Outcomes: how many people a sentence's counted phrases are, and what became of each.

- "he and three others were shot" is four people (:func:`pronoun_merge`);
- the count inside an apposition is the same person ("the victim, a 25-year-old man, died",
  :func:`appositions`);
- a later "he"/"she", "the victim" or "himself" is someone already counted, whose outcome it
  may update ("A man was shot ... where he later died", :func:`coreference`);
- "two men were shot, one fatally" is one killed and one wounded (:func:`fatal_splits`);
- "no one was injured" is an explicit zero (:func:`stated_zeros`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..numbers import find_quantities
from .phrase import CountedPhrase
from .sides import ROLE_SIDES
from .terms import CasualtyTerms
from .tokens import Tokens

# "two men were shot, one fatally": what may stand between the count's predicate and the split.
_SPLIT_GAP = re.compile(r"[^.;]{0,40}?,\s*")
# "his son, who killed himself": a relative clause between a person and a reflexive.
_WHO_GAP = re.compile(r"\s*,?\s*who\s+(?:[\w'’-]+\s+){0,6}?", re.I)
# a longer relative clause on the last counted people, asides and all ("who, police said, shot them, then")
_WHO_CLAUSE = re.compile(r"\s*,?\s*who\b[\s,]+(?:[\w'’-]+[\s,]+){0,10}?", re.I)


@dataclass(frozen=True)
class StatedZero:
    """An explicit zero: "no one was injured" (offsets in the sentence text)."""

    kind: str
    start: int
    end: int
    who: str
    side: str | None


def pronoun_merge(text: str, phrases: list[CountedPhrase]) -> list[CountedPhrase]:
    """ "he and three others were shot" is four people; the "he" is someone counted just before."""
    out: list[CountedPhrase] = []
    skip = set()
    for i, p in enumerate(phrases):
        if i in skip:
            continue
        if p.source == "pronoun" and i + 1 < len(phrases):
            q = phrases[i + 1]
            if q.role == "other" and q.kind and re.fullmatch(r"\s+and\s+", text[p.end:q.start]):
                merged = CountedPhrase(p.start, q.end, q.low + 1, q.best + 1,
                                       None if q.high is None else q.high + 1,
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


_COMMA = re.compile(r"\s*,\s*")
# Nouns a list of the people they count may follow ("three victims, a man, a woman and a boy");
# after others the list is more people ("two men, one woman and a child").
_GENERIC_HEADS = frozenset({"people", "persons", "victims", "others", "individuals"})


def appositions(phrases: list[CountedPhrase], text: str) -> list[CountedPhrase]:
    """ "the victim, a 25-year-old man, died": the count inside the apposition is the same person.
    So are the people listed right after a generic count of as many ("three other victims, a
    21-year-old male, a 19-year-old female and a 3-year-old boy were taken to a hospital")."""
    spans = [p.skip for p in phrases if p.skip]
    out = [p for p in phrases if not any(s <= p.start < e for s, e in spans)] if spans else list(phrases)
    i = 0
    while i < len(out):
        p = out[i]
        if p.source == "number" and (p.best or 0) >= 2 and p.head in _GENERIC_HEADS and i + 1 < len(out) \
                and _COMMA.fullmatch(text, p.end, out[i + 1].start):
            listed, j = 0, i + 1
            while j < len(out) and out[j].kind == p.kind and out[j].source != "number" \
                    and listed + (out[j].best or 0) <= p.best and listed < p.best:
                listed += out[j].best or 0
                j += 1
            if listed == p.best:
                del out[i + 1:j]
        i += 1
    return out


def coreference(text: str, phrases: list[CountedPhrase], terms: CasualtyTerms) -> list[CountedPhrase]:
    """A later "he"/"she", "the victim" or "himself" is someone already counted in the sentence
    ("A man was shot ... where he later died", "his son, who killed himself"): it updates a single
    person's outcome (killed outranks wounded) and is not counted again."""
    out: list[CountedPhrase] = []
    for p in phrases:
        ante = None
        # "his son" is someone else than the man before, unless in apposition ("a girl, his relative,")
        if p.source in ("pronoun", "definite") and p.kind in ("killed", "wounded") and not (
                terms.possessive.match(text, p.start)
                and not (out and re.fullmatch(r"\s*,\s*", text[out[-1].end:p.start]))):
            ante = next((o for o in reversed(out) if o.kind in ("killed", "wounded")
                         and (p.source == "definite" or (o.best == 1 and o.via in ("passive", "chain-passive", "noun")
                                                         and o.source != "number"))), None)
            if ante is not None and not (ante.best == 1 or ante.kind == p.kind):
                ante = None
        elif p.source == "reflexive":  # the subject: counted before only if it was the subject there too
            last = next((o for o in reversed(out) if o.kind in ("killed", "wounded")), None)
            if last is not None and _WHO_CLAUSE.fullmatch(text, last.end, p.start):
                ante = last  # "his mother and a man who, police said, shot them, then turned the gun on himself"
            else:
                ante = next((o for o in reversed(out) if o.best == 1 and o.kind in ("killed", "wounded")
                             and (o.via in ("passive", "chain-passive", "noun")
                                  or _WHO_GAP.fullmatch(text, o.end, p.start))), None)
        if ante is not None:
            if ante.best == 1 and p.kind == "killed" and ante.kind == "wounded":
                ante.kind, ante.trigger = "killed", "died"
            continue
        out.append(p)
    return out


def fatal_splits(text: str, phrases: list[CountedPhrase], terms: CasualtyTerms) -> list[CountedPhrase]:
    """ "two men were shot, one fatally" -> killed 1 + wounded 1; "four shot, one of whom died" likewise."""
    out: list[CountedPhrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        i += 1
        after = p.pred_end if p.pred_end is not None else p.end
        if not (p.kind == "wounded" and p.trigger in ("shot", "injured") and p.best > 1):
            out.append(p)
            continue
        gap = _SPLIT_GAP.match(text, after)
        m = terms.fatal_split.match(text, after) or (gap and terms.fatal_split.match(text, gap.end()))
        if not m:
            out.append(p)
            continue
        w = m.group(0).strip(" ,;-—–").split()
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


def stated_zeros(text: str, toks: Tokens, terms: CasualtyTerms) -> list[StatedZero]:
    """Explicit zeros: "no one was injured", "no other officers were hurt", "no injuries were reported"."""
    out: list[StatedZero] = []
    if terms.zero_cues.isdisjoint(toks.low):
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
        side = ROLE_SIDES.get(terms.roles.get(words[-1], "")) if words else None
        out.append(StatedZero(kind, m.start(), pm.end(), who, side))
    for m in terms.zero_nouns.finditer(low):
        kind = terms.zero_noun_kinds[m.group("noun")]
        if not any(z.start <= m.start() < z.end for z in out):
            out.append(StatedZero(kind, m.start(), m.end(), text[m.start():m.end()], None))
    return out
