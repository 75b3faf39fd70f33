"""The article's place after the title/country rules (dateline/extract/pipeline.py)."""

from __future__ import annotations

from dateline.extract.pipeline import passing_city_country, sovereign_country, title_country_place
from dateline.extract.sentences import split_sentences
from dateline.extract.types import PlaceMention
from dateline.model import Place

CAIRO = Place("Cairo", admin1="Cairo", country="Egypt", precision="city")
EGYPT = Place("Egypt", country="Egypt", precision="country")
TITLE_END = 40  # the title takes the first 40 characters


def at(place: Place, start: int, relation: str | None = "in") -> PlaceMention:
    return PlaceMention(place, start, start + len(place.name), place.name, relation)


def test_a_city_named_once_in_an_article_about_its_country_gives_way_to_the_country():
    city = at(CAIRO, 300)
    places = [[at(EGYPT, 10, "mention")], [city], [at(EGYPT, 500, "mention")]]
    assert passing_city_country(city, places, TITLE_END).place == EGYPT


def test_a_city_named_twice_or_in_the_title_stays():
    city = at(CAIRO, 300)
    countries = [at(EGYPT, 100, "mention"), at(EGYPT, 500, "mention")]
    assert passing_city_country(city, [countries, [city, at(CAIRO, 400)]], TITLE_END) is city
    assert passing_city_country(city, [countries, [at(CAIRO, 5), city]], TITLE_END) is city


def test_a_city_stays_when_its_country_is_named_once():
    city = at(CAIRO, 300)
    assert passing_city_country(city, [[at(EGYPT, 100, "mention")], [city]], TITLE_END) is city


def test_a_territory_reports_its_sovereign_state():
    hk = at(Place("Hong Kong", country="Hong Kong", precision="city"), 0)
    got = sovereign_country(hk)
    assert (got.place.name, got.place.country, got.place.precision) == ("Hong Kong", "China", "city")
    assert sovereign_country(at(CAIRO, 0)).place == CAIRO
    assert sovereign_country(None) is None


def test_a_title_naming_a_country_keeps_it_but_a_title_naming_a_state_keeps_the_city():
    text = "Texas woman recovering after being shot\n\nA woman was shot in Alvin on Saturday, police said."
    sents = split_sentences(text)
    title_end = len("Texas woman recovering after being shot")
    texas = at(Place("Texas", admin1="Texas", country="United States", precision="admin1"), 0, "local")
    alvin = at(Place("Alvin", admin1="Texas", country="United States", precision="city"), text.index("Alvin"))
    assert title_country_place(alvin, [[texas], [alvin]], sents, title_end) is alvin
    egypt = at(EGYPT, 0, "in")
    cairo = at(CAIRO, text.index("Alvin"))
    assert title_country_place(cairo, [[egypt], [cairo]], sents, title_end) is egypt
