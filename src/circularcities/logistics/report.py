"""Exports of a run: routes (CSV, GeoJSON), comparison (Excel with the core's
``write_result``, PDF with ``core.reports``)."""

from __future__ import annotations

import csv
import io
import os
import tempfile

from django.utils.translation import gettext as _

from circularcities.core import reports, routing
from circularcities.core.routing.export import STOP_COLUMNS

from . import models as m


def comparison_xlsx(core: routing.Scenario, comparison: routing.Comparison) -> bytes:
    fd, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        routing.write_result(path, core, comparison)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(path)


def routes_csv(core: routing.Scenario, plan: routing.PlanResult) -> str:
    """Every stop of the plan's routes, one row per stop, with plan and group columns
    (routes numbered across the plan)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["plan", "group", *STOP_COLUMNS],
                            lineterminator="\n")
    writer.writeheader()
    offset = 0
    for g in plan.groups:
        rows = routing.stop_rows(core.subset(g.group, g.facility_id), g.result.evaluation)
        for row in rows:
            writer.writerow(reports.csv_dict({"plan": plan.name, "group": g.label, **row,
                                              "route": row["route"] + offset}))
        offset += len(g.result.evaluation.routes)
    return out.getvalue()


def comparison_pdf(run: m.Run, core: routing.Scenario, comparison: routing.Comparison) -> bytes:
    cur = comparison.currency
    columns = [_("Plan"), _("Group"), _("Distance (km)"), _("Driving time (h)"), _("Vehicles"),
               _("Collected (t)"), _("Cost (%(cur)s)") % {"cur": cur},
               _("Cost per tonne (%(cur)s/t)") % {"cur": cur}, _("kg CO2e")]
    rows = []
    for row in comparison.table():
        group = _("Total") if row["group"] == "TOTAL" else row["group"]
        rows.append([row["plan"], group, round(row["distance_km"], 1), round(row["driving_h"], 1),
                     row["vehicles"], round(row["quantity_t"], 2), round(row["cost"]),
                     None if row["cost_per_t"] != row["cost_per_t"] else round(row["cost_per_t"]),
                     round(row["co2e_kg"], 1)])
    best = comparison.cheapest
    facts = [(_("Scenario"), run.scenario.name),
             (_("Collection points"), str(len(core.points))),
             (_("Collected per day"), f"{core.total_quantity_t:,.2f} t"),
             (_("Time limit per group"), f"{run.seconds:g} s"), (_("Seed"), str(run.seed)),
             (_("Cheapest plan"), best.name)]
    if len(comparison.plans) > 1:
        facts.append((_("Saving against the next plan"),
                      f"{comparison.saving:,.0f} {cur}/day ({comparison.saving_pct:.1f} %)"))
    report = reports.Report(
        title=_("Collection plan comparison"),
        subtitle=run.scenario.name,
        sections=[
            reports.Section(_("Result"), paragraphs=[summary_sentence(comparison)], facts=facts,
                            tables=[reports.Table(columns, rows, _("Per group and per plan"))]),
            reports.Section(_("Method"), paragraphs=[_(
                "Routes were planned with PyVRP (capacitated vehicle routing with time windows, "
                "several depots and reloads at the facility) within the time limit shown. "
                "Distances are great-circle distances times a circuity factor of %(c)s; "
                "durations use each vehicle's average speed. Every figure was recomputed "
                "independently from the routes. Costs are per day in %(cur)s.")
                % {"c": f"{core.circuity:g}", "cur": cur}]),
        ])
    return reports.to_pdf(report)


def summary_sentence(comparison: routing.Comparison) -> str:
    best = comparison.cheapest
    cur = comparison.currency
    text = _("Cheapest plan: “%(plan)s” at %(cost)s %(cur)s per day (%(per_t)s %(cur)s per "
             "tonne).") % {"plan": best.name, "cost": f"{best.cost:,.0f}", "cur": cur,
                           "per_t": f"{best.cost_per_t:,.0f}"}
    if len(comparison.plans) > 1:
        text += " " + _("It is %(saving)s %(cur)s per day (%(pct)s %%) cheaper than “%(other)s”.") % {
            "saving": f"{comparison.saving:,.0f}", "cur": cur,
            "pct": f"{comparison.saving_pct:.1f}", "other": comparison.plans[1].name}
    return text
