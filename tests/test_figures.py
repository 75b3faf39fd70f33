"""The event-figure rule: per side, per claimer, conservative across claimers, summed over sides."""

from dateline.export.figures import ClaimRow, figures_for
from dateline.model import Figure


def c(kind, best, side=None, by=None, low=None, high=None, tally=False):
    return ClaimRow(kind, best if low is None else low, best, high, side, by, tally)


def test_sides_are_summed():
    f = figures_for([c("killed", 51, "Syrian government"), c("killed", 68, "Islamic State")], "killed")
    assert f.total == Figure(119, 119, 119) and set(f.by_side) == {"Syrian government", "Islamic State"}


def test_restated_figure_is_not_added():
    f = figures_for([c("killed", 58, "Islamic State"), c("killed", 58, "Islamic State")], "killed")
    assert f.total.best == 58 and not f.disputed


def test_unsided_total_is_not_another_side():
    f = figures_for([c("killed", 58), c("killed", 58, "Islamic State")], "killed")
    assert f.total.best == 58
    f = figures_for([c("killed", 10), c("killed", 4, "rebels"), c("killed", 3, "Syrian government")], "killed")
    assert f.total.best == 10


def test_claimers_disagree_conservative_best_and_disputed():
    f = figures_for([c("killed", 160, "Syrian government", by="opposition"),
                     c("killed", 40, "Syrian government", by="SANA")], "killed")
    assert (f.total.low, f.total.best, f.total.high, f.disputed) == (40, 40, 160, True)


def test_ranges_keep_low_and_high():
    f = figures_for([c("killed", 4, "rebels"), c("killed", 6, "Syrian government", low=6, high=9)], "killed")
    assert f.total == Figure(10, 10, 13)


def test_tallies_only_when_nothing_else():
    f = figures_for([c("killed", 3000, tally=True), c("killed", 12, "rebels")], "killed")
    assert f.total.best == 12 and not f.tally
    f = figures_for([c("killed", 3000, tally=True)], "killed")
    assert f.total.best == 3000 and f.tally


def test_other_kinds_untouched():
    assert figures_for([c("wounded", 11)], "killed").total is None
