"""The diagnosis report for the council: the dashboard's content as a core Report (PDF, Excel)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.core.reports import Report, Section, Table
from circularcities.diagnosis import dashboard as dash
from circularcities.diagnosis.imports import city_metabolism
from circularcities.diagnosis.services import period_label
from circularcities.diagnosis.templatetags.diagnosis_labels import source_label


def build_report(city) -> Report:
    name = city.t("name")
    cards = dash.indicator_cards(city)
    latest = {c.indicator.code: c.latest for c in cards}
    bench = dash.benchmark_view(city, latest=latest)
    maturity = dash.maturity_views(city)
    areas = dash.area_names()
    sections = []

    model = city_metabolism(city)
    if model.years:
        year = model.years[-1]
        totals = model.totals_by_process(year, "material")
        rows = [[str(dash.PROCESS_LABELS.get(p, p)), t["inflow"], t["outflow"], t["stock_change"]]
                for p, t in sorted(totals.items())]
        flows = sorted(model.select(year, "material"), key=lambda f: -f.value)
        imbalances = model.imbalances(rtol=1e-4, atol=1e-3)
        sections.append(Section(
            _("Urban metabolism"),
            paragraphs=[_("Material flows of %(year)s in tonnes, from the city's uploaded data.") % {"year": year}]
            + ([_("Processes that do not balance: %(list)s") % {"list": "; ".join(str(i) for i in imbalances[:10])}]
               if imbalances else [_("Every process balances.")]),
            facts=[(_("Years with data"), f"{model.years[0]}–{year}"),
                   (_("Flows recorded"), str(len(model.flows)))],
            tables=[Table([_("Process"), _("Inflow (t)"), _("Outflow (t)"), _("Stock change (t)")], rows,
                          title=_("Process totals")),
                    Table([_("From"), _("To"), _("Material"), _("Value"), _("Unit")],
                          [[str(dash.PROCESS_LABELS.get(f.origin, f.origin)),
                            str(dash.PROCESS_LABELS.get(f.destination, f.destination)), f.material, f.value, f.unit]
                           for f in flows], title=_("Flows"))]))

    if cards:
        sections.append(Section(
            _("Indicators"),
            paragraphs=[_("Latest value of each indicator. Quality: measured, estimated, proxy, or computed from "
                          "the metabolism model.")],
            tables=[Table([_("Code"), _("Indicator"), _("Period"), _("Value"), _("Unit"), _("Quality"), _("Source")],
                          [[c.indicator.code, c.indicator.t("name"),
                            period_label(c.indicator.frequency, c.latest.year, c.latest.period), c.latest.value, c.indicator.unit,
                            c.latest.get_quality_display(), source_label(c.latest.source)] for c in cards],
                          title=_("Indicators"))]))

    for subject, view in maturity.items():
        sections.append(Section(
            _("7R maturity (%(subject)s)") % {"subject": view.latest.get_subject_display()},
            facts=[(_("Latest assessment"), str(view.latest.date)), (_("Overall score"), f"{view.overall:.1f} / 5")]
            + ([(_("Change since %(date)s") % {"date": view.previous.date}, f"{view.overall_change:+.1f}")]
               if view.previous else []),
            tables=[Table([_("Strategy"), _("Level"), _("Previous"), _("Change"), _("Description")],
                          [[r["name"], r["level"], r["previous"], r["change"], r["description"]] for r in view.rows],
                          title=_("Maturity %(subject)s") % {"subject": subject})]))

    if bench.rows:
        sections.append(Section(
            _("Peer benchmark"),
            paragraphs=[_("Peers: %(peers)s (rule: %(rule)s). Percentile 100 = best among peers.")
                        % {"peers": ", ".join(p.t("name") for p in bench.peers) or "–", "rule": bench.rule_text}],
            tables=[Table([_("Indicator"), _("Value"), _("Year"), _("Peer median"), _("Peers' year"),
                           _("Percentile"), _("Peers")],
                          [[r["indicator"].t("name"), r["b"].value, r["b"].year, r["b"].median, r["peer_years"],
                            r["b"].percentile, r["b"].n_peers] for r in bench.rows], title=_("Benchmark"))]))

    if bench.focal_areas:
        paragraphs = []
        reasons = bench.reasons
        for fa in bench.focal_areas:
            paragraphs.append(f"{areas.get(fa.area, fa.area)}: {dash.reason_text(reasons[fa.area])}")
            for case, _rc in bench.cases.get(fa.area, []):
                paragraphs.append("  – " + case.t("title"))
        sections.append(Section(_("Suggested focal areas"), paragraphs=paragraphs))

    if not sections:
        sections.append(Section(_("No data yet"), paragraphs=[_("This city has no diagnosis data yet.")]))
    return Report(title=_("Circularity diagnosis: %(city)s") % {"city": name},
                  subtitle=_("Urban metabolism, indicators, 7R maturity and peer benchmark"),
                  sections=sections)
