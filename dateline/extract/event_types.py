"""ACLED event typing of a sentence or snippet: which kind of event it reports, and why.

The knowledge (event types, sub-event types, definitions, cue words, precedence) lives in
``dateline/data/event_types.yaml``; this module only loads it (lazily, once), validates it and
applies it. Stages of :func:`classify`:

1. normalise the text (lower case, one space between words, plain apostrophes);
2. match the cues, each tried only where a word beginning with its literal anchor starts; a
   cue inside a negated clause ("did not", "no", "denied") counts nothing, one inside a
   hypothetical clause (threats, plans, attempts, "could") counts :data:`HEDGE_FACTOR`; reported
   statements of fact ("police said gunmen killed ...") count in full, since news reports
   events through its sources;
3. credit the capture verbs ("recaptured", "seized", "overran") to *Government regains
   territory* or *Non-state actor overtakes territory* by the side of the actor who took the place;
4. score each sub-type: its cues (and those of the group it ``requires``), strongest first, each
   further cue worth :data:`DECAY` times the previous; add the small context bonuses
   (``figures``, ``actor_sides``); drop sub-types overridden by a strong, more specific one, and
   the crime sub-types unless the setting is criminal;
5. the best score wins, ties going to the earlier sub-type in the data file's ``precedence``;
   below :data:`MIN_EVENT_SCORE` the text states no event and the answer is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import DatelineError
from .types import EventTyping

DATA_FILE = "event_types.yaml"

# " .. " in a cue allows up to this many words in between ("killed and wounded scores of the terrorists").
GAP_WORDS = 5
# Cue tiers. A strong cue (3) outweighs any pile of weak ones (at most 2 with DECAY 0.5), and two
# medium cues (2 + 1) tie with one strong cue, which the precedence order then settles.
# Calibrated by hand on the even-id half of the CASE 2021 snippets (bench/score_case.py).
TIER_WEIGHTS: dict[str, float] = {"strong": 3.0, "medium": 2.0, "weak": 1.0}
STRONG = TIER_WEIGHTS["strong"]
MEDIUM = TIER_WEIGHTS["medium"]
# Each further matched cue of a sub-type adds DECAY times the previous one's weight (geometric),
# so corroboration helps but never multiplies a weak signal into a strong one.
DECAY = 0.5
# Below this best score the text states no event: one medium cue is enough, weak cues alone never.
MIN_EVENT_SCORE = 2.0
# A cue in a hypothetical clause ("threatened to shell") counts this fraction of its weight.
HEDGE_FACTOR = 0.5
# How far back (characters, within the clause) a negator or hedge reaches: about five words.
MODIFIER_WINDOW = 32
# How far back (characters, within the sentence) the actor of a capture verb is looked for,
# and how far ahead a passive agent ("was captured by ...") or the loser ("... from ISIS").
ACTOR_WINDOW_BEFORE = 140
ACTOR_WINDOW_AFTER = 90
# Context bonuses: small nudges that decide between near-equal readings, never create an event.
FIGURES_BONUS = 0.5  # casualties stated: violent sub-types up, a peaceful protest down
SIDES_BONUS = 0.5  # two armed sides -> Armed clash; civilians among the sides -> Attack
# The reported score is the raw score over this, capped at 1 (two strong cues saturate).
SCORE_SATURATION = 6.0

# Sides (data/actors.yaml) that are not organised armed groups: they never make an armed clash.
NON_COMBATANT_SIDES = frozenset({"civilians", "perpetrators"})
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
SIDES = ("government", "non_state")
CONTEXTS = ("crime",)
# Groups with a fixed role in the algorithm; the data file must define them.
PROTEST_GROUP = "protest"
TERRITORY_GROUPS = {"territory_regain": "government", "territory_take": "non_state"}
ACTOR_GROUPS = {"government_actors": "government", "non_state_actors": "non_state"}
CRIME_SETTING_GROUP = "crime_setting"
REQUIRED_GROUPS = (PROTEST_GROUP, *TERRITORY_GROUPS, *ACTOR_GROUPS, CRIME_SETTING_GROUP)

_SPACE = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]|\bbut\b|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b")
_SENTENCE_BREAK = re.compile(r"[.;!?]\s")
_HELPERS = re.compile(r"(?:backed|supported|aided|assisted|helped|covered|accompanied) by [^,]*,?|"
                      r"with (?:the )?(?:help|support|backing|cover) of [^,]*,?|alongside [^,]*,?|according to [^,]*,?")
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|had|has|have)(?: \w+ly)? ?$")
_AGENT = re.compile(r"\b(?:by|to)\b")  # "was recaptured by the army", "fell to the rebels"
_FROM = re.compile(r"\bfrom\b")  # "recaptured the village from ISIS": the loser follows
_WORD = re.compile(r"[a-z0-9]+")
# Anchors index the cues by this many leading letters (and need at least this many).
ANCHOR_MIN = 3
# Words whose candidate cues are remembered; news vocabulary is far smaller, the cap only bounds memory.
WORD_CACHE_SIZE = 50_000


class EventTypeDataError(DatelineError):
    """The event-type data file is malformed; the message names the entry and what to fix."""

    code = "E313"


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
    word_cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict, compare=False)  # memo, see _word_cues


@dataclass
class _Hit:
    weight: float
    start: int
    end: int
    strong: bool


# ---------------------------------------------------------------------------- loading


def _expand(source: str) -> str:
    """The cue syntax of the data file as a Python regular expression over normalised text."""
    body = source.replace(" .. ", "\0")
    body = body.replace(" ", "[ -]").replace("_", "[ -]?")
    body = body.replace("\0", r"(?:[ -]+[\w'-]+){0,%d}[ -]+" % GAP_WORDS)
    return rf"\b(?:{body})\b"


def _split_top(body: str) -> list[str] | None:
    """The top-level alternatives of ``body``; None when its brackets do not balance."""
    parts, depth, cur, esc = [], 0, [], False
    for ch in body:
        if esc:
            cur.append(ch)
            esc = False
            continue
        if ch == "\\":
            esc = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    return parts if depth == 0 else None


def _group_end(source: str, start: int) -> int | None:
    """Index just past the bracket group opening at ``start``."""
    depth, esc = 0, False
    for i in range(start, len(source)):
        ch = source[i]
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _required_literal(source: str) -> str | None:
    """The longest run of letters outside any group that every match contains (for unanchored cues)."""
    best, cur, depth, esc = "", [], 0, False
    for i, ch in enumerate(source + " "):
        if esc:
            esc = False
            cur = []
            continue
        if ch == "\\":
            esc = True
        if depth == 0 and ("a" <= ch <= "z" or "0" <= ch <= "9"):
            cur.append(ch)
            continue
        if ch in "?*{" and cur:
            cur.pop()
        if len(cur) > len(best):
            best = "".join(cur)
        cur = []
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
    return best if len(best) >= ANCHOR_MIN else None


def _anchors(source: str) -> tuple[str, ...] | None:
    """Word prefixes (3+ letters) one of which every match of the cue starts with, or None.

    Used as a prefilter: a cue runs only when a word of the text starts with one of its
    anchors. Leading look-behinds are skipped; a leading group of alternatives gives one
    anchor per alternative; when any alternative has no literal start the cue always runs.
    """
    src = source
    while src.startswith("(?<"):  # look-behinds consume nothing
        end = _group_end(src, 0)
        if end is None:
            return None
        src = src[end:]
    alternatives = _split_top(src)
    if alternatives is None:
        return None
    if len(alternatives) > 1:
        out: list[str] = []
        for alt in alternatives:
            sub = _anchors(alt)
            if sub is None:
                return None
            out.extend(sub)
        return tuple(out)
    if src.startswith("(?:"):
        end = _group_end(src, 0)
        if end is None or (end < len(src) and src[end] in "?*{"):
            return None  # an optional group: the match may start after it
        inner = _split_top(src[3:end - 1])
        if inner is None:
            return None
        out = []
        for alt in inner:
            sub = _anchors(alt + src[end:]) if not alt.startswith("(") else _anchors(alt)
            if sub is None:
                return None
            out.extend(sub)
        return tuple(out)
    letters = []
    for i, ch in enumerate(src):
        if not ("a" <= ch <= "z" or "0" <= ch <= "9"):
            if ch in "?*{" and letters:
                letters.pop()
            break
        letters.append(ch)
    anchor = "".join(letters)
    return (anchor,) if len(anchor) >= ANCHOR_MIN else None


def _compile(owner: str, tier: str, source: Any) -> Cue:
    if tier not in TIER_WEIGHTS:
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: unknown cue tier {tier!r}; use one of {sorted(TIER_WEIGHTS)}")
    if not isinstance(source, str) or not source.strip():
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: every {tier} cue must be a non-empty string, got {source!r}")
    try:
        pattern = re.compile(_expand(source))
    except re.error as err:
        raise EventTypeDataError(f"{DATA_FILE}: {owner}: cue {source!r} is not a valid pattern ({err}); fix the regex") from err
    anchors = _anchors(source)
    literal = _required_literal(source) if anchors is None else None
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


# ---------------------------------------------------------------------------- classifying


def _normalise(text: str) -> str:
    """One space between words and plain apostrophes and dashes; case kept (callers lower it)."""
    t = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", " - ")
    return _SPACE.sub(" ", t).strip()


def _clause_before(low: str, start: int, window: int) -> str:
    left = low[max(0, start - window):start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    return left[breaks[-1].end():] if breaks else left


def _modifier(tax: Taxonomy, low: str, start: int) -> float:
    """1.0 for a plain statement, HEDGE_FACTOR when hypothetical, 0.0 when negated."""
    clause = _clause_before(low, start, MODIFIER_WINDOW)
    if not clause:
        return 1.0
    if tax.negators.search(clause):
        return 0.0
    if tax.hedges.search(clause):
        return HEDGE_FACTOR
    return 1.0


def _actor_side(actor_hits: list[tuple[int, int, str]], low: str, start: int, end: int) -> str | None:
    """The side of whoever took the place named by the capture verb at ``start:end``."""
    left_edge = max(0, start - ACTOR_WINDOW_BEFORE)
    br = list(_SENTENCE_BREAK.finditer(low, left_edge, start))
    left_edge = br[-1].end() if br else left_edge
    right_edge = min(len(low), end + ACTOR_WINDOW_AFTER)
    m = _SENTENCE_BREAK.search(low, end, right_edge)
    right_edge = m.start() if m else right_edge
    # ignore helpers ("backed by ...") and sources ("according to ..."): they are not the subject
    skip = [(left_edge + h.start(), left_edge + h.end()) for h in _HELPERS.finditer(low[left_edge:start])]
    before = [a for a in actor_hits if left_edge <= a[0] and a[1] <= start and not any(s <= a[0] < e for s, e in skip)]
    after = [a for a in actor_hits if end <= a[0] < right_edge]
    verb = low[start:end]
    passive = verb.startswith(("fell to", "fallen to")) or bool(_PASSIVE_END.search(low[left_edge:start]))
    if after:
        gap = low[end:after[0][0]]
        if (passive and _AGENT.search(gap)) or verb.startswith(("fell to", "fallen to")):
            return after[0][2]
    if before and not passive:
        return before[0][2]  # the subject: news leads name the actor first
    for a in after:
        gap = low[end:a[0]]
        if _FROM.search(gap):
            return "non_state" if a[2] == "government" else "government"
    if before:
        return before[0][2]
    return None


def _word_cues(tax: Taxonomy, word: str) -> tuple[Cue, ...]:
    """The anchored cues a match of which can start at ``word`` (memoised per word)."""
    cached = tax.word_cues.get(word)
    if cached is None:
        cached = tuple(cue for anchor, cue in tax.index.get(word[:ANCHOR_MIN], ()) if word.startswith(anchor))
        if len(tax.word_cues) >= WORD_CACHE_SIZE:
            tax.word_cues.clear()
        tax.word_cues[word] = cached
    return cached


def _cue_matches(tax: Taxonomy, low: str) -> list[tuple[Cue, list[re.Match[str]]]]:
    """Every cue that matches ``low``, with its matches in text order.

    An anchored cue is tried only where a word starting with one of its anchors starts (so a
    sentence costs a few dozen anchored ``match`` calls, not a scan per cue); the few cues
    without anchors scan the whole text, when the literal they need is present.
    """
    found: dict[int, tuple[Cue, list[re.Match[str]]]] = {}
    memo = tax.word_cues
    for w in _WORD.finditer(low):
        word = w.group()
        cues = memo.get(word)
        if cues is None:
            cues = _word_cues(tax, word)
        if not cues:
            continue
        pos = w.start()
        for cue in cues:
            m = cue.pattern.match(low, pos)
            if m is not None:
                entry = found.get(id(cue))
                if entry is None:
                    found[id(cue)] = (cue, [m])
                else:
                    entry[1].append(m)
    for cue in tax.always:
        if cue.literal is not None and cue.literal not in low:
            continue
        ms = list(cue.pattern.finditer(low))
        if ms:
            found[id(cue)] = (cue, ms)  # whole-text scan: already in order; anchors never reach these
    return list(found.values())


@dataclass(frozen=True)
class Candidate:
    """One sub-type's standing for a text (see :func:`explain`)."""

    sub_event_type: str
    score: float
    dropped: bool  # overridden by a more specific sub-type with a strong cue
    trigger: str | None


