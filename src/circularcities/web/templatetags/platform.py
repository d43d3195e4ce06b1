from __future__ import annotations

from django import template
from django.utils.translation import get_language

from circularcities.web.translated import translated as _translated

register = template.Library()


@register.filter
def tr(obj, field):
    """``{{ city|tr:"name" }}``: the field in the active language, English when it has
    none, unmarked (``{% translated %}`` marks the fallback)."""
    if obj is None:
        return ""
    return _translated(obj, field).text


@register.filter
def num(value, digits=0):
    """A number with thousands separators and a fixed number of decimals."""
    if value is None or value == "":
        return "–"
    try:
        digits = int(digits)
        return f"{float(value):,.{digits}f}"
    except (TypeError, ValueError):
        return value


@register.simple_tag
def lang_is_zh():
    return (get_language() or "").startswith("zh")


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def translated(obj, field):
    """``{% translated case "title" %}``: the text in the reader's language or, marked
    "not yet translated", in English (escaped; the marker is the only markup)."""
    from django.utils.html import format_html
    from django.utils.translation import gettext

    from circularcities.web.translated import translated as pick_translated

    t = pick_translated(obj, field)
    if not t.is_fallback:
        return t.text
    return format_html('<span lang="{}">{}</span> <span class="untranslated">({})</span>',
                       t.language, t.text, gettext("not yet translated"))


def mass_text(tonnes) -> str:
    """A mass in tonnes to meaningful precision, with its unit: below a tonne in kg
    ("6 kg", "2.5 kg"), up to 100 t with at most two decimals and no trailing zeros
    ("2.5 t", "40 t"), above that in whole tonnes with separators ("1,534,520 t")."""
    if tonnes is None or tonnes == "":
        return "–"
    try:
        t = float(tonnes)
    except (TypeError, ValueError):
        return str(tonnes)
    if t == 0:
        return "0 t"
    size = abs(t)
    if size < 1:
        kg = t * 1000
        text = f"{kg:,.1f}" if abs(kg) < 10 else f"{kg:,.0f}"
        return f"{text.rstrip('0').rstrip('.') if '.' in text else text} kg"
    if size < 100:
        text = f"{t:,.2f}".rstrip("0").rstrip(".")
        return f"{text} t"
    return f"{t:,.0f} t"


@register.filter
def tonnes(value):
    """``{{ listing.remaining_t|tonnes }}``: see :func:`mass_text`."""
    return mass_text(value)


@register.filter
def trim(value, digits=3):
    """A number with separators and at most ``digits`` decimals, trailing zeros dropped
    (``2.5`` rather than ``2.500000``)."""
    if value is None or value == "":
        return "–"
    try:
        text = f"{float(value):,.{int(digits)}f}"
    except (TypeError, ValueError):
        return value
    return text.rstrip("0").rstrip(".") if "." in text else text
