"""Predicates: what a counted phrase says happened to the people it counts.

A verb before the count ("killing 33", "the deaths of 58", "ISIS lost 47 fighters"), a
predicate after it ("were killed", "dead", "in critical condition", "15 captured") or a
casualty noun as head ("about 50 casualties"); :func:`own_predicate` reads the phrase's own.
Coordinated counts share one predicate ("fifty-one soldiers and sixty-eight ISIS militants
were killed", :func:`chain`). A bare participle with an object after it is an active verb and
its subject is the agent, not a victim ("two gunmen killed three people"). "Shot" without an
outcome is wounded; a "later died" within :data:`DEATH_REACH` makes it killed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrase import CountedPhrase
from .terms import CasualtyTerms
from .tokens import TITLE_CASE_SHARE, Tokens

# How far (characters) after a wounded predicate a "later died" may turn it into killed.
DEATH_REACH = 110

# Between coordinated counts: "A and B", "A, B and C", "A as well as B", "his wife and their two children".
CONJ_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|as well as|plus|&)\s*(?:(?:their|his|her)\s+)?", re.I)
_DEAD_AFTER = re.compile(r"\s+dead\b")  # "shot his daughter| dead"
_PARTITIVE = re.compile(r"[\w-]+\s+of\s+(?:them|whom|those)\b", re.I)  # "one of them"
# A prepositional phrase holding a relative pronoun: the predicate after it is the inner noun's.
_PP_RELATIVE = re.compile(r"\s+(?:at|in|on|inside|outside|near|from|of|for|with|behind|aboard|between|during)\s"
                          r".*\b(?:who|whom|whose|which|that)\b", re.S)
_ALONG_WITH = re.compile(r"\s*,?\s*(?:along|together)\s+with\s+", re.I)


@dataclass(frozen=True)
class ActiveVerb:
    """An active casualty verb before a count ("killing| 33"): what it states and where it starts."""

    kind: str
    trigger: str
    own_losses: bool  # "ISIS lost 47 fighters": the subject's own dead
    start: int


def active_before(toks: Tokens, pos: int, terms: CasualtyTerms) -> ActiveVerb | None:
    """The active casualty verb right before ``pos`` ("killing| 33", "the deaths of| 58"), skipping
    fillers ("killing the| two men"), or None."""
    j = toks.at(pos)
    while j > 0 and toks.low[j - 1] in terms.active_fillers:
        j -= 1
    if j == 0 or toks.low[j - 1] not in terms.active_last:
        return None
    for n in range(min(terms.active_longest, j), 0, -1):
        hit = terms.active.get(tuple(toks.low[j - n:j]))
        if hit:
            return ActiveVerb(*hit, toks.starts[j - n])
    return None


def own_predicate(text: str, toks: Tokens, p: CountedPhrase, terms: CasualtyTerms, limit: int) -> None:
    """The predicate of ``p`` itself: a casualty noun as head ("50 casualties"), an active verb before
    it ("killing 33") or a passive predicate after it ("were killed"); sets kind, trigger and via.
    ``limit`` is where the next phrase starts: a "later died" after it is not about ``p``."""
    if p.via in ("reflexive", "event"):
        return
    if p.head in terms.casualty_nouns and p.source == "number":
        k = terms.casualty_nouns[p.head]
        if k == "casualties":
            p.kind, p.trigger = "killed", "casualties"
        else:
            p.kind, p.trigger = k, terms.noun_triggers.get(p.head, p.head)
        p.via = "noun"
        j = toks.at(p.start)
        if j and toks.low[j - 1] in terms.own_loss_verbs:  # "suffering about 50 casualties"
            p.own_losses, p.verb_start = True, toks.starts[j - 1]
        return
    if p.source not in ("pronoun", "headline") and p.verb_start != -1:
        hit = active_before(toks, p.start, terms)
        if hit:
            p.kind, p.trigger, p.own_losses, p.verb_start = hit.kind, hit.trigger, hit.own_losses, hit.start
            p.via = "active"
            if p.kind == "wounded" and _DEAD_AFTER.match(text, p.np_end if p.np_end is not None else p.end):
                p.kind, p.trigger = "killed", "killed"  # "shot his 1-year-old daughter dead"
            return
    m = terms.passive.match(toks.text_low, p.end)
    if not m and p.role is not None:  # "three other men at the scene were also hit by gunfire"
        pp = terms.passive_pp.match(toks.text_low, p.end)
        if pp and _PP_RELATIVE.match(pp.group()):
            pp = None  # "the mother of a girl who was killed": the relative clause is the girl's
        m = terms.passive.match(toks.text_low, pp.end()) if pp else None
        if m and pp.group().lstrip().startswith("of "):
            p.skip = (pp.start(), pp.end())  # "the father of a 6-year-old boy was shot": the boy is not counted
    if not m:
        if p.modifier_kind:
            p.kind, p.trigger, p.via = p.modifier_kind, "injured" if p.modifier_kind == "wounded" else "killed", "noun"
        return
    if m.group("skip") is not None and terms.active_aside.match(m.group("skip")):
        return  # "two officers, killing one and wounding the other, has been arrested": not an aside
    name = next(k for k in terms.passive_groups if m.group(k) is not None)
    kind, trig = terms.passive_groups[name]
    fill = (m.group("fill") or "").lower().split()
    has_aux = any(w in terms.aux for w in fill) or m.group("skip") is not None
    verb = " ".join(m.group(name).lower().split())
    if not has_aux and verb in terms.transitive_predicates:
        if _object_follows(text, m.end(), terms):
            return  # "two gunmen killed three people": active, the count is the agent
        if p.source in ("named", "pronoun"):
            return  # "he shot at officers": a name or a pronoun before a bare verb is its subject
    p.kind, p.trigger, p.via, p.pred_end = kind, trig, "passive", m.end()
    if m.group("skip") is not None:
        p.skip = (m.start("skip"), m.end("skip"))
    if m.group("neg"):
        p.zero = True
        p.low = p.best = 0
        p.high = 0
    if kind == "wounded" and not p.zero:
        d = terms.death_after.search(toks.text_low, m.end(), min(limit, m.end() + DEATH_REACH))
        if d:
            p.kind, p.trigger = "killed", "died"


def _object_follows(text: str, pos: int, terms: CasualtyTerms) -> bool:
    """Whether an object follows a bare participle ("killed three people", "shot Smith")."""
    m = re.match(r"\s+(?:(?:and|then)\s+\w+\s+)?([A-Za-z0-9][\w'’-]*)", text[pos:pos + 40])
    if not m:
        return False
    w = m.group(1)
    if w.lower() in terms.object_words or w[0].isdigit() or terms.qualified_count.match(text, pos):
        return True
    if w[0].isupper() and w not in terms.not_object_caps:
        words = re.findall(r"[A-Za-z]+", text)
        caps = sum(1 for x in words if x[0].isupper())
        return not (words and caps >= TITLE_CASE_SHARE * len(words))
    return False


def coordinated(text: str, p: CountedPhrase, q: CountedPhrase) -> bool:
    """Whether ``q`` is coordinated with ``p`` ("A and B", "A, B and C"), not its apposition
    ("Garrett's brother, Marquis Garrett, 23,")."""
    gap = CONJ_GAP.fullmatch(text, p.end, q.start)
    if gap is not None and gap.group(0).strip() == "," and _PARTITIVE.match(text, q.start):
        return False  # "two friends, one of them her cousin": a part of the group, not one more
    return gap is not None and not (q.source == "named" and gap.group(0).strip() == ",")


def chain(text: str, phrases: list[CountedPhrase]) -> None:
    """Coordinated counts share a predicate: passive from the last, active from the first."""
    for i in range(len(phrases) - 2, -1, -1):
        p, q = phrases[i], phrases[i + 1]
        if p.kind is None and q.via in ("passive", "chain-passive") and coordinated(text, p, q):
            p.kind, p.trigger, p.via, p.pred_end, p.zero = q.kind, q.trigger, "chain-passive", q.pred_end, q.zero
    for i in range(1, len(phrases)):
        p, q = phrases[i - 1], phrases[i]
        if q.kind is None and p.via in ("active", "chain-active") and coordinated(text, p, q):
            q.kind, q.trigger, q.via, q.own_losses, q.verb_start = p.kind, p.trigger, "chain-active", p.own_losses, \
                p.verb_start
        elif q.kind is None and p.via == "passive" and p.pred_end is not None and q.role == "other" \
                and _ALONG_WITH.fullmatch(text, p.pred_end, q.start):
            q.kind, q.trigger, q.via = p.kind, p.trigger, "chain-passive"  # "a man was shot along with three others"


def acceptable(p: CountedPhrase) -> bool:
    """A predicate alone is not enough: the count must count people (or be bare: "58 dead")."""
    if p.source in ("pronoun", "named", "headline"):
        return p.via in ("passive", "chain-passive")
    if p.source == "bare":
        return p.via in ("active", "passive")
    if p.source in ("reflexive", "event_noun"):
        return True
    if p.role is not None or p.via == "noun":
        return True
    return p.source == "number" and p.head is None  # "58 dead", "another 15", "killing one and injuring two"
