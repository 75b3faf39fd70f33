"""The ingest stage: read every input, write each document in its own transaction, link
citations and dates, extract event mentions from what is new or changed, and bring the stored
events up to date.

A file or record that cannot be read is reported with its path and reason and skipped;
the rest of the batch goes on, and nothing of the bad input is written. A file that holds no
document by design (an index page of Dateline's own Markdown export) is left out and listed
as skipped, which is no failure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocumentConflict
from ..extract.run import ExtractReport, extract_pending
from ..resolve.store_events import EventsReport, refresh_events
from ..model import Document, Problem, Skipped
from ..readers.files import read_path
from ..store import Store, WriteResult
from .linking import LinkReport, link


@dataclass
class IngestReport:
    """What one ingest run did: documents read per kind and outcome, and every problem."""

    written: Counter = field(default_factory=Counter)  # (kind, "new"|"updated"|"unchanged") -> n
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # read and left out by design, not failures
    link: LinkReport | None = None
    extraction: ExtractReport | None = None
    events: EventsReport | None = None

    @property
    def documents_read(self) -> int:
        return sum(self.written.values())

    @property
    def ok(self) -> bool:
        return not self.problems


def ingest(paths: Iterable[str | Path], store: Store, *, extract: bool = True, workers: int | None = None,
           on_document: Callable[[Document | Problem | Skipped], None] | None = None,
           on_extracted: Callable[[str], None] | None = None) -> IngestReport:
    """Read ``paths`` (files and folders) into ``store``, link, then extract event mentions
    from every new or changed document; returns what happened. ``on_document`` is called for
    each document or problem read, ``on_extracted`` with each document id extracted (progress)."""
    report = IngestReport()
    changed = False
    for item in read_path(paths):
        if isinstance(item, Problem):
            report.problems.append(item)
        elif isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            try:
                result = store.write_document(item)
            except DocumentConflict as exc:
                item_problem = Problem(item.source_path, str(exc))
                report.problems.append(item_problem)
                if on_document:
                    on_document(item_problem)
                continue
            report.written[(item.kind, result.value)] += 1
            changed |= result is WriteResult.UPDATED
        if on_document:
            on_document(item)
    if changed:
        store.prune()
    report.link = link(store)
    if extract:
        report.extraction = extract_pending(store, workers=workers, on_document=on_extracted)
        report.problems.extend(report.extraction.problems)
        if changed or report.extraction.documents or any(o == "new" for _, o in report.written) \
                or not store.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone():
            report.events = refresh_events(store)
    return report
