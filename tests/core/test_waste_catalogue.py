"""The zero-waste indicator set: every entry a rate of one area, in %, codes unique; EWC codes loaded."""

from circularcities.core.waste import AREAS
from circularcities.core.waste.catalogue import ewc_codes, zero_waste_catalogue


def test_catalogue_covers_the_five_areas():
    cat = zero_waste_catalogue()
    assert {i.area for i in cat.indicators} == set(AREAS)
    assert len({i.code for i in cat.indicators}) == len(cat.indicators)
    assert cat.for_rate("industrial", "utilisation_rate").code == "ZW-ISW-UTIL"
    assert cat.for_rate("household", "sdg_11_6_1").indicator.unit == "%"
    assert cat.for_rate("household", "utilisation_rate") is None


def test_ewc_codes():
    codes = ewc_codes()
    assert "200301" in codes and "100102" in codes and "999999" not in codes
