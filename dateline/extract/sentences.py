"""Sentences with offsets: a fast rule-based splitter for news English.

Every line is a boundary (titles, list items and paragraphs stand on their own lines);
blank lines separate paragraphs. Inside a line, a sentence ends at ., ! or ? (with any
closing quotes or brackets) followed by a space and a capital, digit or quote, unless the
word before is a known abbreviation (data/abbreviations.yaml) or a single initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .types import Sentence

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Abbreviations:
    words: frozenset[str]
    dotted: frozenset[str]
    openers: frozenset[str]


@lru_cache(maxsize=1)
def load_abbreviations() -> Abbreviations:
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("abbreviations.yaml").read_text("utf-8"))
    words = {w for key in ("titles", "months", "places", "other") for w in raw[key]}
    return Abbreviations(frozenset(words), frozenset(raw["dotted"]), frozenset(raw["openers"]))


def _is_boundary(line: str, dot: int, after: int, abbr: Abbreviations) -> bool:
    """Whether the full stop at ``dot`` ends a sentence; ``after`` is where the next word starts."""
    if line[dot] != ".":
        return True
    m = _WORD_BEFORE.search(line, 0, dot)
    if not m:
        return True
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return False
    if word in abbr.words:
        return False
    if word in abbr.dotted or word.rstrip(".") in abbr.dotted:
        nxt = re.match(r"[A-Za-z]+", line[after:])
        return bool(nxt and nxt.group(0) in abbr.openers)
    return True


def split_sentences(text: str, *, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text``; offsets are into ``text`` shifted by ``offset``."""
    abbr = load_abbreviations()
    out: list[Sentence] = []
    paragraph, pos, blank_before = 0, 0, False
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            blank_before = True
            continue
        if blank_before and out:
            paragraph += 1
        blank_before = False
        start = 0
        for m in _END.finditer(line):
            after = m.end() + len(line[m.end():]) - len(line[m.end():].lstrip())
            if not _is_boundary(line, m.start(), after, abbr):
                continue
            _add(out, line, start, m.end(), line_start + offset, paragraph)
            start = after
        _add(out, line, start, len(line), line_start + offset, paragraph)
    return out


def _add(out: list[Sentence], line: str, start: int, end: int, base: int, paragraph: int) -> None:
    seg = line[start:end]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        s = base + start + lead
        out.append(Sentence(start=s, end=s + len(seg), text=seg, paragraph=paragraph))
