"""Matching the cues of the taxonomy against a text, and the negation or hedge around a match.

A cue inside a negated clause ("did not", "no", "denied") counts nothing, one inside a
hypothetical clause (threats, plans, attempts, "could") counts :data:`HEDGE_FACTOR`;
reported statements of fact ("police said gunmen killed ...") count in full.
"""

from __future__ import annotations

import re

from .cue_syntax import ANCHOR_MIN
from .taxonomy import Cue, Taxonomy

# A cue in a hypothetical clause ("threatened to shell") counts this fraction of its weight.
HEDGE_FACTOR = 0.5
# How far back (characters, within the clause) a negator or hedge reaches: about five words.
MODIFIER_WINDOW = 32
# Words whose candidate cues are remembered; news vocabulary is far smaller, the cap only bounds memory.
WORD_CACHE_SIZE = 50_000

_SPACE = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]|\bbut\b|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b")
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """One space between words and plain apostrophes and dashes; case kept (callers lower it)."""
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", " - ")
    return _SPACE.sub(" ", t).strip()


def _clause_before(low: str, start: int, window: int) -> str:
    left = low[max(0, start - window):start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    return left[breaks[-1].end():] if breaks else left


def modifier(tax: Taxonomy, low: str, start: int) -> float:
    """1.0 for a plain statement, HEDGE_FACTOR when hypothetical, 0.0 when negated."""
    clause = _clause_before(low, start, MODIFIER_WINDOW)
    if not clause:
        return 1.0
    if tax.negators.search(clause):
        return 0.0
    if tax.hedges.search(clause):
        return HEDGE_FACTOR
    return 1.0


def _word_cues(tax: Taxonomy, word: str) -> tuple[Cue, ...]:
    """The anchored cues a match of which can start at ``word`` (memoised per word)."""
    cached = tax.word_cues.get(word)
    if cached is None:
        cached = tuple(cue for anchor, cue in tax.index.get(word[:ANCHOR_MIN], ()) if word.startswith(anchor))
        if len(tax.word_cues) >= WORD_CACHE_SIZE:
            tax.word_cues.clear()
        tax.word_cues[word] = cached
    return cached


def cue_matches(tax: Taxonomy, low: str) -> list[tuple[Cue, list[re.Match[str]]]]:
    """Every cue that matches ``low``, with its matches in text order.

    An anchored cue is tried only where a word starting with one of its anchors starts (so a
    sentence costs a few dozen anchored ``match`` calls, not a scan per cue); the few cues
    without anchors scan the whole text, when the literal they need is present.
    """
    found: dict[int, tuple[Cue, list[re.Match[str]]]] = {}
    memo = tax.word_cues
    for w in _WORD.finditer(low):
        word = w.group()
        cues = memo.get(word)
        if cues is None:
            cues = _word_cues(tax, word)
        if not cues:
            continue
        pos = w.start()
        for cue in cues:
            m = cue.pattern.match(low, pos)
            if m is not None:
                entry = found.get(id(cue))
                if entry is None:
                    found[id(cue)] = (cue, [m])
                else:
                    entry[1].append(m)
    for cue in tax.always:
        if cue.literal is not None and cue.literal not in low:
            continue
        ms = list(cue.pattern.finditer(low))
        if ms:
            found[id(cue)] = (cue, ms)  # whole-text scan: already in order; anchors never reach these
    return list(found.values())
