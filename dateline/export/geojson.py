"""Events as a GeoJSON FeatureCollection (RFC 7946) that QGIS, GDAL and web maps open as is.

One Feature an event: a Point at ``[longitude, latitude]`` (WGS 84), and the flat columns of
:mod:`.flat` as properties (no nesting, so every property is an attribute-table column).
An event without coordinates is kept, with ``"geometry": null`` (RFC 7946 3.2), so the
layer holds every event and its attribute table matches the CSV; QGIS shows such features
in the table but not on the map. ``id`` is the event id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from .flat import flat_row


def feature(record: dict) -> dict:
    """The record as a GeoJSON Feature."""
    props = flat_row(record)
    lat, lon = props["latitude"], props["longitude"]
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": props}


def write_geojson(records: Iterable[dict], out: TextIO) -> int:
    """Write a FeatureCollection, one feature a line (streamed); returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for record in records:
        if n:
            out.write(",\n")
        out.write(json.dumps(feature(record), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
