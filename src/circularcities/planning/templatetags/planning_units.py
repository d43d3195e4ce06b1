"""``{{ x.unit|unit_label }}``: the units of programme indicators in the active language."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

UNIT_LABELS = {
    "organisations": _("organisations"),
    "people": _("people"),
    "h": _("hours"),
    "hours": _("hours"),
    "products": _("products"),
    "items": _("items"),
    "jobs": _("jobs"),
    "SMEs": _("SMEs"),
}


@register.filter
def indicator_name(indicator) -> str:
    """``{{ programme_indicator|indicator_name }}``: its name in the active language."""
    return indicator.name() if indicator is not None else ""


@register.filter
def unit_label(unit) -> str:
    """A translated label for a fixed programme unit; other units (t, %, EUR...) as they are."""
    label = UNIT_LABELS.get(str(unit or ""))
    return str(label) if label is not None else (unit or "")
