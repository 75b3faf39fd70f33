"""Who took the place: the capture verbs ("recaptured", "seized", "overran") are credited to
*Government regains territory* or *Non-state actor overtakes territory* by the side of the
actor who took it (the subject before the verb, the agent after a passive, the opposite of the
loser after "from").
"""

from __future__ import annotations

import re

# How far back (characters, within the sentence) the actor of a capture verb is looked for,
# and how far ahead a passive agent ("was captured by ...") or the loser ("... from ISIS").
ACTOR_WINDOW_BEFORE = 140
ACTOR_WINDOW_AFTER = 90

_SENTENCE_BREAK = re.compile(r"[.;!?]\s")
_HELPERS = re.compile(r"(?:backed|supported|aided|assisted|helped|covered|accompanied) by [^,]*,?|"
                      r"with (?:the )?(?:help|support|backing|cover) of [^,]*,?|alongside [^,]*,?|according to [^,]*,?")
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|had|has|have)(?: \w+ly)? ?$")
_AGENT = re.compile(r"\b(?:by|to)\b")  # "was recaptured by the army", "fell to the rebels"
_FROM = re.compile(r"\bfrom\b")  # "recaptured the village from ISIS": the loser follows


def capture_side(actor_hits: list[tuple[int, int, str]], low: str, start: int, end: int) -> str | None:
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
