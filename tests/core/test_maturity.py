"""7R maturity questionnaire and scoring."""

from __future__ import annotations

import datetime as dt

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.maturity import (
    R_STRATEGIES,
    Assessment,
    compare,
    load_maturity_model,
    score,
)

D1, D2 = dt.date(2019, 6, 1), dt.date(2023, 6, 1)


def levels(*values):
    return dict(zip(R_STRATEGIES, values, strict=True))


def test_questionnaire_has_seven_rs_with_five_bilingual_levels():
    model = load_maturity_model()
    assert list(model) == list(R_STRATEGIES) and len(model) == 7
    for s in model.values():
        assert s.name_en and s.name_zh and s.description_en and s.description_zh
        assert [lv.level for lv in s.levels] == [1, 2, 3, 4, 5]
        assert all(lv.en and lv.zh for lv in s.levels)
        assert len({lv.en for lv in s.levels}) == 5


def test_score_and_compare():
    a = Assessment(D1, "city", levels(1, 2, 3, 4, 5, 1, 2))
    b = Assessment(D2, "city", levels(2, 2, 3, 5, 5, 3, 2))
    sa = score(a)
    assert sa.per_r["repair"] == 4 and sa.overall == pytest.approx(18 / 7)
    assert sa.weakest(2) == ["rethink", "recycle"]
    change = compare(a, b)
    assert change.per_r == levels(1, 0, 0, 1, 0, 2, 0)
    assert change.overall == pytest.approx(4 / 7)
    assert change.days == (D2 - D1).days


@pytest.mark.parametrize("kwargs, message", [
    (dict(levels={"rethink": 1}), "missing redesign"),
    (dict(levels=levels(1, 2, 3, 4, 5, 1, 2) | {"reduce": 2}), "unknown reduce"),
    (dict(levels=levels(0, 2, 3, 4, 5, 1, 2)), "level 1..5 for rethink"),
    (dict(levels=levels(1, 2, 3, 4, 6, 1, 2)), "level 1..5 for remanufacture"),
    (dict(levels=levels(1, 2.5, 3, 4, 5, 1, 2)), "level 1..5 for redesign"),
    (dict(subject="household"), "subject"),
    (dict(date="2020-01-01"), "date"),
])
def test_validation(kwargs, message):
    args = dict(date=D1, subject="city", levels=levels(1, 2, 3, 4, 5, 1, 2)) | kwargs
    with pytest.raises(ValidationError, match=message):
        Assessment(**args)


def test_compare_needs_same_subject_and_order():
    a = Assessment(D1, "city", levels(1, 1, 1, 1, 1, 1, 1))
    with pytest.raises(ValidationError, match="same subject"):
        compare(a, Assessment(D2, "business", levels(1, 1, 1, 1, 1, 1, 1)))
    with pytest.raises(ValidationError, match="later"):
        compare(Assessment(D2, "city", levels(1, 1, 1, 1, 1, 1, 1)), a)
