"""JSON Lines export: every record the command prints is valid against the repository's JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from dateline.cli import main

from .eventdbs import crime_db, seeds_db


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("dateline.data").joinpath("event_record.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def dbs(tmp_path_factory, seeds_dir):
    d = tmp_path_factory.mktemp("jsonl")
    return {"seeds": seeds_db(d, seeds_dir), "crime": crime_db(d)}


def export(db, *args) -> list[dict]:
    r = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "jsonl", *args])
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.stdout.splitlines()]


@pytest.mark.parametrize("name", ["seeds", "crime"])
def test_every_exported_record_matches_the_schema(dbs, validator, name):
    records = export(dbs[name])
    assert records
    for record in records:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, f"{record['id']}: {errors[0].message} at {list(errors[0].path)}"


def test_the_schema_rejects_what_is_not_a_record(dbs, validator):
    record = export(dbs["crime"])[0]
    for broken in ({**record, "date": "2017-13-01"}, {**record, "killed": {"best": 1}},
                   {k: v for k, v in record.items() if k != "documents"},
                   {**record, "place": {**(record["place"] or {}), "lat": 123.0}}):
        assert not validator.is_valid(broken)


def test_filters_apply_to_the_export(dbs):
    everything = export(dbs["crime"])
    texas = export(dbs["crime"], "--state", "Texas")
    assert texas and {r["place"]["admin1"] for r in texas} == {"Texas"}
    assert len(texas) < len(everything)
    assert export(dbs["crime"], "--out", "-") == everything  # "-" is standard output


def test_out_writes_a_file(dbs, tmp_path):
    out = tmp_path / "events.jsonl"
    r = CliRunner().invoke(main, ["events", "--db", str(dbs["seeds"]), "--out", str(out)])
    assert r.exit_code == 0, r.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [e["id"] for e in export(dbs["seeds"])]
    assert f"wrote {len(lines)} events" in r.output
