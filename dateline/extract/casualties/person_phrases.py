"""Phrases that count people without a number: "a man", "the victim", "his son", "he", a
headline noun ("Teen in critical condition"), the object of a casualty verb ("striking and
injuring Keith Williams"), a named person with an age ("John Smith, 24,") or as a subject
("Johnson was shot"), and a reflexive ("shot himself").

:func:`person_phrases` reads them in one pass over the tokens, skipping the counts
:func:`.count_phrases.number_phrases` already found; regular expressions run only where a
token calls for them. :func:`reflexive_phrases` reads "killed himself" and the like.
"""

from __future__ import annotations

import re

from .count_phrases import attach_noun_phrase, is_subset, one_person, person_ahead
from .phrase import CountedPhrase
from .predicates import DEATH_REACH, ActiveVerb, active_before
from .terms import CasualtyTerms
from .tokens import YEAR_OLD, Tokens, prev_word, title_case

# A name as the subject of a predicate ("Johnson was shot"); words of data/casualty_terms.yaml
# ``not_names`` and ``place_prepositions`` rule some out.
_SUBJECT_NAME = re.compile(r"\b(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){0,2})"
                           r"(?=\s+(?:was|had\s+been|has\s+been|died|dies|has\s+died|succumbed|passed\s+away)\b)")


