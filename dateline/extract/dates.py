"""Dates of sentences: what each sentence states, and the date in force for it.

:func:`resolve_dates` walks a document's sentences in order. Its stages, per sentence:

1. scan the sentence for date expressions (compiled patterns tried near trigger tokens,
   ``dates_scan``);
2. resolve each expression left to right against the document's reference points
   (``dates_resolve``): the publication date of an article, the date of a digest line, the
   running date of a chronology, and any day given earlier in the same sentence;
3. choose the sentence's own date (:func:`choose_own`): a clause-initial anchor ("On 26
   November, ..."), else the first date that is neither the date of a statement ("on Friday
   said ...") nor background ("since March 2011"), else a date of saying, else background;
4. move the running date: to the last clause-initial anchor, else to the own date when it is
   a stated day. Background and bare month/year mentions never move it. In a chronology,
   section headings ("June 2012 fighting") set it as well.

An unknown date stays unknown: a weekday in an article with no publication date resolves to
nothing, and nothing is ever filled from today. Dateparser is not used: its readings of
weekdays and relative phrases are the ones these rules exist to correct (DEPENDENCIES.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date

from ..model import Section
from .dates_calendar import Span, day_span, month_span, year_span
from .dates_resolve import Context, resolve
from .dates_scan import Candidate, Scanner, find_triggers, future_at, get_scanner, scan
from .types import DateValue, Sentence

KINDS = ("article", "reference", "digest")

_HEADING_LINE = re.compile(r"^\s*(={1,6})\s*(.+?)\s*\1\s*$")
_DIGEST_PAGE_DATE = re.compile(r"^#{1,6}\s*\[(\d{4})-(\d{1,2})-(\d{1,2})\]")
_PATH_DATE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})/")
_TENSE_SENSITIVE = frozenset({"dm", "md", "r_dm", "r_md", "mon", "wd", "season", "join"})
_ISO_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class SentenceDate:
    """The dates of one sentence.

    ``own``: the date this sentence itself states or anchors (None if it states none, or
    states one that cannot be known, such as a weekday with no publication date).
    ``current``: the date in force for the sentence: ``own``, else the running date carried
    from before (None when unknown). ``start``/``end``/``text``: the date expression behind
    ``current`` (offsets into the document text), None when ``current`` is None or did not
    come from an expression (a digest's page date). ``others``: the sentence's other
    resolved dates that are neither background nor dates of a statement.
    """

    own: DateValue | None
    current: DateValue | None
    start: int | None
    end: int | None
    text: str | None
    others: tuple[DateExpression, ...] = ()


@dataclass(frozen=True)
class DateExpression:
    """A date the sentence states besides its own ("bond was set Thursday for a man accused of
    shooting a boy Wednesday": Wednesday), neither background nor the date of a statement;
    offsets into the document text."""

    value: DateValue
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Dated:
    """A resolved date with the expression it came from (document offsets)."""

    span: Span
    start: int | None
    end: int | None
    text: str | None
    value: DateValue


def _dated(span: Span, start: int | None, end: int | None, text: str | None) -> _Dated:
    return _Dated(span, start, end, text, span.to_value())


def span_of(value: DateValue) -> Span:
    """The Span of a DateValue ("2015-11-08", "2015-11", "2015", or a range with date_end)."""
    m = _ISO_VALUE.match(value.date)
    if not m:
        raise ValueError(f"date {value.date!r} is not ISO YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m[1]), m[2], m[3]
    if d is not None:
        span = day_span(date(y, int(mo), int(d)), value.basis)
    elif mo is not None:
        span = month_span(y, int(mo), value.basis)
    else:
        span = year_span(y, value.basis)
    if value.date_end:
        end = span_of(DateValue(value.date_end, "day", value.basis))
        return Span(span.lo, end.hi, value.precision, value.basis)
    return span


def resolve_dates(text: str, sentences: list[Sentence], *, kind: str, published: DateValue | None,
                  sections: list[Section] | None = None) -> list[SentenceDate]:
    """One :class:`SentenceDate` per sentence, in order.

    ``kind`` is "article", "reference" or "digest"; ``published`` is the publication date of
    an article or the date of a digest page (None when unknown); ``sections`` are a reference
    article's sections, whose headings give the chronology its context.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}; got {kind!r}")
    scanner = get_scanner()
    pub = span_of(published) if published is not None else None
    walker = _Walker(text, kind, pub, scanner, sections if kind == "reference" else None)
    return [walker.step(s) for s in sentences]


class _Walker:
    """The running state of one document's walk (see the module docstring)."""

    def __init__(self, text: str, kind: str, pub: Span | None, scanner: Scanner,
                 sections: list[Section] | None) -> None:
        self.text, self.kind, self.pub, self.scanner = text, kind, pub, scanner
        self.terms = scanner.terms
        self.running: _Dated | None = None
        self.pending = sorted((s for s in sections or [] if s.heading), key=lambda s: s.start)
        self.heading_lines = [self._heading_line(s) for s in self.pending]
        self.digest_page: Span | None = None
        self.digest_line: int | None = None
        self.digest_ref: Span | None = pub
        self.triggers = find_triggers(text, scanner)  # once for the document, not per sentence
        self._label_for: Span | None = None
        self._label = ""

    # -- context ------------------------------------------------------------------------------

    def _ref_label(self, ref: Span | None) -> str:
        if ref is None:
            return ""
        if ref is not self._label_for:
            shown = ref.to_value().date
            self._label = f"digest dated {shown}" if self.kind == "digest" else f"article published {shown}"
            self._label_for = ref
        return self._label

    def _context(self) -> Context:
        ref = self.digest_ref if self.kind == "digest" else self.pub
        return Context(self.kind, ref, self._ref_label(ref), self.running.span if self.running else None)

    def _heading_line(self, section: Section) -> tuple[int, int]:
        line_end = max(0, section.start - 1)
        return self.text.rfind("\n", 0, line_end) + 1, line_end

    # -- headings (reference) and line dates (digest) -------------------------------------------

    def _apply_heading(self, heading: str, offset: int | None) -> _Dated | None:
        """Set the running date from a section heading that states one; returns it."""
        found = self._resolve_all(heading)
        for c, span in found:
            if span is not None:
                dated = _dated(span.with_basis(f"section heading '{heading}': {span.basis}"),
                               None if offset is None else offset + c.start,
                               None if offset is None else offset + c.end, c.text)
                self.running = dated
                return dated
        return None

    def _sections_before(self, sentence: Sentence) -> _Dated | None:
        """Apply the headings of sections that begin at or before this sentence, or whose
        heading line this sentence is; returns the last heading date applied."""
        applied = None
        while self.pending:
            section, (lo, hi) = self.pending[0], self.heading_lines[0]
            on_heading_line = lo <= sentence.start and sentence.end <= hi + 1
            if not (on_heading_line or section.start <= sentence.start):
                break
            self.pending.pop(0)
            self.heading_lines.pop(0)
            at = self.text.find(section.heading or "", lo, max(lo, section.start))
            applied = self._apply_heading(section.heading or "", at if at >= 0 else None)
        return applied

    def _digest_line_ref(self, sentence: Sentence) -> None:
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        if line_start == self.digest_line:
            return
        line_end = self.text.find("\n", sentence.start)
        self.digest_line = line_start
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)]
        page = _DIGEST_PAGE_DATE.match(line)
        if page:
            self.digest_page = _day(page, "digest page date")
        path = _PATH_DATE.search(line)
        line_ref = _day(path, "date of the linked digest item") if path else None
        ref = line_ref or self.digest_page or self.pub
        self.digest_ref = ref
        self.running = _dated(ref.with_basis(f"digest date {ref.to_value().date}"), None, None, None) if ref else None

    # -- one sentence -------------------------------------------------------------------------

    def _sentence_triggers(self, sentence: Sentence) -> list[int] | None:
        """The document's trigger positions inside ``sentence``, relative to it (None when the
        sentence is not a slice of the document text: its own are found then)."""
        if not self.text.startswith(sentence.text, sentence.start):
            return None
        lo = bisect_left(self.triggers, sentence.start)
        hi = bisect_left(self.triggers, sentence.end, lo)
        return [p - sentence.start for p in self.triggers[lo:hi]]

    def _resolve_all(self, sentence_text: str, triggers: list[int] | None = None) -> list[tuple[Candidate, Span | None]]:
        """Each expression of the sentence with its resolution, left to right. A relative
        phrase counts from the last day resolved before it in the sentence (from the last
        date of any precision for month and year steps: "five years earlier")."""
        cands = scan(sentence_text, self.scanner, triggers=triggers)
        if not cands:
            return []
        ctx = self._context()
        # only a day, month, weekday or season without a year reads the tense, and only from a
        # future cue before it in the sentence ("will appear in court on Monday")
        cue = future_at(sentence_text, self.scanner) \
            if any(c.kind in _TENSE_SENSITIVE and c.year is None for c in cands) else None
        future_ctx = replace(ctx, future=True) if cue is not None else ctx
        out: list[tuple[Candidate, Span | None]] = []
        base_day: Span | None = None
        base_any: Span | None = None
        for c in cands:
            c_ctx = future_ctx if cue is not None and cue < c.start else ctx
            span = resolve(c, c_ctx, base_any if c.unit in ("month", "year") else base_day, self.terms)
            out.append((c, span))
            if span is not None:
                base_any = span
                if span.is_day:
                    base_day = span
        return out

    def step(self, sentence: Sentence) -> SentenceDate:
        heading_dated = None
        if self.kind == "reference":
            if self.heading_lines or self.pending:
                heading_dated = self._sections_before(sentence)
            else:
                hm = _HEADING_LINE.match(sentence.text)
                if hm:
                    heading_dated = self._apply_heading(hm.group(2), sentence.start + hm.start(2))
            if _HEADING_LINE.match(sentence.text):
                return self._result(heading_dated, unknown=False)
        elif self.kind == "digest":
            self._digest_line_ref(sentence)
        found = self._resolve_all(sentence.text, self._sentence_triggers(sentence))
        if not found:
            return self._result(None, unknown=False)
        cands = [c for c, _ in found]
        i = choose_own(cands, sentence.text)
        own_span = found[i][1] if i is not None else None
        own = None
        if i is not None and own_span is not None:
            c = cands[i]
            own = _dated(own_span, sentence.start + c.start, sentence.start + c.end, c.text)
        self._move_running(sentence, found, i, own)
        unknown = i is not None and own_span is None
        others = tuple(DateExpression(span.to_value(), sentence.start + c.start, sentence.start + c.end, c.text)
                       for k, (c, span) in enumerate(found)
                       if k != i and span is not None and not c.background and not c.saying)
        return replace(self._result(own, unknown=unknown), others=others) if others else \
            self._result(own, unknown=unknown)

    def _move_running(self, sentence: Sentence, found: list[tuple[Candidate, Span | None]], i: int | None,
                      own: _Dated | None) -> None:
        anchors = [(c, s) for c, s in found if c.initial and not c.background and s is not None]
        if anchors:
            c, s = anchors[-1]
            self.running = _dated(s, sentence.start + c.start, sentence.start + c.end, c.text)
        elif own is not None and own.span.is_day and i is not None and not found[i][0].background:
            self.running = own
        elif i is not None and own is None and found[i][0].day_level:
            self.running = None  # the sentence moved to a day we cannot know

    def _result(self, own: _Dated | None, *, unknown: bool) -> SentenceDate:
        if own is not None:
            return SentenceDate(own.value, own.value, own.start, own.end, own.text)
        if unknown or self.running is None:
            return SentenceDate(None, None, None, None, None)
        r = self.running
        return SentenceDate(None, r.value, r.start, r.end, r.text)


