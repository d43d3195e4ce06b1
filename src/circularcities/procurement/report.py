"""Council-ready exports of a comparison and a tender scorecard, and the comparison chart.

The exports are built as :class:`circularcities.core.reports.Report` and written by
``core.reports`` (every cell through ``set_cell``, so text never becomes a formula).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from circularcities.core.procurement import A_TO_C, MODULE_NAMES
from circularcities.core.reports import Report, Section, Table
from circularcities.web.translated import Translated, translated


class Labels:
    """Names of a comparison's items and alternatives in the reader's language, looked up by
    their English names (the keys the computation uses); English, marked, when there is none."""

    def __init__(self, items=()):
        self.items = {i.name_en: i for i in items}
        self.alternatives = {(i.name_en, a.name_en): a for i in items for a in i.alternatives.all()}

    def item_obj(self, key: str):
        return self.items.get(key)

    def alternative_obj(self, item: str, key: str):
        return self.alternatives.get((item, key))

    @staticmethod
    def _pick(obj, key: str) -> Translated:
        return translated(obj, "name") if obj is not None else Translated(key, "en", False)

    def item(self, key: str) -> Translated:
        return self._pick(self.items.get(key), key)

    def alternative(self, item: str, key: str) -> Translated:
        return self._pick(self.alternatives.get((item, key)), key)

    @staticmethod
    def text(t: Translated) -> str:
        """Plain text for exports and chart labels: the marker written out after a fallback."""
        return f"{t.text} ({_('not yet translated')})" if t.is_fallback else t.text

GROUPS = {"A1-A3": "a", "A4": "a", "A5": "a", "B1": "b", "B2": "b", "B3": "b", "B4": "b", "B5": "b",
          "B6": "b", "B7": "b", "C1": "c", "C2": "c", "C3": "c", "C4": "c"}


def chart(result, width: int = 340, labels: Labels | None = None) -> dict:
    """Bars of one item: each alternative's A-C modules stacked, module D as its own thin bar
    below; every bar has its name and figure written above it, so the chart reads without
    hovering (plain SVG geometry, no script)."""
    bar_h, label_h, d_h, gap, pad = 18, 17, 9, 12, 4
    values = [r.total_a_c_kgco2e for r in result.results]
    ds = [abs(r.module_d_kgco2e or 0) for r in result.results]
    top = max(values + ds + [1e-9])
    inner = width - 2 * pad
    rows = []
    y = pad
    labels = labels or Labels()
    for r in result.results:
        x = 0.0
        segments = []
        for module in A_TO_C:
            v = r.by_module.get(module)
            if not v or v <= 0:
                continue
            w = inner * v / top
            segments.append({"x": round(pad + x, 2), "w": round(max(w, 0.5), 2), "cls": f"m-{GROUPS[module]}",
                             "module": module})
            x += w
        d = r.module_d_kgco2e
        bar_y = y + label_h
        name = labels.alternative(result.item.name, r.alternative.name).text
        rows.append({"name": name, "text_y": y + 13, "bar_y": bar_y, "h": bar_h,
                     "segments": segments, "total": r.total_a_c_kgco2e,
                     "chosen": r is result.chosen, "reference": r is result.reference, "d": d,
                     "d_w": round(inner * abs(d) / top, 2) if d else 0, "d_y": bar_y + bar_h + 3,
                     "d_text_x": round(pad + (inner * abs(d) / top if d else 0) + 6, 2),
                     "d_text_y": bar_y + bar_h + 3 + d_h + 1})
        y = bar_y + bar_h + (d_h + 8 if d is not None else 0) + gap
    return {"rows": rows, "height": y + pad, "width": width, "pad": pad}


def comparison_report(project, results, labels: Labels | None = None) -> Report:
    """The comparison in the reader's language (names without a translation in English, marked)."""
    labels = labels or Labels()
    sections = []
    for r in results:
        def alt(a, r=r) -> str:
            return labels.text(labels.alternative(r.item.name, a.name))

        modules = [mod for mod in A_TO_C if any(mod in a.by_module for a in r.results)]
        rows = []
        for a in r.results:
            role = _("chosen") if a is r.chosen else (_("reference") if a is r.reference else "")
            rows.append([alt(a.alternative), role, *[round(a.by_module.get(mod, 0.0), 1) for mod in modules],
                         round(a.total_a_c_kgco2e, 1),
                         "" if a.module_d_kgco2e is None else round(a.module_d_kgco2e, 1),
                         _("generic") if a.generic else _("specific")])
        cols = [_("Alternative"), _("Role"), *[f"{mod} (kg CO2e)" for mod in modules], _("A-C total (kg CO2e)"),
                _("Module D, apart (kg CO2e)"), _("Data")]
        notes = [f"{alt(a.alternative)}: {a.alternative.assumption}" for a in r.results if a.alternative.assumption]
        sources = sorted({ln.source for a in r.item.alternatives for ln in a.lines if ln.source})
        sections.append(Section(
            heading=labels.text(labels.item(r.item.name)),
            facts=[(_("Chosen"), alt(r.chosen.alternative)), (_("Reference"), alt(r.reference.alternative)),
                   (_("Saving against the reference"), f"{r.saving_kgco2e:,.1f} kg CO2e "
                                                        f"({r.saving_kgco2e / 1000:,.1f} t CO2e)")],
            paragraphs=[_("Module D (benefits beyond the system boundary) is shown apart and never added to "
                          "the A-C total (EN 15804 / EN 15978)."), *notes,
                        _("Sources: %(sources)s") % {"sources": "; ".join(sources) or "–"}],
            tables=[Table(cols, rows)]))
    legend = Section(heading=_("Life-cycle modules"),
                     tables=[Table([_("Module"), _("Meaning")], [[k, v] for k, v in MODULE_NAMES.items()])])
    return Report(title=str(project), subtitle=f"{project.city.t('name')} · {project.source}",
                  sections=sections + [legend])


