"""Template filters that put the marketplace's stored English keys (CO2e
status, factor roles, material keys) into the page's language. The core keeps
its strings in English; the mapping lives here, in the template layer."""

from __future__ import annotations

import re

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

STATUS = {"ok": gettext_lazy("complete"), "incomplete": gettext_lazy("incomplete"),
          "no factor": gettext_lazy("no factor")}
ROUTES = {"reuse": gettext_lazy("reuse"), "recycling": gettext_lazy("recycling")}
END_OF_LIFE = {"landfill": gettext_lazy("landfill"), "incineration": gettext_lazy("incineration"),
               "combustion": gettext_lazy("combustion"), "composting": gettext_lazy("composting"),
               "anaerobic_digestion": gettext_lazy("anaerobic digestion"),
               "open_loop_recycling": gettext_lazy("open-loop recycling"),
               "closed_loop_recycling": gettext_lazy("closed-loop recycling")}
_SUPPLY_ROUTE = re.compile(r"^supply: (\w+) route used$")
_EOL_AVOIDED = re.compile(r"^end of life: (\w+) avoided$")
_EOL_ROUTE = re.compile(r"^end of life: (\w+) route used$")


@register.filter
def co2e_status(value):
    """``"incomplete"`` → the page's word for it."""
    return STATUS.get(value, value)


@register.filter
def factor_role(role):
    """A factor's role as the core writes it ("supply: reuse route used") in the page's language."""
    role = role or ""
    if role == "supply: primary material avoided":
        return _("supply: primary material avoided")
    m = _SUPPLY_ROUTE.match(role)
    if m:
        return _("supply: %(route)s route used") % {"route": ROUTES.get(m[1], m[1])}
    m = _EOL_AVOIDED.match(role)
    if m:
        return _("end of life: %(what)s avoided") % {"what": END_OF_LIFE.get(m[1], m[1].replace("_", " "))}
    m = _EOL_ROUTE.match(role)
    if m:
        return _("end of life: %(route)s route used") % {"route": ROUTES.get(m[1], m[1])}
    return role


@register.filter
def route_name(value):
    return ROUTES.get(value, END_OF_LIFE.get(value, value))


@register.filter
def material_name(key, fallback=""):
    """A material key (6-digit EWC code or category slug) as a label in the
    page's language: the category's name, or the code as printed ("17 01 01")."""
    from circularcities.marketplace.models import ProductCategory, WasteCode

    key = key or ""
    if key.isdigit() and len(key) == 6:
        code = WasteCode.objects.filter(code=key).only("code_display").first()
        return code.code_display if code else key
    cat = ProductCategory.objects.filter(slug=key).first()
    if cat is not None:
        return cat.t("name")
    return fallback or key


@register.filter
def exchange_material(ex):
    """An exchange's material label: the category's name in the page's
    language, or the stored label of its waste code."""
    from circularcities.marketplace.models import ProductCategory

    code = ex.material_code or ""
    cat = ProductCategory.objects.filter(slug=code).first()
    if cat is not None:
        return cat.t("name")
    if code.isdigit() and len(code) == 6:
        from circularcities.marketplace.models import WasteCode

        wc = WasteCode.objects.filter(code=code).first()
        if wc is not None:
            return f"{wc.code_display} {ewc_title(wc)}"
    return ex.material_label


def _english() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "en").startswith("en")


def _ewc_parts(waste_code) -> tuple[str, str, str] | None:
    """``(text, label, english)`` for an entry on this page: the text in the page's language;
    ``label`` says what ``english`` is ("" when nothing more needs saying). None without a
    description."""
    from django.utils.translation import gettext

    from circularcities.marketplace.catalogue import ewc_text

    if waste_code is None or not getattr(waste_code, "description", ""):
        return None
    t = ewc_text(waste_code)
    if _english():
        return t.text, "", ""
    if not t.in_language:
        return t.text, gettext("official text in English only"), ""
    return t.text, gettext("Official text (English)"), t.english


@register.simple_tag
def ewc_description(waste_code):
    """An EU List of Waste entry's description in the page's language. The list is
    published in English; the platform's own translation is shown with the official
    English beside it, and a language without a translation shows the English, marked."""
    from django.utils.html import format_html

    parts = _ewc_parts(waste_code)
    if parts is None:
        return ""
    text, label, english = parts
    if not label:
        return text
    if not english:
        return format_html('<span lang="en">{}</span> <span class="untranslated">({})</span>', text, label)
    return format_html('{}<br><span class="small muted">{}: <span lang="en">{}</span></span>', text, label,
                       english)


@register.filter
def ewc_title(waste_code) -> str:
    """The description for a ``title`` attribute (plain text): the page's language and the
    official English."""
    parts = _ewc_parts(waste_code)
    if parts is None:
        return ""
    text, label, english = parts
    if not label:
        return text
    return f"{text} ({label}: {english})" if english else f"{text} ({label})"


# The notes core/lca/avoided.py stores with an exchange are English sentences (a stable
# record); pages show the known ones in the reader's language, others as stored.
_NOTE_TRANSPORT = re.compile(r"^Transport of the exchange counted: ([\d.e+-]+) t·km x ([\d.e+-]+) kg CO2e/t·km "
                             r"\(user-supplied factor\)\.$")
_NOTE_MISSING = re.compile(r"^(.+): (.+) publishes no (\w+) '(\w+)' factor for '(.+)'\.$")
_NOTE_EPA = re.compile(r"^(.+): EPA-2021 Table 9 has no material-supply factors\.$")
_NOTE_NO_MAPPING = re.compile(r"^No factor: material '(.+)' has no mapping to the (.+) factor table\.$")


@register.filter
def co2e_note(note):
    """An avoided-emissions note or missing-factor line in the page's language."""
    note = note or ""
    if note == "Transport of the exchange not counted (no freight factor given).":
        return _("Transport of the exchange not counted (no freight factor given).")
    if note.startswith("Reuse end-of-life leg: no published 'Re-use' waste-disposal factor;"):
        return _("Reuse end-of-life leg: no published 'Re-use' waste-disposal factor; the closed-loop "
                 "factor (transport to the next user) is used as a proxy.")
    m = _NOTE_TRANSPORT.match(note)
    if m:
        return _("Transport of the exchange counted: %(tkm)s t·km × %(factor)s kg CO2e/t·km "
                 "(user-supplied factor).") % {"tkm": m[1], "factor": m[2]}
    m = _NOTE_MISSING.match(note)
    if m:
        return _("%(role)s: %(factor_set)s publishes no factor for %(material)s (%(route)s).") % {
            "role": factor_role(m[1]), "factor_set": m[2], "material": m[5], "route": route_name(m[4])}
    m = _NOTE_EPA.match(note)
    if m:
        return _("%(role)s: EPA-2021 Table 9 has no material-supply factors.") % {"role": factor_role(m[1])}
    m = _NOTE_NO_MAPPING.match(note)
    if m:
        return _("No factor: material %(material)s has no mapping to the %(factor_set)s factor table.") % {
            "material": m[1], "factor_set": m[2]}
    return note
