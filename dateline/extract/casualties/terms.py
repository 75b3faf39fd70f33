"""The casualty wording of ``data/casualty_terms.yaml``, validated and compiled (:func:`load_terms`).

The data file lists phrases in a small syntax ("[a|b]" an optional word, "(a|b)" a choice,
"re:" a raw regular expression); here they become the regular expressions and word sets the
other modules of this package scan a sentence with. Nothing is read before the first call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product

import yaml

from ...errors import LexiconError, TermsError
from ..numbers import load_lexicon, word_alternation, words_of

FILE = "casualty_terms.yaml"
KINDS = ("killed", "wounded", "captured")

# The word lists of casualty_terms.yaml read as sets, each into the CasualtyTerms field of its name.
WORD_SETS = ("own_loss_verbs", "transitive_predicates", "object_words", "not_object_caps", "reflexive_cues",
             "zero_cues", "clause_openers", "headline_openers", "ordinals", "not_names", "place_prepositions",
             "compound_heads", "anaphors", "np_postmodifiers", "parent_nouns", "coordinated_determiners",
             "partitive_heads", "pair_nouns", "headline_place_nouns")


@dataclass(frozen=True)
class CasualtyTerms:
    trigger: re.Pattern
    passive: re.Pattern
    passive_groups: dict[str, tuple[str, str]]  # group name -> (kind, trigger)
    active: dict[tuple[str, ...], tuple[str, str, bool]]  # words -> (kind, trigger, own_losses)
    active_longest: int
    active_last: frozenset[str]  # last words of the active phrases (a cheap first test)
    active_fillers: frozenset[str]
    casualty_nouns: dict[str, str]
    own_loss_verbs: frozenset[str]
    fatal_split: re.Pattern
    death_after: re.Pattern
    reflexive: re.Pattern  # groups "killed" / "wounded"
    passive_pp: re.Pattern  # a prepositional phrase between a count and its auxiliary
    subset: frozenset[tuple[str, ...]]
    zero: re.Pattern
    zero_nouns: re.Pattern
    tally_cue: re.Pattern
    tally: re.Pattern
    not_tally: re.Pattern
    roles: dict[str, str]  # noun (lowercase, may be two words) -> role
    singular: frozenset[str]  # person nouns that count one ("man", "victim")
    np_stop: frozenset[str]
    number_words: frozenset[str]
    count_first_words: frozenset[str]  # words that may open a count (numbers.may_open_count)
    phrase_openers: frozenset[str]  # words that may open a counted phrase other than a number
    before_name: frozenset[str]  # words after which a capitalised word may be a victim's name
    determiners: dict[str, int]  # "a" -> 1, "both" -> 2
    definite_words: frozenset[str]
    pronouns: frozenset[str]
    named: re.Pattern
    aux: frozenset[str]  # the auxiliaries among the passive fillers ("were", "reportedly")
    transitive_predicates: frozenset[str]  # passive predicates that are also active verbs ("killed")
    object_words: frozenset[str]  # words that open the object of such a verb ("killed three people")
    qualified_count: re.Pattern  # a qualified count after such a verb: its object ("killed at least 20")
    not_object_caps: frozenset[str]  # capitalised words that open no object or name ("killed Sunday")
    active_aside: re.Pattern  # ", killing one and wounding the other,": no apposition
    noun_triggers: dict[str, str]  # casualty noun -> trigger, where not the noun itself ("dead" -> "killed")
    casualty_participles: dict[str, str]  # participle before a counted noun -> kind ("wounded man")
    reflexive_object: re.Pattern  # the reflexive object of a reflexive phrase ("himself")
    reflexive_attempt: re.Pattern  # "... on himself in an attempted suicide": he survived
    reflexive_cues: frozenset[str]  # words one of which every reflexive phrase contains
    zero_cues: frozenset[str]  # words one of which every stated zero contains
    zero_noun_kinds: dict[str, str]  # "no injuries" -> wounded
    clause_openers: frozenset[str]  # where a subject pronoun may stand
    headline_openers: frozenset[str]  # where a headline noun may stand ("UPDATE: Teen shot")
    headline_place_nouns: frozenset[str]  # "Mathews county teen dies"
    ordinals: frozenset[str]  # "a second man"
    possessive: re.Pattern  # "his son": someone else than the person counted before
    not_names: frozenset[str]  # capitalised words never a person named as a subject
    place_prepositions: frozenset[str]  # a capitalised word after these is a place
    compound_heads: frozenset[str]  # "the shooting victim": a compound, not an object
    anaphors: frozenset[str]  # first words of a figure about someone named before ("the boy", "he")
    np_postmodifiers: frozenset[str]  # "58 militants associated with IS"
    parent_nouns: frozenset[str]  # "a father of four": the count is his children
    partitive_heads: frozenset[str]  # "one of the six": a part of a group counted before
    pair_nouns: frozenset[str]  # "her parents", "the couple": two people
    coordinated_determiners: frozenset[str]  # open a second person after "and" ("his wife and his son")
    clause_break: re.Pattern  # where the clause of an active verb begins (its agent is named after it)
    event_fatal: re.Pattern  # "fatal shooting": groups "noun"
    event_multiplied: re.Pattern  # "triple homicide": groups "mult", "fatal", "killing", "attack"
    murder_suicide: re.Pattern
    event_death: re.Pattern  # "shooting death": one dead
    multipliers: dict[str, int]
    event_not_after: frozenset[str]


def _word_list(raw: dict, key: str) -> list[str]:
    """The word list ``raw[key]``, checked (numbers.words_of: YAML reads a bare no/on as a boolean)."""
    try:
        return words_of(raw, key, FILE)
    except LexiconError as e:
        raise TermsError(str(e)) from e


def _words(raw: dict, key: str) -> frozenset[str]:
    """The word list ``raw[key]`` as a set, words as written (casualty_terms.yaml writes them in lowercase,
    save the capitalised lists)."""
    return frozenset(_word_list(raw, key))


def _word_alternation(raw: dict, key: str, *, suffix: str = "") -> str:
    """The word list ``raw[key]`` as one regex alternation in the order written, words of a phrase
    separated by any spaces; ``suffix`` follows every alternative."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) + suffix for w in _word_list(raw, key))


