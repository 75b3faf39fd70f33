"""The ``dateline`` command line: parses arguments, calls one library function, formats the result.

Exit codes: 0 all fine, 1 some inputs failed, 2 usage error (bad arguments, missing database).
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import click

from . import __version__
from .errors import DatelineError
from .export.documents import iter_documents
from .export.run import FORMATS as EXPORT_FORMATS, export_events
from .query.count import count as count_question
from .query.events import count_events as count_events_of
from .query.options import event_query
from .query.tally import KEYS as TALLY_KEYS, tally as tally_events
from .resolve.store_events import refresh_events
from .ingest import ingest as ingest_paths
from .ingest.summary import summarize
from .model import Problem, Skipped
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


def _progress(*, total: int | None, unit: str, desc: str):
    """A progress bar on stderr when stderr is a terminal, else None (pipes and logs stay clean)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, leave=False, dynamic_ncols=True)


def _filter_options(f):
    """The event filters shared by ``events``, ``count`` and ``tally``."""
    options = [
        click.option("--from", "date_from", metavar="DATE", help="From this date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", help="Up to this date, inclusive (2017-01 means to 31 January)."),
        click.option("--year", metavar="YYYY", help="Within this year (instead of --from/--to)."),
        click.option("--month", metavar="YYYY-MM", help="Within this month (instead of --from/--to)."),
        click.option("--day", metavar="YYYY-MM-DD", help="On this day (instead of --from/--to)."),
        click.option("--place", help="A place and its sub-places: a country, region or town; "
                                      "'Memphis, Tennessee' narrows a town to its region."),
        click.option("--state", "admin1", help="First-level region: US state, province, governorate ('Texas', 'TX')."),
        click.option("--country", help="Country ('Syria', 'United States', 'US')."),
        click.option("--actor", help="Actor, by canonical name or alias ('ISIL', 'police')."),
        click.option("--side", help="Side of an actor, claim or per-side figure ('Islamic State', 'civilians')."),
        click.option("--type", "type_", metavar="TYPE",
                     help="Event type or sub-event type ('Battles', 'Shooting'), or a GVA-style kind: "
                          "killing (killed >= 1), injuring (wounded >= 1)."),
        click.option("--min-killed", type=click.IntRange(0), help="At least this many killed (the event's own best figure; a cumulative tally does not count)."),
        click.option("--min-wounded", type=click.IntRange(0), help="At least this many wounded (best figure)."),
        click.option("--topic", help="Topic (context), with its sub-topics ('Syrian Civil War')."),
        click.option("--person", help="A named person involved ('John' matches John Smith)."),
        click.option("--text", help='Words in the title or evidence sentences; "a phrase", prefix*.'),
        click.option("--in-passing", "in_passing", type=click.Choice(["include", "exclude", "only"]), default=None,
                     help="Events only mentioned in passing in articles (background, earlier incidents): "
                          "include them, exclude them, or only them. Default: include for events, "
                          "exclude for count and tally."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _query(opts: dict, *, in_passing: str):
    """The EventQuery the filter options describe (usage error on a bad value); ``in_passing``
    is the command's default for --in-passing."""
    keys = ("date_from", "date_to", "year", "month", "day", "place", "admin1", "country", "actor", "side",
            "type_", "min_killed", "min_wounded", "topic", "person", "text", "in_passing")
    values = {k: opts.pop(k) for k in keys}
    values["type"] = values.pop("type_")
    values["in_passing"] = {"include": None, "exclude": False, "only": True}[values["in_passing"] or in_passing]
    try:
        return event_query(**values)
    except DatelineError as exc:
        _fail_usage(f"[{exc.code}] {exc}")


def _refresh_if_needed(store) -> None:
    if not store.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() and \
            store.conn.execute("SELECT 1 FROM mentions LIMIT 1").fetchone():
        refresh_events(store)  # a database from before events were stored


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
    reading = _progress(total=None, unit="doc", desc="reading")
    extracting = None
    with store:
        def progress(item):
            if isinstance(item, Problem):
                message = f"skipped {item.where()}: {item.reason}"
                if reading is not None:
                    reading.write(message, file=sys.stderr)
                else:
                    click.echo(message, err=True)
            elif reading is not None and not isinstance(item, Skipped):
                reading.update()

        def extracted(doc_id: str) -> None:
            nonlocal extracting
            if reading is None:
                return
            if extracting is None:
                extracting = _progress(total=None, unit="doc", desc="extracting")
            extracting.update()
        try:
            report = ingest_paths(paths, store, workers=workers, on_document=progress, on_extracted=extracted)
        finally:
            for bar in (reading, extracting):
                if bar is not None:
                    bar.close()
        for p in report.extraction.problems if report.extraction else []:
            click.echo(f"skipped {p.where()}: {p.reason}", err=True)
        summary = summarize(store)
    run = {f"{kind}_{outcome}": n for (kind, outcome), n in sorted(report.written.items())}
    if as_json:
        click.echo(json.dumps({"run": run, "failed": len(report.problems),
                               "problems": [asdict(p) for p in report.problems],
                               "skipped": [asdict(p) for p in report.skipped],
                               "link": asdict(report.link) if report.link else None,
                               "extracted": {"documents": report.extraction.documents,
                                             "mentions": report.extraction.mentions} if report.extraction else None,
                               "events": asdict(report.events) if report.events else None,
                               "database": asdict(summary)}, ensure_ascii=False))
    else:
        click.echo(f"read {report.documents_read} documents, {len(report.problems)} failed "
                   f"({', '.join(f'{k.replace(chr(95), chr(32))} {v}' for k, v in run.items()) or 'nothing new'})")
        for reason, n in Counter(p.reason for p in report.skipped).items():
            click.echo(f"left out {n} {'file' if n == 1 else 'files'}: {reason}")
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
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="jsonl: one event record (DESIGN.md) a line; csv: ACLED column names; geojson: a "
                   "FeatureCollection for QGIS; md: a folder of digest pages with daily index pages.")
@click.option("--out", type=click.Path(path_type=str), default=None,
              help="File to write (default or '-': standard output); for md, the folder to write the pages into.")
@_filter_options
def events(db: str, fmt: str, out: str | None, **filters) -> None:
    """Export the events, oldest first (undated last), filtered by date, place, actor, side,
    type, figures, topic, person or text.

    The JSON Schema of a jsonl record is dateline/data/event_record.schema.json.
    """
    query = _query(filters, in_passing="include")
    out = None if out == "-" else out
    if fmt == "md" and not out:
        _fail_usage("--format md writes a folder of pages: give it with --out DIR")
    with _open(db, create=False) as store:
        _refresh_if_needed(store)
        bar = _progress(total=count_events_of(store, query), unit="event", desc="exporting")
        try:
            if fmt == "md":
                report = export_events(store, query, fmt=fmt, out_dir=Path(out), on_event=bar.update if bar else None)
            elif out:
                with open(out, "w", encoding="utf-8", newline="") as fh:
                    report = export_events(store, query, fmt=fmt, out=fh, on_event=bar.update if bar else None)
            else:
                report = export_events(store, query, fmt=fmt, out=sys.stdout, on_event=bar.update if bar else None)
        except DatelineError as exc:
            _fail_usage(f"[{exc.code}] {exc}")
        except BrokenPipeError:  # the reader stopped reading (`| head`): what it asked for was written
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OK)
        except OSError as exc:
            _fail_usage(f"cannot write {out or 'standard output'}: {exc.strerror or exc}")
        finally:
            if bar:
                bar.close()
    if out:
        click.echo(f"wrote {report.events} events to {out}" + (f" ({report.files} pages)" if fmt == "md" else ""),
                   err=True)


