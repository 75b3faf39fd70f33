"""Scoring the sub-event types of a text and choosing one (:func:`classify`, :func:`explain`).

Each sub-type's score combines its matched cues (and those of the group it ``requires``),
strongest first, each further cue worth :data:`DECAY` times the previous; small context
bonuses (``figures``, ``actor_sides``) follow; sub-types overridden by a strong, more specific
one are dropped, and the crime sub-types unless the setting is criminal. The best score wins,
ties going to the earlier sub-type in the data file's ``precedence``; below
:data:`MIN_EVENT_SCORE` the text states no event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import EventTyping
from .capture_side import capture_side
from .cue_matching import cue_matches, modifier, normalise
from .taxonomy import ACTOR_GROUPS, CRIME_SETTING_GROUP, TERRITORY_GROUPS, TIER_WEIGHTS, load_taxonomy

STRONG = TIER_WEIGHTS["strong"]
MEDIUM = TIER_WEIGHTS["medium"]
# Each further matched cue of a sub-type adds DECAY times the previous one's weight (geometric),
# so corroboration helps but never multiplies a weak signal into a strong one.
DECAY = 0.5
# Below this best score the text states no event: one medium cue is enough, weak cues alone never.
MIN_EVENT_SCORE = 2.0
# Context bonuses: small nudges that decide between near-equal readings, never create an event.
FIGURES_BONUS = 0.5  # casualties stated: violent sub-types up, a peaceful protest down
SIDES_BONUS = 0.5  # two armed sides -> Armed clash; civilians among the sides -> Attack
# The reported score is the raw score over this, capped at 1 (two strong cues saturate).
SCORE_SATURATION = 6.0

# Sides (data/actors.yaml) that are not organised armed groups: they never make an armed clash.
NON_COMBATANT_SIDES = frozenset({"civilians", "perpetrators"})
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


@dataclass
class _Hit:
    weight: float
    start: int
    end: int
    strong: bool



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
    cased = normalise(text)
    low = cased.lower()
    if not low:
        return [], cased, low
    hits: dict[str, list[_Hit]] = {}
    actor_hits: list[tuple[int, int, str]] = []
    modifier_cache: dict[int, float] = {}
    for cue, matches in cue_matches(tax, low):
        best: _Hit | None = None
        for m in matches:
            if cue.owner in ACTOR_GROUPS:
                actor_hits.append((m.start(), m.end(), ACTOR_GROUPS[cue.owner]))
                continue
            factor = modifier_cache.get(m.start())
            if factor is None:
                factor = modifier_cache[m.start()] = modifier(tax, low, m.start())
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
            side = capture_side(actor_hits, low, h.start, h.end) or default_side
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