# Expression kinds that write a day of the month ("26 November", "Nov. 8", "June 9, 2017",
# "14-15 October"), as opposed to naming it through a weekday or a relative phrase.
_WRITTEN_DAY_KINDS = frozenset({"iso", "r_dm", "r_md", "dmy", "mdy", "dm", "md"})


def states_calendar_day(expression: str) -> bool:
    """Whether a date expression (``SentenceDate.text``) writes the day of the month.

    "on 26 February" and "Nov. 8" do; "on Friday", "yesterday" and "Two days later" resolve to
    a day without writing it. Annotators of HRDsAttack record a day mostly when it is written:
    on train, 75 of the 108 lead dates resolved from a weekday had no gold day.
    """
    cands = scan(expression, get_scanner())
    if not cands:
        return False
    c = cands[0]
    kinds = {p.kind for p in c.parts} if c.kind == "join" else {c.kind}
    return bool(kinds & _WRITTEN_DAY_KINDS)


def _day(m: re.Match[str], basis: str) -> Span | None:
    try:
        return day_span(date(int(m[1]), int(m[2]), int(m[3])), basis)
    except ValueError:
        return None


def choose_own(cands: list[Candidate], sentence_text: str) -> int | None:
    """Index of the sentence's own date among its candidates (None when there is none).

    Order of preference: a clause-initial anchor that is neither background nor the date of
    a statement (the first; or the last one that opens a run-on sentence with a capital,
    "..., On 5 December, ISIS captured ..."); the first date that is neither saying nor
    background; the first date of saying. Background dates ("since March 2011", "back in
    2007", "(1920-1941)") are never a sentence's own date: they date something else.
    """
    n = len(cands)
    if n == 0:
        return None

    def saying(i: int) -> bool:
        c = cands[i]
        return c.saying or (c.initial and c.leads_report and i + 1 < n)

    anchors = [i for i in range(n) if cands[i].initial and not cands[i].background and not saying(i)]
    if anchors:
        runon = [i for i in anchors[1:] if sentence_text[cands[i].start:cands[i].start + 1].isupper()]
        return runon[-1] if runon else anchors[0]
    for keep in (lambda i: not cands[i].background and not saying(i),
                 lambda i: not cands[i].background):
        picked = [i for i in range(n) if keep(i)]
        if picked:
            return picked[0]
    return None
