"""Event digest pages in the current-events site's Markdown format (seeds 000 and 002).

A page is::

    ### [2015-11-8](/news/2015/11/8/index.md)      <- the date of the page's item ("2011-7", "2011",
                                                       "undated" on pages of Dateline's md export)
    # Headline of the event.                         <- the item
    Optional summary paragraphs.
    ### Source:
    1. [Outlet](url)                                 <- "Cover Image" is an illustration, not a source
    ### Related:
    1. [Headline](/news/2017/08/28/slug.md) _Context: Topic A, Topic B_

The stored text is the page with HTML entities decoded, so offsets stay meaningful.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date

from ..errors import UnreadableDocument
from ..model import DigestItem, Document, Problem, Source, iso_precision

FORMAT = "digest_markdown"

# "### [2015-11-8](...)"; Dateline's own export also writes "[2011-7]", "[2011]" and "[undated]"
# for events known only to the month or year, or not dated.
_DATE_LINE = re.compile(r"^###\s*\[(?:(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?|undated)\]\(([^)]*)\)\s*$", re.M)
_HEADLINE = re.compile(r"^#\s+(.+?)\s*$", re.M)
_SECTION = re.compile(r"^###\s*(Source|Sources|Related)\s*:?\s*$", re.M | re.I)
_LIST_LINK = re.compile(r"^\s*\d+\.\s*\[(?P<label>.*?)\]\((?P<url>[^)\s]*)\)\s*(?P<rest>.*)$")
_CONTEXT = re.compile(r"_Context:\s*(.*?)_\s*$")
_PATH_DATE = re.compile(r"/(\d{4})(?:/(\d{1,2})(?:/(\d{1,2}))?)?/[^/]*$")
NOT_SOURCES = {"cover image"}  # list entries under "Source:" that illustrate rather than report


def sniff(name: str, head: str) -> bool:
    return bool(_DATE_LINE.match(head.lstrip()))


def _iso(y: str | None, m: str | None, d: str | None) -> str | None:
    """``2015-11-08``, ``2011-07`` or ``2011`` (the precision the page states), or None."""
    if y is None:
        return None
    try:
        day = date(int(y), int(m or 1), int(d or 1))
    except ValueError:
        return None
    return day.isoformat() if d else f"{day.year:04d}-{day.month:02d}" if m else f"{day.year:04d}"


def _sections(text: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Section name (lower case) -> (start, end) of its body; and where the first heading starts."""
    marks = list(_SECTION.finditer(text))
    out = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        name = m.group(1).lower().rstrip("s")
        out[name] = (m.end(), end)
    return out, (marks[0].start() if marks else len(text))


def _list_entries(text: str, span: tuple[int, int]) -> Iterator[tuple[re.Match, int]]:
    """Numbered link lines in a section, with the offset where each line starts."""
    pos = span[0]
    for line in text[span[0]:span[1]].split("\n"):
        m = _LIST_LINK.match(line)
        if m:
            yield m, pos
        pos += len(line) + 1


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    text = html.unescape(text)
    dm = _DATE_LINE.search(text)
    if not dm:
        raise UnreadableDocument("digest page without its '### [YYYY-M-D](...)' date line")
    page_date = _iso(*dm.group(1, 2, 3))
    if page_date is None and dm.group(1) is not None:
        raise UnreadableDocument(f"digest page date {dm.group(0).strip()!r} is not a real date")
    sections, body_end = _sections(text)
    hm = _HEADLINE.search(text, dm.end(), body_end)
    if not hm:
        raise UnreadableDocument("digest page without a '# Headline' line after its date")
    # the summary: what stands between the headline and the first section heading
    summary = " ".join(text[hm.end():body_end].split()) or None
    sources = []
    if "source" in sections:
        for m, _ in _list_entries(text, sections["source"]):
            label = m["label"].strip()
            if label.lower() in NOT_SOURCES:
                continue
            sources.append(Source(name=label, url=m["url"] or None))
    main = DigestItem(
        headline=hm.group(1), date=page_date, role="main", summary=summary, sources=sources,
        start=hm.start(1), end=hm.end(1),
    )
    items = [main]
    if "related" in sections:
        for m, line_start in _list_entries(text, sections["related"]):
            ctx = _CONTEXT.search(m["rest"])
            topics = [t.strip() for t in ctx.group(1).split(",") if t.strip()] if ctx else []
            pd = _PATH_DATE.search(m["url"])
            headline = m["label"].strip()
            start = line_start + m.start("label") + (len(m["label"]) - len(m["label"].lstrip()))
            items.append(DigestItem(
                headline=headline, date=_iso(*pd.groups()) if pd else None, role="related",
                path=m["url"] or None, topics=topics, start=start, end=start + len(headline),
            ))
    topics = sorted({t for it in items for t in it.topics})
    yield Document(
        id=doc_id, kind="digest", format=FORMAT, text=text, source_path=path, title=main.headline,
        published=page_date, published_precision=iso_precision(page_date),
        published_basis="digest date" if page_date else None,
        items=items, topics=topics,
    )
