"""Actors and sources named in a sentence, with canonical names and sides from data/actors.yaml.

:class:`ActorMatcher` compiles every alias into one trie-shaped regular expression (a single
pass over the sentence, longest alias wins) on first use. Aliases written without lowercase
letters ("IS", "SAA", "AP") match case-sensitively, in a second trie, so "it is" is never the
Islamic State; in a sentence written all in capitals they are not read ("MAN IS SHOT").
Context-dependent aliases ("the army", "rebels", "a monitor") are kept only when the document's
sides (``context_sides``) or another actor in the same sentence belong to the alias's theatre.

Sources (monitors and media such as SOHR and SANA) are returned too, flagged ``source=True``
and without a side: they report figures, they are not parties.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ActorDataError
from .numbers import lower_keep_offsets
from .types import ActorMention, Sentence

_SEP = "\x00"
_SEP_RE = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True)
class Actor:
    name: str
    side: str | None
    state: bool
    theatres: frozenset[str]
    source: bool = False


@dataclass(frozen=True)
class _Entry:
    actor: Actor
    contextual: bool


# A sentence in capitals with at least this many spaces is a shouted headline, where acronym
# aliases are not trusted ("MAN IS SHOT BY POLICE"); a lone "SOHR" is still the monitor.
SHOUTED_MIN_SPACES = 2
# Raw matches of recently seen sentences (the pipeline looks a sentence up without, then with,
# the document's context); cleared when it grows past this many sentences.
CACHE_SIZE = 512


def _norm(text: str) -> str:
    return _SEP_RE.sub(" ", text.strip()).replace("’", "'")


def _trie_regex(keys: Iterable[str]) -> str:
    """One regex matching any of ``keys`` (separators as spaces), longest first."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(_SEP if ch == " " else ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            if ch == _SEP:
                piece = r"[\s\-‐–]+"
            elif ch == "'":
                piece = "['’]"
            else:
                piece = re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