def _score(text: str, figures: int | None, actor_sides: list[str] | None,
           crime_context: bool | None) -> tuple[list[Candidate], str, str]:
    """Every sub-type's candidacy for ``text``, best first; plus the normalised text (cased, lower)."""
    tax = load_taxonomy()
    cased = _normalise(text)
    low = cased.lower()
    if not low:
        return [], cased, low
    hits: dict[str, list[_Hit]] = {}
    actor_hits: list[tuple[int, int, str]] = []
    modifier_cache: dict[int, float] = {}
    for cue, matches in _cue_matches(tax, low):
        best: _Hit | None = None
        for m in matches:
            if cue.owner in ACTOR_GROUPS:
                actor_hits.append((m.start(), m.end(), ACTOR_GROUPS[cue.owner]))
                continue
            factor = modifier_cache.get(m.start())
            if factor is None:
                factor = modifier_cache[m.start()] = _modifier(tax, low, m.start())
            w = cue.weight * factor
            if w > 0 and (best is None or w > best.weight):
                best = _Hit(w, m.start(), m.end(), w >= STRONG)
                if factor == 1.0:
                    break
        if best is not None:
            hits.setdefault(cue.owner, []).append(best)
    actor_hits.sort()

    # capture verbs -> the territory sub-type of the side that took the place
    for group, default_side in TERRITORY_GROUPS.items():
        for h in hits.get(group, ()):
            side = _actor_side(actor_hits, low, h.start, h.end) or default_side
            hits.setdefault(tax.side_types[side], []).append(h)

    crime_ok = crime_context is True or (crime_context is None and CRIME_SETTING_GROUP in hits)
    scores: dict[str, float] = {}
    strong_owned: set[str] = set()
    involved = {name for name in hits if name in tax.sub_types}
    for group in hits:
        involved.update(tax.requiring.get(group, ()))
    for name in involved:
        st = tax.sub_types[name]
        own = hits.get(name, [])
        if st.context == "crime" and not crime_ok:
            continue
        if st.side and not any(h.weight >= MEDIUM for h in own):
            continue  # territory needs a capture verb, not just "villages"
        pool = list(own)
        if st.requires is not None:
            req = hits.get(st.requires)
            if not req or not any(h.weight >= MEDIUM for h in req):
                continue
            if not st.group_default and not any(h.weight >= MEDIUM for h in own):
                continue  # a protest variant needs its own evidence; the plain protest is the default
            pool.extend(req)
        if not pool:
            continue
        ws = sorted((h.weight for h in pool), reverse=True)
        scores[st.name] = sum(w * DECAY ** i for i, w in enumerate(ws))
        if any(h.strong for h in own):
            strong_owned.add(st.name)

    violent = figures is not None and figures > 0
    for name in scores:
        if violent and tax.sub_types[name].event_type in VIOLENT_EVENT_TYPES:
            scores[name] += FIGURES_BONUS
    if violent and "Peaceful protest" in scores:
        scores["Peaceful protest"] -= FIGURES_BONUS  # casualties make a peaceful protest less likely
    sides = {s.lower() for s in actor_sides or () if s}
    armed = sides - NON_COMBATANT_SIDES
    text_sides = {a[2] for a in actor_hits}
    if "Armed clash" in scores and (len(armed) >= 2 or len(text_sides) == 2):
        scores["Armed clash"] += SIDES_BONUS
    if "Attack" in scores and "civilians" in sides and (armed or "perpetrators" in sides):
        scores["Attack"] += SIDES_BONUS
    if crime_context is True:
        for name in tax.crime_replaces:
            scores.pop(name, None)

    dropped = {o for name in strong_owned if name in scores for o in tax.sub_types[name].overrides}
    out = []
    for name, sc in scores.items():
        st = tax.sub_types[name]
        pool = hits.get(name, []) + (hits.get(st.requires, []) if st.requires else [])
        top = max(pool, key=lambda h: (h.weight, -h.start)) if pool else None
        src = cased if len(cased) == len(low) else low
        out.append(Candidate(name, round(sc, 3), name in dropped, src[top.start:top.end] if top else None))
    out.sort(key=lambda c: (c.dropped, -c.score, tax.rank[c.sub_event_type]))
    return out, cased, low