def _kinds(raw: dict, key: str) -> dict[str, str]:
    """The mapping ``raw[key]`` of words to a casualty kind (killed, wounded, captured)."""
    out = {str(k).lower(): str(v) for k, v in raw[key].items()}
    bad = sorted({v for v in out.values() if v not in KINDS})
    if bad:
        raise TermsError(f"data/{FILE}: {key} maps words to {bad}; allowed kinds: {list(KINDS)}")
    return out


def _word(w: str) -> str:
    return re.escape(w).replace("'", "['’]").replace(r"\-", r"[\s\-]+")


def _phrase_regex(phrase: str) -> str:
    """Compile the phrase syntax of casualty_terms.yaml: "[a|b]" optional word, "(a|b)" choice."""
    if phrase.startswith("re:"):
        return phrase[3:]
    sep = r"[\s\-]+"
    parts = []
    seen_required = False
    for t in phrase.split():
        optional = t.startswith("[") and t.endswith("]")
        if optional or (t.startswith("(") and t.endswith(")")):
            piece = rf"(?:{'|'.join(_word(w) for w in t[1:-1].split('|'))})"
        else:
            piece = _word(t)
        if not seen_required:  # leading optional words carry their separator after them
            parts.append(rf"(?:{piece}{sep})?" if optional else piece)
            seen_required = not optional
        else:
            parts.append(rf"(?:{sep}{piece})?" if optional else sep + piece)
    if not seen_required:
        raise TermsError(f"data/casualty_terms.yaml: phrase {phrase!r} has no required word")
    return "".join(parts)


def _expand(phrase: str) -> list[tuple[str, ...]]:
    """Every word sequence a phrase stands for ("[the] (death|deaths) of" -> 4 sequences)."""
    options = []
    for t in phrase.split():
        if t.startswith("[") and t.endswith("]"):
            options.append(["", *t[1:-1].split("|")])
        elif t.startswith("(") and t.endswith(")"):
            options.append(t[1:-1].split("|"))
        else:
            options.append([t])
    return [tuple(w for ws in combo for w in ws.lower().split() if w) for combo in product(*options)]


def _alt_phrases(phrases) -> str:
    return "|".join(_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True))


def _first_word(phrase: str) -> str | None:
    if phrase.startswith("re:"):
        return None
    t = phrase.split()[0]
    if t.startswith("["):
        return None
    return t.strip("()").split("|")[0].lower()


