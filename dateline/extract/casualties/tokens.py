"""A sentence as the casualty reader walks it: words and punctuation, lowercased, with offsets.

Also the word shapes several stages test: an age noun ("11-year-old", "an 11 year old" is one
token), a headline in title case, and the word before a token past filler words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .terms import load_terms

# A sentence with at least this share of capitalised words is a headline in title case.
TITLE_CASE_SHARE = 0.6

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
YEAR_OLD = re.compile(r"(?:\d+|[a-z]+)[-–\s](?:year|month|week|day)[-–\s]olds?$", re.I)  # "5-month-old" too


@dataclass
class Tokens:
    """A sentence's words and punctuation, lowercased, with their offsets."""

    starts: list[int]
    ends: list[int]
    low: list[str]
    orig: list[str]
    text_low: str  # the sentence lowercased, offsets unchanged

    @classmethod
    def of(cls, text: str, lowered: str) -> "Tokens":
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


def title_case(toks: Tokens) -> bool:
    """Whether the sentence is a headline in title case (:data:`TITLE_CASE_SHARE`)."""
    words = [w for w in toks.orig if w[0].isalpha()]
    return bool(words) and sum(1 for w in words if w[0].isupper()) >= TITLE_CASE_SHARE * len(words)


def prev_word(toks: Tokens, i: int) -> int:
    """Index of the word before token ``i``, past active fillers ("killing the| two men")."""
    j = i - 1
    while j > 0 and toks.low[j] in load_terms().active_fillers:
        j -= 1
    return max(j, 0)
