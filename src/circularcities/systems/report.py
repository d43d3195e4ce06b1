"""A system's report (PDF, Excel): balance, one Sankey per layer, flows and indicators."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.core.mfa import system as core
from circularcities.core.mfa.sankey_pdf import SankeyFigure
from circularcities.core.reports import Report, Section, Table
from circularcities.systems.labels import chart, layer_label, status_label
from circularcities.web.translated import translated

MAX_TABLE_ROWS = 200


def build_report(system, result: core.SystemResult, year: int) -> Report:
    defn = result.definition
    names = {p.code: p.label for p in defn.processes}
    names.update({core.LAYER_NODE + lay.code: layer_label(lay.code, lay.name) for lay in defn.layers})
    sections = [Section(
        _("Balance"),
        paragraphs=[status_label(result.status)],
        facts=[(_("City"), system.city.t("name")), (_("Years"), f"{defn.years[0]}–{defn.years[-1]}"),
               (_("Processes"), str(len(defn.processes) - 1)), (_("Flows"), str(len(defn.flows))),
               (_("Layers"), ", ".join(f"{layer_label(lay.code, lay.name)} ({lay.unit})" for lay in defn.layers))],
        tables=[Table([_("Process"), _("Layer"), _("Year"), _("Imbalance"), _("Unit"), _("Share"), _("Accepted"),
                       _("Reason")],
                      [[names.get(i.process, i.process), i.layer, str(i.year), i.amount, i.imbalance.unit,
                        f"{100 * i.share:.1f} %", _("yes") if i.accepted else _("no"), i.reason]
                       for i in result.issues[:300]], title=_("Imbalances"))] if result.issues else [])]
    for lay in defn.layers:
        data = chart(result, lay.code, year)
        if not data["nodes"]:
            continue
        links = {**result.flow_totals(lay.code, year), **result.conversion_totals(lay.code, year)}
        flows = sorted(((k, v) for k, v in links.items() if v),
                       key=lambda kv: -kv[1])
        note = ([_("The %(n)d largest of %(total)d flows; the Excel download has them all.")
                 % {"n": MAX_TABLE_ROWS, "total": len(flows)}] if len(flows) > MAX_TABLE_ROWS else [])
        sections.append(Section(
            _("%(layer)s in %(year)s") % {"layer": layer_label(lay.code, lay.name), "year": year},
            paragraphs=[_("Band widths are proportional to the amounts; flows under 2 %% of the largest are drawn "
                          "at that width so they can be seen, and keep their true amount in the label.") % {}]
            + note,
            figures=[SankeyFigure(data)],
            tables=[Table([_("From"), _("To"), _("Amount"), _("Unit")],
                          [[names.get(o, o), names.get(d, d), v, lay.unit]
                           for (o, d), v in flows[:MAX_TABLE_ROWS]],
                          title=_("Flows %(layer)s %(year)s") % {"layer": lay.code, "year": year})]))
    values = result.indicator_values()
    if defn.indicators:
        sections.append(Section(_("Indicators"), tables=[Table(
            [_("Indicator"), _("Unit")] + [str(y) for y in defn.years],
            [[i.name, result.indicator_unit(i)] + [None if v is None else round(v, 2) for v in values[i.code]]
             for i in defn.indicators],
            title=_("Indicators"))]))
    return Report(title=translated(system, "name").text or str(system),
                  subtitle=_("System of %(city)s: balance and flows per layer") % {"city": system.city.t("name")},
                  sections=sections)
