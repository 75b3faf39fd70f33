"""Daily current-events digests in YAML: one file per day, one Document per file.

A file looks like::

    Date: '2015-11-01'
    Source_URI: Portal:Current events/2015 November 1
    Intelligence_Payload:
      Armed conflicts and attacks:
      - Syrian Civil War                      # a story heading
      - Islamic State fighters seize ... (Reuters) (AFP via Yahoo! News)   # an item

Stages, in order:

1. parse the YAML and check its shape (``Date``, a mapping ``Intelligence_Payload``);
2. flatten each category's list into lines (nested lists flattened, other entries
   reported as problems and skipped);
3. split off each line's trailing run of parenthesised source groups, or a bare URL or
   outlet name (``_parse_line``);
4. classify the line as a story heading or an event item (``_is_heading``);
5. render a readable ``text`` (``## Category``, ``### Heading``, ``- item``) and record
   each item's headline offsets in it.

A heading applies to the items after it in the same category until the next heading;
consecutive headings (a nested story, "Syrian Civil War" then "Aleppo offensive (May 2016)")
all apply. Items before any heading have no story topic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

from ..errors import UnreadableDocument
from ..model import Document, DigestItem, Problem, Source

FORMAT = "current_events_yaml"

PAYLOAD_KEY = "Intelligence_Payload"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# --- Tuning constants ---------------------------------------------------------------
# Calibrated on all 3,286 files in bench/current_events (58,369 lines): the word counts
# of lines were tabulated by (ends a sentence?, has trailing "(...)" groups?), and every
# bucket near a threshold was read by hand (several hundred lines across 2011-2019).

# A line with no sentence end, sources or item verb is a heading up to this many words.
# All 150 of a random sample of such lines were headings; of the 42 longer ones that are
# not title lists, 41 are items that lost their full stop or sources (the one heading:
# "Islamic State of Iraq and the Levant in Libya during the Libyan Civil War", 13 words).
MAX_HEADING_WORDS = 12

# Longer headings exist from 2016 on: comma-separated lists of article titles
# ("2019 Venezuelan presidential crisis, United States–Venezuela relations, ...").
# A line is such a list when it has 2+ segments, each capitalised and at most this long.
MAX_TOPIC_SEGMENT_WORDS = 12

# When the text before a "(...)" run does not end a sentence, a group is taken as a source
# only if it is at most this long: cited outlets are 1-8 words in all but 8 of the 55,474
# groups that follow a full stop ("AP via U.S. News & World Report" is 7); longer groups
# are asides ("... outright (Steve McNair shared the award in 2004 with Peyton Manning).").
MAX_LOOSE_SOURCE_WORDS = 8

# ... but a single such group after a title of at most this many words is a disambiguator:
# "Typhoon Melor (Nona)", "State of the Union (European Union)". Of the 28 lines with one
# loose group after 1-8 words, 15 are such headings; at <= 6 words one item is caught
# ("Italy recognizes Libyan rebel government (Christian Science Monitor)").
MAX_DISAMBIGUATED_TITLE_WORDS = 6

# A bare source name after the last full stop ("... leaving one dead. The Maritime
# Executive") is at most this many words, each capitalised or a connector below.
MAX_BARE_SOURCE_WORDS = 4
BARE_SOURCE_CONNECTORS = frozenset({"via", "in", "of", "the", "and", "de", "&"})
MIN_SENTENCE_CHARS = 20  # the sentence before a bare source name is at least this long

# A "(...)" group that starts with a digit, a month, a lower-case word or "post-" is a
# title disambiguator ("War in Afghanistan (2001–2021)", "2015 US Open (tennis)",
# "Iraqi insurgency (post-U.S. withdrawal)"), not a cited source, unless it is a domain
# name ("(whitehouse.gov)") or has " via ".
_DISAMBIGUATOR = re.compile(
    r"^(?:\d|[a-z]|post-|(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b)")

_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")

# Finite verbs that occur in no heading of the corpus but in 14 items that lost their full
# stop ("Matt Terry wins The X Factor", "HDNet is Changing to AXS TV"). Participles such as
# "killed" are left out: headings use them ("List of journalists killed in Russia").
_ITEM_VERBS = re.compile(r"\b(?:is|are|was|were|wins|won|releases|selected|held)\b")

# A sentence ends in . ! or ?, possibly inside closing quotes, but not in a common
# abbreviation or initials ("Shooting of Antwon Rose Jr.", "... in Washington, D.C.").
_SENTENCE_END = re.compile(r"[.!?][\"'”’»]*$")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|vs|v|No|Mt|Dr|Bros)|\b(?:[A-Z]\.){2,}|\b[A-Z])\.$")
# A sentence boundary inside a line: a lower-case word, a full stop, a capital.
_INNER_SENTENCE = re.compile(r"[a-z]{2}[.!?] [A-Z]")

# Characters allowed between and after source groups: "(CNN), (BBC).", "(AP)'".
_RUN_JUNK = " \t,;.'\"”’"
_CLOSERS = ")}"  # "}" for ")" is a typo seen 6 times in the corpus: "(NBC News}"
_OPENERS = "({"
_URL_AT_END = re.compile(r"\[?((?:https?://|www\.)\S+)$")


@dataclass
class _Line:
    """One payload line, split into its headline part and the sources after it."""

    text: str  # whitespace-normalised
    headline: str  # text minus the trailing sources / URL / bare source name
    sources: list[Source] = field(default_factory=list)


def sniff(name: str, head: str) -> bool:
    """A ``.yaml``/``.yml`` file whose head shows the digest's top-level keys."""
    if not name.lower().endswith((".yaml", ".yml")):
        return False
    return PAYLOAD_KEY in head or ("Date:" in head and "Source_URI" in head)


