"""A city's waste streams and rates as a council report (Excel or PDF through ``core.reports``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.core.reports import Report, Section, Table
from circularcities.waste.labels import area_label, rate_label
from circularcities.waste.services import city_summary


def _pct(x: float | None) -> object:
    return "" if x is None else round(100 * x, 2)


def build(city) -> Report:
    sections = []
    for a in city_summary(city):
        keys = [s.key for s in a.series]
        rows = []
        for y in a.years:
            r = a.totals[y]
            known = r.treated_t > 0
            rows.append([y, round(r.generated_t, 3), round(r.treated_t, 3), round(r.untreated_t, 3),
                         *[_pct(getattr(r, k)) if known else "" for k in keys],
                         ", ".join(sorted(a.qualities.get(y, ())))])
        rates = Table([_("Year"), _("Generated (t)"), _("Treated (t)"), _("Untreated (t)"),
                       *[f"{rate_label(k)} (%)" for k in keys], _("Quality")], rows,
                      title=f"{area_label(a.area)[:20]} {_('rates')}")
        streams = Table([_("Stream"), _("Year"), _("Month"), _("EWC"), _("Generated (t)"), _("Collected (t)"),
                         *[f"{label} (t)" for _r, label, _v in a.streams[0].route_rows()], _("Quality"), _("Source")],
                        [[_stream_name(s), s.year, s.month or "", s.ewc_code, s.generated_t,
                          "" if s.collected_t is None else s.collected_t, *[v for _r, _l, v in s.route_rows()],
                          s.get_quality_display(), s.source] for s in a.streams],
                        title=f"{area_label(a.area)[:20]} {_('streams')}")
        formulas = [f"{rate_label(s.key)}: {s.formula}" + (f" ({s.source})" if s.source else "") for s in a.series]
        sections.append(Section(area_label(a.area), paragraphs=formulas, tables=[rates, streams]))
    return Report(title=_("Waste streams of %(city)s") % {"city": city.t("name")},
                  subtitle=_("Rates computed from the tonnes recorded; a year with no treatment route recorded has "
                             "no rate."), sections=sections)


def _stream_name(stream) -> str:
    """The stream's name in the reader's language; English, marked, when it has none."""
    from circularcities.web.translated import translated

    t = translated(stream, "name")
    return f"{t.text} ({_('not yet translated')})" if t.is_fallback else t.text
