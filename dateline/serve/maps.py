"""Maps drawn on the server as SVG: country outlines from an installed package, event markers.

The outlines are Natural Earth's 1:110m admin-0 countries as GeoJSON, shipped inside the
``countryinfo`` package (one file per country, MIT licence), read once on first use. No tile
server, no script: the page holds a plain ``<svg>``.

Projection: equirectangular, with longitudes shrunk by the cosine of the view's middle
latitude (so a region far from the equator keeps its shape). Outline paths are kept in
degrees (``x = lon``, ``y = -lat``) and cached per country; a view scales them with one SVG
transform, so a map costs a join of cached strings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

WORLD_VIEW = (-180.0, -58.0, 180.0, 84.0)  # lon/lat box of the world map (Antarctica left out)
MIN_SPAN_DEG = 24.0  # the narrowest view, in degrees of longitude: a lone city with its neighbours and coasts
PAD_DEG = 3.0  # space around the outermost markers
MARKER_GROWTH = 0.25  # a place with n events has a marker 1 + 0.25·log2(n) times as wide (300 events: ×3)
ASPECT = 2.0  # width / height of every map
COARSE_FROM_DEG = 70.0  # views wider than this use the simplified outlines
COARSE_TOLERANCE_DEG = 0.3  # world views: Douglas-Peucker tolerance; borders stay recognisable at 1000 px
FINE_TOLERANCE_DEG = 0.02  # regional views: about the precision of the 1:110m source


@dataclass(frozen=True)
class Country:
    name: str
    iso3: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (lon, lat) rings
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(frozen=True)
class Point:
    """One thing to put on a map: an event or a place holding several."""

    lat: float
    lon: float
    label: str
    href: str | None = None
    count: int = 1
    killed: int = 0
    role: str = "event"  # "event", "place" (several events), "main" (the page's own event), "related"
    name: str | None = None  # a short label written beside the marker (the main event's place)


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    r: float
    label: str
    href: str | None
    count: int
    killed: int
    role: str
    name: str | None


@dataclass(frozen=True)
class MapView:
    """Everything a template needs to draw one map."""

    view_box: str
    scale_x: float
    outlines: list[tuple[str, str, bool]]  # (country name, path d, is a focus country)
    markers: list[Marker]
    label_size: float
    stroke: float
    empty: bool


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country outline, loaded once from the ``countryinfo`` package."""
    from countryinfo import CountryInfo  # imported on first use: 250 small JSON files

    out: dict[str, Country] = {}
    for info in CountryInfo.all().values():
        geo = info.get("geoJSON") or {}
        for feature in geo.get("features", []):
            geom = feature.get("geometry") or {}
            polys = geom.get("coordinates") or []
            if geom.get("type") == "Polygon":
                polys = [polys]
            elif geom.get("type") != "MultiPolygon":
                continue
            rings = tuple(tuple((float(x), float(y)) for x, y, *_ in ring) for poly in polys for ring in poly
                          if len(ring) >= 3)
            if not rings:
                continue
            xs = [p[0] for r in rings for p in r]
            ys = [p[1] for r in rings for p in r]
            iso3 = str(feature.get("id") or info.get("ISO", {}).get("alpha3") or info["name"])
            out.setdefault(iso3, Country(info["name"], iso3, rings, (min(xs), min(ys), max(xs), max(ys))))
    return tuple(sorted(out.values(), key=lambda c: c.name))


@lru_cache(maxsize=1024)
def _path(iso3: str, coarse: bool) -> str:
    """SVG path data of a country in degrees (y = -lat), simplified (Douglas-Peucker) and rounded,
    more so when ``coarse``; relative steps between rounded vertices keep it short without drift."""
    country = next(c for c in countries() if c.iso3 == iso3)
    tolerance, digits = (COARSE_TOLERANCE_DEG, 1) if coarse else (FINE_TOLERANCE_DEG, 2)
    scale = 10 ** digits
    parts = []
    for ring in country.rings:
        pts = [(round(x * scale), round(-y * scale)) for x, y in _simplify(list(ring), tolerance)]
        pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(pts) < 3:
            continue
        x0, y0 = pts[0]
        steps = [f"M{_num(x0, digits)} {_num(y0, digits)}"]
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            steps.append(f"{_num(bx - ax, digits)} {_num(by - ay, digits)}")
        parts.append(steps[0] + "l" + " ".join(steps[1:]) + "z")
    return "".join(parts)


def _num(v: int, digits: int) -> str:
    """An integer count of 10**-digits degrees, written as the shortest decimal."""
    s = f"{v / 10 ** digits:.{digits}f}".rstrip("0").rstrip(".")
    return s.replace("0.", ".", 1) if s.startswith(("0.", "-0.")) else s