def _event_nouns(raw: dict) -> dict:
    """The patterns of the ``event_nouns`` section (see casualty_terms.yaml)."""
    fatal = _alt_phrases(raw["fatal"])
    killing, attack = _alt_phrases(raw["killing"]), _alt_phrases(raw["attack"])
    mults = {str(k).lower(): int(v) for k, v in raw["multipliers"].items()}
    mult = "|".join(map(re.escape, mults))
    return dict(
        event_fatal=re.compile(rf"\b(?:{fatal})\s+(?:[a-z'’-]+\s+){{0,2}}?(?P<noun>{killing}|{attack})(?![\w-])"),
        event_multiplied=re.compile(rf"\b(?P<mult>{mult})\s+(?P<fatal>(?:{fatal})\s+)?"
                                    rf"(?:(?P<killing>{killing})|(?P<attack>{attack}))(?![\w-])"),
        murder_suicide=re.compile(rf"\b(?:{_alt_phrases(raw['murder_suicide'])})(?![\w-])"),
        event_death=re.compile(rf"\b(?:{_alt_phrases(raw['death'])})(?![\w-])"),
        multipliers=mults,
        event_not_after=frozenset(str(w).lower() for w in raw["not_after"]),
    )


@lru_cache(maxsize=1)
def load_terms() -> CasualtyTerms:
    """Read and compile data/casualty_terms.yaml (once per process, :func:`parse_terms`)."""
    return parse_terms(yaml.safe_load(resources.files("dateline.data").joinpath(FILE).read_text("utf-8")))


