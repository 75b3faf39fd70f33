"""Counts and the noun phrases they count: "58 Syrian government troops and militia", "dozens of
wounded", "one of them".

:func:`number_phrases` finds every number of a sentence (``numbers.quantities_at``; "a",
"another" and "both" are read by :mod:`.person_phrases`) and reads the noun phrase after it with
:func:`attach_noun_phrase`: its head noun, the role of that noun (data/casualty_terms.yaml
``person_nouns``), a participle before it ("one wounded man") and nouns coordinated with it
("troops and militia"). Counts after "including"/"among them" are subsets of another count
(:func:`is_subset`) and are not read.
"""

from __future__ import annotations

from ..numbers import quantities_at
from .phrase import CountedPhrase
from .terms import CasualtyTerms
from .tokens import YEAR_OLD, Tokens

# Most words in a counted noun phrase ("58 Syrian government troops and militia" has 5).
MAX_NP_WORDS = 6


def number_phrases(text: str, toks: Tokens, terms: CasualtyTerms) -> list[CountedPhrase]:
    """Every count of the sentence (numbers.quantities_at) with the noun phrase it counts, in
    order; counts of a subset ("including four field commanders") and other non-victims are left out."""
    low, starts = toks.low, toks.starts
    out: list[CountedPhrase] = []
    first = terms.count_first_words
    cands = [starts[i] for i, w in enumerate(low)
             if w[0].isdigit() or w in first or ("-" in w and w.split("-")[0] in first)]
    if cands:
        for q in quantities_at(text, cands, lowered=toks.text_low):
            k = toks.at(q.start)
            if is_subset(toks, k, terms) or (k > 1 and low[k - 1] == "of" and low[k - 2] in terms.parent_nouns) \
                    or (k > 2 and low[k - 1] in ("the", "those", "these") and low[k - 2] == "of"
                        and (low[k - 3] in terms.partitive_heads or low[k - 3].isdigit())):
                continue  # "including four field commanders", "a father of four", "one of the six"
            p = CountedPhrase(q.start, q.end, q.low, q.best, q.high, "number", vague=q.qualifier == "vague")
            p.restates = k > 0 and low[k - 1] == "all"  # "all four were taken to hospital"
            attach_noun_phrase(toks, p, terms)
            out.append(p)
    return out


def person_ahead(low: list[str], i: int, terms: CasualtyTerms) -> bool:
    """Whether a person noun comes within the next few words (cheap test before parsing a phrase)."""
    for w in low[i:i + 4]:
        if w in terms.roles or w in terms.casualty_nouns or ("old" in w and YEAR_OLD.match(w)):
            return True
        if (w in terms.np_stop and w not in terms.determiners) or not w[0].isalnum():
            return False
    return False


def is_subset(toks: Tokens, i: int, terms: CasualtyTerms) -> bool:
    """Whether the words before token ``i`` mark a subset ("including", "among them were")."""
    j = i
    while j > 0 and toks.low[j - 1] in ("were", "was", "are", "is", ":"):
        j -= 1
    for n in (3, 2, 1):
        if j >= n and tuple(toks.low[j - n:j]) in terms.subset:
            return True
    return False


