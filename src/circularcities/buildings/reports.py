"""The passport as PDF and Excel, every cell through :mod:`circularcities.core.reports`."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.buildings.models import Building
from circularcities.buildings.passport_view import passport_context
from circularcities.core.reports import Report, Section, Table, to_pdf, to_xlsx


def _num(x, places=3):
    return "" if x is None else round(float(x), places)


def passport_report(building: Building) -> Report:
    ctx = passport_context(building)
    p = ctx["passport"]
    mci = p.mci
    facts = [
        (_("Owner city"), building.city.t("name")),
        (_("Address"), building.address),
        (_("Use"), building.get_use_display()),
        (_("Floor area (m²)"), "" if building.floor_area_m2 is None else f"{building.floor_area_m2:,.0f}"),
        (_("Year built"), str(building.year_built or "")),
        (_("Design life (years)"), str(building.design_life_years or "")),
        (_("Planned end of use"), building.planned_end_of_use.isoformat() if building.planned_end_of_use else ""),
        (_("Source"), building.source),
    ]
    score = [
        (_("Known mass (t)"), f"{ctx['tonnes']:,.1f}"),
        (_("Reusable"), f"{ctx['share_reusable']:.0f} %"),
        (_("Recyclable"), f"{ctx['share_recyclable']:.0f} %"),
        (_("Composted or energy recovery"), f"{ctx['share_biological']:.0f} %"),
        (_("Lost"), f"{ctx['share_lost']:.0f} %"),
        (_("End of use unknown"), f"{ctx['share_unknown']:.0f} %"),
        (_("Detachability"), "" if p.detachability is None else f"{p.detachability:.2f}"),
        (_("Under a take-back agreement"), f"{ctx['share_take_back']:.0f} %"),
        (_("Residual value"), "; ".join(f"{v:,.0f} {c}" for c, v in sorted(p.residual_value.items()))),
        (_("Material Circularity Indicator (mass-weighted)"), "" if mci is None else f"{mci.mci:.3f}"),
        (_("Components without the figures the MCI needs"), ", ".join(p.mci_missing)),
    ]
    comp_rows = []
    for r in ctx["rows"]:
        m = r["mci"]
        comp_rows.append([r["c"].reference, r["name"].text, r["c"].classification,
                          "; ".join(f"{x.material} {x.mass_kg if x.mass_kg is not None else '?'} kg"
                                    for x in r["materials"]),
                          r["c"].get_origin_display() if r["c"].origin else "",
                          _num(r["c"].reusable_share, 2), _num(r["c"].recyclable_share, 2),
                          _num(r["det"].score if r["det"] else None, 2),
                          _num(m.virgin_kg if m else None, 1), _num(m.waste_kg if m else None, 1),
                          _num(m.lfi if m else None), _num(m.utility if m else None),
                          _num(m.mci if m else None)])
    comp_table = Table([_("Reference"), _("Component"), _("Classification"), _("Materials"), _("Origin"),
                        _("Reusable"), _("Recyclable"), _("Detachability"), "V (kg)", "W (kg)",
                        "LFI", "X", "MCI"], comp_rows, title=_("Components"))
    quality_table = Table([_("Figure"), _("measured"), _("estimated"), _("missing")],
                          [[str(label), f"{q['measured']} %", f"{q['estimated']} %", f"{q['missing']} %"]
                           for label, q in ctx["quality"]], title=_("Data quality per figure"))
    materials_table = Table([_("Material"), _("Mass (t)")],
                            [[name, round(kg / 1000, 3)] for name, kg in p.materials],
                            title=_("Materials by mass"))
    return Report(
        title=_("Materials passport: %(name)s") % {"name": ctx["name"].text},
        subtitle=_("Material Circularity Indicator after the Ellen MacArthur Foundation (2019 method)"),
        sections=[Section(_("Building"), facts=facts), Section(_("Passport"), facts=score),
                  Section(_("Materials"), tables=[materials_table]),
                  Section(_("Components"), tables=[comp_table]),
                  Section(_("Data quality"), tables=[quality_table])])


def passport_pdf(building: Building) -> bytes:
    return to_pdf(passport_report(building))


def passport_xlsx(building: Building) -> bytes:
    return to_xlsx(passport_report(building))
