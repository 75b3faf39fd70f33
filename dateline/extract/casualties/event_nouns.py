"""Event nouns that state a toll by themselves: "a fatal shooting", "a triple homicide",
"a quadruple shooting", "a murder-suicide", "a shooting death" (the rules are in data/casualty_terms.yaml,
``event_nouns``).

Each becomes a counted phrase with its kind already read (``via`` "event"), with no side of its
own: it counts the event's victims, whoever they were.
"""

from __future__ import annotations

import re

from .phrase import CountedPhrase
from .terms import CasualtyTerms

_WORD_BEFORE = re.compile(r"([\w'’-]+)\s*$")
_OF_AFTER = re.compile(r"\s+of\s+")


def event_noun_phrases(low: str, terms: CasualtyTerms) -> list[CountedPhrase]:
    """The event nouns of a lowercased sentence, in order."""
    out: list[CountedPhrase] = []

    def add(m: re.Match, n: int, kind: str, trigger: str, *, vague: bool) -> None:
        before = _WORD_BEFORE.search(low, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1) in terms.event_not_after:
            return  # "the city's third fatal shooting", "another deadly attack": other events
        out.append(CountedPhrase(m.start(), m.end(), n, n, None if vague else n, "event_noun",
                                 head=m.group(0).split()[-1], np_start=m.start(), np_end=m.end(), kind=kind,
                                 trigger=trigger, via="event", vague=vague))

    for m in terms.event_fatal.finditer(low):
        add(m, 1, "killed", "killed", vague=True)
    for m in terms.event_multiplied.finditer(low):
        n = terms.multipliers[m.group("mult")]
        if m.group("killing") or m.group("fatal"):
            add(m, n, "killed", "killed", vague=False)
        else:
            add(m, n, "wounded", "shot", vague=False)
    for m in terms.murder_suicide.finditer(low):
        before = _WORD_BEFORE.search(low, max(0, m.start() - 30), m.start())
        n = terms.multipliers.get(before.group(1), 1) + 1 if before else 2  # "double murder-suicide": three dead
        add(m, n, "killed", "killed", vague=False)
    for m in terms.event_death.finditer(low):
        add(m, 1, "killed", "killed", vague=True)
    return sorted(out, key=lambda p: p.start)


def counted_after_of(text: str, phrases: list[CountedPhrase]) -> list[CountedPhrase]:
    """``phrases`` without a vague event noun whose "of" object is counted: "the fatal shooting
    of a man", "the shooting death of an 11-year-old" are that one count."""
    out = []
    for i, p in enumerate(phrases):
        if p.source == "event_noun" and p.vague and i + 1 < len(phrases):
            m = _OF_AFTER.match(text, p.end)
            nxt = phrases[i + 1]
            if m and nxt.kind == p.kind and nxt.start <= m.end() + 4:
                continue
        out.append(p)
    return out
