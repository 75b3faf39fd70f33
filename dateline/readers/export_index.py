"""The index pages of Dateline's own Markdown export (and the site's ``.md`` day pages).

An index page lists a day's (or month's, year's, the undated) events and links to their pages::

    # 2014-11-20
    1. [Headline of the event.](/news/2014/11/20/ev-371b81995398f52f.md) _Context: Topic A_

It is navigation: every event on it is on its own event page beside it, which the digest
reader reads back. Ingesting the export's folder therefore leaves index pages out, reported as
skipped, rather than reading each one as an article made of headlines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Problem, Skipped
from . import plain_text

FORMAT = "export_index"

_HEADING = re.compile(r"#\s+(?:\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?|undated)\s*")
_ITEM = re.compile(r"\d+\.\s*\[.*\]\(/news/\S*\.md\)(?:\s+_Context:.*_)?\s*")


def _is_index(lines: list[str]) -> bool:
    """A heading with a date label, then only numbered links to event pages."""
    lines = [line for line in lines if line.strip()]
    return len(lines) >= 2 and bool(_HEADING.fullmatch(lines[0])) and all(_ITEM.fullmatch(x) for x in lines[1:])


def sniff(name: str, head: str) -> bool:
    lines = head.split("\n")
    if len(head) >= 4096:
        lines = lines[:-1]  # the head may end inside a line
    return _is_index(lines)


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem | Skipped]:
    if _is_index(text.split("\n")):
        yield Skipped(path, "an index page of a Dateline Markdown export: its events are on the event pages beside it")
    else:  # the head looked like one, the rest does not: an article after all
        yield from plain_text.read(text, path=path, doc_id=doc_id)
