"""The two joint solves (numpy for big problems, plain Python for small ones) give the same
probabilities, and the cases answered without rounds are the answers the rounds give."""
import copy

import pytest
from doc_helpers import doc_after

from geo.resolve.problem import Problem
from geo.resolve.small import solve_small
from geo.resolve.solver import solve_groups, solve_numpy

TEXTS = [
    # focus: the country named outright decides between Amman and Oman
    ('أمطار غزيرة في عمان وإغلاق طرق قرب الحدود مع الأردن', {}),
    ('غادر الوفد إلى عمان ثم عاد إلى سلطنة عمان', {}),
    # hierarchy: a state after a comma, a province after a cue word
    ('The storm hit Paris, Texas on Monday. Talks in Geneva.', {}),
    ('ضربت العاصفة باريس بولاية تكساس أمس ثم وصلت إلى حلب ودير الزور', {}),
    # proximity: places named together
    ('Talks in Paris and Geneva. Flooding in Springfield. Aid reached Mosul and Erbil.', {}),
    ('وصل الوفد إلى حلب ثم عاد إلى دير الزور والموصل وأربيل وعمان', {}),
    # bias: a country, a box
    ('They moved to Paris last year, then to Springfield and Geneva.', {'bias_country': 'US'}),
    ('Flooding closed roads in Springfield and Paris.', {'bias_bbox': (-92.0, 38.0, -87.0, 42.0)}),
    ('Flooding closed roads in Springfield and Paris.', {'bias_bbox': (170.0, -50.0, -170.0, 50.0)}),
    # one group; every group with one candidate
    ('Talks went on in Paris.', {}),
    ('وصلت القافلة إلى حلب. وفي حلب قالت المصادر إن حلب هادئة.', {}),
    ('قصفت الطائرات حي الجورة في مدينة دير الزور', {}),
]


def solved(groups, solve, bias, shortcuts=True):
    groups = copy.deepcopy(groups)
    solve(Problem(groups, bias.get('bias_country'), bias.get('bias_bbox'), shortcuts=shortcuts))
    return groups


def probabilities(groups):
    return [[(c.row, c.prob) for c in g.cands] for g in groups]


def assert_same(a, b):
    for ga, gb in zip(probabilities(a), probabilities(b), strict=True):
        assert [r for r, _ in ga] == [r for r, _ in gb]          # the same order, best first
        assert all(abs(p - q) < 1e-9 for (_, p), (_, q) in zip(ga, gb))


@pytest.mark.parametrize('text, bias', TEXTS)
def test_both_solves_and_the_shortcuts_give_the_same_probabilities(tiny_index, text, bias):
    groups = doc_after(tiny_index, text, 'candidates').groups
    assert groups
    full = solved(groups, solve_numpy, bias, shortcuts=False)       # every round, everything scored
    assert all(abs(sum(c.prob for c in g.cands) - 1.0) < 1e-9 for g in full)
    for solve in (solve_numpy, solve_small):
        for shortcuts in (False, True):
            assert_same(full, solved(groups, solve, bias, shortcuts))


def test_a_bigger_problem_with_many_groups_with_a_choice(tiny_index):
    """Every name of the fixture index that has a choice, in one problem, with parents: the
    rounds of both solves agree where each group's evidence depends on every other group."""
    text = ('Talks in Paris, Texas and Geneva. Flooding in Springfield. Aid reached Mosul and Erbil. '
            'Paris and Springfield again; Amman, Jordan.')
    groups = doc_after(tiny_index, text, 'candidates').groups
    assert sum(len(g.cands) > 1 for g in groups) >= 2
    for bias in ({}, {'bias_country': 'FR'}):
        full = solved(groups, solve_numpy, bias, shortcuts=False)
        assert_same(full, solved(groups, solve_small, bias, shortcuts=False))
        assert_same(full, solved(groups, solve_small, bias))


def test_the_stage_chooses_a_solve_and_scores_only_groups_with_a_choice(tiny_index):
    groups = doc_after(tiny_index, 'Talks in Paris and Geneva. Flooding in Springfield.', 'candidates').groups
    mine = copy.deepcopy(groups)
    solve_groups(mine)
    assert_same(solved(groups, solve_numpy, {}, shortcuts=False), mine)
    for g in mine:
        if len(g.cands) == 1:     # a sure group is not scored: its score stays its prior
            assert g.cands[0].prob == 1.0 and g.cands[0].score == g.cands[0].prior


def test_one_problem_of_every_group_of_these_texts_with_parents_that_have_a_choice(tiny_index):
    """The groups of all the texts above solved as one problem (Groups are data: the real
    candidates, put together), each group the child of the group with a choice before it."""
    groups = []
    for text, _ in TEXTS:
        for g in doc_after(tiny_index, text, 'candidates').groups:
            g.parent = None
            groups.append(g)
    choice = [gi for gi, g in enumerate(groups) if len(g.cands) > 1]
    for a, b in zip(choice, choice[1:]):
        groups[b].parent = a
    assert len(choice) >= 10
    for bias in ({}, {'bias_country': 'US'}, {'bias_bbox': (30.0, 30.0, 45.0, 40.0)}):
        full = solved(groups, solve_numpy, bias, shortcuts=False)
        assert_same(full, solved(groups, solve_small, bias, shortcuts=False))
        assert_same(full, solved(groups, solve_small, bias))
