"""Who was counted: the side of each counted phrase, and the side doing the killing.

The side of the people a phrase counts is an actor named in the phrase ("58 Syrian government
troops"), else its noun's role: civilians, police and perpetrators are sides of their own;
soldiers take the state side of the sentence or document, militants the non-state side, never
the side doing the killing (:func:`agent_side`: the first party named in the clause before an
active verb, or the party after "by"). "Others" and bare counts take the side of the figure
before; in a murder-suicide the one who killed himself is the perpetrator.
"""

from __future__ import annotations

import re

from ..actors import ActorMatcher
from .phrase import CountedPhrase
from .terms import CasualtyTerms

# Sides that are not armed parties: never the side of "soldiers" or "militants".
NON_PARTY_SIDES = {"civilians", "police", "perpetrators"}

# Roles of person nouns (data/casualty_terms.yaml person_nouns) that are a side by themselves.
ROLE_SIDES = {"civilian": "civilians", "police": "police", "perpetrator": "perpetrators"}


def agent_side(text: str, p: CountedPhrase, actors, terms: CasualtyTerms) -> str | None:
    """The side doing the killing: the first party named in the clause before an active verb
    ("rebels attacked an Army base, killing 12 soldiers"; the clause begins after the last of
    ``terms.clause_break``), or the party after "by"."""
    if p.verb_start is not None:
        parties = [(s, a) for s, e, a in actors if e <= p.verb_start and a.side and a.side != "civilians"
                   and not text[max(0, s - 14):s].lower().endswith("according to ")]
        if not parties:
            return None
        if p.own_losses:  # "According to the Army, ISIS lost 47 fighters": the subject right before
            return parties[-1][1].side
        breaks = [m.end() for m in terms.clause_break.finditer(text, 0, p.verb_start)]
        clause = [a for s, a in parties if not breaks or s >= breaks[-1]]
        return (clause or [a for _s, a in parties])[0].side
    if p.pred_end is not None:
        m = re.match(r"\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?", text[p.pred_end:p.pred_end + 40])
        if m:
            at = p.pred_end + m.end()
            for s, e, a in actors:
                if at - 4 <= s <= at + 25 and a.side:
                    return a.side
    return None


def counted_sides(phrases: list[CountedPhrase], actors, ctx: list[str], matcher: ActorMatcher) -> list[str | None]:
    """The side of the people each phrase counts (see the module docstring); ``actors`` are
    (start, end, ActorMention) in the sentence, ``ctx`` the document's sides, most mentioned first."""
    sides: list[str | None] = []
    sent_sides = [a.side for _s, _e, a in actors if a.side]
    for i, p in enumerate(phrases):
        side = None
        inside = [a for s, e, a in actors if s >= p.np_start and e <= p.np_end and a.side]
        parties = [a for a in inside if a.side not in NON_PARTY_SIDES]
        if p.source == "reflexive":
            side = "perpetrators" if len(phrases) > 1 else None  # a murder-suicide's killer
        elif p.own_losses and p.agent_side and (not parties or p.role in ("combatant", "nonstate", "state")):
            side = p.agent_side  # "ISIS lost at least 47 fighters"
        elif parties:
            side = parties[0].side
        elif p.source == "named" or (p.source == "bare" and p.head == "person"):
            side = None  # "Hayes", "Johnson": a name says no side; the figure does not add to a sided count
        elif p.role in ROLE_SIDES:
            side = ROLE_SIDES[p.role]
        elif inside and p.role is None:
            side = inside[0].side
        elif p.role in ("other", "pronoun") or (p.head is None and p.source == "number") or p.via == "noun":
            side = sides[i - 1] if i else None
            if side is None and p.role == "other":
                side = _by_role("combatant", sent_sides, ctx, p.agent_side, matcher)
        elif p.role == "officer":
            conflict = matcher.theatres_of(sent_sides + ctx)
            side = _by_role("state", sent_sides, ctx, p.agent_side, matcher) if conflict else "police"
        elif p.role in ("state", "nonstate", "combatant"):
            side = _by_role(p.role, sent_sides, ctx, p.agent_side, matcher)
        sides.append(side)
    return sides


def _by_role(role: str, sent_sides: list[str], ctx: list[str], agent: str | None,
             matcher: ActorMatcher) -> str | None:
    """The first side fitting ``role`` named in the sentence, else in the document, never the agent's."""
    for pool in (sent_sides, ctx):
        for s in pool:
            if s == agent or s in NON_PARTY_SIDES:
                continue
            state = matcher.is_state_side(s)
            if role == "combatant" or (role == "state") == state:
                return s
    return None
