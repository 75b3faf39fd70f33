"""The offline gazetteer: coverage, aliases, ranking, regions, cache handling.

The cache is built once per machine (``$DATELINE_CACHE`` or ``~/.cache/dateline``, ~15 s)
and loaded from there afterwards.
"""

import sqlite3
from functools import lru_cache

import pycountry
import pytest

from dateline.gazetteer import Gazetteer, GazetteerError, cache_version
from dateline.gazetteer.data_files import load_place_data
from dateline.gazetteer.names import display_name, name_key


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def first_city(name: str, **kw):
    return next(e for e in gazetteer().lookup(name, **kw) if e.kind == "city")


def test_name_keys():
    assert name_key("Deir-ez-Zor") == "deir ez zor"
    assert name_key("Sina'a") == "sinaa"
    assert name_key("St. Louis") == "saint louis"
    assert name_key("Ḩamāh") == "hamah"
    assert display_name("St. Louis") == "Saint Louis"
    assert display_name("Ālbū Kamāl") == "Albu Kamal"


@pytest.mark.parametrize("spelling", ["Deir Ezzor", "Deir al-Zour", "Dayr az Zawr", "Deir-ez-Zor", "Deir ez-Zor",
                                      "Deir Ezzour", "Deir al-Zor"])
def test_deir_ez_zor_spellings(spelling):
    e = first_city(spelling)
    assert (e.name, e.admin1, e.country, e.precision) == ("Deir ez-Zor", "Deir ez-Zor", "Syria", "city")
    assert (e.lat, e.lon) == (35.33588, 40.14084)


@pytest.mark.parametrize("spelling, name, admin1", [
    ("Albu Kamal", "Abu Kamal", "Deir ez-Zor"),
    ("Abu Kamal", "Abu Kamal", "Deir ez-Zor"),
    ("Sukna", "Sukhnah", "Homs"),
    ("Palmyra", "Palmyra", "Homs"),
    ("Tadmur", "Palmyra", "Homs"),
    ("al-Mayadin", "Mayadin", "Deir ez-Zor"),
    ("Mayadin", "Mayadin", "Deir ez-Zor"),
    ("Hasakah", "Al-Hasakah", "Al-Hasakah"),
    ("al-Hasakah", "Al-Hasakah", "Al-Hasakah"),
    ("Al-Hasakah", "Al-Hasakah", "Al-Hasakah"),
    ("Raqqa", "Raqqa", "Raqqa"),
    ("al-Raqqah", "Raqqa", "Raqqa"),
    ("Aleppo", "Aleppo", "Aleppo"),
    ("Hatla", "Hatla", "Deir ez-Zor"),
    ("al-Jafra", "Jafra", "Deir ez-Zor"),
    ("Jafra", "Jafra", "Deir ez-Zor"),
    ("al-Shula", "Al-Shula", "Deir ez-Zor"),
])
def test_syrian_aliases(spelling, name, admin1):
    e = first_city(spelling)
    assert (e.name, e.admin1, e.country) == (name, admin1, "Syria")


@pytest.mark.parametrize("spelling", ["Haweeja Saqr", "Sakr Island", "Saqr island", "Sakr island"])
def test_sakr_island_is_a_point_at_deir_ez_zor(spelling):
    e = gazetteer().lookup(spelling)[0]
    assert (e.name, e.precision, e.admin1, e.country) == ("Sakr Island", "point", "Deir ez-Zor", "Syria")
    assert (e.lat, e.lon) == (35.33588, 40.14084)


def test_admin1_regions_and_their_names():
    gaz = gazetteer()
    homs = [e for e in gaz.lookup("Homs") if e.kind == "admin1"][0]
    assert (homs.name, homs.admin1, homs.country, homs.precision) == ("Homs", "Homs", "Syria", "admin1")
    deir = [e for e in gaz.lookup("Dayr az Zawr") if e.kind == "admin1"][0]
    assert deir.name == "Deir ez-Zor"
    assert gaz.admin1("US", "DC").name == "District of Columbia"


