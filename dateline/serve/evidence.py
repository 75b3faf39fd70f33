"""The evidence of an event in its sources: each document's paragraphs around the sentences that
state the event, split into plain and highlighted segments.

Segments are plain strings; the template escapes them (a document's text is untrusted and is
always shown as text, whatever HTML or script it holds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

CONTEXT_CHARS = 320  # at most this much text before and after the evidence, cut at a paragraph or space
MERGE_GAP = 600  # evidence sentences closer than this share one excerpt


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False
    anchor: str | None = None  # the id of a highlighted sentence, for links from claims


@dataclass
class Passage:
    segments: list[Segment]
    cut_before: bool
    cut_after: bool


@dataclass
class SourceEvidence:
    """One document of an event with its highlighted passages."""

    doc: str
    kind: str | None
    title: str | None
    url: str | None
    published: str | None
    passages: list[Passage] = field(default_factory=list)
    sentences: int = 0


def anchor_id(doc: str, start: int) -> str:
    return f"ev-{doc}-{start}"


def spans_by_doc(mentions: list[dict]) -> dict[str, list[tuple[int, int]]]:
    """Merged, sorted (start, end) spans of the mention sentences, per document."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.get("start") is None or m.get("end") is None:
            continue
        out.setdefault(m["doc"], []).append((int(m["start"]), int(m["end"])))
    for doc, spans in out.items():
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        out[doc] = merged
    return out


def windows(spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Groups of spans close enough to show in one passage."""
    groups: list[list[tuple[int, int]]] = []
    for s, e in spans:
        if groups and s - groups[-1][-1][1] <= MERGE_GAP:
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    return groups


def passage(doc: str, group: list[tuple[int, int]], text: str, text_start: int) -> Passage:
    """The passage for ``group`` out of ``text``: the document's text from offset ``text_start``
    to CONTEXT_CHARS past the group, as fetched. It is trimmed to the paragraph around the
    group, or to whole words where the paragraph is longer than the context."""
    lo, hi = group[0][0] - text_start, group[-1][1] - text_start
    before, after = text[:lo], text[hi:]
    nl = before.rfind("\n")
    if nl >= 0:
        begin, cut_before = nl + 1, False
    elif text_start > 0:
        sp = before.find(" ")
        begin, cut_before = (sp + 1 if sp >= 0 else lo), True
    else:
        begin, cut_before = 0, False
    nl = after.find("\n")
    if nl >= 0:
        stop, cut_after = hi + nl, False
    elif len(after) >= CONTEXT_CHARS:  # the document goes on past what was fetched
        sp = after.rfind(" ")
        stop, cut_after = (hi + sp if sp > 0 else hi), True
    else:
        stop, cut_after = len(text), False
    segments: list[Segment] = []
    pos = begin
    for s, e in group:
        a, b = s - text_start, e - text_start
        if a > pos:
            segments.append(Segment(text[pos:a]))
        segments.append(Segment(text[a:b], True, anchor_id(doc, s)))
        pos = b
    if stop > pos:
        segments.append(Segment(text[pos:stop]))
    return Passage(segments, cut_before, cut_after)