class ActorMatcher:
    """Finds actors and sources in sentences. Build once, reuse; the data loads on first use."""

    def __init__(self, path: Path | None = None):
        self._path = path
        self._pattern: re.Pattern | None = None  # aliases that ignore case
        self._pattern_cs: re.Pattern | None = None  # acronym aliases, case-sensitive
        self._table: dict[str, list[_Entry]] = {}  # lowercased alias -> entries
        self._table_cs: dict[str, list[_Entry]] = {}  # exact acronym -> entries
        self._cache: dict[str, list[tuple[int, int, str, list[_Entry]]]] = {}
        self._actors: dict[str, Actor] = {}
        self._side_theatres: dict[str, frozenset[str]] = {}
        self._state_sides: frozenset[str] = frozenset()

    # --- loading ---------------------------------------------------------------------------
    def _load(self) -> None:
        if self._pattern is not None:
            return
        shared = _LOADED.get(self._path)
        if shared is not None:  # another matcher on the same data: share its tables and cache
            self.__dict__.update(shared.__dict__)
            return
        text = (self._path.read_text("utf-8") if self._path
                else resources.files("dateline.data").joinpath("actors.yaml").read_text("utf-8"))
        raw = yaml.safe_load(text)
        table: dict[str, list[_Entry]] = {}
        table_cs: dict[str, list[_Entry]] = {}
        actors: dict[str, Actor] = {}
        try:
            rows = [(r, False) for r in raw["actors"]] + [(r, True) for r in raw["sources"]]
            for row, is_source in rows:
                name = str(row["name"])
                if name in actors:
                    raise ActorDataError(f"data/actors.yaml: actor {name!r} is listed twice")
                actor = Actor(name=name, side=None if is_source else str(row["side"]),
                              state=bool(row.get("state", False)), theatres=frozenset(row.get("theatres") or ()),
                              source=is_source)
                actors[name] = actor
                for contextual, key in ((False, "aliases"), (True, "contextual")):
                    for alias in row.get(key) or ():
                        alias = _norm(str(alias))
                        if any(c.islower() for c in alias):
                            bucket = table.setdefault(alias.lower(), [])
                        else:
                            bucket = table_cs.setdefault(alias, [])
                        if not any(e.actor is actor and e.contextual == contextual for e in bucket):
                            bucket.append(_Entry(actor, contextual))
        except (KeyError, TypeError) as e:
            raise ActorDataError(f"data/actors.yaml: malformed entry ({e!r}); each actor needs name, side, "
                                 f"aliases") from e
        side_theatres: dict[str, set[str]] = {}
        for a in actors.values():
            if a.side:
                side_theatres.setdefault(a.side, set()).update(a.theatres)
        self._table = table
        self._table_cs = table_cs
        self._actors = actors
        self._side_theatres = {k: frozenset(v) for k, v in side_theatres.items()}
        self._state_sides = frozenset(a.side for a in actors.values() if a.state and a.side)
        keys = {k[4:] if k.startswith("the ") else k for k in table}
        # run on lowercased text: a case-sensitive trie over lowercase is about twice as fast as re.I
        self._pattern = re.compile(rf"(?<![\w@#])(?:the\s+)?{_trie_regex(keys)}(?!\w)")
        self._pattern_cs = re.compile(rf"(?<![\w@#])(?:[Tt]he\s+)?{_trie_regex(table_cs)}(?!\w)")
        _LOADED[self._path] = self

    # --- queries ---------------------------------------------------------------------------
    def actor(self, name: str) -> Actor | None:
        """The actor or source with this canonical name."""
        self._load()
        return self._actors.get(name)

    def is_source(self, name: str) -> bool:
        a = self.actor(name)
        return bool(a and a.source)

    def is_state_side(self, side: str | None) -> bool:
        self._load()
        return side in self._state_sides

    def theatres_of(self, sides: Iterable[str | None]) -> frozenset[str]:
        """The theatres the given sides fight in (empty for police, civilians, perpetrators)."""
        self._load()
        out: set[str] = set()
        for s in sides:
            if s:
                out |= self._side_theatres.get(s, frozenset())
        return frozenset(out)

    def find(self, sentence: Sentence, *, context_sides: Iterable[str] | None = None) -> list[ActorMention]:
        """Actors and sources in ``sentence``; offsets are into the document text."""
        return self.find_in(sentence.text, sentence.start, context_sides=context_sides)

    def find_in(self, text: str, offset: int = 0, *,
                context_sides: Iterable[str] | None = None) -> list[ActorMention]:
        """Actors and sources in ``text``; offsets are into ``text`` shifted by ``offset``."""
        found = self._raw(text)
        if not found:
            return []
        ctx_sides = [s for s in (context_sides or ()) if s]
        theatres = set(self.theatres_of(ctx_sides))
        for _s, _e, _t, entries in found:
            fixed = [e for e in entries if not e.contextual]
            if fixed:
                theatres |= fixed[0].actor.theatres
        out: list[ActorMention] = []
        for s, e, t, entries in found:
            entry = self._choose(entries, ctx_sides, theatres)
            if entry is None:
                continue
            a = entry.actor
            out.append(ActorMention(name=a.name, side=a.side, start=s + offset, end=e + offset, text=t,
                                    source=a.source))
        return out

    def _raw(self, text: str) -> list[tuple[int, int, str, list[_Entry]]]:
        """Alias matches in ``text``, leftmost-longest, before context is applied (cached)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        self._load()
        assert self._pattern is not None and self._pattern_cs is not None
        cands: list[tuple[int, int, str, list[_Entry]]] = []
        for m in self._pattern.finditer(lower_keep_offsets(text)):
            key = _norm(m.group(0))
            t = text[m.start():m.end()]
            entries = self._table.get(key) or (self._table.get(key[4:]) if key.startswith("the ") else None)
            if entries:
                cands.append((m.start(), m.end(), t, entries))
        if not (text.isupper() and text.count(" ") >= SHOUTED_MIN_SPACES):  # "MAN IS SHOT": "IS" is the verb
            for m in self._pattern_cs.finditer(text):
                t = m.group(0)
                key = _norm(t)
                entries = self._table_cs.get(key) or self._table_cs.get(re.sub(r"^[Tt]he ", "", key))
                if entries:
                    cands.append((m.start(), m.end(), t, entries))
        if len(cands) > 1:
            cands.sort(key=lambda c: (c[0], c[0] - c[1]))
            kept: list[tuple[int, int, str, list[_Entry]]] = []
            for c in cands:
                if not kept or c[0] >= kept[-1][1]:
                    kept.append(c)
            cands = kept
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = cands
        return cands

    @staticmethod
    def _choose(entries: list[_Entry], ctx_sides: list[str], theatres: set[str]) -> _Entry | None:
        fixed = [e for e in entries if not e.contextual]
        if fixed:
            return fixed[0]
        best: tuple[int, int] | None = None
        chosen = None
        for e in entries:
            a = e.actor
            if a.side and a.side in ctx_sides:
                score = (2, -ctx_sides.index(a.side))
            elif a.theatres & theatres:
                score = (1, 0)
            else:
                continue
            if best is None or score > best:
                best, chosen = score, e
        return chosen


def document_sides(mentions: Iterable[ActorMention]) -> list[str]:
    """The sides named in a document, most mentioned first (sources have none)."""
    counts = Counter(m.side for m in mentions if m.side)
    return [s for s, _ in counts.most_common()]


# Matchers already loaded, by data path (None: the packaged file): a second matcher on the same
# data (the pipeline's and casualties' default) shares tables and the sentence cache.
_LOADED: dict[Path | None, ActorMatcher] = {}
_DEFAULT: ActorMatcher | None = None


def default_matcher() -> ActorMatcher:
    """A process-wide matcher on the packaged data (built on first call)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ActorMatcher()
    return _DEFAULT
