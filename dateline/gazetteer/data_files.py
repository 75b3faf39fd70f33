"""The gazetteer's own data files in ``dateline/data`` (place_*.yaml / place_*.tsv), validated.

- ``place_aliases.yaml``: news spellings GeoNames lacks or ranks badly, admin1 display names,
  country display names and spellings.
- ``place_admin1.tsv``: GeoNames admin1 codes with names (see :mod:`.admin1_table`).
- ``place_us_states.tsv``: US state names with postal codes and AP abbreviations.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import GazetteerError

DATA_FILES = ("place_aliases.yaml", "place_admin1.tsv", "place_us_states.tsv")
PRECISIONS = ("point", "city", "admin1", "country")


@dataclass(frozen=True)
class AliasPlace:
    """One entry of place_aliases.yaml ``places``."""

    name: str
    aliases: tuple[str, ...]
    geonameid: int | None = None  # the GeoNames place this names
    country_code: str | None = None  # for places GeoNames lacks
    admin1_code: str | None = None
    at: int | None = None  # geonameid whose coordinates to use
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"


@dataclass(frozen=True)
class NameOverride:
    """A display name for an admin1 region or country, with extra spellings."""

    name: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class UsState:
    postal: str
    name: str
    abbreviations: tuple[str, ...]


@dataclass(frozen=True)
class PlaceData:
    places: tuple[AliasPlace, ...]
    admin1_names: dict[tuple[str, str], NameOverride]
    countries: dict[str, NameOverride]
    admin1: dict[tuple[str, str], str]  # (country code, admin1 code) -> name, from the TSV
    us_states: tuple[UsState, ...]
    digest: str = field(default="")  # hash of the files: part of the cache version


def _read(name: str) -> str:
    return resources.files("dateline.data").joinpath(name).read_text("utf-8")


def data_digest() -> str:
    """A short hash of the data files; the gazetteer cache is rebuilt when it changes."""
    h = hashlib.sha1()
    for name in DATA_FILES:
        h.update(_read(name).encode("utf-8"))
    return h.hexdigest()[:10]


def _tsv_rows(name: str, columns: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < columns:
            raise GazetteerError(f"dateline/data/{name} line {n}: expected {columns} tab-separated columns, got {len(parts)}")
        rows.append(parts)
    return rows


def _override(where: str, raw: object) -> NameOverride:
    if not isinstance(raw, dict) or not set(raw) <= {"name", "aliases"}:
        raise GazetteerError(f"dateline/data/place_aliases.yaml {where}: expected {{name, aliases}}, got {raw!r}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GazetteerError(f"dateline/data/place_aliases.yaml {where}: aliases must be a list of strings")
    return NameOverride(name=raw.get("name"), aliases=tuple(aliases))


def _alias_place(n: int, raw: object) -> AliasPlace:
    where = f"places[{n}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw.get("source"):
        raise GazetteerError(f"dateline/data/place_aliases.yaml {where}: each place needs a name and a source")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GazetteerError(f"dateline/data/place_aliases.yaml {where} ({raw['name']}): aliases must be a list of strings")
    precision = raw.get("precision", "city")
    if precision not in PRECISIONS:
        raise GazetteerError(f"dateline/data/place_aliases.yaml {where} ({raw['name']}): precision must be one of {PRECISIONS}")
    place = AliasPlace(
        name=raw["name"], aliases=tuple(aliases), geonameid=raw.get("geonameid"),
        country_code=raw.get("country"), admin1_code=raw.get("admin1_code"), at=raw.get("at"),
        lat=raw.get("lat"), lon=raw.get("lon"), precision=precision,
    )
    if place.geonameid is None:
        if not place.country_code or (place.at is None and (place.lat is None or place.lon is None)):
            raise GazetteerError(
                f"dateline/data/place_aliases.yaml {where} ({place.name}): a place without geonameid needs "
                "country and either at (a geonameid) or lat and lon")
        if not raw.get("note"):
            raise GazetteerError(f"dateline/data/place_aliases.yaml {where} ({place.name}): say how good the coordinates are in note")
    return place


@lru_cache(maxsize=1)
def load_place_data() -> PlaceData:
    """All three files, validated; raises GazetteerError naming the file and entry at fault."""
    try:
        raw = yaml.safe_load(_read("place_aliases.yaml"))
    except yaml.YAMLError as exc:
        raise GazetteerError(f"dateline/data/place_aliases.yaml is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not {"places", "admin1_names", "countries"} <= set(raw):
        raise GazetteerError("dateline/data/place_aliases.yaml must have places, admin1_names and countries")
    places = tuple(_alias_place(n, p) for n, p in enumerate(raw["places"]))
    admin1_names = {}
    for key, value in raw["admin1_names"].items():
        cc, _, code = str(key).partition(".")
        if not code:
            raise GazetteerError(f"dateline/data/place_aliases.yaml admin1_names: key {key!r} must be CC.code, e.g. SY.07")
        admin1_names[(cc, code)] = _override(f"admin1_names.{key}", value)
    countries = {str(k): _override(f"countries.{k}", v) for k, v in raw["countries"].items()}
    admin1 = {(r[0], r[1]): r[2] for r in _tsv_rows("place_admin1.tsv", 3)}
    states = tuple(
        UsState(postal=r[0], name=r[1], abbreviations=tuple(a.strip() for a in r[2].split(",") if a.strip()) if len(r) > 2 else ())
        for r in _tsv_rows("place_us_states.tsv", 2)
    )
    return PlaceData(places, admin1_names, countries, admin1, states, data_digest())
