"""Every ISO 37120 reference of the indicator catalogue uses the 2018 edition's clause
for the indicator's theme (no 2014 clause number under the 2018 label)."""

from __future__ import annotations

import pytest

from circularcities.core.indicators import load_catalogue
from circularcities.core.indicators.frameworks import (
    ISO37120_2014_THEMES,
    ISO37120_2018_THEMES,
    iso37120_refs,
    iso37120_theme,
)

CATALOGUE = load_catalogue()
CITING = [ind for ind in CATALOGUE.values() if "ISO 37120" in ind.source]


def test_the_catalogue_cites_iso_37120():
    assert len(CITING) >= 20


@pytest.mark.parametrize("ind", CITING, ids=lambda i: i.code)
def test_reference_is_the_2018_clause_of_the_theme(ind):
    refs = iso37120_refs(ind.source)
    assert refs, f"{ind.code}: 'ISO 37120' without edition and clause: {ind.source!r}"
    for edition, clause, _sub in refs:
        assert edition == 2018, f"{ind.code} cites the {edition} edition"
        assert ind.theme in ISO37120_2018_THEMES, f"{ind.code}: theme {ind.theme!r} is not an ISO 37120:2018 theme"
        assert clause == ISO37120_2018_THEMES[ind.theme], (
            f"{ind.code} ({ind.theme}) cites clause {clause} ({iso37120_theme(clause)} in 2018, "
            f"{iso37120_theme(clause, 2014)} in 2014); the 2018 clause is {ISO37120_2018_THEMES[ind.theme]}")


@pytest.mark.parametrize("code, clause", [
    ("TR-PT-TRIPS-CAP", 19), ("TR-BIKE-NETWORK", 19), ("UP-GREEN-AREA-CAP", 21), ("WW-TREATED", 22),
    ("WA-USE-CAP", 23), ("WA-LOSS", 23)])
def test_the_six_corrected_indicators(code, clause):
    assert iso37120_refs(CATALOGUE[code].source)[0][1] == clause


def test_the_tables_are_the_editions():
    assert len(ISO37120_2018_THEMES) == 19 and len(ISO37120_2014_THEMES) == 17
    assert sorted(ISO37120_2018_THEMES.values()) == list(range(5, 24))
    assert sorted(ISO37120_2014_THEMES.values()) == list(range(5, 22))
    assert (ISO37120_2018_THEMES["Transportation"], ISO37120_2018_THEMES["Urban planning"],
            ISO37120_2018_THEMES["Wastewater"], ISO37120_2018_THEMES["Water"]) == (19, 21, 22, 23)
    assert iso37120_refs("ISO 37120:2018 16.3; Eurostat cei_wm011") == [(2018, 16, 3)]
