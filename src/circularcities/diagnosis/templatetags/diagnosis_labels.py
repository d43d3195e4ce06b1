"""Fixed English codes stored with the data, shown in the active language."""

from __future__ import annotations

import re

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

register = template.Library()

REGIONS = {
    "Europe": _("Europe"),
    "East Asia": _("East Asia"),
    "North America": _("North America"),
    "Latin America": _("Latin America"),
    "Africa": _("Africa"),
    "South Asia": _("South Asia"),
    "Southeast Asia": _("Southeast Asia"),
    "Oceania": _("Oceania"),
    "Middle East": _("Middle East"),
}
QUALITIES = {
    "measured": _("measured"),
    "estimated": _("estimated"),
    "proxy": _("proxy"),
    "computed": _("computed"),
}
VIAS = {
    "form": _("form"),
    "upload": _("upload"),
    "api": _("API"),
    "model": _("metabolism model"),
    "demo": _("demo"),
    "formula": _("formula"),
}


def _label(mapping, code) -> str:
    label = mapping.get(str(code or ""))
    return str(label) if label is not None else (code or "")


@register.filter
def region_label(region) -> str:
    return _label(REGIONS, region)


@register.filter
def quality_label(quality) -> str:
    return _label(QUALITIES, quality)


@register.filter
def via_label(via) -> str:
    return _label(VIAS, via)


# The provenance the metabolism model writes (diagnosis/imports.py) is stored in English,
# a stable text scripts can read; pages show it in the reader's language.
_COMPUTED = re.compile(r"^Computed from the metabolism model \((\d{4})\)"
                       r"(; its inputs include estimated data)?(; population of the city profile)?$")


@register.filter
def source_label(source) -> str:
    """A stored source; the model's generated provenance line in the active language."""
    text = str(source or "")
    m = _COMPUTED.match(text)
    if not m:
        return text
    parts = [gettext("Computed from the metabolism model (%(year)s)") % {"year": m.group(1)}]
    if m.group(2):
        parts.append(gettext("its inputs include estimated data"))
    if m.group(3):
        parts.append(gettext("population of the city profile"))
    return gettext("; ").join(parts)


# Notes the demo data writes in English, shown in the reader's language.
NOTES = {"Illustrative demo assessment, not made by the city":
         _("Illustrative demo assessment, not made by the city")}


@register.filter
def note_label(note) -> str:
    """A stored note; the demo's generated notes in the active language."""
    return _label(NOTES, note)


@register.filter
def period_of(obj) -> str:
    """``2024``, ``2024 Q1`` or ``2024-03`` for a value or a change of an indicator."""
    from circularcities.diagnosis.services import period_label

    return period_label(obj.indicator.frequency, obj.year, obj.period)


@register.filter
def direction_label(direction) -> str:
    return str(_("higher is better")) if direction == "higher_is_better" else str(_("lower is better"))


@register.filter
def short_value(value) -> str:
    """12 345, 3.46, 0.052: as on the chart's bars."""
    from circularcities.core.indicators.series import format_value

    return format_value(float(value)) if value is not None else ""


@register.filter
def framework_refs(indicator) -> str:
    """``ISO 37120:2018 16.1 · SDG target 12.5``: the indicator's references, labelled."""
    from circularcities.diagnosis.models import FRAMEWORK_LABELS

    return " · ".join(f"{FRAMEWORK_LABELS.get(r.get('framework'), r.get('framework'))} {r.get('ref')}"
                      for r in indicator.frameworks or ())


@register.filter
def material_name(material) -> str:
    """A material group in the reader's language (see dashboard.MATERIAL_LABELS)."""
    from circularcities.diagnosis.dashboard import material_label

    return material_label(str(material or ""))
