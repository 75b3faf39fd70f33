"""Dataclasses produced by the extraction stage (dateline.extract).

Offsets: ``start``/``end`` in a Sentence are offsets into Document.text; offsets in the
per-sentence findings (figures, actors, places) are offsets into Document.text as well,
so any finding can be highlighted in the stored document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Place


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (blank-line separated block) holding it


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO ``date`` at ``precision`` ("2015-11-08", "2017-09", "2014"), with how."""

    date: str
    precision: str  # "day" | "month" | "year"
    basis: str  # how it was resolved, e.g. "weekday 'Sunday' before publication 2015-11-08"
    date_end: str | None = None  # ISO day, set for ranges ("from 29 to 31 October")


@dataclass(frozen=True)
class Quantity:
    """A count read from text: "at least 58" -> (58, 58, None); "six to nine" -> (6, 6, 9); "dozens" -> range.

    ``best`` is conservative (ACLED): the lower end of a range or of a vague quantity; see
    data/quantities.yaml for every qualifier's reading.
    """

    low: int
    best: int
    high: int | None  # None: open-ended ("at least 58" has no stated upper bound)
    text: str
    start: int
    end: int
    qualifier: str | None = None  # "at least", "over", "about", "vague", "range", ...


@dataclass(frozen=True)
class CasualtyFigure:
    """One casualty figure stated in a sentence, as a claim."""

    kind: str  # "killed" | "wounded" | "captured"
    low: int
    best: int
    high: int | None
    who: str | None  # what was counted, as written: "militants", "Syrian government troops and militia"
    side: str | None  # canonical side from data/actors.yaml, e.g. "Syrian government", "Islamic State", "civilians"
    claimed_by: str | None  # "SOHR", "SANA", "the Army", "police" ...
    tally: bool  # cumulative count over a long period, not one event's toll
    start: int
    end: int
    text: str
    trigger: str | None = None  # the term that set the kind (casualty_terms.yaml): "killed", "shot", "critical" ...
    vague: bool = False  # a vague quantity ("dozens", "several"), not a count


@dataclass(frozen=True)
class ActorMention:
    name: str  # canonical name from data/actors.yaml
    side: str | None
    start: int
    end: int
    text: str
    source: bool = False  # a monitor or medium that reports figures (SOHR, SANA), not a party


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    text: str
    relation: str | None = None  # "in", "near", "province", "context" ...


@dataclass(frozen=True)
class EventTyping:
    event_type: str
    sub_event_type: str
    trigger: str | None = None  # the word(s) that decided it
    score: float = 0.0


@dataclass(frozen=True)
class PersonMention:
    name: str
    role: str | None  # victim | perpetrator | official | other
    status: str | None  # killed | wounded | captured | unharmed
    start: int
    end: int


@dataclass
class EventMention:
    """One event as one document states it: its sentences and everything read from them."""

    doc: str
    sentences: list[Sentence]
    date: DateValue | None = None
    place: PlaceMention | None = None
    typing: EventTyping | None = None
    figures: list[CasualtyFigure] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    lead: bool = False  # the document's main event (title and lead)
    item: int | None = None  # index into Document.items when the mention is a digest item