def _simplify(pts: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: keep the vertices farther than ``tolerance`` from the simplified line."""
    if len(pts) < 4:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, far = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, far = d, i
        if far >= 0 and best > tolerance:
            keep[far] = True
            stack.extend(((a, far), (far, b)))
    return [p for p, k in zip(pts, keep) if k]


def _view(points: list[Point]) -> tuple[float, float, float, float]:
    """The lon/lat box to show ``points`` with room around them (the world when there are none)."""
    if not points:
        return WORLD_VIEW
    lons = [p.lon for p in points]
    lats = [p.lat for p in points]
    w, s, e, n = min(lons) - PAD_DEG, min(lats) - PAD_DEG, max(lons) + PAD_DEG, max(lats) + PAD_DEG
    if e - w < MIN_SPAN_DEG:
        mid = (w + e) / 2
        w, e = mid - MIN_SPAN_DEG / 2, mid + MIN_SPAN_DEG / 2
    if e - w > 250:
        return WORLD_VIEW
    return w, max(s, -85.0), e, min(n, 85.0)


def map_view(points: list[Point], *, focus_country: str | None = None, world: bool = False) -> MapView:
    """A map of ``points`` (grouped by place), zoomed to them unless ``world``."""
    w, s, e, n = WORLD_VIEW if world else _view(points)
    mid_lat = (s + n) / 2
    k = max(0.2, math.cos(math.radians(mid_lat)))
    # fix the aspect ratio: widen or heighten the box around its middle
    width, height = (e - w) * k, n - s
    if width / height < ASPECT:
        grow = (height * ASPECT - width) / k / 2
        w, e = w - grow, e + grow
        width = (e - w) * k
    else:
        grow = (width / ASPECT - height) / 2
        s, n = s - grow, n + grow
        height = n - s
    coarse = (e - w) > COARSE_FROM_DEG
    outlines = []
    for c in countries():
        cw, cs, ce, cn = c.bbox
        if ce < w or cw > e or cn < s or cs > n:
            continue
        outlines.append((c.name, _path(c.iso3, coarse), bool(focus_country) and _same(c.name, focus_country)))
    r_base = width / 120
    markers = [Marker(x=round(p.lon * k, 3), y=round(-p.lat, 3),
                      r=round(r_base * (1.4 if p.role == "main" else 1) * (1 + MARKER_GROWTH * math.log2(p.count)), 3),
                      label=p.label, href=p.href, count=p.count, killed=p.killed, role=p.role, name=p.name)
               for p in sorted(points, key=lambda p: (p.role == "main", -p.count))]
    return MapView(view_box=f"{w * k:.3f} {-n:.3f} {width:.3f} {height:.3f}", scale_x=round(k, 5),
                   outlines=outlines, markers=markers, label_size=round(width / 38, 3),
                   stroke=round(width / 900, 4), empty=not points)


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold() or b.casefold() in _ALIASES.get(a.casefold(), ())


# country names as the gazetteer (pycountry) writes them where Natural Earth writes them otherwise
_ALIASES = {
    "united states": ("united states of america",),
    "russia": ("russian federation",),
    "syria": ("syrian arab republic",),
    "iran": ("iran, islamic republic of",),
    "south korea": ("korea, republic of",),
    "north korea": ("korea, democratic people's republic of",),
    "venezuela": ("venezuela, bolivarian republic of",),
    "bolivia": ("bolivia, plurinational state of",),
    "tanzania": ("tanzania, united republic of",),
    "vietnam": ("viet nam",),
    "laos": ("lao people's democratic republic",),
    "moldova": ("moldova, republic of",),
    "dr congo": ("congo, the democratic republic of the",),
}


def group_points(items, *, href_one, href_many, label_many, role_one: str = "event") -> list[Point]:
    """One point per place: ``items`` are (lat, lon, place label, event title, event id, killed)."""
    groups: dict[tuple[float, float], list] = {}
    for lat, lon, place, title, eid, killed in items:
        if lat is None or lon is None:
            continue
        groups.setdefault((round(lat, 2), round(lon, 2)), []).append((place, title, eid, killed or 0))
    out = []
    for (lat, lon), rows in groups.items():
        killed = sum(r[3] for r in rows)
        if len(rows) == 1:
            place, title, eid, _ = rows[0]
            out.append(Point(lat, lon, f"{place}: {title}" if place else title, href_one(eid), 1, killed, role_one))
        else:
            place = rows[0][0]
            out.append(Point(lat, lon, label_many(place, len(rows), killed), href_many(place), len(rows), killed,
                             "place" if role_one == "event" else role_one))
    return out
