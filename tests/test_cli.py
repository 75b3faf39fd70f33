"""The command line: every command documents itself; exit codes; JSONL output people and scorers read."""

import json

import click
import pytest
from click.testing import CliRunner

from dateline import __version__
from dateline.cli import main


def all_commands():
    return sorted(main.commands)


def test_commands_exist():
    assert {"ingest", "events", "documents"} <= set(all_commands())


@pytest.mark.parametrize("name", [None, *all_commands()])
def test_every_command_has_help(name):
    args = [name, "--help"] if name else ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    cmd = main.commands[name] if name else main
    assert cmd.help and len(cmd.help.split()) >= 8, f"{name}: help text is missing or too short"
    for param in cmd.params:
        if isinstance(param, click.Option) and param.name not in ("help", "version"):
            assert param.help, f"{name} {param.opts}: option without help text"
    assert "Usage:" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_ingest_then_events_and_documents(tmp_path, seeds_dir):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    r = runner.invoke(main, ["ingest", str(seeds_dir), "--db", db])
    assert r.exit_code == 0, r.output
    assert "read 5 documents, 0 failed" in r.output
    assert "citations 6, with URL 6, resolved to ingested documents 1" in r.output
    r = runner.invoke(main, ["ingest", str(seeds_dir), "--db", db, "--json"])
    summary = json.loads(r.output)
    assert summary["run"] == {"article_unchanged": 2, "digest_unchanged": 2, "reference_unchanged": 1}
    assert summary["failed"] == 0 and summary["database"]["topics"] > 0

    r = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    assert r.exit_code == 0
    events = [json.loads(line) for line in r.output.splitlines()]
    digest_events = [e for e in events if any(m["doc"][:3] in ("000", "002") for m in e["mentions"])]
    assert len(digest_events) == 21
    assert any(e["documents"] == ["004_bae0d4d6eaaf3b50"] and e["killed"] for e in events)
    required = {"id", "title", "date", "date_end", "date_precision", "date_basis", "place", "event_type",
                "sub_event_type", "actors", "killed", "wounded", "captured", "claims", "people", "topics",
                "documents", "mentions", "related"}
    assert all(required <= set(e) for e in events)
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates) and all(e["date"] is None for e in events[len(dates):])
    assert events[0]["date"] <= "2011-12-31"  # the chronology of 004 starts in 2011

    r = runner.invoke(main, ["documents", "--db", db, "--format", "jsonl"])
    docs = [json.loads(line) for line in r.output.splitlines()]
    assert [(d["id"][:3], d["kind"], d["published"]) for d in docs] == [
        ("000", "digest", "2015-11-08"), ("001", "article", "2015-11-08"), ("002", "digest", "2016-01-19"),
        ("003", "article", None), ("004", "reference", None)]


def test_failed_inputs_exit_1_and_name_the_file(tmp_path, seeds_dir):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "ok.txt").write_text("A title\n\nSome story text here.")
    r = CliRunner().invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "b.db")])
    assert r.exit_code == 1
    assert "empty.txt" in r.output and "empty file" in r.output
    assert "read 1 documents, 1 failed" in r.output


def test_missing_database_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "nope.db")])
    assert r.exit_code == 2 and "dateline ingest" in r.output
    assert not (tmp_path / "nope.db").exists()


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "x.db")]).exit_code == 2
    assert CliRunner().invoke(main, ["events", "--db", str(tmp_path / "x.db"), "--format", "xls"]).exit_code == 2


def test_bad_folder_from_the_command_line(tmp_path, seeds_dir):
    """The issue's bad-input folder: every valid document in, every bad one named with its reason, exit 1."""
    import shutil

    from .test_ingest import BAD_INPUTS
    src = tmp_path / "mixed"
    shutil.copytree(seeds_dir, src)
    for name, data in BAD_INPUTS.items():
        (src / name).write_bytes(data)
    (src / "records.jsonl").write_text('{"id": "r1", "title": "A title", "text": "Body text."}\n{"id": \n')
    r = CliRunner().invoke(main, ["ingest", str(src), "--db", str(tmp_path / "m.db")])
    assert r.exit_code == 1
    skipped = [line for line in r.output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 5
    for name in ["empty.txt", "blob.bin", "latin1.txt", "cut.html", "records.jsonl:2"]:
        assert any(f"{src}/{name}: " in line for line in skipped), name
    assert "read 6 documents, 5 failed" in r.output


def test_readme_starts_with_the_two_commands_and_its_examples_run(tmp_path, monkeypatch):
    import re
    import shlex
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    assert blocks[0].splitlines()[0].startswith("make demo") and blocks[0].splitlines()[1].startswith("make test")
    monkeypatch.chdir(root)
    db = str(tmp_path / "readme.db")
    for line in blocks[1].splitlines():
        cmd = shlex.split(line.split("#")[0])
        assert cmd[0] == ".venv/bin/dateline"
        args = [db if a == "out/events.db" else a for a in cmd[1:]]
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0, (line, r.output[-500:])
    events = [json.loads(x) for x in r.output.splitlines()]
    assert len(events) > 600
    assert all(e["date"] for e in events if any(m["doc"].startswith("2015-11") for m in e["mentions"]))
