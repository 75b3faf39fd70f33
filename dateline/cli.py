"""The ``dateline`` command line: parses arguments, calls one library function, formats the result.

Exit codes: 0 all fine, 1 some inputs failed, 2 usage error (bad arguments, missing database).
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import asdict

import click

from . import __version__
from .errors import DatelineError
from .export.documents import iter_documents
from .resolve.store_events import refresh_events, stored_events
from .ingest import ingest as ingest_paths
from .ingest.summary import summarize
from .model import Problem
from .store import open_store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _fail_usage(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _open(db: str, *, create: bool):
    try:
        return open_store(db, create=create)
    except DatelineError as exc:
        _fail_usage(f"[{exc.code}] {exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug), on stderr.")
def main(verbose: int) -> None:
    """Dateline: turn news into a sourced, linked event timeline.

    Ingest digest pages, news articles and encyclopedia articles into a SQLite event
    database, then list its documents and events.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="SQLite database file to create or update.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes for event extraction (default: one per CPU core).")
def ingest(paths: tuple[str, ...], db: str, as_json: bool, workers: int | None) -> None:
    """Read files and folders (digest Markdown and YAML, articles as text, HTML, JSON Lines or
    RSS/Atom, encyclopedia articles) into the database at --db.

    Formats are detected per file. A bad file or record is reported with its path and
    reason and skipped; the rest goes on. Running it again on the same inputs changes
    nothing. Exit code 1 when any input failed.
    """
    store = _open(db, create=True)
    with store:
        def progress(item):
            if isinstance(item, Problem):
                click.echo(f"skipped {item.where()}: {item.reason}", err=True)
        report = ingest_paths(paths, store, workers=workers, on_document=progress)
        for p in report.extraction.problems if report.extraction else []:
            progress(p)
        summary = summarize(store)
    run = {f"{kind}_{outcome}": n for (kind, outcome), n in sorted(report.written.items())}
    if as_json:
        click.echo(json.dumps({"run": run, "failed": len(report.problems),
                               "problems": [asdict(p) for p in report.problems],
                               "link": asdict(report.link) if report.link else None,
                               "extracted": {"documents": report.extraction.documents,
                                             "mentions": report.extraction.mentions} if report.extraction else None,
                               "events": asdict(report.events) if report.events else None,
                               "database": asdict(summary)}, ensure_ascii=False))
    else:
        click.echo(f"read {report.documents_read} documents, {len(report.problems)} failed "
                   f"({', '.join(f'{k.replace(chr(95), chr(32))} {v}' for k, v in run.items()) or 'nothing new'})")
        click.echo(f"database {db}:")
        for k in summary.kinds:
            dates = f"{k.first} .. {k.last}" if k.first else "no dates"
            click.echo(f"  {k.kind:<10} {k.documents:>6} documents, {k.dated} dated ({dates})")
        click.echo(f"  digest items {summary.digest_items}")
        click.echo(f"  citations {summary.citations}, with URL {summary.citations_with_url}, "
                   f"resolved to ingested documents {summary.citations_resolved}")
        if report.link and report.link.dated_from_citation:
            click.echo(f"  articles dated by a citing digest {report.link.dated_from_citation}")
        click.echo(f"  topics {summary.topics}")
        click.echo(f"  event mentions {summary.mentions} ({summary.mentions_with_figures} with casualty figures)")
        if report.events:
            e = report.events
            click.echo(f"  events {summary.events} (new {e.new}, updated {e.updated}, removed {e.removed})")
    sys.exit(EXIT_SOME_FAILED if report.problems else EXIT_OK)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=str), help="Database to read.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: jsonl prints one event record (DESIGN.md) a line.")
def events(db: str, fmt: str) -> None:
    """Print the events in the database, one event record a line, ordered by date."""
    with _open(db, create=False) as store:
        if not store.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() and \
                store.conn.execute("SELECT 1 FROM mentions LIMIT 1").fetchone():
            refresh_events(store)  # a database from before events were stored
        out = sys.stdout
        for record in stored_events(store):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=str), help="Database to read.")
@click.option("--kind", type=click.Choice(["digest", "article", "reference"]), help="Only documents of this kind.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None,
              help="table for people, jsonl for programs (default: table on a terminal, jsonl when piped).")
def documents(db: str, kind: str | None, fmt: str | None) -> None:
    """List the documents in the database with kind, publication date and title."""
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    with _open(db, create=False) as store:
        for d in iter_documents(store, kind=kind):
            if fmt == "jsonl":
                click.echo(json.dumps(asdict(d), ensure_ascii=False))
            else:
                title = (d.title or "").replace("\n", " ")
                click.echo(f"{d.id[:28]:<28}  {d.kind:<9}  {d.published or '?':<10}  {title[:90]}")


if __name__ == "__main__":
    main()
