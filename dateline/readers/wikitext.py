"""Encyclopedia articles in wikitext-style plain text (seed 004).

``= Title =`` on the first line; an ``Infobox`` line followed by ``- Key: value``
lines; ``== Section ==`` / ``=== Subsection ===`` headings. The stored text is the
file as given; each Section's start/end bound its body in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import UnreadableDocument
from ..model import Document, InfoboxField, Problem, Section

FORMAT = "wikitext"

_TITLE = re.compile(r"^=\s*([^=].*?)\s*=\s*$")
_HEADING = re.compile(r"^(={2,6})\s*(.+?)\s*\1\s*$", re.M)
_INFOBOX_FIELD = re.compile(r"^-\s*([A-Za-z][A-Za-z0-9_ ]*?)\s*:\s*(.*)$")


def sniff(name: str, head: str) -> bool:
    first = head.lstrip().split("\n", 1)[0]
    return bool(_TITLE.match(first)) or "\nInfobox\n" in head or bool(_HEADING.search(head))


def _infobox(lines: list[str], start_line: int) -> tuple[list[InfoboxField], int]:
    """Fields of the infobox whose 'Infobox' line is at ``start_line``; returns the line after it."""
    fields, i = [], start_line + 1
    while i < len(lines) and lines[i].strip():
        m = _INFOBOX_FIELD.match(lines[i].strip())
        if m:
            fields.append(InfoboxField(m.group(1), m.group(2).strip()))
        elif fields:  # a continuation line belongs to the field above it
            last = fields.pop()
            fields.append(InfoboxField(last.key, f"{last.value} {lines[i].strip()}"))
        i += 1
    return fields, i


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise UnreadableDocument("no text in file")
    tm = _TITLE.match(lines[first].strip())
    title = tm.group(1) if tm else lines[first].strip()
    infobox: list[InfoboxField] = []
    body_line = first + 1
    for i in range(first + 1, min(len(lines), first + 4)):
        if lines[i].strip().lower() == "infobox":
            infobox, body_line = _infobox(lines, i)
            break
    body_start = sum(len(line) + 1 for line in lines[:body_line])
    headings = list(_HEADING.finditer(text, body_start))
    sections = []
    lead_end = headings[0].start() if headings else len(text)
    if text[body_start:lead_end].strip():
        sections.append(Section(heading=None, level=1, start=body_start, end=lead_end))
    for i, h in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        sections.append(Section(heading=h.group(2), level=len(h.group(1)), start=h.end() + 1, end=end))
    if not sections:
        raise UnreadableDocument("encyclopedia article with a title but no text")
    yield Document(
        id=doc_id, kind="reference", format=FORMAT, text=text, source_path=path, title=title,
        sections=sections, infobox=infobox, topics=[title],
    )
