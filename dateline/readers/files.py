"""Walk files and folders, decode, detect each format and dispatch to its reader."""


from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import UnreadableDocument
from ..model import Document, Problem, Skipped
from . import (  # noqa: I001
    current_events_yaml,
    digest_markdown,
    export_index,
    feed,
    html_page,
    jsonlines,
    plain_text,
    wikitext,
)
from .decode import decode_bytes

# Most specific first: the first reader whose sniff() accepts a file reads it.
READERS = (
    jsonlines,
    current_events_yaml,
    feed,
    html_page,
    digest_markdown,
    export_index,
    wikitext,
    plain_text,
)

SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


def detect(name: str, head: str):
    """Return the reader module for a file, judged by its name and first characters."""
    for reader in READERS:
        if reader.sniff(name, head):
            return reader
    return plain_text


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, folders walked in sorted order, hidden files skipped."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts) \
                        and f.name not in SKIPPED_NAMES:
                    yield f
        else:
            yield p


def read_file(path: Path) -> Iterator[Document | Problem | Skipped]:
    """Read one file into documents; problems (and pages left out) are yielded, never raised."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    try:
        text = decode_bytes(data, name=path.name)
        reader = detect(path.name, text[:4096])
        yield from reader.read(text, path=str(path), doc_id=path.stem)
    except UnreadableDocument as exc:
        yield Problem(str(path), str(exc))


def read_path(paths: Iterable[str | Path]) -> Iterator[Document | Problem | Skipped]:
    """Documents (and problems, and pages left out) from every file under ``paths``."""
    for f in iter_files(paths):
        if not f.exists():
            yield Problem(str(f), "no such file or folder")
            continue
        yield from read_file(f)
