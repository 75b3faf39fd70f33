"""Which sentences state events, and which of them state the same event.

Rules, per document kind:

- digest: every item is one mention (its headline sentences, plus the page summary for
  the page's own item); nothing is split or merged.
- article: the title and the event sentences of the lead form the lead mention. A later
  event sentence starts a new mention when it states its own date that differs from the
  current mention's (or any own date, past the lead, when the current mention has none), or
  names an explicit place in another region (admin1) or country; otherwise it joins the
  current mention.
- reference (a chronology): a new mention at every event sentence that anchors its own date
  and at the first event sentence of every paragraph; other event sentences join the
  current mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import SentenceDate
from .types import PlaceMention, Sentence

LEAD_PARAGRAPHS = 2  # paragraphs of an article's body, after the first, that still belong to its lead

@dataclass(frozen=True)
class SentenceFacts:
    """What segmentation needs to know of one sentence."""

    sentence: Sentence
    date: SentenceDate
    places: list[PlaceMention]
    is_event: bool


def _day(d: SentenceDate) -> str | None:
    return d.own.date if d.own else None


def _region(places: list[PlaceMention]) -> tuple[str | None, str | None] | None:
    explicit = [p for p in places if p.relation != "context"]
    if not explicit:
        return None
    p = explicit[0].place
    return (p.country, p.admin1)


def _different_region(a: tuple | None, b: tuple | None) -> bool:
    if a is None or b is None:
        return False
    if a[0] and b[0] and a[0] != b[0]:
        return True
    return bool(a[1] and b[1] and a[1] != b[1])


def segment_article(facts: list[SentenceFacts], *, has_title: bool) -> list[list[int]]:
    """Groups of sentence indexes, the lead group first."""
    groups: list[list[int]] = []
    current: list[int] = []
    cur_date: str | None = None
    cur_region = None
    lead_end = (facts[1].sentence.paragraph if len(facts) > 1 else 0) + LEAD_PARAGRAPHS
    for i, f in enumerate(facts):
        if i == 0 and has_title:
            current = [0]
            cur_region = _region(f.places)
            cur_date = _day(f.date)
            continue
        if not f.is_event:
            continue
        own, region = _day(f.date), _region(f.places)
        # a dated sentence after the lead starts its own event even when the lead stated no date
        new_date = own is not None and (own != cur_date if cur_date is not None
                                        else f.sentence.paragraph > lead_end)
        new_place = _different_region(cur_region, region)
        if current and (new_date or new_place):
            groups.append(current)
            current = []
            cur_date, cur_region = None, None
        current.append(i)
        cur_date = cur_date or own
        cur_region = cur_region or region
    if current:
        groups.append(current)
    return groups


def segment_chronology(facts: list[SentenceFacts]) -> list[list[int]]:
    groups: list[list[int]] = []
    current: list[int] = []
    paragraph = None
    for i, f in enumerate(facts):
        if not f.is_event:
            continue
        anchors = f.date.own is not None
        if current and (anchors or f.sentence.paragraph != paragraph):
            groups.append(current)
            current = []
        current.append(i)
        paragraph = f.sentence.paragraph
    if current:
        groups.append(current)
    return groups
