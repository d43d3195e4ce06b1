from __future__ import annotations

from django import template
from django.utils.translation import get_language

from circularcities.web.bilingual import pick

register = template.Library()


@register.filter
def tr(obj, field):
    """``{{ city|tr:"name" }}``: the field in the active language."""
    if obj is None:
        return ""
    return pick(obj, field)


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
