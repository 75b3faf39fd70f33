"""News feeds (RSS 2.0, RSS 1.0, Atom) parsed by feedparser: one article per entry.

The feed is parsed from the text given; no URL in it is ever fetched. Each entry's body is
its content (else its summary); HTML becomes plain text, a paragraph per block element.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator

import feedparser

from ..errors import UnreadableDocument
from ..model import Document, Problem
from .article import make_article
from .html_page import has_body, html_text

FORMAT = "feed"

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".feed")
FEED_ROOTS = ("<rss", "<feed", "<rdf:RDF")
ENTRY_HASH_CHARS = 12
_ENCODING_DECLARATION = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def sniff(name: str, head: str) -> bool:
    """A feed file name or an XML prolog, and the root element of RSS, RDF or Atom in the head."""
    has_root = any(root in head for root in FEED_ROOTS)
    if name.lower().endswith(FEED_SUFFIXES):
        return has_root
    return head.lstrip().startswith("<?xml") and has_root


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    """One article per entry, with id ``{doc_id}-{hash}``; an entry without text is a Problem."""
    # The text is already decoded: say so, or feedparser would trust a stale encoding="...".
    data = _ENCODING_DECLARATION.sub(r'\1"utf-8"', text, count=1).encode("utf-8")
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise UnreadableDocument(f"not a readable feed ({parsed.get('bozo_exception')}): "
                                     "check that the file is complete RSS or Atom XML")
        raise UnreadableDocument("feed has no entries: nothing to read")
    feed_title = _title(parsed.feed)
    meta = {"feed_title": feed_title} if feed_title else {}
    for entry in parsed.entries:
        yield _entry_article(entry, path=path, doc_id=doc_id, meta=meta)


def entry_id(doc_id: str, entry: feedparser.FeedParserDict) -> str:
    """``{doc_id}-{h}``: h is the first hex digits of sha1 of the entry's id, link or title+date."""
    key = (entry.get("id") or entry.get("link")
           or f"{entry.get('title') or ''}{entry.get('published') or entry.get('updated') or ''}")
    return f"{doc_id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:ENTRY_HASH_CHARS]}"


def _entry_article(entry: feedparser.FeedParserDict, *, path: str, doc_id: str,
                   meta: dict[str, str]) -> Document | Problem:
    title = _title(entry)
    name = repr(title) if title else f"#{entry_id(doc_id, entry)}"
    body = _entry_body(entry)
    if not body:
        return Problem(path, f"feed entry {name} has no text (no content or summary): nothing to read")
    doc = make_article(doc_id=entry_id(doc_id, entry), fmt=FORMAT, title=title, body=body, path=path,
                       url=_clean(entry.get("link")),
                       published=entry.get("published") or entry.get("updated"), meta=meta, clean=True)
    if not has_body(doc):
        return Problem(path, f"feed entry {name} has only page furniture in its text: nothing to read")
    return doc


def _entry_body(entry: feedparser.FeedParserDict) -> str:
    """Plain text of the entry's first non-empty content, else of its summary."""
    details = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        details.append(entry["summary_detail"])
    elif entry.get("summary"):
        details.append({"value": entry["summary"], "type": "text/html"})
    for detail in details:
        value = detail.get("value") or ""
        text = html_text(value) if detail.get("type", "text/html") in _HTML_TYPES else value.strip()
        if text.strip():
            return text
    return ""


def _clean(value: object) -> str | None:
    """A one-line string value, else None."""
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _title(item: feedparser.FeedParserDict) -> str | None:
    """The title as plain text: an HTML-typed title (Atom ``type="html"``) loses its markup."""
    detail = item.get("title_detail") or {}
    raw = item.get("title")
    if isinstance(raw, str) and detail.get("type") in _HTML_TYPES:
        return _clean(html_text(raw))
    return _clean(raw)
