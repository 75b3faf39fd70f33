"""Event nouns that state a toll by themselves: "a fatal shooting", "a triple homicide",
"a quadruple shooting", "a murder-suicide" (the rules are in data/casualty_terms.yaml,
``event_nouns``).

Each becomes a counted phrase with its kind already read (``via`` "event"), with no side of its
own: it counts the event's victims, whoever they were.
"""

from __future__ import annotations

import re

from .phrase import CountedPhrase
from .terms import CasualtyTerms

_WORD_BEFORE = re.compile(r"([\w'’-]+)\s*$")


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
        add(m, 2, "killed", "killed", vague=True)
    return sorted(out, key=lambda p: p.start)
