"""JSON Lines articles: one JSON object a line, one Document per record.

Keys read (all others, gold labels such as ``incident`` included, are ignored):

- ``id`` (required; an integer becomes its decimal string) is the Document id, exactly;
- ``title``;
- the body: ``text`` or ``content`` (plain text), else ``html`` (a page or fragment);
- ``url`` or ``uri``; ``published``, ``dct`` or ``date`` (a metadata date).

A record with a title but no usable body is kept as a title-only article (``meta['body'] ==
'missing'``). A bad line (malformed JSON, not an object, no id, neither title nor text,
unreadable HTML) becomes a
Problem with its 1-based line number, and reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import UnreadableDocument
from ..model import Document, Problem
from .article import make_article
from .html_page import has_body, html_to_article

FORMAT = "jsonl"

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
# Files with these endings belong to other readers even when they start with "{".
OTHER_SUFFIXES = (".txt", ".md", ".markdown", ".yaml", ".yml", ".html", ".htm", ".xhtml", ".xml",
                  ".rss", ".atom", ".feed", ".wiki")
TEXT_KEYS = ("text", "content")
URL_KEYS = ("url", "uri")
DATE_KEYS = ("published", "dct", "date")


def sniff(name: str, head: str) -> bool:
    """A .jsonl/.ndjson/.jsonlines file, or a .json (or unclaimed) file whose first line is a record.

    A first line that is a lone "{" is a pretty-printed JSON document, not JSON Lines.
    """
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return True
    if lower.endswith(OTHER_SUFFIXES):
        return False
    first = next((line.strip() for line in head.split("\n") if line.strip()), "")
    return first.startswith("{") and first != "{" and ('"id"' in head or '"title"' in head)


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    """One Document per record; ``doc_id`` (the file name) is unused: records carry their ids."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield read_record(line, path=path)
        except UnreadableDocument as exc:
            yield Problem(path, str(exc), line=lineno)


def read_record(line: str, *, path: str) -> Document:
    """The Document of one JSON line; raises UnreadableDocument saying what to fix."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        what = exc.msg[0].lower() + exc.msg[1:].removesuffix(" at")
        raise UnreadableDocument(f"malformed JSON ({what} at column {exc.colno}): "
                                 "fix the line or remove it") from exc
    except RecursionError as exc:
        raise UnreadableDocument("malformed JSON (nested too deeply): fix the line or remove it") from exc
    if not isinstance(record, dict):
        raise UnreadableDocument(f"not a JSON object (got {type(record).__name__}): "
                                 'each line must be one {"id": ..., "text": ...} record')
    rec_id = _record_id(record.get("id"))
    title = _string(record.get("title"))
    url = next((u for k in URL_KEYS if (u := _string(record.get(k)))), None)
    published = next((d for k in DATE_KEYS if (d := _date_value(record.get(k))) is not None), None)
    body = next((t for k in TEXT_KEYS if (t := _string(record.get(k)))), None)
    html = _string(record.get("html"))
    if body is not None:
        doc = make_article(doc_id=rec_id, fmt=FORMAT, title=title, body=body, path=path, url=url,
                           published=published, clean=True)
        if has_body(doc):
            return doc
        if not title:
            raise UnreadableDocument(f"record {rec_id!r} has only page furniture (share buttons, "
                                     "copyright lines) in its text: give the article's own text")
    elif html is None and not title:
        raise UnreadableDocument(f'record {rec_id!r} has no text: give it "title", "text", "content" or "html"')
    if html is None:
        # A headline alone still reports an event (news corpora hold records whose body failed
        # to download): keep it as a title-only article, marked so.
        return make_article(doc_id=rec_id, fmt=FORMAT, title=title, body="", path=path, url=url,
                            published=published, meta={"body": "missing"})
    try:
        return html_to_article(html, doc_id=rec_id, path=path, fmt=FORMAT, title=title, url=url,
                               published=published)
    except UnreadableDocument as exc:
        raise UnreadableDocument(f"record {rec_id!r}: {exc}") from exc


def _record_id(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    if value is None:
        raise UnreadableDocument('record has no "id": give every record a unique string id')
    raise UnreadableDocument(f'record has an unusable "id" ({value!r}): use a non-empty string or an integer')


def _string(value: object) -> str | None:
    """A non-blank string value, else None (numbers, lists and blanks are not text)."""
    return value if isinstance(value, str) and value.strip() else None


def _date_value(value: object) -> str | None:
    """A date as written ("2016-10-05", an RFC 822 string, or a bare year like 2016)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _string(value)
