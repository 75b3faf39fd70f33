"""One-line event titles in the digest style, built from the event's own sentences.

A digest line states what happened, in one sentence, without the wire-service furniture.
For an event that no digest item names, the title is its first sentence that reports it,
with what a digest line would not carry removed: the story's dateline ("DEIR EZZOR, Syria,
Nov. 8 (UPI) --"), a leading date anchor of a chronology ("On 26 November, "), leading
punctuation; the first letter capitalised. Nothing is added that the sentence does not say.
A sentence longer than ``MAX_TITLE_CHARS`` is cut at the last clause break before it.
"""

from __future__ import annotations

import re

from ..readers.datelines import parse_dateline

MAX_TITLE_CHARS = 240  # the digest pages' headlines run to about two lines
_ANCHOR = re.compile(r"^(?:On|By|As of|During|In|Since|From)\s+(?:the\s+(?:night|morning|evening)\s+of\s+)?"
                     r"[^,]{0,40}?\d[^,]{0,30},\s+(?=\S)")
_LEADING = re.compile(r"^[\s:|•*\-–—]+")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—]\s")


def clean_sentence(sentence: str) -> str:
    s = _LEADING.sub("", sentence.strip())
    found = parse_dateline(s)
    if found:
        s = s[found[1]:]
    s = _ANCHOR.sub("", s)
    s = s.strip()
    if not s:
        return sentence.strip()
    s = s[0].upper() + s[1:]
    if len(s) > MAX_TITLE_CHARS:
        cut = [m.start() for m in _CLAUSE_BREAK.finditer(s, 0, MAX_TITLE_CHARS)]
        s = (s[: cut[-1]] if cut else s[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]).rstrip(" ,;:") + "."
    return s


def event_title(sentences: list[str], *, document_title: str | None = None) -> str:
    """The title of an event from its sentences in order (the first is often the article's title)."""
    body = [s for s in sentences if s.strip() and s.strip() != (document_title or "").strip()]
    if body:
        return clean_sentence(body[0])
    return clean_sentence(document_title or (sentences[0] if sentences else ""))
