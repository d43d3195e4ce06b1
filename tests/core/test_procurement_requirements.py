"""Requirement sets, the supplier finder, tender scoring and savings roll-ups."""

import datetime as dt

import pytest

from circularcities.core.errors import ValidationError
from circularcities.core.procurement import (
    Bid,
    Certificate,
    Criterion,
    Product,
    RequirementSet,
    Saving,
    Substance,
    cas_number,
    check_product,
    find_products,
    rollup,
    score,
)

TODAY = dt.date(2024, 6, 1)
SF = RequirementSet("SF carpet", banned=(Substance("antimicrobial"), Substance("PFAS"),
                                         Substance("flame retardant")),
                    min_recycled_content_pct=10, certification_scheme="Cradle to Cradle Certified",
                    certification_level="Silver", take_back=True)


def c2c(level, until=dt.date(2026, 1, 1)):
    return Certificate("Cradle to Cradle Certified", level, "C2CPII", until)


def test_cas_check_digit():
    assert cas_number("7732-18-5") == "7732-18-5"  # water
    with pytest.raises(ValidationError, match="check digit"):
        cas_number("7732-18-4")
    with pytest.raises(ValidationError, match="CAS number such as"):
        cas_number("PFAS")


def test_finder_says_which_requirement_fails():
    ok = Product("A", contains=(Substance("nylon 6"),), recycled_content_pct=40,
                 certificates=(c2c("Gold"),), take_back=True)
    bronze = Product("B", recycled_content_pct=40, certificates=(c2c("Bronze"),), take_back=True)
    pfas = Product("C", contains=(Substance("PFOA", "335-67-1", group="PFAS"),), recycled_content_pct=5,
                   certificates=(c2c("Silver", dt.date(2024, 1, 1)),))
    res = find_products([ok, bronze, pfas], SF, TODAY)
    assert [p.name for p in res.complying] == ["A"]
    failing = {p.name: [f.code for f in fs] for p, fs in res.failing}
    assert failing == {"B": ["certification"],
                       "C": ["banned_substance", "recycled_content", "certificate_expired", "take_back"]}
    msgs = dict((p.name, fs) for p, fs in res.failing)["C"]
    assert "PFOA (CAS 335-67-1)" in msgs[0].message and "2024-01-01" in msgs[2].message


def test_banned_by_cas():
    req = RequirementSet("x", banned=(Substance("triclosan", "3380-34-5"),))
    p = Product("p", contains=(Substance("Irgasan", "3380-34-5"),))
    assert [f.code for f in check_product(p, req, TODAY)] == ["banned_substance"]


def test_scoring_rules_hand_computed():
    crit = [Criterion("price", 60), Criterion("life_cycle_carbon", 20), Criterion("circularity", 20)]
    bids = [Bid("A", {"price": 100, "life_cycle_carbon": 50, "circularity": 8}),
            Bid("B", {"price": 80, "life_cycle_carbon": 100, "circularity": 5}),
            Bid("C", {"price": 50, "life_cycle_carbon": 10, "circularity": 10}, failures=("take_back",))]
    a, b, c = score(crit, bids)
    # lowest compliant price 80: A = 60*80/100 = 48; carbon lowest 50: A = 20; circ 8/10*20 = 16
    assert a.total == pytest.approx(48 + 20 + 16) and a.rank == 1
    assert b.total == pytest.approx(60 + 10 + 10) and b.rank == 2
    assert c.rank is None  # non-compliant: scored, never ranked
    assert c.lines[0].points == pytest.approx(60)  # capped at full points
    assert a.lines[0].rule == "lowest bid / bid × 60 points"


def test_criteria_must_add_up_to_100():
    with pytest.raises(ValidationError, match="add up to 100"):
        score([Criterion("price", 50)], [Bid("A", {"price": 1})])
    with pytest.raises(ValidationError, match="no value for price"):
        score([Criterion("price", 100)], [Bid("A", {})])
    with pytest.raises(ValidationError, match="criterion among"):
        Criterion("beauty", 10)


def test_rollup_sums_absolute_and_lists_relative():
    rows = rollup([Saving("Guangming", 2019, "energy", 48, "%", "tender estimate"),
                   Saving("Guangming", 2019, "carbon", 14, "%", "tender estimate"),
                   Saving("Copenhagen", 2016, "carbon", 70, "t CO2e", "LCA"),
                   Saving("Copenhagen", 2016, "carbon", 5, "t CO2e", "LCA")])
    cph = rows[0]
    assert (cph.city, cph.kind, cph.total, cph.count) == ("Copenhagen", "carbon", 75, 2)
    assert [r.kind for r in rows[1:]] == ["energy", "carbon"] and rows[1].total is None
    with pytest.raises(ValidationError, match="method"):
        Saving("x", 2020, "money", 1, "EUR", " ")