def attach_noun_phrase(toks: Tokens, p: CountedPhrase, terms: CasualtyTerms) -> None:
    """Read the noun phrase after the count at ``p.end``: set head, role, np span and end."""
    low, starts, ends = toks.low, toks.starts, toks.ends
    n = len(low)
    i = toks.at(p.end)
    p.np_start = p.np_end = p.end
    if i < n and low[i] == "of":  # "dozens of soldiers", "one of them", "six of their cars"
        i += 1
        if i < n and low[i] in ("them", "whom", "those", "us"):
            p.head, p.role = low[i], "pronoun"
            p.np_start, p.np_end = starts[i], ends[i]
            p.end = ends[i]
            return
        if i < n and low[i] in ("the", "their", "his", "her", "its", "these", "our"):
            i += 1

        if i < n and low[i] in terms.casualty_nouns:  # "dozens of wounded", "scores of dead"
            p.head, p.role = low[i], None
            p.np_start, p.np_end = starts[i], ends[i]
            p.end = ends[i]
            return
    first = i
    while i < n and i - first < MAX_NP_WORDS:
        w = low[i]
        if w in terms.casualty_participles and i + 1 < n and (
                low[i + 1] in terms.roles
                or (i + 2 < n and low[i + 1][0].isalpha() and low[i + 1] not in terms.np_stop
                    and low[i + 2] in terms.roles)):
            p.modifier_kind = terms.casualty_participles[w]  # "one wounded man", "two dead soldiers"
            i += 1
            continue
        if not w[0].isalnum() or w in terms.np_stop or w.isdigit() or w in terms.number_words:
            break
        i += 1
    if i == first:
        return
    head_at = None
    for j in range(first, i):
        w = low[j]
        two = f"{low[j - 1]} {w}" if j > first else None
        if not ((two in terms.roles) or w in terms.roles or w in terms.casualty_nouns or YEAR_OLD.match(w)):
            continue
        nxt = low[j + 1] if j + 1 < i else None
        if nxt is None or nxt in terms.np_postmodifiers or nxt.endswith("ed") or nxt.endswith("ing"):
            head_at = j
    if head_at is None:
        p.head, p.role = low[i - 1], None
        p.np_start, p.np_end = starts[first], ends[i - 1]
        return
    w = low[head_at]
    two = f"{low[head_at - 1]} {w}" if head_at > first else None
    p.head = two if two in terms.roles else w
    p.role = _role(p.head, terms)
    p.np_start, p.np_end = starts[first], ends[head_at]
    p.end = p.np_end
    # coordinated nouns without a count: "troops and militia", "soldiers and pro-Assad militiamen"
    k = i if head_at == i - 1 else None
    # one person and another: "his wife and son", "a 13-year-old and his father", "a man, woman and child"
    singles = p.source in ("determiner", "definite") and p.best == 1 and one_person(low[head_at], terms)
    listed = 0  # persons after commas, counted once "and" closes the list (else an apposition: "a girl, 9,")
    while k is not None and k < n and low[k] in ("and", "or", ","):
        closing = low[k] == "and" or (low[k] == "," and k + 1 < n and low[k + 1] == "and")
        k2 = k + 1 + (k + 1 < n and low[k + 1] == "and")
        found = None
        for j in range(k2, min(k2 + 3, n)):
            w = low[j]
            if j == k2 and singles and closing and w in terms.coordinated_determiners:
                continue
            if w in terms.np_stop or (not w[0].isalpha() and not YEAR_OLD.match(w)) or w in ("others", "other") \
                    or w in terms.number_words:
                break  # an age may open the noun phrase: "her brother and 4-year-old daughter"
            if j + 1 < n and f"{w} {low[j + 1]}" in terms.roles:
                found = j + 1
                break
            if w in terms.roles:
                found = j
                break
        if found is None:
            break
        if singles:
            if low[k] == "or" or not (one_person(low[found], terms) and _role(low[found], terms) == p.role):
                break  # "the gunman and a police officer": two counts, one per side
            listed += 1
            if closing:
                p.low, p.best, p.high = p.low + listed, p.best + listed, (p.high or 1) + listed
                listed = 0
            head_at = found
        p.np_end = p.end = ends[found]
        k = found + 1


def _role(word: str, terms: CasualtyTerms) -> str | None:
    return terms.roles.get(word) or ("civilian" if YEAR_OLD.match(word) else None)


def one_person(word: str | None, terms: CasualtyTerms) -> bool:
    """Whether a head noun counts one person: "man", "victim", "13-year-old" (not "13-year-olds")."""
    return word is not None and (word in terms.singular or (
        "old" in word and YEAR_OLD.match(word) is not None and not word.endswith("s")))

