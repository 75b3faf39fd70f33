"""Event casualty figures from claims, by a documented rule.

For each kind (killed, wounded, captured):

1. Cumulative tallies are set aside when the event has any other claim of that kind.
2. Claims are grouped by side (an unstated side is its own group) and by claimer. Within one
   claimer, the highest figure stands (a source restating or updating its own count).
3. Across claimers of the same side, the most conservative figure is the event's best
   (ACLED's rule), low is the lowest low and high the highest high (UCDP's low/best/high);
   when claimers disagree the figure is disputed. A claimer's single person is no estimate
   against another's count of several ("the only victim with serious injuries", police said,
   beside "the shooting that injured four people"): GVA per article wounded 3164 -> 3186 and
   killed 3582 -> 3595 right of 4396.
4. The total is the sum over stated sides, or the largest figure with no side when that is
   larger (an unsided "58 dead" is the total, not another side).
6. "Shot" counts people hit whose fate the sentence leaves open: wounded is the larger of the
   counted wounded and (people shot - killed), as "four people were shot; one died" means
   three wounded. Dead perpetrators count there only when perpetrators were among the shot:
   a gunman who killed himself was not one of the people he shot. (Calibrated on the GVA
   articles, bench/score_casualties_gva.py.)
5. Vague quantities ("dozens", "several", "scores") stand only where nothing better is
   stated: a side's vague claim yields to a counted claim for that side, and vague sides are
   left out of a total that has counted sides (they stay in ``by_side``).
7. Across reports (:func:`report_votes`): when two or more documents reporting the event state
   the same total for a kind, and more of them than state any other total, that total is the
   event's best, one vote per document (ties: the lowest, ACLED's conservative choice); the
   claims rule above then only widens low and high, and the figure is marked disputed when
   the reports disagree. One report that adds up a different incident's toll or misreads a
   figure no longer sets the event's figure (GVA per incident: killed 0.841 -> 0.850,
   injured 0.743 -> 0.751).
8. A victim who died of their wounds (:func:`died_of_wounds`): when a report published on a
   later day counts more dead and the same number of people hit (killed + wounded) as an
   earlier report, the wounded it now counts dead have died; the latest such report's killed
   and wounded are the event's best, over rule 7 (an update, not a dispute of the count).
   GVA per incident, simulated over the reports' figures: killed 2164 -> 2174 right, wounded
   1916 -> 1930 of 2533.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Figure

PERPETRATORS = "perpetrators"  # the side extract/casualties/sides.py gives a gunman who shot himself


@dataclass(frozen=True)
class ClaimRow:
    kind: str
    low: int | None
    best: int | None
    high: int | None
    side: str | None
    claimed_by: str | None
    tally: bool
    vague: bool = False
    trigger: str | None = None


@dataclass(frozen=True)
class KindFigures:
    total: Figure | None
    by_side: dict[str, Figure]
    disputed: bool
    tally: bool


def _combine(claims: list[ClaimRow]) -> tuple[Figure, bool]:
    per_claimer: dict[str | None, ClaimRow] = {}
    for c in claims:
        cur = per_claimer.get(c.claimed_by)
        if cur is None or (c.best or 0) > (cur.best or 0):
            per_claimer[c.claimed_by] = c
    chosen = list(per_claimer.values())
    if any((c.best or 0) > 1 for c in chosen):
        # one person ("the only victim with serious injuries", police said) is no estimate of a
        # count another source gives ("the shooting that injured four people")
        chosen = [c for c in chosen if c.best != 1] or chosen
    bests = [c.best for c in chosen if c.best is not None]
    lows = [c.low for c in chosen if c.low is not None]
    highs = [c.high if c.high is not None else c.best for c in chosen]
    highs = [h for h in highs if h is not None]
    best = min(bests) if bests else None
    return Figure(min(lows) if lows else best, best, max(highs) if highs else None), len(set(bests)) > 1


def _add(a: Figure, b: Figure) -> Figure:
    def s(x, y):
        return None if x is None or y is None else x + y
    return Figure(s(a.low, b.low), s(a.best, b.best), s(a.high, b.high))


def figures_for(claims: list[ClaimRow], kind: str) -> KindFigures:
    mine = [c for c in claims if c.kind == kind]
    if not mine:
        return KindFigures(None, {}, False, False)
    single = [c for c in mine if not c.tally]
    tally = not single
    use = single or mine
    by_side_claims: dict[str | None, list[ClaimRow]] = defaultdict(list)
    for c in use:
        by_side_claims[c.side].append(c)
    for side, cs in by_side_claims.items():
        counted = [c for c in cs if not c.vague]
        if counted:
            by_side_claims[side] = counted
    by_side: dict[str, Figure] = {}
    disputed = False
    unsided: Figure | None = None
    for side, cs in by_side_claims.items():
        fig, d = _combine(cs)
        disputed |= d
        if side is None:
            unsided = fig
        else:
            by_side[side] = fig
    vague_sides = {side for side, cs in by_side_claims.items() if all(c.vague for c in cs)}
    counted_sides = [f for side, f in by_side.items() if side not in vague_sides]
    total: Figure | None = None
    for fig in counted_sides or list(by_side.values()):
        total = fig if total is None else _add(total, fig)
    if unsided is not None and (total is None or (None not in vague_sides and (unsided.best or 0) > (total.best or 0))):
        total = unsided
    return KindFigures(total, by_side, disputed, tally)


def event_figures(claims: list[ClaimRow]) -> dict[str, KindFigures]:
    """Killed, wounded and captured of one event (rules 1-6)."""
    out = {k: figures_for(claims, k) for k in ("killed", "captured")}
    hit = [c for c in claims if c.kind == "wounded" and c.trigger == "shot"]
    wounded = figures_for([c for c in claims if not (c.kind == "wounded" and c.trigger == "shot")], "wounded")
    if hit:
        shot = figures_for(hit, "wounded")
        # only the dead of the sides that were shot died of it: a gunman who then killed
        # himself ("shot two women and a girl before turning the gun on himself") is not one of them
        shot_sides = {c.side for c in hit}
        among = figures_for([c for c in claims if c.kind == "killed" and (
            c.side != PERPETRATORS or PERPETRATORS in shot_sides)], "killed").total
        killed = among.best if among else 0
        left = (shot.total.best or 0) - (killed or 0)
        if wounded.total is None or left > (wounded.total.best or 0):
            n = max(left, 0)
            wounded = KindFigures(Figure(n, n, n), {}, shot.disputed, shot.tally)
    out["wounded"] = wounded
    return out


REPORTED_KINDS = ("killed", "wounded")  # a report stating one of these states the toll


def report_totals(claims: list[ClaimRow]) -> dict[str, int]:
    """One report's total per kind (best figures); a report of the toll that names no dead
    (no wounded) says there were none."""
    figures = event_figures(claims)
    out = {kind: f.total.best for kind, f in figures.items() if f.total is not None and f.total.best is not None}
    if any(k in out for k in REPORTED_KINDS):
        for k in REPORTED_KINDS:
            out.setdefault(k, 0)
    return out


def report_votes(totals: list[dict[str, int]]) -> dict[str, int]:
    """Per kind, the total most of the documents state (rule 7); a kind without two agreeing
    documents is absent. ``totals``: :func:`report_totals` of each document."""
    votes: dict[str, Counter[int]] = defaultdict(Counter)
    for report in totals:
        for kind, total in report.items():
            votes[kind][total] += 1
    out: dict[str, int] = {}
    for kind, counted in votes.items():
        best, n = min(counted.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= 2:
            out[kind] = best
    return out


def died_of_wounds(reports: list[tuple[str, dict[str, int]]]) -> tuple[int, int] | None:
    """Rule 8: (killed, wounded) of the latest report that counts some of an earlier report's
    wounded as dead, or None. ``reports``: (publication day, :func:`report_totals`) per document."""
    hit = [(day, t["killed"], t["wounded"]) for day, t in reports if day and "killed" in t]
    found = None
    for day, killed, wounded in sorted(hit):
        if any(d < day and k < killed and k + w == killed + wounded for d, k, w in hit):
            found = (killed, wounded)
    return found
