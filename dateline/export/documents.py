"""Document listings: id, kind, format, title, publication date and where it came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..store import Store


@dataclass(frozen=True)
class DocumentRow:
    id: str
    kind: str
    format: str
    title: str | None
    published: str | None
    published_precision: str | None
    published_basis: str | None
    url: str | None
    source_path: str


def iter_documents(store: Store, *, kind: str | None = None) -> Iterator[DocumentRow]:
    sql = ("SELECT id, kind, format, title, published, published_precision, published_basis, url, source_path "
           "FROM documents" + (" WHERE kind = ?" if kind else "") + " ORDER BY published IS NULL, published, id")
    for row in store.conn.execute(sql, (kind,) if kind else ()):
        yield DocumentRow(*row)
