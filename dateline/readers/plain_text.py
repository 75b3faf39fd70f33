"""Plain-text or Markdown news articles: the title on the first line, then the story."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import UnreadableDocument
from ..model import Document, Problem
from .article import make_article

FORMAT = "plain_text"


def sniff(name: str, head: str) -> bool:
    return True  # the fallback: anything textual nobody else claimed


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise UnreadableDocument("no text in file")
    title = lines[first].strip().lstrip("#").strip()
    body = "\n".join(lines[first + 1:])
    if not body.strip():
        raise UnreadableDocument("only a title line: an article needs its text after the first line")
    yield make_article(doc_id=doc_id, fmt=FORMAT, title=title, body=body, path=path)
