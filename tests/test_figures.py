"""The event-figure rule: per side, per claimer, conservative across claimers, summed over sides."""

from dateline.export.figures import ClaimRow, event_figures, figures_for, report_totals, report_votes
from dateline.model import Figure


def c(kind, best, side=None, by=None, low=None, high=None, tally=False, vague=False):
    return ClaimRow(kind, best if low is None else low, best, high, side, by, tally, vague)


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


def test_vague_quantities_yield_to_counts():
    # "at least 58 ... (SOHR)" and ISIS claiming "scores" of the same side: the count stands
    f = figures_for([c("killed", 58, "Syrian government", by="SOHR"),
                     c("killed", 40, "Syrian government", by="Islamic State", high=199, vague=True)], "killed")
    assert f.total.best == 58
    # a vague other side stays in by_side but out of a counted total
    f = figures_for([c("killed", 75, "Syrian government"), c("killed", 24, "Islamic State", high=99, vague=True)],
                    "killed")
    assert f.total.best == 75 and f.by_side["Islamic State"].best == 24
    # with nothing but vague figures, they are the figure
    f = figures_for([c("killed", 40, "Syrian government", high=199, vague=True)], "killed")
    assert (f.total.low, f.total.best, f.total.high) == (40, 40, 199)


def test_people_shot_minus_killed_are_wounded():
    shot = ClaimRow("wounded", 4, 4, 4, None, None, False, False, "shot")
    died = ClaimRow("killed", 1, 1, 1, None, None, False, False, "died")
    figs = event_figures([shot, died])
    assert figs["killed"].total.best == 1 and figs["wounded"].total.best == 3
    hurt = ClaimRow("wounded", 5, 5, 5, None, None, False, False, "injured")
    assert event_figures([shot, died, hurt])["wounded"].total.best == 5


def report_vote(per_document, kind):
    """Rule 7 for one kind, as compute_events applies it: each document's totals, then the vote."""
    return report_votes([report_totals(claims) for claims in per_document]).get(kind)


def test_the_total_most_reports_state_wins_one_vote_per_document():
    two = [ClaimRow("killed", 2, 2, 2, "civilians", None, False)]
    three = [ClaimRow("killed", 3, 3, 3, "civilians", None, False)]
    assert report_vote([two, three, two], "killed") == 2
    assert report_vote([two, three], "killed") is None  # no two reports agree: the claims rule stands
    assert report_vote([two + two + two, three, three], "killed") == 3  # a document votes once
    assert report_vote([three, two, three, two], "killed") == 2  # a tie: the lowest


def test_a_report_of_the_toll_that_names_no_wounded_votes_none_wounded():
    shot = [ClaimRow("wounded", 1, 1, 1, "civilians", None, False, False, "shot")]
    died = [ClaimRow("killed", 1, 1, 1, "civilians", None, False)]
    assert report_vote([shot, died, died], "wounded") == 0
    assert report_vote([shot, died, died], "killed") == 1
    assert report_vote([shot, [], []], "wounded") is None  # documents stating no toll do not vote


def test_a_later_report_counting_a_wounded_victim_dead_updates_the_toll():
    from dateline.export.figures import died_of_wounds, report_totals
    shot = report_totals([ClaimRow("wounded", 2, 2, 2, None, None, False, False, "shot")])
    one_died = report_totals([ClaimRow("killed", 1, 1, 1, None, None, False),
                              ClaimRow("wounded", 1, 1, 1, None, None, False)])
    assert shot == {"killed": 0, "wounded": 2}
    assert died_of_wounds([("2016-05-01", shot), ("2016-05-03", one_died)]) == (1, 1)
    # the same day, or earlier, is a disagreement for rule 7, not an update
    assert died_of_wounds([("2016-05-03", shot), ("2016-05-03", one_died)]) is None
    assert died_of_wounds([("2016-05-04", shot), ("2016-05-03", one_died)]) is None
    # more dead but not the same people hit: another count, not a death from wounds
    three_dead = report_totals([ClaimRow("killed", 3, 3, 3, None, None, False)])
    assert died_of_wounds([("2016-05-01", shot), ("2016-05-03", three_dead)]) is None


def test_a_gunman_who_killed_himself_was_not_among_the_people_he_shot():
    shot = ClaimRow("wounded", 3, 3, 3, "civilians", None, False, False, "shot")
    himself = ClaimRow("killed", 1, 1, 1, "perpetrators", None, False, False, "killed")
    assert event_figures([shot, himself])["wounded"].total.best == 3
    died = ClaimRow("killed", 1, 1, 1, "civilians", None, False, False, "died")
    assert event_figures([shot, died])["wounded"].total.best == 2


def test_one_person_a_source_names_is_no_estimate_against_a_count_of_several():
    four = ClaimRow("wounded", 4, 4, 4, "civilians", None, False, False, "injured")
    one = ClaimRow("wounded", 1, 1, 1, "civilians", "police", False, False, "injured")
    assert event_figures([four, one])["wounded"].total.best == 4
    two = ClaimRow("wounded", 2, 2, 2, "civilians", "police", False, False, "injured")
    assert event_figures([four, two])["wounded"].total.best == 2  # two counts: the conservative one
