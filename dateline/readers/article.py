"""Shared last step of every article reader: clean the body, find the dateline, date it.

Readers for plain text, HTML, JSON Lines and feeds each find a title, a body and
metadata their own way, then call :func:`make_article`, so every article is
cleaned and dated by the same rules.
"""

from __future__ import annotations

from datetime import date

from ..model import Document
from .boilerplate import clean_body
from .datelines import find_dateline
from .dates import parse_meta_date

# Characters that show as nothing but split words and hide datelines ("\u200bNEW ORLEANS --"):
# zero-width space, word joiner, byte-order mark, soft hyphen. ZWNJ and ZWJ stay (Persian
# spelling and emoji need them).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))


def make_article(*, doc_id: str, fmt: str, title: str | None, body: str, path: str,
                 url: str | None = None, published: object = None,
                 meta: dict[str, str] | None = None, clean: bool = True) -> Document:
    """Build an article Document; ``text`` is the title, a blank line, then the cleaned body.

    Publication date, in order of trust: a dateline in the text that states its year
    ("WASHINGTON, Oct. 5, 2016 (AP) --"), else the metadata date. A citing digest page,
    when there is one, is applied later by :mod:`dateline.ingest.linking`.
    """
    title = " ".join(title.translate(_INVISIBLE).split()) if title else None
    body = body.translate(_INVISIBLE)
    body = clean_body(body) if clean else body.strip()
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    dl = find_dateline(paragraphs)
    pub, precision, basis = None, None, None
    if dl and dl.year and dl.month and dl.day:
        try:
            pub, precision, basis = date(dl.year, dl.month, dl.day).isoformat(), "day", "dateline"
        except ValueError:
            pass
    if pub is None and (md := parse_meta_date(published)):
        pub, precision, basis = md.value, md.precision, "metadata"
    text = f"{title}\n\n{body}" if title and body else (title or body)
    return Document(
        id=doc_id, kind="article", format=fmt, text=text, source_path=path, title=title, url=url,
        published=pub, published_precision=precision, published_basis=basis, dateline=dl,
        meta=dict(meta or {}),
    )
