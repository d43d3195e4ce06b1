"""Quantities shown to meaningful precision with their unit."""

import pytest

from circularcities.web.templatetags.platform import mass_text, trim


@pytest.mark.parametrize("tonnes,text", [
    (0.006, "6 kg"), (0.0025, "2.5 kg"), (0.75, "750 kg"), (2.5, "2.5 t"), (2.500000, "2.5 t"),
    (40, "40 t"), (99.987, "99.99 t"), (1534520.0, "1,534,520 t"), (0, "0 t"), (None, "–"),
])
def test_mass_text(tonnes, text):
    assert mass_text(tonnes) == text


def test_trim_drops_trailing_zeros_only():
    assert trim("2.500000", 3) == "2.5" and trim(1200, 3) == "1,200" and trim(0.1234, 2) == "0.12"
