"""The word lists of ``dateline/data/place_cues.yaml``, validated and made into fast sets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import GazetteerError

_LIST_KEYS = ("directions", "settlement_nouns", "admin1_nouns", "county_nouns", "authority_words", "local_nouns",
              "facility_words", "street_words", "person_titles", "person_verbs", "not_places", "person_names",
              "possessive_place_nouns", "neighbourhood_nouns", "junction_nouns", "quantity_prepositions",
              "thoroughfare_words")


@dataclass(frozen=True)
class PlaceCues:
    prepositions: dict[str, str]  # lower-case word -> relation
    directions: frozenset[str]
    settlement_nouns: frozenset[str]
    admin1_nouns: frozenset[str]
    county_nouns: frozenset[str]
    authority_words: frozenset[str]
    local_nouns: frozenset[str]
    facility_words: frozenset[str]
    street_words: frozenset[str]
    person_titles: frozenset[str]
    person_verbs: frozenset[str]
    not_places: frozenset[str]
    person_names: frozenset[str]
    possessive_place_nouns: frozenset[str]  # "on Syria's border": still a place
    neighbourhood_nouns: frozenset[str]  # "in the Austin neighborhood": a part of a city, not the namesake town
    junction_nouns: frozenset[str]  # "the corner of Baltimore and McHenry avenues": streets
    quantity_prepositions: frozenset[str]  # "over 3,000 Toyota workers": before a number, a quantity
    thoroughfare_words: frozenset[str]  # "Second Street": a gazetteer name ending in one is a street
    demonyms: dict[str, str]  # word -> ISO alpha-2
    country_words: dict[str, str]  # a capitalised word only one country's news writes ("Sheriff") -> ISO alpha-2
    country_phrases: tuple[tuple[re.Pattern, str], ...]  # a phrase only one country's news writes -> ISO alpha-2


@lru_cache(maxsize=1)
def load_cues() -> PlaceCues:
    path = "dateline/data/place_cues.yaml"
    try:
        raw = yaml.safe_load(resources.files("dateline.data").joinpath("place_cues.yaml").read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path} is not valid YAML: {exc}") from exc
    missing = [k for k in ("prepositions", "demonyms", "country_words", "country_phrases", *_LIST_KEYS)
               if k not in (raw or {})]
    if missing:
        raise GazetteerError(f"{path} lacks {', '.join(missing)}: restore them from version control")
    lists = {}
    for key in _LIST_KEYS:
        value = raw[key]
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise GazetteerError(f"{path}: {key} must be a list of words")
        lists[key] = frozenset(value)
    prepositions = {w.lower(): rel for rel, words in raw["prepositions"].items() for w in words}
    demonyms = {w: cc for cc, words in raw["demonyms"].items() for w in words}
    country_words = {w: cc for cc, words in raw["country_words"].items() for w in words}
    country_phrases = tuple(
        (re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.I), cc)
        for cc, phrases in raw["country_phrases"].items())
    return PlaceCues(prepositions=prepositions, demonyms=demonyms, country_words=country_words,
                     country_phrases=country_phrases, **lists)