def _count_text(result, *, show: int) -> None:
    click.echo(f"{result.events} events, reported by {result.documents} documents")
    for e in result.items[:show]:
        figures = ", ".join(f"{k} {v}" for k, v in (("killed", e.killed), ("wounded", e.wounded)) if v is not None)
        click.echo(f"{e.date or 'undated':<10}  {e.place or '(no place)'}  [{figures or 'no figures'}]  {e.id}")
        click.echo(f"    {e.title[:110]}")
        click.echo(f"    documents: {', '.join(e.documents)}")
    if result.events > len(result.items[:show]):
        click.echo(f"... and {result.events - len(result.items[:show])} more (--limit to show more)")


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=str), help="Database to read.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text for people, json for programs (default: text on a terminal, json when piped).")
@click.option("--limit", type=click.IntRange(0), default=None,
              help="List at most this many events (the count is always of all of them).")
@_filter_options
def count(db: str, fmt: str | None, limit: int | None, **filters) -> None:
    """Count the events that answer a question, each event once however many documents report
    it, and list each with its documents. Events only mentioned in passing in articles
    (background, earlier incidents) are left out unless --in-passing include.

    \b
    dateline count --db FILE --type killing --place "Memphis, Tennessee" --month 2017-01
    dateline count --db FILE --type injuring --state Texas --year 2017
    dateline count --db FILE --person John --year 2017
    """
    query = _query(filters, in_passing="exclude")
    fmt = fmt or ("text" if sys.stdout.isatty() else "json")
    with _open(db, create=False) as store:
        _refresh_if_needed(store)
        try:
            result = count_question(store, query, limit=limit if limit is not None else (20 if fmt == "text" else None))
        except DatelineError as exc:
            _fail_usage(f"[{exc.code}] {exc}")
    if fmt == "json":
        click.echo(json.dumps({"events": result.events, "documents": result.documents,
                               "query": {k: v for k, v in asdict(query).items() if v is not None},
                               "items": [asdict(e) for e in result.items]}, ensure_ascii=False))
    else:
        _count_text(result, show=len(result.items))


