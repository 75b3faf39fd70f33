"""The words of each article's opening that resolution compares, with the page furniture left out.

Stages, in order:

1. Lines repeated across many documents are furniture (subscription prompts, weather boxes,
   "get email notifications on <author>"): a line whose template (capitalised words and digits
   masked) occurs in ``BOILERPLATE_MIN_DOCS`` documents or more is dropped.
2. The first ``OPENING_CHARS`` characters of what is left (title and first paragraphs) are
   cut into lower-case content words.
3. ``Idf`` weighs words by rarity; ``weighted_cosine`` compares two openings.

``strong_keys`` finds what follow-up reports (charges, sentencing, funerals) repeat of the first
report: the people named with their age ("Saul Bermudez, 17,", "17-year-old Saul Bermudez"),
victims and suspects, and the block of the street ("the 2300 block of Raceway Rd").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

BOILERPLATE_MIN_DOCS = 3  # GVA: 3 dropped the furniture lines that made unrelated articles look alike
OPENING_CHARS = 1500  # GVA: title plus the first two or three paragraphs; 1,000-2,000 scored alike
KEYS_CHARS = 3000  # GVA: names past the first paragraphs more often belong to other incidents
_STREET = r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Way|Parkway|Pkwy|" \
          r"Highway|Hwy|Terrace|Circle)"
_BLOCK = re.compile(rf"\b(\d{{2,5}}) block of ((?:[NSEW]\.? |North |South |East |West )?(?:[A-Z0-9][\w'-]* ){{1,3}})"
                    rf"{_STREET}\b")
_PERSON = r"[A-Z][a-z]+(?:[ -][A-Z]\.)?(?: [A-Z][a-z'-]+){1,2}(?: (?:Jr|Sr|II|III)\.?)?"
_AGED = re.compile(rf"\b(?P<a>{_PERSON}), (?:age )?\d{{1,2}},|\b\d{{1,2}}-year-old (?P<b>{_PERSON})\b")
_TEMPLATE = re.compile(r"[A-Z][\w'.-]*|\d+")
_WORD = re.compile(r"[a-z][a-z0-9']+")
STOPWORDS = frozenset({
    "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "after",
    "before", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "this",
    "it", "its", "he", "she", "his", "her", "they", "their", "them", "said", "says", "say", "not",
    "but", "who", "which", "will", "would",
})


def _template(line: str) -> str:
    return _TEMPLATE.sub("_", line.strip()).lower()


def opening_words(texts: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """document id -> content words of its opening, furniture lines dropped."""
    lines = {doc: [x for x in text[: OPENING_CHARS * 4].split("\n") if x.strip()] for doc, text in texts.items()}
    seen = Counter(t for ls in lines.values() for t in {_template(x) for x in ls})
    out = {}
    for doc, ls in lines.items():
        opening = "\n".join(x for x in ls if seen[_template(x)] < BOILERPLATE_MIN_DOCS)[:OPENING_CHARS]
        out[doc] = frozenset(w for w in _WORD.findall(opening.lower()) if w not in STOPWORDS and len(w) > 2)
    return out


def strong_keys(text: str) -> frozenset[str]:
    """Lower-case full names given with an age, and "block <number> <street>", in the first
    ``KEYS_CHARS`` characters."""
    head = text[:KEYS_CHARS]
    names = {(m.group("a") or m.group("b")).lower() for m in _AGED.finditer(head)}
    blocks = {f"block {m.group(1)} {m.group(2).strip().lower()}" for m in _BLOCK.finditer(head)}
    return frozenset(names | blocks)


class Idf:
    """Inverse document frequency over a collection of word sets."""

    def __init__(self, collection: Iterable[frozenset[str]]):
        self.df: Counter[str] = Counter()
        n = 0
        for words in collection:
            self.df.update(words)
            n += 1
        self.n = max(n, 1)

    def weight(self, word: str) -> float:
        return math.log(self.n / self.df.get(word, 1))

    def norm(self, words: frozenset[str]) -> float:
        return math.sqrt(sum(self.weight(w) ** 2 for w in words))

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """The squared weight of the shared words (divide by both norms for the cosine)."""
        return sum(self.weight(w) ** 2 for w in a & b)