def read(text: str, *, path: str, doc_id: str) -> Iterator[Document | Problem]:
    """Yield the day's Document (and a Problem for each entry that is not text)."""
    data = _load(text)
    day = _digest_date(data.get("Date"))
    payload = data.get(PAYLOAD_KEY)
    if not isinstance(payload, dict):
        found = "missing" if payload is None else f"a {type(payload).__name__}"
        raise UnreadableDocument(
            f"'{PAYLOAD_KEY}' is {found}, not a mapping of category -> list of lines; "
            "fix the file")
    source_uri = data.get("Source_URI")
    source_uri = str(source_uri) if source_uri is not None else None

    out = _Renderer(day)
    problems: list[Problem] = []
    sections = load_sections()
    story_keys: set[str] = set()
    for key, entries in payload.items():
        key = " ".join(str(key).split())
        out.category(key)
        # a key that is no digest section is a story ("Syrian civil war"): a topic, not a category
        category = sections.get(key.lower())
        outer = [] if category else [key]
        story: list[str] = []
        after_heading = False
        for raw in _flatten(entries, category=key, path=path, problems=problems):
            line = _parse_line(raw)
            if not line.text:
                continue
            if _is_heading(line):
                story = story + [line.text] if after_heading else [line.text]
                after_heading = True
                out.heading(line.text)
            else:
                after_heading = False
                out.item(line, category=category, topics=outer + story)
                story_keys.update(outer)
    yield Document(
        id=doc_id, kind="digest", format=FORMAT, text=out.text(), source_path=path,
        title=f"Current events {day}", url=None, published=day, published_precision="day",
        published_basis="digest date", items=out.items, topics=sorted(out.headings | story_keys),
        meta={"source_uri": source_uri} if source_uri else {},
    )
    yield from problems


# --- stage 1: YAML and shape ---------------------------------------------------------

def _load(text: str) -> dict:
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UnreadableDocument(
            f"invalid YAML{where}: {problem}; fix the YAML (quote lines that contain ': ' "
            "or start with a special character)") from exc
    if not isinstance(data, dict):
        raise UnreadableDocument(
            "not a current-events digest: the YAML is not a mapping with 'Date' and "
            f"'{PAYLOAD_KEY}'")
    return data


def _digest_date(value: object) -> str:
    """The ``Date`` as ISO text; YAML may give a date object for an unquoted date."""
    if value is None:
        raise UnreadableDocument("no 'Date' key: add the digest's day as Date: 'YYYY-MM-DD'")
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise UnreadableDocument(
            f"'Date' is {value!r}, not a date: write it as 'YYYY-MM-DD'") from None