def person_phrases(text: str, toks: Tokens, terms: CasualtyTerms,
                   numbers: list[CountedPhrase]) -> list[CountedPhrase]:
    """Every phrase counting one person (or "another", "both") outside the counts ``numbers``, in order."""
    low, orig, starts, ends = toks.low, toks.orig, toks.starts, toks.ends
    n = len(low)
    out: list[CountedPhrase] = []
    names_checked = False
    spans = sorted((p.start, p.end) for p in numbers)
    k = 0
    block_until = -1
    watch = terms.phrase_openers
    before_name = terms.before_name
    for i, w in enumerate(low):
        if w not in watch and not ("old" in w or (i and low[i - 1] in before_name and orig[i][0].isupper())):
            continue  # most words open no counted phrase
        while k < len(spans) and spans[k][1] <= starts[i]:
            k += 1
        if starts[i] < block_until or (k < len(spans) and spans[k][0] <= starts[i]):
            continue  # inside a phrase already read
        if w == "the" and i + 2 < n and low[i + 1] in terms.ordinals \
                and (low[i + 2] in terms.aux or low[i + 2] in ("died", "dies")):
            # "three were wounded and the fourth died": one more person
            out.append(CountedPhrase(starts[i], ends[i + 1], 1, 1, 1, "definite", head=low[i + 1], role="civilian",
                                     np_start=starts[i], np_end=ends[i + 1]))
            block_until = ends[i + 1]
            continue
        if w in terms.determiners or w in terms.definite_words:
            if not person_ahead(low, i + 1, terms):
                if w in ("another", "both") and i + 1 < n and not low[i + 1][0].isdigit() \
                        and low[i + 1] not in terms.number_words and not (i and low[i - 1] in terms.aux):
                    # "three were killed and another injured", "both were shot"
                    out.append(CountedPhrase(starts[i], ends[i], terms.determiners[w], terms.determiners[w],
                                             terms.determiners[w], "number"))
                    block_until = ends[i]
                continue
            if w in terms.determiners:
                count = terms.determiners[w]
                if w == "another" and i + 1 < n and (low[i + 1][0].isdigit() or low[i + 1] in terms.number_words):
                    continue  # "another 15" is a number's qualifier
                if w == "a" and i + 1 < n and low[i + 1] in terms.ordinals:
                    pass  # "a second man": one more person
                p = CountedPhrase(starts[i], ends[i], count, count, count, "determiner")
                attach_noun_phrase(toks, p, terms)
                if p.role is None:
                    if w in ("another", "both") and p.head is None and not (i and low[i - 1] in terms.aux):
                        p.source = "number"  # "three were killed and another injured", "both were shot"
                    else:
                        continue  # "a car", "another shooting": a determiner counts people only
            else:
                p = CountedPhrase(starts[i], ends[i], 1, 1, 1, "definite")
                attach_noun_phrase(toks, p, terms)
                if p.head in terms.pair_nouns:
                    p.low = p.best = p.high = 2  # "shooting her parents", "the couple was shot"
                elif not one_person(p.head, terms):
                    continue
            if is_subset(toks, i, terms):
                continue
            out.append(p)
            block_until = p.end
        elif w in terms.pronouns and (i == 0 or low[i - 1] in terms.clause_openers):
            out.append(CountedPhrase(starts[i], ends[i], 1, 1, 1, "pronoun", head=w, role="civilian",
                                     np_start=starts[i], np_end=ends[i]))
        elif one_person(w, terms):
            if (i == 0 or low[i - 1] in terms.headline_openers or _headline_modifiers(toks, i, terms)) \
                    and (i == 0 or low[i - 1] not in terms.determiners):
                first = _headline_start(toks, i, terms)
                out.append(CountedPhrase(starts[first], ends[i], 1, 1, 1, "headline", head=w,
                                         role=terms.roles.get(w, "civilian"), np_start=starts[first],
                                         np_end=ends[i]))
                block_until = ends[i]
                continue
            hit = active_before(toks, starts[i], terms)
            if hit is None and i and low[i - 1] in ("left", "leaving", "leaves"):
                hit = ActiveVerb("", "", False, -1)  # "a shooting that left 6-year-old dead": the predicate follows
            if hit and not (hit.trigger and low[prev_word(toks, i)].endswith("ing") and w in terms.compound_heads):
                out.append(CountedPhrase(starts[i], ends[i], 1, 1, 1, "bare", head=w,
                                         role=terms.roles.get(w, "civilian"), np_start=starts[i], np_end=ends[i],
                                         verb_start=-1 if not hit.kind else None))
                block_until = ends[i]
        elif orig[i][0].isupper() and i and orig[i] not in terms.not_names and orig[i] not in terms.not_object_caps \
                and w not in terms.roles and _verb_before_name(toks, i) \
                and _active_kind(toks, starts[i], terms) in ("killed", "wounded"):
            j = i + 1
            while j < n and j - i < 3 and toks.orig[j][:1].isupper() and toks.orig[j] not in terms.not_names \
                    and toks.orig[j] not in terms.not_object_caps:
                j += 1
            if not (j < n and toks.low[j] in ("'s", "’s", "'", "’")) and not title_case(toks):
                # "striking and injuring Keith Williams"
                out.append(CountedPhrase(starts[i], ends[j - 1], 1, 1, 1, "bare", head="person", role="civilian",
                                         np_start=starts[i], np_end=ends[j - 1]))
                block_until = ends[j - 1]
        elif not names_checked and (w in ("was", "were", "died", "dies", "succumbed", "passed")
                                    or (w == "been" and i and low[i - 1] in ("had", "has"))
                                    or (w == "," and i + 2 < n and low[i + 1].isdigit() and low[i + 2] == ",")):
            names_checked = True
            for p in _named(text, terms):
                # a list of names with their shared age ("..., both 16,") holds its age's number
                against = out if p.head == "people" else (*numbers, *out)
                if not any(o.start <= p.start < o.end or p.start <= o.start < p.end for o in against):
                    out.append(p)
    return out


