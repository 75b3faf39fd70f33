"""Tallies: cumulative counts over a long or open period ("since the war began", "so far this
year"). A figure in such a sentence is marked ``tally``; event figures leave it out."""

from __future__ import annotations

from ..numbers import lower_keep_offsets
from .terms import CasualtyTerms, load_terms


def is_tally(text: str) -> bool:
    """Whether a sentence counts over a long or open period ("since the war began")."""
    return reads_as_tally(text, lower_keep_offsets(text), load_terms())


def reads_as_tally(text: str, low: str, t: CasualtyTerms) -> bool:
    """:func:`is_tally` for a sentence already lowercased (``low``, offsets kept)."""
    return bool(t.tally_cue.search(low) and t.tally.search(text)) and not t.not_tally.search(text)
