"""The cue syntax of ``data/event_types.yaml``: a cue as a regular expression, and the literal
word prefixes ("anchors") every match of it starts with, so that a cue is tried only where a
word of the text starts with one of them (see :mod:`.cue_matching`).
"""

from __future__ import annotations

# " .. " in a cue allows up to this many words in between ("killed and wounded scores of the terrorists").
GAP_WORDS = 5
# Anchors index the cues by this many leading letters (and need at least this many).
ANCHOR_MIN = 3


def cue_regex(source: str) -> str:
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


def required_literal(source: str) -> str | None:
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


def anchors_of(source: str) -> tuple[str, ...] | None:
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
            sub = anchors_of(alt)
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
            sub = anchors_of(alt + src[end:]) if not alt.startswith("(") else anchors_of(alt)
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
