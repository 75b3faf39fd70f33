"""CSV export: ACLED's column names, one row an event, figures as the records state them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from dateline.cli import main

from .eventdbs import crime_db, seeds_db

ACLED = ["event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
         "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
OURS = ["wounded", "captured", "fatalities_low", "fatalities_high", "claims", "documents"]


@pytest.fixture(scope="module")
def dbs(tmp_path_factory, seeds_dir):
    d = tmp_path_factory.mktemp("csv")
    return {"seeds": seeds_db(d, seeds_dir), "crime": crime_db(d)}


def run(db, *args) -> str:
    r = CliRunner().invoke(main, ["events", "--db", str(db), *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def rows(db, *args) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run(db, "--format", "csv", *args))))


def records(db, *args) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, run(db, "--format", "jsonl", *args).splitlines())}


def test_header_has_acled_names_then_ours(dbs):
    header = next(csv.reader(io.StringIO(run(dbs["seeds"], "--format", "csv"))))
    assert set(ACLED) | set(OURS) <= set(header)
    assert len(header) == len(set(header))


@pytest.mark.parametrize("name", ["seeds", "crime"])
def test_one_row_per_event_with_the_record_s_facts(dbs, name):
    recs = records(dbs[name])
    got = rows(dbs[name])
    assert [r["event_id_cnty"] for r in got] == list(recs)
    for row in got:
        rec = recs[row["event_id_cnty"]]
        assert row["event_date"] == (rec["date"] or "")
        assert row["year"] == (rec["date"][:4] if rec["date"] else "")
        assert row["notes"] == rec["title"]
        assert row["event_type"] == (rec["event_type"] or "")
        killed = rec["killed"]
        assert row["fatalities"] == ("" if not killed or killed["best"] is None else str(killed["best"]))
        if killed and killed["best"] is not None:
            assert int(row["fatalities_low"]) <= int(row["fatalities"]) <= int(row["fatalities_high"])
        assert row["documents"].split("; ") == rec["documents"]
        assert int(row["claims"]) == len(rec["claims"])
        place = rec["place"] or {}
        assert row["location"] == (place.get("name") or "")
        if place.get("lat") is not None:
            assert float(row["latitude"]) == place["lat"] and float(row["longitude"]) == place["lon"]
        assert row["time_precision"] in ("1", "2", "3", "")


def test_the_two_article_killing_is_one_row_with_both_documents(dbs):
    memphis = rows(dbs["crime"], "--place", "Memphis, Tennessee", "--month", "2017-01")
    assert len(memphis) == 1
    assert sorted(memphis[0]["documents"].split("; ")) == ["mem-1", "mem-2"]
    assert memphis[0]["fatalities"] == "1" and memphis[0]["admin1"] == "Tennessee"


def test_digest_sources_are_the_source_column(dbs):
    got = {r["notes"]: r for r in rows(dbs["seeds"], "--day", "2015-11-08")}
    page = next(r for n, r in got.items() if n.startswith("Syrian state news reports clashes"))
    assert page["source"] == "Al Bawaba; France 24; UPI; Zee News"
