"""One event's figures across its sentences: a wound retold of someone already counted dead.

In a fatal shooting, a later sentence often tells the dead victim's story before death: "The boy
was rushed to a hospital", "He was in critical condition", "the toddler ... shot himself". Such
a wounded figure for one person named before (its phrase opens with "the", "he", "his" ...)
in a sentence without a killed figure of its own is the same person, not another wounded, when
the event has a killed figure. So is a wounded person named by a name a killed figure names
("Officers found Aaron P. Moore, 24, with a gunshot wound. Moore was pronounced dead").
Calibrated on the GVA articles (bench/score_casualties_gva.py).
"""

from __future__ import annotations

import re

from ..types import CasualtyFigure
from .terms import load_terms

_NAME_WORD = re.compile(r"\b[A-Z][a-z'’-]{2,}")


def is_anaphoric(f: CasualtyFigure) -> bool:
    """ "The boy was rushed to a hospital", "He was in critical condition": someone named before
    (its first word is one of data/casualty_terms.yaml ``anaphors``)."""
    first = (f.who or "").split(" ", 1)[0].lower()
    return f.best == 1 and first in load_terms().anaphors


def _names(f: CasualtyFigure) -> frozenset[str]:
    """The capitalised words of a one-person figure's phrase ("Aaron P. Moore, 24," -> Aaron, Moore)."""
    if f.best != 1 or not f.who:
        return frozenset()
    return frozenset(w for w in _NAME_WORD.findall(f.who) if w.lower() not in load_terms().anaphors)


def drop_retold_wounds(per_sentence: list[list[CasualtyFigure]]) -> list[list[CasualtyFigure]]:
    """``per_sentence`` without the wounded figures that retell a dead victim's story (see above)."""
    if not any(f.kind == "killed" and not f.tally for figs in per_sentence for f in figs):
        return per_sentence
    dead_names = frozenset().union(*(_names(f) for figs in per_sentence for f in figs if f.kind == "killed"))
    out = []
    for figs in per_sentence:
        if any(f.kind == "killed" for f in figs):
            out.append(figs)  # "a father was killed and his son was shot": two people
        else:
            out.append([f for f in figs if not (f.kind == "wounded" and (is_anaphoric(f) or _names(f) & dead_names))])
    return out
