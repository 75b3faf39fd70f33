"""Web pages and HTML fragments: main text and metadata with trafilatura, the date with htmldate.

The stages of :func:`html_to_article`, in order:

1. refuse truncated HTML (an ``<html>`` never closed, or text that ends inside a tag);
2. parse once with lxml (no network: nothing is ever fetched);
3. extract the main text, title, URL and date with trafilatura, comments left out;
4. when trafilatura finds no text, take the text of the block elements instead: a paragraph
   per ``<p>``, ``<div>``, ``<br>``, heading or item (menus, forms and footers left out);
5. date from the caller, else trafilatura, else htmldate; URL from the caller, else the
   canonical link, else ``og:url``; then :func:`~dateline.readers.article.make_article`.

Only text is kept: scripts, styles and markup never reach a Document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from ..errors import UnreadableDocument
from ..model import Document, Problem
from .article import make_article

FORMAT = "html"

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# htmldate settings: metadata and markup only (no guessing from free text), the original
# publication date rather than the last update.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

TRUNCATED = "the file looks cut off; download it again"
_HTML_OPEN = re.compile(r"<html[\s>]", re.I)
_HTML_CLOSE = re.compile(r"</(?:html|body)\s*>", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Elements whose content is never story text: code, the head, menus, forms, page footers.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe",
                      "object", "nav", "footer", "aside", "form", "button", "select", "textarea"})
# Elements that start a new paragraph in the fallback text.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "tr", "table", "ul", "ol", "dl", "section", "article", "header", "footer", "main", "aside",
    "nav", "figure", "figcaption", "address", "hr", "body", "form", "fieldset", "details",
})
_BREAK = "\x00"  # paragraph break marker in the fallback walk (parse_html removes NULs)


def sniff(name: str, head: str) -> bool:
    """An .html/.htm/.xhtml file, or text that opens with a doctype or an <html> tag."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    start = head.lstrip()[:20].lower()
    return start.startswith(("<!doctype html", "<html"))


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    """One article from one HTML file; raises UnreadableDocument when it has no main text."""
    yield html_to_article(text, doc_id=doc_id, path=path, fmt=FORMAT)


def html_to_article(html: str, *, doc_id: str, path: str, fmt: str, title: str | None = None,
                    url: str | None = None, published: object = None,
                    meta: dict[str, str] | None = None) -> Document:
    """An article Document from a page or fragment of HTML; given metadata wins over the page's.

    Raises UnreadableDocument for truncated HTML or when no text can be found.
    """
    check_complete(html)
    tree = parse_html(html)
    if tree is None:
        raise UnreadableDocument("no main text found in HTML (the markup holds no elements): "
                                 "check that this is a web page")
    extracted = trafilatura.bare_extraction(
        tree, include_comments=False, with_metadata=True, date_extraction_params=dict(DATE_PARAMS))
    found_meta = dict(meta or {})
    body = _trafilatura_paragraphs(extracted.text) if extracted is not None and extracted.text else ""
    found_meta.setdefault("extractor", "trafilatura" if body else "lxml")
    body = body or block_text(tree)
    if not body.strip():
        raise UnreadableDocument("no main text found in HTML (no paragraphs outside scripts, "
                                 "menus and markup): check that this is an article page")
    title = title or (extracted.title if extracted is not None else None) or _page_title(tree)
    url = url or _canonical_url(tree) or (extracted.url if extracted is not None else None)
    for key in ("author", "sitename"):
        value = getattr(extracted, key, None) if extracted is not None else None
        if isinstance(value, str) and value.strip():
            found_meta.setdefault(key, value.strip())
    if published is None:
        published = (extracted.date if extracted is not None else None) or _htmldate(tree)
    # clean=True even for trafilatura's text: on the HRD articles it still leaves "Copyright ...",
    # "ADVERTISEMENT", share buttons and related-story lists that the boilerplate rules drop.
    doc = make_article(doc_id=doc_id, fmt=fmt, title=title, body=_drop_title(body, title), path=path,
                       url=url, published=published, meta=found_meta, clean=True)
    if not has_body(doc):
        raise UnreadableDocument("no main text found in HTML (only page furniture such as menus, "
                                 "share buttons and copyright lines): check that this is an article page")
    return doc


def has_body(doc: Document) -> bool:
    """Whether an article kept any text besides its title after cleaning."""
    return bool(doc.text[len(doc.title or ""):].strip())


def check_complete(html: str) -> None:
    """Raise UnreadableDocument when the HTML was cut off before its end."""
    if _HTML_OPEN.search(html) and not _HTML_CLOSE.search(html):
        raise UnreadableDocument(f"truncated HTML (no closing </html>): {TRUNCATED}")
    if _ends_inside_tag(html):
        raise UnreadableDocument(f"truncated HTML (it ends inside a tag): {TRUNCATED}")


def _ends_inside_tag(html: str) -> bool:
    """True when a tag opens ("<p", "</", "<!") after the last ">": a literal "<" in text does not count."""
    end = len(html.rstrip())
    gt = html.rfind(">", 0, end)
    lt = html.rfind("<", 0, end)
    while lt > gt:
        if lt + 1 >= end or html[lt + 1].isalpha() or html[lt + 1] in "/!?":
            return True
        lt = html.rfind("<", 0, lt)
    return False


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The document tree of a page or fragment, or None when there is no markup to parse."""
    # lxml refuses a str that declares its encoding, and NUL characters anywhere
    html = _XML_DECLARATION.sub("", html, count=1).replace("\x00", "")
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)  # never text; tails kept
    return tree


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary, say): paragraphs split by blank lines."""
    tree = parse_html(fragment)
    return block_text(tree) if tree is not None else ""


def block_text(tree: lxml.html.HtmlElement) -> str:
    """Text of the block elements, one paragraph each, separated by blank lines; markup dropped."""
    parts: list[str] = []
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIPPED:
                walker.skip_subtree()  # its "end" still comes, so its tail is kept
            else:
                parts.append(_BREAK if tag in _BLOCKS else "")
                parts.append(el.text or "")
            continue
        parts.append(_BREAK if tag in _BLOCKS else "")
        if el is not tree:
            parts.append(el.tail or "")
    paragraphs = (" ".join(p.split()) for p in "".join(parts).split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)


def _trafilatura_paragraphs(text: str) -> str:
    """trafilatura puts one block a line; Dateline separates paragraphs by a blank line."""
    return "\n\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _drop_title(body: str, title: str | None) -> str:
    """The body without a first paragraph that only repeats the title (the page's <h1>)."""
    if not title:
        return body
    first, _, rest = body.partition("\n\n")
    return rest if rest and " ".join(first.split()) == " ".join(title.split()) else body


def _page_title(tree: lxml.html.HtmlElement) -> str | None:
    found = tree.find(".//title")
    text = found.text_content().strip() if found is not None else ""
    return text or None


def _canonical_url(tree: lxml.html.HtmlElement) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            if str(value).strip().startswith(("http://", "https://")):
                return str(value).strip()
    return None


def _htmldate(tree: lxml.html.HtmlElement) -> str | None:
    """The page's publication date by htmldate (last use of the tree: htmldate may prune it)."""
    return htmldate.find_date(tree, **DATE_PARAMS)
