"""Translated labels of areas and rates (codes stay codes in data and the API)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from circularcities.waste.models import AREA_CHOICES

RATE_LABELS = {
    "recycling_rate": _("Recycling rate"),
    "energy_recovery_rate": _("Energy-recovery rate"),
    "incineration_rate": _("Incineration rate (without energy recovery)"),
    "landfill_rate": _("Landfill rate"),
    "other_rate": _("Other routes"),
    "utilisation_rate": _("Comprehensive utilisation rate"),
    "sdg_11_6_1": _("SDG 11.6.1: collected and managed in controlled facilities"),
}


def area_label(area: str) -> str:
    return str(dict(AREA_CHOICES).get(area, area))


def rate_label(key: str) -> str:
    return str(RATE_LABELS.get(key, key))
