"""``dateline events``: write the events a query selects as JSON Lines, CSV, GeoJSON or digest Markdown.

Records are streamed from the store in date order (oldest first, undated last), so an export
of any size runs in constant memory; only the Markdown export looks up related events and
documents, in batches, with a bounded cache.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import DatelineError
from ..query.events import EventQuery, iter_events, records_by_id
from ..store import Store
from .csv_writer import write_csv
from .geojson import write_geojson
from .markdown import day_index_markdown, day_path, event_markdown, event_path

FORMATS = ("jsonl", "csv", "geojson", "md")
MD_BATCH = 200  # events whose related records and documents are fetched together
RELATED_CACHE = 20_000  # related records kept between batches (cleared when it grows past this)


class ExportError(DatelineError):
    """An export cannot be written (an unknown format, Markdown without a folder, a folder that is a file)."""

    code = "E401"


@dataclass(frozen=True)
class ExportReport:
    events: int
    files: int = 1  # files written (Markdown: event pages plus day index pages)


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _counted(records: Iterable[dict], on_event: Callable[[], None] | None) -> Iterator[dict]:
    for r in records:
        yield r
        if on_event:
            on_event()


def _documents_meta(store: Store, ids: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        for doc_id, title, url in store.conn.execute(
                f"SELECT id, title, url FROM documents WHERE id IN ({marks})", chunk):
            out[doc_id] = {"title": title, "url": url}
    return out


def _write_page(out_dir: Path, site_path: str, text: str) -> None:
    path = out_dir / site_path.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_markdown_site(store: Store, records: Iterable[dict], out_dir: Path) -> ExportReport:
    """One digest page per event and one index page per day under ``out_dir`` (``news/YYYY/MM/DD/``).

    ``records`` must come in date order (as :func:`~dateline.query.events.iter_events` gives
    them), so each day's index is written once its events are.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"--out {out_dir} is a file: Markdown export writes a folder of pages; give a folder")
    related_cache: dict[str, dict] = {}
    n_events = n_files = 0
    day: str | None = None
    day_records: list[dict] = []

    def flush_day() -> None:
        nonlocal n_files
        if day_records:
            _write_page(out_dir, day_path(day), day_index_markdown(day, day_records))
            n_files += 1

    batch: list[dict] = []

    def flush_batch() -> None:
        nonlocal n_events, n_files, day, day_records
        wanted = [r for rec in batch for r in rec.get("related", []) if r not in related_cache]
        if len(related_cache) + len(wanted) > RELATED_CACHE:
            related_cache.clear()
            wanted = [r for rec in batch for r in rec.get("related", [])]
        related_cache.update(records_by_id(store, wanted))
        docs = _documents_meta(store, sorted({d for rec in batch if not rec.get("sources")
                                              for d in rec.get("documents", [])}))
        for rec in batch:
            if rec.get("date") != day:
                flush_day()
                day, day_records = rec.get("date"), []
            _write_page(out_dir, event_path(rec), event_markdown(rec, related=related_cache, documents=docs))
            day_records.append({k: rec.get(k) for k in ("id", "title", "date", "topics")})
            n_events += 1
            n_files += 1
        batch.clear()

    for record in records:
        batch.append(record)
        if len(batch) >= MD_BATCH:
            flush_batch()
    flush_batch()
    flush_day()
    return ExportReport(events=n_events, files=n_files)


def export_events(store: Store, query: EventQuery, *, fmt: str, out: TextIO | None = None,
                  out_dir: Path | None = None, on_event: Callable[[], None] | None = None) -> ExportReport:
    """Write the events ``query`` selects in ``fmt`` to ``out`` (jsonl, csv, geojson) or
    ``out_dir`` (md); ``on_event`` is called after each event (progress)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    records = _counted(iter_events(store, query), on_event)
    if fmt == "md":
        if out_dir is None:
            raise ExportError("--format md writes a folder of pages: give it with --out DIR")
        return write_markdown_site(store, records, out_dir)
    if out is None:
        raise ExportError(f"--format {fmt} needs an output stream")
    writer = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}[fmt]
    return ExportReport(events=writer(records, out))