# --- stage 2: flatten ----------------------------------------------------------------

@lru_cache(maxsize=1)
def load_sections() -> dict[str, str]:
    """Spelling (lower case) -> canonical digest section, from data/digest_sections.yaml."""
    raw = yaml.load(resources.files("dateline.data").joinpath("digest_sections.yaml").read_text("utf-8"),
                    Loader=_LOADER)
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise ValueError("dateline/data/digest_sections.yaml must map each section to a list of spellings")
    return {spelling.lower(): canonical for canonical, spellings in raw.items() for spelling in spellings}


def _flatten(entries: object, *, category: str, path: str,
             problems: list[Problem]) -> Iterator[str]:
    """The category's lines: nested lists flattened, scalars as text, mappings skipped."""
    if entries is None:
        return
    if isinstance(entries, list):
        for entry in entries:
            yield from _flatten(entry, category=category, path=path, problems=problems)
    elif isinstance(entries, str):
        yield entries
    elif isinstance(entries, (int, float, date)) and not isinstance(entries, bool):
        yield str(entries)
    else:
        problems.append(Problem(
            path, f"category {category!r}: skipped a {type(entries).__name__} entry "
            f"({str(entries)[:60]!r}); entries must be lines of text"))


# --- stage 3: sources ----------------------------------------------------------------

def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(_SENTENCE_END.search(text)) and not _ABBREVIATION_END.search(text)


def _looks_like_source(group: str) -> bool:
    if not group:
        return False
    if " via " in group or _DOMAIN.match(group):
        return True
    return not _DISAMBIGUATOR.match(group) and len(group.split()) <= MAX_LOOSE_SOURCE_WORDS


def _is_disambiguated_title(text: str, group: tuple[int, str]) -> bool:
    """A lone capitalised group after a short title: "Chief of Army Staff (Pakistan)"."""
    start, inner = group
    return (" via " not in inner and not _DOMAIN.match(inner)
            and len(text[:start].split()) <= MAX_DISAMBIGUATED_TITLE_WORDS)


def _trailing_groups(text: str) -> list[tuple[int, str]]:
    """The trailing run of "(...)" groups as (start offset, inner text), left to right.

    Groups may nest one inside another ("(The Daily Star (Lebanon) via Reuters)"), close
    with "}" by mistake, and be separated or followed by commas, full stops and quotes.
    The rightmost group may be left unclosed ("... (Voice of America").
    """
    groups: list[tuple[int, str]] = []
    end = len(text.rstrip(_RUN_JUNK))
    while end > 0 and text[end - 1] in _CLOSERS:
        depth, i = 0, end - 1
        while i >= 0:
            if text[i] in _CLOSERS:
                depth += 1
            elif text[i] in _OPENERS:
                depth -= 1
                if depth == 0:
                    break
            i -= 1
        if i < 0 or text[i] != "(":
            if end > 1 and text[end - 2] in _CLOSERS:  # a doubled ")": "(France 24))"
                end -= 1
                continue
            break
        groups.insert(0, (i, text[i + 1:end - 1].strip()))
        end = len(text[:i].rstrip(_RUN_JUNK))
    if not groups:
        opening = text.rfind("(")
        if opening > 0 and ")" not in text[opening:] and "}" not in text[opening:]:
            inner = text[opening + 1:].strip(_RUN_JUNK)
            if inner and len(inner.split()) <= MAX_LOOSE_SOURCE_WORDS:
                groups.append((opening, inner))
    return groups