def scorecard_report(tender, cards) -> Report:
    criteria = list(tender.criteria.all())
    crit = Section(heading=_("Criteria and scoring rules"),
                   tables=[Table([_("Criterion"), _("Points"), _("Rule")],
                                 [[c.get_key_display(), c.points, c.rule] for c in criteria])]
                   if criteria else [])
    rows = []
    for c in cards:
        rows.append([c.bid.bidder_name, c.bid.product.name if c.bid.product_id else "",
                     *[round(ln.points, 2) for ln in c.card.lines], round(c.card.total, 2),
                     c.card.rank if c.card.rank is not None else _("not ranked"),
                     " ".join(f.message for f in c.failures + c.warnings)])
    cols = [_("Bidder"), _("Product"), *[f"{c.get_key_display()} ({c.points:g})" for c in criteria],
            _("Total"), _("Rank"), _("Requirements")]
    score = Section(heading=_("Scorecard"), tables=[Table(cols, rows)] if cards else [])
    facts = [(_("Status"), tender.get_status_display()), (_("Currency"), tender.currency)]
    if tender.requirement_set_id:
        facts.append((_("Requirement set"), str(tender.requirement_set)))
    if tender.status == "awarded":
        facts.append((_("Awarded to"), tender.awarded_bid.bidder_name if tender.awarded_bid_id else _("recorded")))
        just = tender.safe_translation_getter("justification", any_language=True) or ""
        facts.append((_("Justification"), just))
        for w in tender.award_warnings or []:
            facts.append((_("Flagged at award"), w))
    savings = [[x.get_kind_display(), x.value, x.unit, x.year or "", x.method, x.source]
               for x in tender.savings.all()]
    sav = Section(heading=_("Expected savings"),
                  tables=[Table([_("Kind"), _("Value"), _("Unit"), _("Year"), _("Method"), _("Source")], savings)]
                  if savings else [])
    return Report(title=str(tender), subtitle=f"{tender.city.t('name')} · {tender.source}",
                  sections=[Section(heading=_("Tender"), facts=facts), crit, score, sav])
