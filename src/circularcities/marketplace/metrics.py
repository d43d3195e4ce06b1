"""Programme metrics, like Austin's "current program metrics": participants,
listings available and wanted by material, exchanges per month, value
created, tonnes diverted, CO2e avoided and weighted value, over time; plus
their CSV and Excel exports. Everything is recomputed from the records."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext as _

from circularcities.core.reports import Report, Section, Table, csv_row, to_xlsx
from circularcities.marketplace.models import Exchange, Listing
from circularcities.marketplace.services import open_listings
from circularcities.web.translated import marked

if TYPE_CHECKING:
    from circularcities.coalition.models import City


@dataclass
class Metrics:
    city: City | None = None
    participants: int = 0
    organisations: int = 0
    residents: int = 0
    n_exchanges: int = 0
    tonnes_diverted: float = 0.0
    kg_co2e_avoided: float = 0.0
    n_co2e_incomplete: int = 0
    weighted_t: float = 0.0
    items_shared: int = 0
    value_created: dict[str, float] = field(default_factory=dict)
    available_by_material: list[tuple[str, float, int]] = field(default_factory=list)
    wanted_by_material: list[tuple[str, float, int]] = field(default_factory=list)
    months: list[dict] = field(default_factory=list)

    @property
    def kg_diverted(self) -> float:
        return self.tonnes_diverted * 1000

    @property
    def currencies(self) -> list[str]:
        return sorted(self.value_created)


def _month(d) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _by_material(qs) -> list[tuple[str, float, int]]:
    agg: dict[str, list] = defaultdict(lambda: [0.0, 0])
    for lst in qs.select_related("waste_code", "category").prefetch_related("category__translations"):
        # A category named in English for want of the reader's language is marked so.
        key = marked(lst.category, "name") if lst.category_id else lst.material_label
        agg[key][0] += float(lst.remaining_t)
        agg[key][1] += 1
    return sorted(((k, v[0], v[1]) for k, v in agg.items()), key=lambda t: -t[1])


def compute_metrics(city=None) -> Metrics:
    """Metrics of one programme (a city) or of every programme (``city=None``)."""
    exchanges = Exchange.objects.select_related("giver", "receiver").order_by("date", "pk")
    listings = Listing.objects.all()
    if city is not None:
        exchanges = exchanges.filter(city=city)
        listings = listings.filter(city=city)
    m = Metrics(city=city)
    orgs: set[int] = set(listings.exclude(organisation__isnull=True)
                         .values_list("organisation_id", flat=True))
    people: set[str] = set(listings.filter(organisation__isnull=True, created_by__isnull=False)
                           .values_list("created_by__username", flat=True))
    months: dict[str, dict] = {}
    for ex in exchanges:
        for org, name in ((ex.giver_id, ex.giver_name), (ex.receiver_id, ex.receiver_name)):
            if org:
                orgs.add(org)
            elif name:
                people.add(name)
        m.n_exchanges += 1
        m.items_shared += ex.items or 0
        # A shared or lent item was not going to be thrown away: its loan keeps nothing out
        # of waste, so it adds no tonnes diverted, weighted tonnes or landfill CO2e (issue 16).
        q = 0.0 if ex.is_share else float(ex.quantity_t)
        m.tonnes_diverted += q
        m.weighted_t += q * ex.weight
        if not ex.is_share and ex.kg_co2e_avoided is None:
            m.n_co2e_incomplete += 1
        elif not ex.is_share:
            m.kg_co2e_avoided += ex.kg_co2e_avoided or 0.0
        if ex.currency:
            m.value_created[ex.currency] = m.value_created.get(ex.currency, 0.0) + float(ex.value_created)
        row = months.setdefault(_month(ex.date), {"month": _month(ex.date), "exchanges": 0, "tonnes": 0.0,
                                                  "kg_co2e": 0.0, "weighted_t": 0.0, "value": {}})
        row["exchanges"] += 1
        row["tonnes"] += q
        row["kg_co2e"] += 0.0 if ex.is_share else (ex.kg_co2e_avoided or 0.0)
        row["weighted_t"] += q * ex.weight
        if ex.currency:
            row["value"][ex.currency] = row["value"].get(ex.currency, 0.0) + float(ex.value_created)
    m.organisations, m.residents = len(orgs), len(people)
    m.participants = m.organisations + m.residents
    cum_t = cum_kg = 0.0
    for key in sorted(months):
        row = months[key]
        cum_t += row["tonnes"]
        cum_kg += row["kg_co2e"]
        row["cum_tonnes"], row["cum_kg_co2e"] = cum_t, cum_kg
        m.months.append(row)
    open_qs = open_listings()
    if city is not None:
        open_qs = open_qs.filter(city=city)
    m.available_by_material = _by_material(open_qs.filter(Q(kind=Listing.Kind.OFFER) | Q(kind=Listing.Kind.SHARE)))
    m.wanted_by_material = _by_material(open_qs.filter(kind=Listing.Kind.WANT))
    return m


def chart_data(m: Metrics) -> dict:
    return {"months": [r["month"] for r in m.months],
            "exchanges": [r["exchanges"] for r in m.months],
            "tonnes": [round(r["tonnes"], 3) for r in m.months],
            "cum_tonnes": [round(r["cum_tonnes"], 3) for r in m.months],
            "cum_t_co2e": [round(r["cum_kg_co2e"] / 1000, 3) for r in m.months],
            "weighted_t": [round(r["weighted_t"], 3) for r in m.months],
            "value": {c: [round(r["value"].get(c, 0.0), 2) for r in m.months] for c in m.currencies},
            "available": [[k, round(t, 6)] for k, t, _n in m.available_by_material[:12]],
            "wanted": [[k, round(t, 6)] for k, t, _n in m.wanted_by_material[:12]],
            "labels": {"exchanges": _("Exchanges per month"), "tonnes": _("Tonnes diverted (cumulative)"),
                       "co2e": _("t CO2e avoided (cumulative)"), "value": _("Value created per month"),
                       "available": _("Available (t)"), "wanted": _("Wanted (t)"),
                       "log_axis": _("tonnes, logarithmic scale (each step is ten times the last)")}}


def monthly_rows(m: Metrics) -> tuple[list[str], list[list]]:
    cols = [_("Month"), _("Exchanges"), _("Tonnes diverted"), _("kg CO2e avoided"),
            _("Weighted tonnes")] + [_("Value created (%(cur)s)") % {"cur": c} for c in m.currencies] \
        + [_("Cumulative tonnes"), _("Cumulative kg CO2e")]
    rows = [[r["month"], r["exchanges"], round(r["tonnes"], 3), round(r["kg_co2e"], 1),
             round(r["weighted_t"], 3)] + [round(r["value"].get(c, 0.0), 2) for c in m.currencies]
            + [round(r["cum_tonnes"], 3), round(r["cum_kg_co2e"], 1)] for r in m.months]
    return cols, rows


def to_csv(m: Metrics) -> str:
    cols, rows = monthly_rows(m)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(csv_row(cols))
    w.writerows(csv_row(r) for r in rows)
    return buf.getvalue()


def build_report(m: Metrics, exchanges) -> Report:
    name = m.city.t("name") if m.city is not None else _("all programmes")
    facts = [(_("Participants"), str(m.participants)), (_("Exchanges"), str(m.n_exchanges)),
             (_("Tonnes diverted"), f"{m.tonnes_diverted:,.3f} t"),
             (_("CO2e avoided"), f"{m.kg_co2e_avoided / 1000:,.3f} t CO2e"),
             (_("Exchanges without a complete CO2e factor"), str(m.n_co2e_incomplete)),
             (_("Weighted value"), f"{m.weighted_t:,.3f}")]
    facts += [(_("Value created (%(cur)s)") % {"cur": c}, f"{v:,.2f}") for c, v in sorted(m.value_created.items())]
    cols, rows = monthly_rows(m)
    ex_cols = [_("Date"), _("Giver"), _("Receiver"), _("Material"), _("Tonnes"), _("Value"),
               _("Disposal cost avoided"), _("Purchase cost avoided"), _("Currency"), _("End use"),
               _("kg CO2e avoided"), _("Factor set")]
    ex_rows = [[str(e.date), e.giver_display, e.receiver_display, e.material_code, float(e.quantity_t),
                float(e.value), float(e.disposal_cost_avoided), float(e.purchase_cost_avoided),
                e.currency, e.end_use, e.kg_co2e_avoided, e.factor_set] for e in exchanges]
    return Report(title=_("Marketplace programme metrics: %(name)s") % {"name": name},
                  subtitle=_("Recomputed from the exchanges recorded on the platform."),
                  sections=[Section(_("Totals"), facts=facts),
                            Section(_("Per month"), tables=[Table(cols, rows)]),
                            Section(_("Listings by material"), tables=[
                                Table([_("Material"), _("Available (t)"), _("Listings")],
                                      [[k, round(t, 3), n] for k, t, n in m.available_by_material],
                                      title=_("Available")),
                                Table([_("Material"), _("Wanted (t)"), _("Listings")],
                                      [[k, round(t, 3), n] for k, t, n in m.wanted_by_material],
                                      title=_("Wanted"))]),
                            Section(_("Exchanges"), tables=[Table(ex_cols, ex_rows)])])


def to_excel(m: Metrics, exchanges) -> bytes:
    return to_xlsx(build_report(m, exchanges))


__all__ = ["Metrics", "chart_data", "compute_metrics", "to_csv", "to_excel"]
