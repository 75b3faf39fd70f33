"""One-line event titles in the digest style, built from the event's own sentences.

A digest line states what happened, in one sentence, without the wire-service furniture.
For an event that no digest item names, the title is its first sentence that reads as a
report (not page furniture such as "Already a subscriber?"; else the headline without its
site name), with what a digest line would not carry removed: the story's dateline ("DEIR EZZOR, Syria,
Nov. 8 (UPI) --"), a leading date anchor of a chronology ("On 26 November, "), leading
punctuation; the first letter capitalised. Nothing is added that the sentence does not say.
A sentence longer than ``MAX_TITLE_CHARS`` is cut at the last clause break before it.
"""

from __future__ import annotations

import re

from ..extract.main_place import site_suffix_start
from ..readers.datelines import parse_dateline

MAX_TITLE_CHARS = 240  # the digest pages' headlines run to about two lines
MIN_TITLE_WORDS = 5  # shorter "sentences" are captions and furniture ("Terrance Booker.", "Close")
LOOK_AHEAD = 4  # body sentences tried before the headline stands in
_WORD = re.compile(r"[^\W\d_]+")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")  # a statement has lower-case words; a byline or a name list has none
# a wire photo caption ends with the day the picture was taken: "... north of Raqqa, Syria August 12, 2017."
_CAPTION_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.$")
_CREDIT = re.compile(r"^\(?(?:photo|image|video|file photo|courtesy|by|posted|updated|published|related|"
                     r"transcript for|watch|listen|click|copyright|gallery|buy photo)\b", re.I)
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


def _reads_as_report(s: str) -> bool:
    """Whether a cleaned sentence can stand as a digest line: a statement of some length that
    ends as a sentence does, not page furniture ("Already a subscriber?", "Just One More
    Thing...", "2:25", a photo credit or caption)."""
    return (len(_WORD.findall(s)) >= MIN_TITLE_WORDS and s[-1:] in ".\"'”’)" and not s.endswith("...")
            and not _CREDIT.match(s) and not _CAPTION_END.search(s) and bool(_LOWER_WORD.search(s)))


def event_title(sentences: list[str], *, document_title: str | None = None) -> str:
    """The title of an event from its sentences in order (the first is often the article's title).

    The first of its body sentences that reads as a report (within the first few), else the
    document's headline without its site name, else the first sentence as it stands.
    """
    headline = (document_title or "").strip()
    body = [s for s in sentences if s.strip() and s.strip() != headline]
    for s in body[:LOOK_AHEAD]:
        title = clean_sentence(s)
        if _reads_as_report(title):
            return title
    if headline:
        return clean_sentence(headline[:site_suffix_start(headline)])
    return clean_sentence(body[0] if body else (sentences[0] if sentences else ""))