def reflexive_phrases(toks: Tokens, terms: CasualtyTerms) -> list[CountedPhrase]:
    """ "shot himself", "took his own life": the subject, counted as one."""
    out: list[CountedPhrase] = []
    if not terms.reflexive_cues.isdisjoint(toks.low):
        for m in terms.reflexive.finditer(toks.text_low):
            kind = "killed" if m.group("killed") else "wounded"
            if kind == "killed" and terms.reflexive_attempt.match(toks.text_low, m.end()):
                kind = "wounded"  # "turned the gun on himself in an attempted suicide"
            if kind == "wounded" and terms.death_after.search(toks.text_low, m.end(), m.end() + DEATH_REACH):
                kind = "killed"  # "4-year-old who accidentally shot himself dies"
            out.append(CountedPhrase(m.start(), m.end(), 1, 1, 1, "reflexive",
                                     head=terms.reflexive_object.search(m.group(0)).group(0)
                                     if terms.reflexive_object.search(m.group(0)) else "himself", kind=kind,
                                     trigger="killed" if kind == "killed" else "shot", via="reflexive",
                                     np_start=m.start(), np_end=m.end()))
    return out


def _active_kind(toks: Tokens, pos: int, terms: CasualtyTerms) -> str | None:
    verb = active_before(toks, pos, terms)
    return verb.kind if verb is not None else None


def _verb_before_name(toks: Tokens, i: int) -> bool:
    """A name is the object of a finite verb ("shot Keith Williams", "striking and injuring Keith"),
    not of a noun ("the shooting Sunday", "slaying Pause")."""
    j = prev_word(toks, i)
    v = toks.low[j]
    if v.endswith("ing"):
        return j > 0 and toks.low[j - 1] in ("and", ",")
    return v.endswith(("ed", "s")) or v in ("shot", "slew", "hurt")


def _headline_modifiers(toks: Tokens, i: int, terms: CasualtyTerms) -> bool:
    """ "Two-year-old Toledo girl shot": up to two capitalised or age words open the sentence."""
    j = i
    for _ in range(2):
        if j == 0:
            break
        prev = toks.orig[j - 1]
        if not (prev[0].isupper() or (("old" in prev.lower()) and YEAR_OLD.match(prev.lower()))
                or prev in terms.headline_place_nouns):  # "Mathews county teen dies"
            return False
        j -= 1
        if j == 0 or toks.low[j - 1] in terms.headline_openers:
            return True
    return False


def _headline_start(toks: Tokens, i: int, terms: CasualtyTerms) -> int:
    j = i
    while j > 0 and toks.low[j - 1] not in terms.headline_openers and i - j < 2:
        j -= 1
    return j

_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'’-]+){1,3}"
# "Elijah Jackson and Shakur Franklin, both 16,": named people listed with their shared age
_NAMED_LIST = re.compile(rf"\b{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME},\s+(?:both|all)\s+(?:ages?\s+)?\d{{1,2}},?")


def _named(text: str, terms: CasualtyTerms) -> list[CountedPhrase]:
    """Named people counted as one: "John Smith, 24," and a name as subject ("Johnson was shot")."""
    out = []
    for m in _NAMED_LIST.finditer(text):
        n = len(re.findall(rf"{_NAME}", m.group(0)))
        out.append(CountedPhrase(m.start(), m.end(), n, n, n, "named", head="people", role="civilian",
                                 np_start=m.start(), np_end=m.end()))
    for m in terms.named.finditer(text):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        out.append(CountedPhrase(m.start(), m.end(), 1, 1, 1, "named", head="person", role="civilian",
                                 np_start=m.start(), np_end=m.end()))
    for m in _SUBJECT_NAME.finditer(text):
        words = m.group("name").split()
        start = m.start()
        if len(words) > 1 and YEAR_OLD.match(words[0]):  # "Fifteen-year-old Jaheim Walker was killed"
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        before = text[max(0, start - 12):start].lower().split()
        if words[0] in terms.not_names or words[-1].lower() in terms.roles \
                or any(o.start <= start < o.end for o in out) \
                or (before and before[-1] in terms.place_prepositions):
            continue  # "a store in Pine Hills has died": the place is not the subject
        out.append(CountedPhrase(start, m.end(), 1, 1, 1, "named", head="person", role="civilian",
                                 np_start=start, np_end=m.end()))
    return out