def _fig(s) -> str:
    return f"{s.best}" if s.low == s.best == s.high else f"{s.best} ({s.low}-{s.high})"


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=str), help="Database to read.")
@click.option("--by", "by", default="month", show_default=True,
              help=f"Group by these keys, comma-separated: {', '.join(TALLY_KEYS)}.")
@click.option("--include-cumulative", is_flag=True,
              help="Also sum figures that are only cumulative tallies ('3,000 killed since 2011').")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default=None,
              help="table for people, json or csv for programs (default: table on a terminal, json when piped).")
@_filter_options
def tally(db: str, by: str, include_cumulative: bool, fmt: str | None, **filters) -> None:
    """Sum killed and wounded by month, year, place, side or type, each event counted once
    however many articles report it, with low / best / high. Events only mentioned in
    passing in articles are left out unless --in-passing include."""
    query = _query(filters, in_passing="exclude")
    keys = tuple(k.strip() for k in by.split(",") if k.strip())
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    with _open(db, create=False) as store:
        _refresh_if_needed(store)
        bar = _progress(total=count_events_of(store, query), unit="event", desc="summing")
        try:
            result = tally_events(store, query, by=keys, include_cumulative=include_cumulative,
                                  on_event=bar.update if bar else None)
        except DatelineError as exc:
            _fail_usage(f"[{exc.code}] {exc}")
        finally:
            if bar:
                bar.close()
    rows = [{**r.key, "events": r.events, **{f"{kind}_{part}": getattr(getattr(r, kind), part)
                                              for kind in ("killed", "wounded") for part in ("low", "best", "high")}}
            for r in [*result.rows, result.total]]
    rows[-1] = {**{k: "(all)" for k in keys}, **rows[-1]}
    if fmt == "json":
        click.echo(json.dumps({"by": list(keys), "rows": rows[:-1], "total": rows[-1],
                               "cumulative_left_out": result.cumulative_left_out}, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[-1]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        for r in [*result.rows, result.total]:
            label = " | ".join(r.key.values()) or "all events"
            click.echo(f"{label:<40} {r.events:>7} events   killed {_fig(r.killed):>16}   wounded {_fig(r.wounded):>16}")
        if result.cumulative_left_out:
            click.echo(f"({result.cumulative_left_out} cumulative tallies left out; --include-cumulative to add them)")


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


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=str), help="Database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each keeps its own read-only connections and page cache).")
@click.option("--cache-pages", type=click.IntRange(0, 1_000_000), default=2000, show_default=True,
              help="Rendered pages each process keeps in memory until the database changes (0: none).")
def serve(db: str, host: str, port: int, workers: int, cache_pages: int) -> None:
    """Serve the event site and its API over the database at --db: front page, daily pages,
    event pages with their evidence, topic timelines, search, maps and an RSS feed; every page
    also as .json, .md and .xml. The site only reads the database; ingest may run meanwhile."""
    import uvicorn

    from .serve.app import create_app

    try:
        app = create_app(db, cache_pages=cache_pages)
    except DatelineError as exc:
        _fail_usage(f"[{exc.code}] {exc}")
    click.echo(f"serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    else:  # each worker process builds its own app from the environment
        os.environ["DATELINE_SERVE_DB"] = db
        os.environ["DATELINE_SERVE_CACHE_PAGES"] = str(cache_pages)
        uvicorn.run("dateline.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")


if __name__ == "__main__":
    main()
