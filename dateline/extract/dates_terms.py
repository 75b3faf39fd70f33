"""The date vocabulary (data/date_terms.yaml), loaded once and checked.

Every list in the file is validated here, so a typo in the data fails at load time with the
key that is wrong, not later as a silently missed date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import BadDateTerms

DATA_FILE = "date_terms.yaml"
UNITS = ("day", "week", "weekend", "month", "year")


@dataclass(frozen=True)
class Phrase:
    """A fixed relative phrase: ``unit`` and an ``offset`` (or a ``span`` of day offsets)."""

    unit: str
    offset: int = 0
    span: tuple[int, int] | None = None
    clip: bool = False


@dataclass(frozen=True)
class Holiday:
    """A named day: a fixed ``month``/``day``, the ``nth`` ``weekday`` of ``month`` (-1: the
    last), or ``easter`` days from Easter Sunday. ``bare``: a date without a preposition too."""

    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    easter: int | None = None
    bare: bool = True


@dataclass(frozen=True)
class DateTerms:
    months: dict[str, int]  # lower-case name or abbreviation -> 1..12
    weekdays: dict[str, int]  # lower-case name -> 0 (Monday) .. 6
    seasons: dict[str, tuple[int, int]]  # name -> (first month, last month)
    numbers: dict[str, int]  # number word -> value
    units: tuple[str, ...]
    deictic: dict[str, Phrase]
    anaphoric: dict[str, Phrase]
    prepositions: tuple[str, ...]
    anchor_prepositions: frozenset[str]
    background_prepositions: frozenset[str]
    background_cues: tuple[str, ...]
    modifiers: tuple[str, ...]
    times_of_day_of: tuple[str, ...]
    times_of_day: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    future_cues: tuple[str, ...]
    future_cue_exceptions: frozenset[str]
    stamp_words: tuple[str, ...]
    holidays: dict[str, Holiday]  # lower-case name, straight apostrophes -> rule


def _words(raw: dict, key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise BadDateTerms(f"{DATA_FILE}: '{key}' must be a list of words")
    return tuple(w.strip().lower() for w in value)


def _numbered(raw: dict, key: str, lo: int, hi: int) -> dict[str, int]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise BadDateTerms(f"{DATA_FILE}: '{key}' must map numbers to lists of names")
    out: dict[str, int] = {}
    for number, names in value.items():
        if not isinstance(number, int) or not lo <= number <= hi or not isinstance(names, list):
            raise BadDateTerms(f"{DATA_FILE}: '{key}' entry {number!r} must be {lo}..{hi} with a list of names")
        for name in names:
            out[str(name).lower()] = number
    return out


def _phrases(raw: dict, key: str) -> dict[str, Phrase]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise BadDateTerms(f"{DATA_FILE}: '{key}' must map phrases to {{unit, offset}}")
    out = {}
    for phrase, spec in value.items():
        if not isinstance(spec, dict) or spec.get("unit") not in UNITS:
            raise BadDateTerms(f"{DATA_FILE}: '{key}.{phrase}' needs a unit, one of {', '.join(UNITS)}")
        span = spec.get("span")
        if span is not None and not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            raise BadDateTerms(f"{DATA_FILE}: '{key}.{phrase}.span' must be two day offsets")
        out[str(phrase).lower()] = Phrase(spec["unit"], int(spec.get("offset", 0)),
                                          tuple(span) if span else None, bool(spec.get("clip", False)))
    return out


def _holidays(raw: dict) -> dict[str, Holiday]:
    value = raw.get("holidays")
    if not isinstance(value, dict):
        raise BadDateTerms(f"{DATA_FILE}: 'holidays' must map names to {{month, day}}, {{month, weekday, nth}} "
                           "or {easter}")
    out = {}
    for name, spec in value.items():
        ok = isinstance(spec, dict) and (
            ("easter" in spec and isinstance(spec["easter"], int))
            or (spec.get("month") in range(1, 13) and (spec.get("day") in range(1, 32) or (
                spec.get("weekday") in range(7) and spec.get("nth") in (1, 2, 3, 4, -1)))))
        if not ok:
            raise BadDateTerms(f"{DATA_FILE}: 'holidays.{name}' needs month and day, month, weekday (0-6) "
                               "and nth (1-4 or -1), or easter (days from Easter Sunday)")
        out[str(name).lower().replace("’", "'")] = Holiday(
            spec.get("month"), spec.get("day"), spec.get("weekday"), spec.get("nth"), spec.get("easter"),
            bool(spec.get("bare", True)))
    return out


def parse_terms(raw: object) -> DateTerms:
    """Validate the parsed YAML and build :class:`DateTerms`; raises :class:`BadDateTerms`."""
    if not isinstance(raw, dict):
        raise BadDateTerms(f"{DATA_FILE}: expected a mapping at the top level")
    seasons_raw = raw.get("seasons")
    if not isinstance(seasons_raw, dict):
        raise BadDateTerms(f"{DATA_FILE}: 'seasons' must map a season to [first month, last month]")
    seasons = {}
    for name, pair in seasons_raw.items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in pair)):
            raise BadDateTerms(f"{DATA_FILE}: 'seasons.{name}' must be [first month, last month]")
        seasons[str(name).lower()] = (pair[0], pair[1])
    numbers_raw = raw.get("number_words")
    if not isinstance(numbers_raw, dict) or not all(isinstance(v, int) and v > 0 for v in numbers_raw.values()):
        raise BadDateTerms(f"{DATA_FILE}: 'number_words' must map words to positive numbers")
    units = _words(raw, "units")
    if set(units) - set(UNITS):
        raise BadDateTerms(f"{DATA_FILE}: 'units' may only hold {', '.join(UNITS)}")
    return DateTerms(
        months=_numbered(raw, "months", 1, 12),
        weekdays=_numbered(raw, "weekdays", 0, 6),
        seasons=seasons,
        numbers={str(k).lower(): v for k, v in numbers_raw.items()},
        units=units,
        deictic=_phrases(raw, "deictic"),
        anaphoric=_phrases(raw, "anaphoric"),
        prepositions=_words(raw, "prepositions"),
        anchor_prepositions=frozenset(_words(raw, "anchor_prepositions")),
        background_prepositions=frozenset(_words(raw, "background_prepositions")),
        background_cues=_words(raw, "background_cues"),
        modifiers=_words(raw, "modifiers"),
        times_of_day_of=_words(raw, "times_of_day_of"),
        times_of_day=_words(raw, "times_of_day"),
        reporting_verbs=_words(raw, "reporting_verbs"),
        future_cues=_words(raw, "future_cues"),
        future_cue_exceptions=frozenset(_words(raw, "future_cue_exceptions")),
        stamp_words=_words(raw, "stamp_words"),
        holidays=_holidays(raw),
    )


@lru_cache(maxsize=1)
def load_terms() -> DateTerms:
    """The packaged vocabulary (read on first use, then cached)."""
    text = resources.files("dateline.data").joinpath(DATA_FILE).read_text("utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise BadDateTerms(f"{DATA_FILE}: not valid YAML ({exc})") from exc
    return parse_terms(raw)
