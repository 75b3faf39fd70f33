"""The event-type taxonomy: ``data/event_types.yaml`` read, validated and compiled
(:func:`load_taxonomy`, once per process), and the CASE 2021 label table (:func:`case_labels`).

Every problem in the data file raises :class:`EventTypeDataError` naming the entry and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ...errors import EventTypeDataError
from .cue_syntax import ANCHOR_MIN, anchors_of, cue_regex, required_literal

DATA_FILE = "event_types.yaml"

# Cue tiers. A strong cue (3) outweighs any pile of weak ones (at most 2 with DECAY 0.5), and two
# medium cues (2 + 1) tie with one strong cue, which the precedence order then settles.
# Calibrated by hand on the even-id half of the CASE 2021 snippets (bench/score_case.py).
TIER_WEIGHTS: dict[str, float] = {"strong": 3.0, "medium": 2.0, "weak": 1.0}

SIDES = ("government", "non_state")
CONTEXTS = ("crime",)
# Groups with a fixed role in the algorithm; the data file must define them.
PROTEST_GROUP = "protest"
TERRITORY_GROUPS = {"territory_regain": "government", "territory_take": "non_state"}
ACTOR_GROUPS = {"government_actors": "government", "non_state_actors": "non_state"}
CRIME_SETTING_GROUP = "crime_setting"
REQUIRED_GROUPS = (PROTEST_GROUP, *TERRITORY_GROUPS, *ACTOR_GROUPS, CRIME_SETTING_GROUP)


@dataclass(frozen=True)
class Cue:
    """One compiled cue: its owner (a sub-type or a group), tier weight, and literal prefilter."""

    owner: str
    source: str
    pattern: re.Pattern[str]
    anchors: tuple[str, ...] | None  # a match starts with one of these word prefixes; None: unknown
    weight: float
    literal: str | None = None  # without anchors: a literal every match contains, checked first


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    definition: str
    requires: str | None = None  # a group that must match; its cues count for this sub-type
    overrides: tuple[str, ...] = ()
    side: str | None = None  # territory sub-types: who takes the place
    context: str | None = None  # "crime": only in a criminal setting
    group_default: bool = False  # with `requires`: chosen on the group's cues alone (plain protest)


@dataclass(frozen=True)
class Taxonomy:
    """The validated contents of the data file, with every cue compiled."""

    event_types: dict[str, str]  # name -> definition
    sub_types: dict[str, SubEventType]
    rank: dict[str, int]  # sub-type -> position in the precedence order
    cues: tuple[Cue, ...]
    index: dict[str, tuple[tuple[str, Cue], ...]]  # first ANCHOR_MIN letters -> (anchor, cue)
    always: tuple[Cue, ...]  # cues without anchors: run on every text (that has their literal)
    requiring: dict[str, tuple[str, ...]]  # group -> the sub-types that require it
    side_types: dict[str, str]  # side -> the territory sub-type it takes
    groups: frozenset[str]
    negators: re.Pattern[str]
    hedges: re.Pattern[str]
    crime_replaces: tuple[str, ...]
    provenance: str
    word_cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict, compare=False)  # memo, see cue_matching


def _compile(owner: str, tier: str, source: Any) -> Cue:
    if tier not in TIER_WEIGHTS:
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: unknown cue tier {tier!r}; use one of {sorted(TIER_WEIGHTS)}")
    if not isinstance(source, str) or not source.strip():
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: every {tier} cue must be a non-empty string, got {source!r}")
    try:
        pattern = re.compile(cue_regex(source))
    except re.error as err:
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: cue {source!r} is not a valid pattern ({err}); fix the regex") from err
    anchors = anchors_of(source)
    literal = required_literal(source) if anchors is None else None
    return Cue(owner, source, pattern, anchors, TIER_WEIGHTS[tier], literal)


def _cues(owner: str, spec: Any) -> list[Cue]:
    if spec is None:
        return []
    if not isinstance(spec, dict):
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: cues must be a mapping of tier -> list, got {type(spec).__name__}")
    out = []
    for tier, items in spec.items():
        if not isinstance(items, list):
            raise EventTypeDataError(f"{DATA_FILE}: {owner}: {tier} cues must be a list")
        out.extend(_compile(owner, tier, s) for s in items)
    return out


def _word_alternation(words: list[str], what: str) -> re.Pattern[str]:
    if not words:
        raise EventTypeDataError(f"{DATA_FILE}: modifiers.{what} is empty; list at least one word")
    parts = [(w if w.startswith("n'") else rf"\b{w}") + r"\b" for w in words]
    try:
        return re.compile("|".join(parts))
    except re.error as err:
        raise EventTypeDataError(f"{DATA_FILE}: modifiers.{what}: invalid pattern ({err})") from err


def parse_taxonomy(raw: Any) -> Taxonomy:
    """Validate the parsed data file and compile it; raises EventTypeDataError naming the problem."""
    if not isinstance(raw, dict):
        raise EventTypeDataError(f"{DATA_FILE}: expected a mapping at the top level")
    for key in ("provenance", "event_types", "groups", "precedence", "modifiers", "crime_context_replaces"):
        if key not in raw:
            raise EventTypeDataError(f"{DATA_FILE}: missing top-level key {key!r}")
    event_types: dict[str, str] = {}
    sub_types: dict[str, SubEventType] = {}
    cues: list[Cue] = []
    for et in raw["event_types"]:
        name = et.get("name")
        if not name or not et.get("definition"):
            raise EventTypeDataError(f"{DATA_FILE}: every event type needs a name and a definition ({et!r:.80})")
        if name in event_types:
            raise EventTypeDataError(f"{DATA_FILE}: event type {name!r} is listed twice")
        event_types[name] = et["definition"]
        for st in et.get("sub_event_types") or []:
            sname = st.get("name")
            if not sname or not st.get("definition"):
                raise EventTypeDataError(f"{DATA_FILE}: {name}: every sub-event type needs a name and a definition")
            if sname in sub_types:
                raise EventTypeDataError(f"{DATA_FILE}: sub-event type {sname!r} is listed twice")
            side, context = st.get("side"), st.get("context")
            if side is not None and side not in SIDES:
                raise EventTypeDataError(f"{DATA_FILE}: {sname}: side {side!r} must be one of {SIDES}")
            if context is not None and context not in CONTEXTS:
                raise EventTypeDataError(f"{DATA_FILE}: {sname}: context {context!r} must be one of {CONTEXTS}")
            sub_types[sname] = SubEventType(
                name=sname, event_type=name, definition=st["definition"], requires=st.get("requires"),
                overrides=tuple(st.get("overrides") or ()), side=side, context=context,
                group_default=bool(st.get("group_default", False)))
            cues.extend(_cues(sname, st.get("cues")))
    for st in sub_types.values():
        if st.name in event_types and st.event_type != st.name:
            raise EventTypeDataError(f"{DATA_FILE}: sub-event type {st.name!r} is listed under {st.event_type!r}; "
                                     f"a sub-type named like an event type belongs to that event type")
    groups = raw["groups"] or {}
    for g in REQUIRED_GROUPS:
        if g not in groups:
            raise EventTypeDataError(f"{DATA_FILE}: groups.{g} is missing; the classifier needs it")
    for g, spec in groups.items():
        if g in sub_types:
            raise EventTypeDataError(f"{DATA_FILE}: group {g!r} has the name of a sub-event type; rename it")
        cues.extend(_cues(g, spec))
    for st in sub_types.values():
        if st.requires is not None and st.requires not in groups:
            raise EventTypeDataError(f"{DATA_FILE}: {st.name}: requires unknown group {st.requires!r}")
        for o in st.overrides:
            if o not in sub_types:
                raise EventTypeDataError(f"{DATA_FILE}: {st.name}: overrides unknown sub-event type {o!r}")
            if st.name in sub_types[o].overrides:
                raise EventTypeDataError(f"{DATA_FILE}: {st.name} and {o} override each other; keep one direction")
    sides_taken = sorted(st.side for st in sub_types.values() if st.side)
    if sides_taken != sorted(SIDES):
        raise EventTypeDataError(f"{DATA_FILE}: exactly one sub-event type per side {SIDES} is needed, got {sides_taken}")
    precedence = list(raw["precedence"])
    if sorted(precedence) != sorted(sub_types):
        missing = sorted(set(sub_types) - set(precedence))
        extra = sorted(set(precedence) - set(sub_types))
        dupes = sorted({p for p in precedence if precedence.count(p) > 1})
        raise EventTypeDataError(f"{DATA_FILE}: precedence must list every sub-event type once "
                                 f"(missing {missing}, unknown {extra}, repeated {dupes})")
    crime_replaces = tuple(raw.get("crime_context_replaces") or ())
    for c in crime_replaces:
        if c not in sub_types:
            raise EventTypeDataError(f"{DATA_FILE}: crime_context_replaces names unknown sub-event type {c!r}")
    mods = raw["modifiers"] or {}
    index: dict[str, list[tuple[str, Cue]]] = {}
    for cue in cues:
        for anchor in cue.anchors or ():
            index.setdefault(anchor[:ANCHOR_MIN], []).append((anchor, cue))
    return Taxonomy(
        event_types=event_types, sub_types=sub_types, rank={n: i for i, n in enumerate(precedence)},
        cues=tuple(cues), index={k: tuple(v) for k, v in index.items()},
        always=tuple(c for c in cues if c.anchors is None), groups=frozenset(groups),
        requiring={g: tuple(st.name for st in sub_types.values() if st.requires == g) for g in groups},
        side_types={st.side: st.name for st in sub_types.values() if st.side},
        negators=_word_alternation(list(mods.get("negators") or []), "negators"),
        hedges=_word_alternation(list(mods.get("hedges") or []), "hedges"),
        crime_replaces=crime_replaces, provenance=str(raw.get("provenance", "")))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The packaged taxonomy, parsed, validated and compiled on first use."""
    try:
        text = resources.files("dateline.data").joinpath(DATA_FILE).read_text("utf-8")
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as err:
        raise EventTypeDataError(f"cannot read dateline/data/{DATA_FILE}: {err}; reinstall the package or fix the file") from err
    return parse_taxonomy(raw)


@lru_cache(maxsize=1)
def case_labels() -> dict[str, str]:
    """Normalised sub-event type -> CASE 2021 label (data/case2021_labels.yaml, the reference scorer's table)."""
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("case2021_labels.yaml").read_text("utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("dateline/data/case2021_labels.yaml must map sub-event keys to CASE labels")
    return {str(k): str(v) for k, v in raw.items()}
