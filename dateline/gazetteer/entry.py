"""One gazetteer entry: a populated place, an admin1 region or a country."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Place

KINDS = ("city", "admin1", "country")
PRECISIONS = ("point", "city", "admin1", "country")
MATCHES = ("name", "alternate", "article")  # how the looked-up name matched: rank 0, 1, 2


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A place with its display names and coordinates.

    ``name`` is the common ASCII name ("Deir ez-Zor", "Abu Kamal", "Memphis"); ``country`` a
    name that ``pycountry.countries.lookup`` resolves ("Syria", "United States");
    ``admin1`` the full name of the first-level region ("Tennessee", "Deir ez-Zor") or None.
    ``population`` is 0 when GeoNames does not know it. ``precision`` is what a mention of
    this entry can claim: "city" for populated places, "point" for smaller things (an island),
    "admin1", "country". ``match`` says how the name looked up matched this entry.
    """

    id: int
    name: str
    kind: str  # one of KINDS
    precision: str  # one of PRECISIONS
    country: str | None
    country_code: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin1_code: str | None  # GeoNames admin1 code ("TN", "07")
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None = None
    match: str = "name"  # one of MATCHES

    def to_place(self) -> Place:
        """The event-record Place for this entry."""
        return Place(
            name=self.name,
            admin1=self.admin1 if self.kind != "country" else None,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            precision=self.precision,
        )

    @property
    def admin1_key(self) -> tuple[str, str] | None:
        """(country code, admin1 code), the identity of the entry's region."""
        if self.country_code and self.admin1_code:
            return (self.country_code, self.admin1_code)
        return None