def _parse_line(raw: str) -> _Line:
    """Normalise whitespace and split off the trailing sources, URL or bare source name."""
    text = " ".join(raw.split())
    groups = _trailing_groups(text)
    cut = len(text)
    # After a full stop every group is a citation ("... dead. (AP) (BBC)"); groups before
    # the first full stop count only if source-like ("... killed (Reuters)").
    # Groups before a full stop are inside the sentence: "... Directorate (DNA). (actmedia)".
    first = next((k for k, (start, _) in enumerate(groups)
                  if _ends_sentence(text[:start])), len(groups))
    if first == len(groups):
        while first > 0 and _looks_like_source(groups[first - 1][1]):
            first -= 1
        if first == len(groups) - 1 and _is_disambiguated_title(text, groups[first]):
            first = len(groups)  # "Typhoon Melor (Nona)", "Anglophone problem (Cameroon)"
    sources = groups[first:]
    if sources:
        cut = sources[0][0]
    headline = text[:cut].rstrip(" ,;")
    line = _Line(text=text, headline=headline, sources=[Source(inner) for _, inner in sources])
    if m := _URL_AT_END.search(headline):  # a bare link, maybe "[url (Name)" wiki syntax
        url = m.group(1)
        named = line.sources[0].name if len(line.sources) == 1 else _site(url)
        if len(line.sources) <= 1:
            line.sources = [Source(named, url=url)]
        line.headline = headline[:m.start()].rstrip(" ,;")
    elif not sources and not _ends_sentence(headline) and (name := _bare_source(headline)):
        line.sources = [Source(name)]
        line.headline = headline[:len(headline) - len(name)].rstrip()
    return line


def _site(url: str) -> str:
    """The host of a URL without "www.": "https://www.bbc.com/news/x" -> "bbc.com"."""
    host = re.sub(r"^(?:https?://)?", "", url).split("/", 1)[0]
    return host.removeprefix("www.")


def _bare_source(headline: str) -> str | None:
    """An outlet named after the last full stop without parentheses ("... dead. BBC")."""
    for end in range(len(headline) - 1, MIN_SENTENCE_CHARS, -1):
        if headline[end - 1] not in ".!?":
            continue
        name = headline[end:].strip()
        words = name.split()
        if len(words) > MAX_BARE_SOURCE_WORDS:
            return None
        if name[:1].isupper() and _ends_sentence(headline[:end]) and all(
                w[:1].isupper() or w[:1].isdigit() or w in BARE_SOURCE_CONNECTORS
                for w in words):
            return name
    return None


# --- stage 4: heading or item --------------------------------------------------------

def _is_heading(line: _Line) -> bool:
    """A story heading: a short title without a sentence end, sources, URL or verb.

    The rules, in order (first match decides):

    1. cited sources (in parentheses, a bare URL or a bare outlet name) -> item;
    2. the text ends a sentence (not an abbreviation like "Jr." or "D.C.") -> item;
    3. a finite verb from ``_ITEM_VERBS`` -> item;
    4. at most ``MAX_HEADING_WORDS`` words -> heading;
    5. a comma-separated list of titles (``_is_topic_list``) -> heading;
    6. otherwise -> item.
    """
    if line.sources:
        return False
    text = line.text
    if _ends_sentence(text) or _ITEM_VERBS.search(text):
        return False
    if len(text.split()) <= MAX_HEADING_WORDS:
        return True
    return _is_topic_list(text)


def _is_topic_list(text: str) -> bool:
    """ "A, B, C": two or more capitalised titles, none of them a sentence."""
    if _INNER_SENTENCE.search(text):
        return False
    segments = [s.strip() for s in re.split(r"[,;] ", text)]
    return len(segments) >= 2 and all(
        s[:1].isupper() or s[:1].isdigit() for s in segments) and all(
        len(s.split()) <= MAX_TOPIC_SEGMENT_WORDS for s in segments)


# --- stage 5: render -----------------------------------------------------------------

class _Renderer:
    """Builds ``Document.text`` line by line and records each item's headline offsets."""

    def __init__(self, day: str) -> None:
        self.day = day
        self.lines: list[str] = [f"# Current events {day}"]
        self.offset = len(self.lines[0]) + 1
        self.items: list[DigestItem] = []
        self.headings: set[str] = set()

    def _add(self, line: str) -> int:
        start = self.offset
        self.lines.append(line)
        self.offset += len(line) + 1
        return start

    def category(self, name: str) -> None:
        self._add("")
        self._add(f"## {name}")

    def heading(self, text: str) -> None:
        self.headings.add(text)
        self._add(f"### {text}")

    def item(self, line: _Line, *, category: str, topics: list[str]) -> None:
        start = self._add(f"- {line.text}") + 2  # the headline is a prefix of the line
        self.items.append(DigestItem(
            headline=line.headline, date=self.day, role="item", category=category,
            topics=list(topics), sources=list(line.sources),
            start=start, end=start + len(line.headline),
        ))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