def explain(text: str, *, figures: int | None = None, actor_sides: list[str] | None = None,
            crime_context: bool | None = None) -> list[Candidate]:
    """Every sub-type the cues support for ``text``, in the order :func:`classify` ranks them."""
    return _score(text, figures, actor_sides, crime_context)[0]


def classify(text: str, *, figures: int | None = None, actor_sides: list[str] | None = None,
             crime_context: bool | None = None) -> EventTyping | None:
    """The ACLED event type and sub-event type of the event ``text`` reports, or None.

    ``figures``: how many casualties the sentence states (killed plus wounded, from the casualty
    extractor); when positive, violent sub-types are favoured and a protest is not peaceful.
    ``actor_sides``: canonical sides of the actors named in the sentence; two armed sides favour
    an armed clash (as do a government and a non-state actor named in the text), and
    ``"civilians"`` among them an attack on civilians.
    ``crime_context``: True for ordinary criminal violence in a non-conflict setting (a shooting
    becomes Crime/Shooting, not Violence against civilians/Attack); False never uses the Crime
    types; None (unknown) uses them only when the text itself reads as a crime report.
    """
    ranked, _, _ = _score(text, figures, actor_sides, crime_context)
    if not ranked or ranked[0].dropped or ranked[0].score < MIN_EVENT_SCORE:
        return None
    best = ranked[0]
    st = load_taxonomy().sub_types[best.sub_event_type]
    return EventTyping(event_type=st.event_type, sub_event_type=st.name, trigger=best.trigger,
                       score=round(min(1.0, best.score / SCORE_SATURATION), 3))


@lru_cache(maxsize=1)
def case_labels() -> dict[str, str]:
    """Normalised sub-event type -> CASE 2021 label (data/case2021_labels.yaml, the reference scorer's table)."""
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("case2021_labels.yaml").read_text("utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("dateline/data/case2021_labels.yaml must map sub-event keys to CASE labels")
    return {str(k): str(v) for k, v in raw.items()}
