"""The business circularity score (core/circularity.py)."""

import pytest

from circularcities.core.circularity import Answer, by_quarter, score


def _a(slug, rank, level, evidence=True):
    return Answer(slug, rank, level, evidence)


def test_all_standard_practice_with_evidence_scores_100():
    assert score([_a(f"r{i}", i, 3) for i in range(6)], 6).score == 100.0


def test_nothing_started_scores_0():
    assert score([_a(f"r{i}", i, 0, False) for i in range(6)], 6).score == 0.0


def test_higher_strategies_weigh_more():
    top = score([_a("redesign", 0, 3), _a("recover", 5, 0)], 6)
    bottom = score([_a("redesign", 0, 0), _a("recover", 5, 3)], 6)
    # weights 6 and 1: 6*3 / (7*3) and 1*3 / (7*3)
    assert top.score == round(100 * 18 / 21, 1) and bottom.score == round(100 * 3 / 21, 1)
    assert top.weights == {"redesign": 6, "recover": 1}


def test_an_answer_without_evidence_scores_zero_and_is_listed():
    s = score([_a("reuse", 1, 3, evidence=False), _a("repair", 2, 2)], 6)
    assert s.without_evidence == ["reuse"]
    assert s.counted == 1
    assert s.score == round(100 * (4 * 2) / ((5 + 4) * 3), 1)


@pytest.mark.parametrize(("answer", "size"), [(_a("x", 0, 4), 6), (_a("x", 6, 1), 6), (_a("x", 0, 1), 0)])
def test_out_of_range_is_refused(answer, size):
    with pytest.raises(ValueError):
        score([answer], size)


def test_by_quarter_counts_each_business_once_with_its_last_score():
    rows = [("a", 2025, 1, 20.0), ("b", 2025, 1, 40.0), ("a", 2025, 1, 30.0), ("a", 2025, 3, 50.0)]
    periods = by_quarter(rows)
    assert [(p.year, p.quarter, p.assessed, p.mean_score) for p in periods] == [(2025, 1, 2, 35.0),
                                                                                (2025, 3, 1, 50.0)]
