"""Topic hierarchy from encyclopedia infoboxes.

An infobox "Part of" field names what the article's subject belongs to, often as a chain:
"the Deir ez-Zor Governorate campaign of the Syrian civil war" gives the chain
[Deir ez-Zor Governorate campaign, Syrian civil war]: the article's title is part of the
campaign, which is part of the war. Topic ids are slugs, so "Syrian civil war" here is the
same topic as a digest page's "Syrian Civil War" context.
"""

from __future__ import annotations

import re

PART_OF_KEYS = {"partof", "part of", "part_of"}
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
# " of the " joins a part to its whole when the whole is a named thing (capitalised or a war/conflict)
_OF_THE = re.compile(r"\s+of\s+the\s+")


def part_of_chain(value: str) -> list[str]:
    """The chain of wholes an infobox "Part of" value names, innermost first."""
    out: list[str] = []
    for part in re.split(r"\s*[;,]\s*|\s+and\s+", value.strip()):
        part = _LEADING_ARTICLE.sub("", part.strip())
        if not part:
            continue
        pieces = _OF_THE.split(part)
        # "Siege of Deir ez-Zor" has "of" without "the": kept whole
        for p in pieces:
            p = _LEADING_ARTICLE.sub("", p.strip(" ."))
            if p and p not in out:
                out.append(p[0].upper() + p[1:])
        break  # the first listed whole is the chain; others would be siblings
    return out


def parent_pairs(title: str | None, infobox: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(child, parent) topic names stated by one article's title and infobox."""
    if not title:
        return []
    for key, value in infobox:
        if key.strip().lower() in PART_OF_KEYS and value.strip():
            chain = [title, *part_of_chain(value)]
            return [(a, b) for a, b in zip(chain, chain[1:]) if a != b]
    return []
