"""Drop page furniture from article text: footers, share buttons, trailing headline lists.

Rules live in ``dateline/data/boilerplate.yaml`` (with their provenance); this module
only applies them. The stages, in order:

1. cut at a trailer marker ("Latest Headlines") and drop what follows;
2. drop lines matching a furniture pattern ("Powered by …", "| About Us | …");
3. drop the trailing run of short lines without sentence punctuation (a link list);
4. collapse runs of blank lines into one paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# A line of at most this many words with no closing punctuation, at the end of the text,
# reads as a link to another story. Calibrated on seed 003's two trailing headlines.
LINK_LINE_MAX_WORDS = 16
_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]$""")


@dataclass(frozen=True)
class BoilerplateRules:
    trailer_markers: tuple[re.Pattern, ...]
    drop_lines: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def load_rules() -> BoilerplateRules:
    raw = yaml.safe_load(resources.files("dateline.data").joinpath("boilerplate.yaml").read_text("utf-8"))
    try:
        return BoilerplateRules(
            tuple(re.compile(p, re.I) for p in raw["trailer_markers"]),
            tuple(re.compile(p, re.I) for p in raw["drop_lines"]),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise ValueError(f"dateline/data/boilerplate.yaml is invalid: {exc}") from exc


def _is_link_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= LINK_LINE_MAX_WORDS and not _SENTENCE_END.search(line)


def clean_lines(lines: list[str], rules: BoilerplateRules | None = None) -> list[str]:
    """Body lines with furniture removed (blank lines kept as paragraph breaks)."""
    rules = rules or load_rules()
    kept: list[str] = []
    for line in lines:
        s = line.strip()
        if any(p.fullmatch(s) for p in rules.trailer_markers):
            break
        if any(p.fullmatch(s) for p in rules.drop_lines):
            continue
        kept.append(s)
    # trailing link list: strip blank and link-like lines from the end
    while kept and (not kept[-1] or _is_link_line(kept[-1])):
        # keep a lone last paragraph that is the whole story (nothing before it)
        if kept[-1] and not any(k for k in kept[:-1]):
            break
        kept.pop()
    out: list[str] = []
    for s in kept:
        if not s and (not out or not out[-1]):
            continue
        out.append(s)
    while out and not out[-1]:
        out.pop()
    return out


def clean_body(body: str) -> str:
    """Cleaned body text: paragraphs separated by one blank line."""
    lines = clean_lines(body.split("\n"))
    paras, cur = [], []
    for s in lines:
        if s:
            cur.append(s)
        elif cur:
            paras.append("\n".join(cur))
            cur = []
    if cur:
        paras.append("\n".join(cur))
    return "\n\n".join(paras)