@pytest.mark.parametrize("abbreviation, state", [
    ("Tenn.", "Tennessee"), ("Calif.", "California"), ("N.C.", "North Carolina"), ("Ill.", "Illinois"),
    ("TN", "Tennessee"), ("Wash.", "Washington"), ("W.Va.", "West Virginia"), ("D.C.", "District of Columbia"),
])
def test_us_state_abbreviations(abbreviation, state):
    e = gazetteer().region(abbreviation)
    assert (e.name, e.kind, e.admin1, e.country) == (state, "admin1", state, "United States")
    assert gazetteer().lookup(abbreviation)[0].name == state


def test_countries_resolve_with_pycountry():
    gaz = gazetteer()
    for name, code in [("Syria", "SY"), ("United States", "US"), ("U.S.", "US"), ("Nigeria", "NG"),
                       ("Russia", "RU"), ("Turkey", "TR"), ("Iraq", "IQ"), ("Britain", "GB")]:
        e = next(e for e in gaz.lookup(name) if e.kind == "country")
        assert e.country_code == code
        assert pycountry.countries.lookup(e.country).alpha_2 == code
    assert next(e for e in gaz.lookup("Syria") if e.kind == "country").country == "Syria"
    assert next(e for e in gaz.lookup("United States") if e.kind == "country").country == "United States"


def test_every_country_name_resolves():
    gaz = gazetteer()
    failures = []
    for code in ("SY", "US", "NG", "RU", "TR", "CD", "CI", "PS", "GB", "IR", "KR", "VE", "BO", "TZ", "MM"):
        e = gaz.country(code)
        if pycountry.countries.lookup(e.name).alpha_2 != code:
            failures.append((code, e.name))
    assert failures == []


def test_ranking_own_name_then_population():
    memphis = gazetteer().lookup("Memphis")
    assert (memphis[0].name, memphis[0].admin1, memphis[0].match) == ("Memphis", "Tennessee", "name")
    assert all(e.match == "name" for e in memphis if e.name == "Memphis")
    pops = [e.population for e in memphis if e.match == "name" and e.kind == "city"]
    assert pops == sorted(pops, reverse=True)


def test_springfield_by_country_and_state():
    springfields = gazetteer().lookup("Springfield", country="United States")
    assert {e.country for e in springfields} == {"United States"}
    states = {e.admin1 for e in springfields if e.name == "Springfield"}
    assert {"Illinois", "Missouri", "Massachusetts", "Ohio"} <= states


def test_covers_places_of_500_inhabitants():
    soldeu = first_city("Soldeu")  # Andorra, 602 inhabitants in GeoNames
    assert (soldeu.name, soldeu.country, soldeu.population) == ("Soldeu", "Andorra", 602)
    rocky = gazetteer().lookup("Rocky Mount")
    assert [(e.admin1, e.population) for e in rocky[:2]] == [("North Carolina", 55806), ("Virginia", 4799)]


def test_saint_spelled_out_and_washington_dc():
    st_louis = first_city("St. Louis", country="US")
    assert (st_louis.name, st_louis.admin1) == ("Saint Louis", "Missouri")
    dc = first_city("Washington, D.C.")
    assert (dc.name, dc.admin1) == ("Washington", "District of Columbia")


def test_us_county_states():
    assert {e.name for e in gazetteer().county_states("Gwinnett")} == {"Georgia"}
    assert len(gazetteer().county_states("Shelby")) > 3


def test_not_a_place():
    assert gazetteer().lookup("Sunday") == []
    assert gazetteer().lookup("") == []


def test_alias_file_is_valid_and_sourced():
    data = load_place_data()
    assert len(data.places) >= 15
    assert all(p.aliases for p in data.places)
    assert data.admin1[("SY", "07")] == "Deir ez-Zor"
    assert cache_version().endswith(data.digest)


def test_a_broken_cache_says_what_to_do(tmp_path):
    bad = tmp_path / f"gazetteer-{cache_version()}.sqlite"
    sqlite3.connect(bad).execute("CREATE TABLE meta (k TEXT, v BLOB)").connection.commit()
    with pytest.raises(GazetteerError, match="delete it"):
        Gazetteer.load(tmp_path)
