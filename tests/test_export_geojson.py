"""GeoJSON export: a FeatureCollection QGIS opens, points at [longitude, latitude], flat properties."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main

from .eventdbs import crime_db, seeds_db


@pytest.fixture(scope="module")
def dbs(tmp_path_factory, seeds_dir):
    d = tmp_path_factory.mktemp("geo")
    return {"seeds": seeds_db(d, seeds_dir), "crime": crime_db(d)}


def export(db, fmt, *args):
    r = CliRunner().invoke(main, ["events", "--db", str(db), "--format", fmt, *args])
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("name", ["seeds", "crime"])
def test_feature_collection_of_every_event(dbs, name):
    fc = json.loads(export(dbs[name], "geojson"))
    records = [json.loads(x) for x in export(dbs[name], "jsonl").splitlines()]
    assert fc["type"] == "FeatureCollection"
    assert [f["id"] for f in fc["features"]] == [r["id"] for r in records]
    for f, r in zip(fc["features"], records):
        assert f["type"] == "Feature"
        place = r["place"] or {}
        if place.get("lat") is None:
            assert f["geometry"] is None
        else:
            assert f["geometry"] == {"type": "Point", "coordinates": [place["lon"], place["lat"]]}
            lon, lat = f["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        # flat: every property is a column in QGIS's attribute table
        assert all(v is None or isinstance(v, (str, int, float)) for v in f["properties"].values())
        assert f["properties"]["notes"] == r["title"]


def test_houston_is_in_texas_on_the_map(dbs):
    fc = json.loads(export(dbs["crime"], "geojson", "--place", "Houston"))
    (f,) = fc["features"]
    lon, lat = f["geometry"]["coordinates"]
    assert 29 < lat < 31 and -96 < lon < -94  # Houston, not swapped
    assert f["properties"]["wounded"] == 2


def test_gdal_reads_it_as_qgis_would(dbs, tmp_path):
    """QGIS opens vector files through GDAL's OGR drivers; pyogrio ships the same GDAL."""
    import pyogrio
    path = tmp_path / "events.geojson"
    path.write_text(export(dbs["seeds"], "geojson"), encoding="utf-8")
    info = pyogrio.read_info(path)
    records = [json.loads(x) for x in export(dbs["seeds"], "jsonl").splitlines()]
    assert info["driver"] == "GeoJSON"
    assert info["geometry_type"] == "Point"
    assert info["crs"] == "EPSG:4326"
    assert info["features"] == len(records)
    for column in ("event_date", "event_type", "country", "location", "fatalities", "wounded", "documents"):
        assert column in list(info["fields"])
    west, south, east, north = info["total_bounds"]
    located = [r["place"] for r in records if r.get("place") and r["place"].get("lat") is not None]
    assert west == pytest.approx(min(p["lon"] for p in located)) and north == pytest.approx(max(p["lat"] for p in located))
