"""Bar charts drawn on the server as SVG: casualties by month (topics) or by day (the front page).

A chart is a list of buckets in time order, every bucket of the span present (a month
without events is a visible gap, not a missing bar); killed and wounded stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT = 960.0, 240.0  # a chart across the page; a chart beside a map is narrower (``width``)
LEFT, RIGHT, TOP, BOTTOM = 46.0, 8.0, 12.0, 26.0  # room for the axis labels
MAX_MONTHS = 240  # a longer span is shown from its last 20 years


@dataclass(frozen=True)
class Bar:
    key: str  # "2015-11" or "2015-11-08"
    x: float
    w: float
    killed_y: float
    killed_h: float
    wounded_y: float
    wounded_h: float
    killed: int
    wounded: int
    events: int
    label: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # y, label
    x_labels: list[tuple[float, str]]  # x, label
    max_value: int
    total_killed: int
    total_wounded: int
    baseline: float
    left: float

    @property
    def empty(self) -> bool:
        return not self.bars


@dataclass(frozen=True)
class Bucket:
    key: str
    killed: int = 0
    wounded: int = 0
    events: int = 0


def month_keys(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7]) if len(first) >= 7 else 1
    ly, lm = int(last[:4]), int(last[5:7]) if len(last) >= 7 else 12
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out[-MAX_MONTHS:]


def day_keys(first: str, last: str) -> list[str]:
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    out = []
    while d <= end:
        out.append(d.isoformat())
        d += timedelta(days=1)
    return out


def by_month(rows) -> list[Bucket]:
    """Buckets per month from (date, killed, wounded) rows; dates coarser than a month are left out."""
    acc: dict[str, list[int]] = {}
    for d, killed, wounded in rows:
        if not d or len(d) < 7:
            continue
        a = acc.setdefault(d[:7], [0, 0, 0])
        a[0] += killed or 0
        a[1] += wounded or 0
        a[2] += 1
    if not acc:
        return []
    keys = month_keys(min(acc), max(acc))
    return [Bucket(k, *acc.get(k, (0, 0, 0))) for k in keys]


def by_day(rows, first: str, last: str) -> list[Bucket]:
    acc = {d: (k, w, n) for d, k, w, n in rows}
    return [Bucket(k, *acc.get(k, (0, 0, 0))) for k in day_keys(first, last)]


def bar_chart(buckets: list[Bucket], *, width: float = WIDTH, height: float = HEIGHT) -> Chart:
    """Stacked bars (killed below, wounded above) in a ``width`` × ``height`` SVG box; labels are in
    the box's units, so a narrower box has relatively larger text."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    baseline = TOP + plot_h
    top_value = max((b.killed + b.wounded for b in buckets), default=0)
    scale_max = _nice(top_value)
    n = max(len(buckets), 1)
    step = plot_w / n
    w = max(step * 0.8, 0.5)
    bars = []
    for i, b in enumerate(buckets):
        x = LEFT + i * step + (step - w) / 2
        kh = plot_h * b.killed / scale_max if scale_max else 0
        wh = plot_h * b.wounded / scale_max if scale_max else 0
        label = f"{b.key}: {b.killed} killed, {b.wounded} wounded, {b.events} event{'s' if b.events != 1 else ''}"
        bars.append(Bar(b.key, round(x, 2), round(w, 2), round(baseline - kh, 2), round(kh, 2),
                        round(baseline - kh - wh, 2), round(wh, 2), b.killed, b.wounded, b.events, label))
    ticks = [(round(baseline - plot_h * f, 2), compact(round(scale_max * f))) for f in (0, 0.5, 1)] if scale_max else []
    return Chart(width, height, bars, ticks, _x_labels(buckets, step), top_value,
                 sum(b.killed for b in buckets), sum(b.wounded for b in buckets), baseline, LEFT)


def _x_labels(buckets: list[Bucket], step: float) -> list[tuple[float, str]]:
    """A label at each year (months) or every few days (days), never crowded."""
    if not buckets:
        return []
    out: list[tuple[float, str]] = []
    min_gap = 48.0
    last_x = -1e9
    for i, b in enumerate(buckets):
        x = LEFT + i * step + step / 2
        if len(b.key) == 7:
            text = b.key[:4] if (b.key.endswith("-01") or i == 0) else None
            if text is None and len(buckets) <= 14:
                text = b.key
        else:
            text = b.key[5:]
        if text and x - last_x >= min_gap:
            out.append((round(x, 2), text))
            last_x = x
    return out


def compact(v: int) -> str:
    """An axis label that fits the margin: 950, 9,500, 95k, 2.5M."""
    if v >= 1_000_000:
        return f"{v / 1_000_000:.3g}M"
    if v >= 100_000:
        return f"{v / 1000:.3g}k"
    return f"{v:,}"


def _nice(v: int) -> int:
    """The smallest of 1, 2, 5 × 10^k at or above ``v`` (0 stays 0)."""
    if v <= 0:
        return 0
    k = 1
    while True:
        for m in (1, 2, 5):
            if m * k >= v:
                return m * k
        k *= 10
