"""A counted phrase: what the stages of this package learn about one count in a sentence.

The phrase readers (:mod:`.count_phrases`, :mod:`.person_phrases`) create it with the count
and the noun phrase it counts; :mod:`.predicates` and :mod:`.outcomes` set its kind and
trigger; :mod:`.sides` reads it; :mod:`.figures` turns it into a ``CasualtyFigure``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CountedPhrase:
    """A counted phrase: the count and the noun phrase it counts."""

    start: int  # in the sentence text
    end: int  # end of the noun phrase (or of the count when there is none)
    low: int
    best: int
    high: int | None
    # "number", "determiner", "definite", "pronoun", "headline", "named", "bare", "reflexive"
    source: str
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
    merged: list["CountedPhrase"] = field(default_factory=list)
    vague: bool = False  # "dozens", "scores": a vague quantity, not a count
