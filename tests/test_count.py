"""Counting questions and tallies: events counted once however many articles report them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.query import EventQuery
from dateline.query.options import event_query
from dateline.query.tally import tally
from dateline.store import open_store

from .eventdbs import all_records, crime_db, seeds_db


@pytest.fixture(scope="module")
def crime(tmp_path_factory):
    return crime_db(tmp_path_factory.mktemp("count"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, seeds_dir):
    return seeds_db(tmp_path_factory.mktemp("count_seeds"), seeds_dir)


def ask(db, *args) -> dict:
    r = CliRunner().invoke(main, ["count", "--db", str(db), *args])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)  # piped (not a terminal): JSON


def test_killings_in_memphis_in_january_2017(crime):
    answer = ask(crime, "--type", "killing", "--place", "Memphis, Tennessee", "--month", "2017-01")
    assert answer["events"] == 1  # two articles, one killing
    assert answer["documents"] == 2
    (item,) = answer["items"]
    assert sorted(item["documents"]) == ["mem-1", "mem-2"]
    assert item["date"].startswith("2017-01") and item["killed"] >= 1


def test_injuring_in_texas_in_2017(crime):
    answer = ask(crime, "--type", "injuring", "--state", "Texas", "--year", "2017")
    assert answer["events"] == 1
    assert [i["place"] for i in answer["items"]] == ["Houston, Texas, United States"]
    assert ask(crime, "--type", "injuring", "--state", "TX", "--year", "2016")["events"] == 1  # Austin
    assert ask(crime, "--type", "killing", "--state", "Texas")["events"] == 0


def test_a_person_named_john_in_2017(crime):
    answer = ask(crime, "--person", "John", "--year", "2017")
    assert answer["events"] == 1 and sorted(answer["items"][0]["documents"]) == ["mem-1", "mem-2"]
    assert ask(crime, "--person", "John", "--year", "2016")["events"] == 0


def test_counts_agree_with_the_records(crime):
    records = all_records(crime)
    killing = [r for r in records if r["killed"] and r["killed"]["best"] >= 1]
    assert ask(crime, "--type", "killing")["events"] == len(killing)
    assert ask(crime, "--type", "killing")["documents"] == len({d for r in killing for d in r["documents"]})


def test_text_output_on_a_terminal_lists_documents(crime):
    r = CliRunner().invoke(main, ["count", "--db", str(crime), "--format", "text", "--type", "killing"])
    assert r.exit_code == 0
    assert r.stdout.startswith("2 events, reported by 3 documents")
    assert "documents: mem-1, mem-2" in r.stdout


def test_limit_lists_fewer_but_counts_all(crime):
    answer = ask(crime, "--limit", "1")
    assert answer["events"] == len(all_records(crime)) and len(answer["items"]) == 1


@pytest.mark.parametrize("args, message", [
    (["--month", "2017-1"], "YYYY-MM"),
    (["--year", "2017", "--month", "2017-01"], "one period"),
    (["--from", "yesterday"], "YYYY-MM-DD"),
    (["--min-killed", "-1"], "-1"),
])
def test_bad_questions_are_usage_errors(crime, args, message):
    r = CliRunner().invoke(main, ["count", "--db", str(crime), *args])
    assert r.exit_code == 2 and message in r.output


def test_a_missing_database_is_a_usage_error(tmp_path):
    for cmd in ("count", "tally", "events"):
        r = CliRunner().invoke(main, [cmd, "--db", str(tmp_path / "none.db")])
        assert r.exit_code == 2 and "dateline ingest" in r.output


def test_type_words():
    assert event_query(type="killing") == EventQuery(min_killed=1)
    assert event_query(type="Injuring", min_wounded=3) == EventQuery(min_wounded=3)
    assert event_query(type="Armed clash") == EventQuery(event_type="Armed clash")
    assert event_query(month="2017-01") == EventQuery(date_from="2017-01", date_to="2017-01")


def test_tally_counts_each_killing_once(crime):
    with open_store(crime) as store:
        result = tally(store, EventQuery(place="Memphis"), by=("month",))
    by_month = {r.key["month"]: r for r in result.rows}
    assert set(by_month) == {"2017-01", "2017-02"}
    assert by_month["2017-01"].events == 1 and by_month["2017-01"].killed.best == 1  # two articles, one death
    assert result.total.killed.best == 2 and result.total.events == 2


def test_tally_sums_low_best_high_and_splits_sides(seeds):
    records = all_records(seeds)
    with open_store(seeds) as store:
        total = tally(store, EventQuery(), by=("year",), include_cumulative=True).total
        sides = tally(store, EventQuery(), by=("side",), include_cumulative=True)
        plain = tally(store, EventQuery(), by=("year",))
    with_killed = [r["killed"] for r in records if r["killed"] and r["killed"]["best"] is not None]
    assert total.killed.best == sum(k["best"] for k in with_killed)
    assert total.killed.low <= total.killed.best <= total.killed.high
    assert total.events == len(records)
    # the sides hold the total: stated sides plus what no side was given for (and vague
    # per-side figures the total leaves out)
    assert sum(r.killed.best for r in sides.rows) >= total.killed.best
    unsided = sum(k["best"] for k in with_killed if not k["by_side"])
    assert next(r for r in sides.rows if r.key["side"] == "(side not stated)").killed.best >= unsided
    cumulative = [k for k in with_killed if k["tally"]]
    assert plain.cumulative_left_out >= len(cumulative) > 0
    assert plain.total.killed.best == total.killed.best - sum(k["best"] for k in cumulative)


def test_tally_command_outputs(crime):
    r = CliRunner().invoke(main, ["tally", "--db", str(crime), "--by", "admin1,year"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    rows = {(x["admin1"], x["year"]): x for x in data["rows"]}
    assert rows[("Tennessee", "2017")]["killed_best"] == 2
    assert rows[("Texas", "2017")]["wounded_best"] == 2
    assert data["total"]["events"] == len(all_records(crime))
    r = CliRunner().invoke(main, ["tally", "--db", str(crime), "--by", "month", "--format", "csv"])
    assert r.stdout.splitlines()[0] == "month,events,killed_low,killed_best,killed_high,wounded_low,wounded_best,wounded_high"
    r = CliRunner().invoke(main, ["tally", "--db", str(crime), "--by", "planet"])
    assert r.exit_code == 2 and "cannot group by planet" in r.output


def test_count_leaves_out_events_mentioned_in_passing_unless_asked(seeds):
    records = all_records(seeds)
    default = ask(seeds)
    everything = ask(seeds, "--in-passing", "include")
    only = ask(seeds, "--in-passing", "only")
    assert everything["events"] == len(records)
    assert default["events"] == len([r for r in records if not r["in_passing"]])
    assert only["events"] == everything["events"] - default["events"] > 0
    r = CliRunner().invoke(main, ["events", "--db", str(seeds), "--format", "jsonl"])
    assert len(r.stdout.splitlines()) == len(records)  # exports keep every event by default


def test_the_readme_examples_run(seeds, tmp_path):
    import re
    import shlex
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    section = readme.split("## Exports and counting", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = block.splitlines()
    assert {shlex.split(x)[1] for x in lines} == {"events", "count", "tally"}
    for line in lines:
        cmd = shlex.split(line)
        assert cmd[0] == ".venv/bin/dateline"
        args = [str(seeds) if a == "out/events.db" else a.replace("out/", f"{tmp_path}/") for a in cmd[1:]]
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0, (line, r.output[-500:])
    assert (tmp_path / "events.csv").read_text().startswith("event_id_cnty,event_date")
    assert list((tmp_path / "site").glob("news/**/ev-*.md"))