def parse_terms(raw: dict) -> CasualtyTerms:
    """Validate and compile the parsed casualty_terms.yaml; a missing or malformed key raises
    :class:`TermsError` naming it.

    The patterns that scan a sentence run on its lowercased text (numbers.lower_keep_offsets):
    case-sensitive matching of lowercase words is about twice as fast as re.I."""
    try:
        passive_groups: dict[str, tuple[str, str]] = {}
        alts = []
        stops = {str(w).lower() for w in raw["np_stop"]}
        for i, g in enumerate(raw["passive"]):
            name = f"p{i}"
            passive_groups[name] = (str(g["kind"]), str(g["trigger"]))
            alts.append(f"(?P<{name}>{_alt_phrases(g['phrases'])})")
            for p in g["phrases"]:
                fw = _first_word(str(p))
                if fw and fw not in ("in", "with"):
                    stops.add(fw)
        fill = word_alternation(raw["passive_fillers"])
        neg = word_alternation([n for n in raw["negations"] if n != "n't"])
        passive = re.compile(
            rf"(?P<skip>(?:\s*\([^()]{{0,60}}\)|\s*,[^,;]{{1,80}},(?:\s*\d{{1,3}},)?|\s+who\s[^,;]{{1,80}},){{1,2}})?"
            rf"\s*(?P<fill>(?:{fill}\s+)*)"
            rf"(?P<neg>{neg}\s+|\w+n['’]t\s+)?(?:{fill}\s+)*(?:{'|'.join(alts)})(?![\w-])")
        active: dict[tuple[str, ...], tuple[str, str, bool]] = {}
        for g in raw["active"]:
            value = (str(g["kind"]), str(g["trigger"]), bool(g.get("own_losses", False)))
            for p in g["phrases"]:
                for words in _expand(str(p)):
                    active.setdefault(words, value)
        roles: dict[str, str] = {}
        for role, nouns in raw["person_nouns"].items():
            for n in nouns:
                roles[" ".join(str(n).lower().split())] = str(role)
        casualty_nouns = {str(k).lower(): str(v) for k, v in raw["casualty_nouns"].items()}
        irregular_plurals = _words(raw, "irregular_plurals")
        singular = frozenset(n for n, r in roles.items()
                             if r not in ("other", "pronoun") and " " not in n and not n.endswith("s")
                             and n not in irregular_plurals)
        zero_noun_kinds = _kinds(raw, "zero_nouns")
        zero_modifiers = _word_alternation(raw, "zero_noun_modifiers", suffix=r"\s+")
        lex = load_lexicon()
        number_words = set(lex.units) | set(lex.tens) | set(lex.scales) | {w.split()[0] for w in lex.vague} \
            | {w.split()[0] for w in lex.determiners}
        number_words |= {f"{t}-{u}" for t in lex.tens for u in lex.units if lex.units[u] < 10}
        role_words = word_alternation(roles)
        terms = CasualtyTerms(
            trigger=re.compile(rf"\b{word_alternation(raw['triggers'])}"),
            passive=passive, passive_groups=passive_groups,
            active=active, active_longest=max(len(k) for k in active), active_last=frozenset(k[-1] for k in active),
            active_fillers=frozenset(str(w).lower() for w in raw["active_fillers"]),
            casualty_nouns=casualty_nouns,
            fatal_split=re.compile(rf"\s*(?:[,;]|--|[—–])?\s*(?:and\s+)?(?:{'|'.join(raw['fatal_split'])})\b"),
            death_after=re.compile(str(raw["death_after"])),
            reflexive=re.compile(
                rf"\b(?:(?P<killed>{_alt_phrases(raw['reflexive']['killed'])})"
                rf"|(?P<wounded>{_alt_phrases(raw['reflexive']['wounded'])}))\b"),
            passive_pp=re.compile(
                r"\s+(?:at|in|on|inside|outside|near|from|of|for|with|behind|aboard|between|during)\s+[^,.;:]{1,40}?"
                r"(?=\s+(?:were|was|are|is|had|has|have)\s)"
                # a participle phrase of up to four words: "a boy playing on his skateboard was shot"
                r"|\s+(?:who\s+(?:was|were)\s+)?[a-z]+ing(?:\s+(?!after\b|before\b|when\b|while\b|as\b|and\b)"
                r"[a-z'’-]+){0,3}(?=\s+(?:was|were)\s+(?!\w+ing\b))"
                # a way to hospital before "with gunshot wounds": "three men walked into a gas station with ..."
                r"|\s+(?:walked|arrived|showed\s+up|went|came|drove(?:\s+themselves|\s+himself|\s+herself)?)"
                r"(?:\s+(?:in|into|at|to)\s+[^,.;:]{1,40}?)?(?=\s+with\s)"),
            subset=frozenset(tuple(str(s).lower().split()) for s in raw["subset_before"]),
            zero=re.compile(
                rf"\b(?:no\s+one|nobody|none|no\s+other\s+(?:\w+\s+)?{role_words}|no\s+{role_words})"
                rf"(?:\s+else)?(?:\s+(?:of\s+(?:them|the\s+\w+)|inside|in\s+the\s+\w+))?\s+"),
            zero_nouns=re.compile(
                rf"\bno\s+(?:{zero_modifiers})?"
                rf"(?P<noun>{'|'.join(map(re.escape, zero_noun_kinds))})\b"),
            zero_noun_kinds=zero_noun_kinds,
            tally_cue=re.compile(rf"\b{word_alternation(raw['tally_cues'])}\b"),
            tally=re.compile(rf"\b(?:{'|'.join(raw['tally'])})\b", re.I),
            not_tally=re.compile(rf"\b(?:{'|'.join(raw['not_tally'])})\b", re.I),
            roles=roles, singular=singular, np_stop=frozenset(stops), number_words=frozenset(number_words),
            count_first_words=lex.first_words,
            phrase_openers=frozenset(
                {k for k in lex.determiners if " " not in k} | {str(w).lower() for w in raw["definite"]}
                | {str(w).lower() for w in raw["pronouns"]} | singular
                | {"was", "were", "died", "dies", "succumbed", "passed", "been", ","}),
            before_name=frozenset({k[-1] for k in active} | {str(w).lower() for w in raw["active_fillers"]}),
            determiners={k: v for k, v in lex.determiners.items() if " " not in k},
            definite_words=frozenset(str(w).lower() for w in raw["definite"]),
            pronouns=frozenset(str(w).lower() for w in raw["pronouns"]),
            named=re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'’-]+){0,3},\s+(?:age\s+)?\d{1,2},"
                             r"(?:\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3},)?"),
            **_event_nouns(raw["event_nouns"]),
            aux=_words(raw, "auxiliaries"),
            **{key: _words(raw, key) for key in WORD_SETS},
            qualified_count=re.compile(rf"\s+(?:{_word_alternation(raw, 'object_count_qualifiers')})\s+\w", re.I),
            active_aside=re.compile(rf"\s*,\s*(?:\w+\s+){{0,2}}?(?:{_word_alternation(raw, 'aside_gerunds')})\b", re.I),
            noun_triggers={str(k).lower(): str(v) for k, v in raw["noun_triggers"].items()},
            casualty_participles=_kinds(raw, "casualty_participles"),
            reflexive_object=re.compile(_word_alternation(raw, "reflexive_objects")),
            reflexive_attempt=re.compile(rf"[^.;]{{0,12}}\b(?:{_word_alternation(raw, 'reflexive_attempts')})\b"),
            possessive=re.compile(rf"(?:{_word_alternation(raw, 'possessives')})\s", re.I),
            clause_break=re.compile(rf";|\b(?:{_word_alternation(raw, 'clause_breaks')})\b", re.I),
        )
    except TermsError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as e:
        raise TermsError(f"data/{FILE}: missing or malformed entry ({e!r})") from e
    return terms
