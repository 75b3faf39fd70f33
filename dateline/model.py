"""Dataclasses passed between pipeline stages.

``None`` always means "not known"; lists are empty when nothing was found.
Character offsets (``start``/``end``) point into :attr:`Document.text`, the text
Dateline stores for the document, so every mention can be traced back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("digest", "article", "reference")
_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


def iso_precision(iso: str | None) -> str | None:
    """The precision an ISO date string states: ``2015-11-08`` day, ``2011-07`` month, ``2011`` year."""
    return _PRECISION_BY_LENGTH.get(len(iso)) if iso else None


@dataclass(frozen=True)
class Source:
    """A source cited by a digest item: the outlet's name and, where given, its URL."""

    name: str
    url: str | None = None


@dataclass
class DigestItem:
    """One dated line of a digest page: an event as a digest editor wrote it."""

    headline: str
    date: str | None  # ISO YYYY-MM-DD (YYYY-MM or YYYY on pages of Dateline's md export)
    role: str  # "main" (the page's own item), "related" (listed under Related), "item" (daily digest line)
    path: str | None = None  # the site's page path, e.g. /news/2017/08/28/slug.md
    summary: str | None = None  # text under the headline, when the page has some
    category: str | None = None  # daily digest category, e.g. "Armed conflicts and attacks"
    topics: list[str] = field(default_factory=list)  # context topics / story headings
    sources: list[Source] = field(default_factory=list)
    start: int | None = None  # offsets of the headline in Document.text
    end: int | None = None


@dataclass(frozen=True)
class Section:
    """A titled part of a reference article; ``start``/``end`` bound its body in Document.text."""

    heading: str | None
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class InfoboxField:
    key: str
    value: str


@dataclass(frozen=True)
class Dateline:
    """The opening dateline of a news story: "DEIR EZZOR, Syria, Nov. 8 (UPI) --"."""

    place: str
    region: str | None = None  # what follows the place: "Syria", "Tenn."
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None


@dataclass
class Document:
    """One input document, as read and cleaned.

    ``published`` is an ISO date (or ``YYYY-MM`` / ``YYYY`` when only that is
    known) with its precision and basis (where it came from). A year is never
    invented: when nothing states it, ``published`` stays ``None``.
    """

    id: str
    kind: str  # one of KINDS
    format: str  # the reader that read it, e.g. "digest_markdown"
    text: str
    source_path: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: str | None = None  # "day" | "month" | "year"
    published_basis: str | None = None
    dateline: Dateline | None = None
    items: list[DigestItem] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    infobox: list[InfoboxField] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """An input read and deliberately left out (a navigation page that holds no document), and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Problem:
    """An input that could not be read: where it is and why, in words a user can act on."""

    path: str
    reason: str
    line: int | None = None

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


# --- the event record (DESIGN.md: the contract every output shares) ------------------------


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # "point" | "city" | "admin1" | "country"


@dataclass(frozen=True)
class Figure:
    """A casualty count as low/best/high."""

    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class CasualtyCount:
    """An event's figure for one kind: the total, its breakdown per side, and whether sources disagree."""

    low: int | None
    best: int | None
    high: int | None
    by_side: dict[str, Figure] = field(default_factory=dict)
    disputed: bool = False
    tally: bool = False  # only cumulative counts over a long period were stated


@dataclass(frozen=True)
class Claim:
    kind: str  # "killed" | "wounded" | "captured"
    low: int | None
    high: int | None
    who: str | None
    side: str | None
    claimed_by: str | None
    doc: str
    quote: str


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int | None
    end: int | None
    text: str


@dataclass(frozen=True)
class Actor:
    name: str
    side: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None  # victim | perpetrator | official | other
    status: str | None = None  # killed | wounded | captured | unharmed


@dataclass
class EventRecord:
    """One real-world event, as every output shows it. Consumers ignore keys they do not know."""

    id: str
    title: str
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None  # "day" | "month" | "year"
    date_basis: str | None = None
    place: Place | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actors: list[Actor] = field(default_factory=list)
    killed: CasualtyCount | None = None
    wounded: CasualtyCount | None = None
    captured: CasualtyCount | None = None
    claims: list[Claim] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
