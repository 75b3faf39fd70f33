"""Named people in a sentence, with their role (victim, perpetrator, official) and status.

Rule-based and fast (one compiled pattern per cue, run only on sentences that name someone):

- "John Smith, 24," and "identified ... as John Smith" name people in crime news;
- a title before a name ("Officer John Smith", "Maj. Gen. Issam Zahreddine") makes an official;
- "suspect John Smith" / "victim John Smith" give the role directly;
- "Among the killed were A and B" lists victims.

The status comes from the sentence's verbs (data/person_cues.yaml): killed, wounded, captured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .types import PersonMention, Sentence

_NAME = r"(?:[A-Z][a-z]+|[A-Z]\.|O'[A-Z][a-z]+|Mc[A-Z][a-z]+)"
_NAME_TAIL = r"(?:[A-Z][a-zA-Z'’\-]+|al-[A-Z][a-zA-Z'’\-]+|[A-Z]\.|Jr\.?|Sr\.?|III|II)"
_FULL = rf"(?P<name>{_NAME}(?:\s+(?:al-|bin |abu |Abu |de |van |von )?{_NAME_TAIL}){{1,3}})"


@dataclass(frozen=True)
class Cues:
    titles: re.Pattern
    victim_nouns: re.Pattern
    perpetrator_nouns: re.Pattern
    killed: re.Pattern
    wounded: re.Pattern
    captured: re.Pattern
    perpetrator_verbs: re.Pattern
    not_names: frozenset[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("person_cues.yaml").read_text("utf-8"))

    def words(key: str) -> re.Pattern:
        return re.compile(rf"\b(?:{_alt(raw[key])})\b", re.I)
    return Cues(
        titles=re.compile(rf"\b(?P<title>{_alt(raw['titles_official'])})\s+{_FULL}"),
        victim_nouns=re.compile(rf"\b(?i:{_alt(raw['role_nouns_victim'])}),?\s+(?:was\s+|is\s+)?(?:identified as\s+)?{_FULL}"),
        perpetrator_nouns=re.compile(rf"\b(?i:{_alt(raw['role_nouns_perpetrator'])}),?\s+(?:was\s+|is\s+)?(?:identified as\s+)?{_FULL}"),
        killed=words("status_killed"), wounded=words("status_wounded"), captured=words("status_captured"),
        perpetrator_verbs=words("perpetrator_verbs"),
        not_names=frozenset(raw["not_names"]) | {w.capitalize() for key in ("role_nouns_victim", "role_nouns_perpetrator")
                                                 for w in raw[key] if " " not in w}
        | {w for w in raw["titles_official"] if " " not in w},
    )


_AGE = re.compile(rf"{_FULL},\s+(?:age\s+)?(?P<age>\d{{1,3}}),")
_IDENTIFIED = re.compile(rf"\b(?:identified|named)\s+(?:\w+\s+){{0,3}}?as\s+{_FULL}")
_AMONG = re.compile(r"\bAmong the (?:killed|dead|victims|wounded|injured|arrested) (?:were|was)\s+(?P<list>[^.;]+)")
_LIST_NAME = re.compile(_FULL)
# a name whose pronoun clause says what happened to it: "Smith was arrested", "Smith died"
TRIGGER_WINDOW = 80  # characters after a name searched for its own status verb


def _clean(name: str, cues: Cues) -> str | None:
    parts = name.split()
    while parts and parts[0].rstrip(",") in cues.not_names:
        parts = parts[1:]
    while parts and parts[-1].rstrip(",") in cues.not_names:
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    return " ".join(parts)


def _status(text: str, cues: Cues, role: str | None) -> str | None:
    if role == "perpetrator":
        return "captured" if cues.captured.search(text) else None
    if cues.killed.search(text):
        return "killed"
    if cues.wounded.search(text):
        return "wounded"
    if cues.captured.search(text):
        return "captured"
    return None


def find_people(sentence: Sentence) -> list[PersonMention]:
    """Named people in one sentence; offsets are into the document text."""
    text = sentence.text
    if not any(c.isupper() for c in text[1:]):
        return []
    cues = load_cues()
    found: dict[str, PersonMention] = {}

    def add(m: re.Match, role: str | None, group: str = "name") -> None:
        name = _clean(m.group(group), cues)
        if not name or name in found:
            return
        window = text[m.start(group): m.end(group) + TRIGGER_WINDOW]
        if role is None:
            role = "perpetrator" if cues.perpetrator_verbs.search(window) and not cues.killed.search(window) \
                else "victim" if (cues.killed.search(text) or cues.wounded.search(text)) else "other"
        status = _status(window, cues, role)
        s = sentence.start + m.start(group)
        found[name] = PersonMention(name=name, role=role, status=status, start=s, end=s + len(m.group(group)))

    for m in cues.perpetrator_nouns.finditer(text):
        add(m, "perpetrator")
    for m in cues.victim_nouns.finditer(text):
        add(m, "victim")
    for m in cues.titles.finditer(text):
        add(m, "official")
    for m in _IDENTIFIED.finditer(text):
        said = m.group(0)[: m.start("name") - m.start()].lower()
        add(m, "perpetrator" if any(w in said for w in ("suspect", "shooter", "gunman")) else
            "victim" if any(w in said for w in ("victim", "dead", "deceased", "killed")) else None)
    for m in _AGE.finditer(text):
        add(m, None)
    for m in _AMONG.finditer(text):
        base = m.start("list")
        kind = m.group(0).split()[2]
        for n in _LIST_NAME.finditer(m.group("list")):
            name = _clean(n.group("name"), cues)
            if name and name not in found:
                s = sentence.start + base + n.start("name")
                status = {"killed": "killed", "dead": "killed", "victims": None, "wounded": "wounded",
                          "injured": "wounded", "arrested": "captured"}[kind]
                found[name] = PersonMention(name=name, role="perpetrator" if kind == "arrested" else "victim",
                                            status=status, start=s, end=s + len(n.group("name")))
    return sorted(found.values(), key=lambda p: p.start)
