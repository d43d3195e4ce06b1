"""Fixed English codes stored with the data, shown in the active language."""

from __future__ import annotations

from django import template
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
