"""What the city dashboard, the report and the API show: read-only, a fixed number of
queries whatever the amount of data (the benchmark in bench/bench_diagnosis.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from circularcities.coalition.models import City
from circularcities.core.maturity import (
    R_STRATEGIES,
    Assessment,
    compare,
    load_maturity_model,
    score,
)
from circularcities.core.mfa import LAYERS, CityMetabolism, Flow, StockChange
from circularcities.core.recommend import (
    CityProfile,
    benchmark,
    rank_cases,
    select_peers,
    suggest_focal_areas,
)
from circularcities.core.sankey import readout
from circularcities.diagnosis.models import (
    Indicator,
    IndicatorValue,
    MaturityAssessment,
    MetabolismFlow,
    MetabolismStock,
    Quality,
)
from circularcities.web.translated import translated

# The material groups of the demo workbooks and the template's examples; a city's own
# material names are shown as written.
MATERIAL_LABELS = {
    "biogas": gettext_lazy("biogas"),
    "construction minerals": gettext_lazy("construction minerals"),
    "conversion losses": gettext_lazy("conversion losses"),
    "electricity and heat from waste": gettext_lazy("electricity and heat from waste"),
    "energy content of waste": gettext_lazy("energy content of waste"),
    "glass and metals": gettext_lazy("glass and metals"),
    "organics": gettext_lazy("organics"),
    "organics (compost)": gettext_lazy("organics (compost)"),
    "other": gettext_lazy("other materials"),
    "paper": gettext_lazy("paper"),
    "phosphorus": gettext_lazy("phosphorus"),
    "plastics": gettext_lazy("plastics"),
}


def material_label(material: str) -> str:
    """A material group in the reader's language (a city's own name as written)."""
    label = MATERIAL_LABELS.get(material)
    return str(label) if label is not None else material


PROCESS_LABELS = {
    "environment": gettext_lazy("environment and rest of the world"),
    "extraction": gettext_lazy("domestic extraction"),
    "imports": gettext_lazy("imports"),
    "production": gettext_lazy("production"),
    "consumption": gettext_lazy("consumption"),
    "stock_buildings": gettext_lazy("building stock"),
    "stock_infrastructure": gettext_lazy("infrastructure stock"),
    "collection": gettext_lazy("collection"),
    "sorting": gettext_lazy("sorting"),
    "recycling": gettext_lazy("recycling"),
    "composting_digestion": gettext_lazy("composting and digestion"),
    "incineration_energy_recovery": gettext_lazy("incineration with energy recovery"),
    "landfill": gettext_lazy("landfill"),
    "exports": gettext_lazy("exports"),
}
LAYER_LABELS = {
    "material": gettext_lazy("materials"),
    "energy": gettext_lazy("energy"),
    "water": gettext_lazy("water"),
    "nutrient": gettext_lazy("nutrients"),
}
# The library's 6R tags, for the 7R maturity strategies that have one.
# Totals depend on a city's size; peers are compared on rates and per-capita values only.
ABSOLUTE_UNITS = frozenset({"t", "t P", "t N", "EUR", "count", "t CO2e", "MWh", "m3"})
R_TO_CASE_TAG = {"redesign": "redesign", "reuse_share": "reuse", "repair": "repair",
                 "remanufacture": "remanufacture", "recycle": "recycle", "recover": "recover"}


def cities_with_data():
    """Cities that have any diagnosis data, with what they have."""
    flows = MetabolismFlow.objects.filter(city=OuterRef("pk"))
    values = IndicatorValue.objects.filter(city=OuterRef("pk"))
    assessments = MaturityAssessment.objects.filter(city=OuterRef("pk"))
    return (City.objects.annotate(has_flows=Exists(flows), has_values=Exists(values),
                                  has_assessments=Exists(assessments))
            .filter(Q(has_flows=True) | Q(has_values=True) | Q(has_assessments=True)))


# -- Sankey ------------------------------------------------------------------------------------
@dataclass
class SankeyView:
    years: list[int]
    layers: list[str]
    materials: list[str]
    year: int | None
    layer: str
    material: str
    chart: dict
    imbalances: list[str]
    n_flows: int


def _int_or_none(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def sankey_view(city, year=None, layer=None, material=None) -> SankeyView:
    """Pickers and Sankey data for one year, layer and (optionally) material. Four queries."""
    flows = MetabolismFlow.objects.filter(city=city)
    combos = list(flows.order_by().values_list("year", "layer").distinct())
    years = sorted({y for y, _ in combos})
    layers = [lay for lay in LAYERS if any(lay == c for _, c in combos)]
    year = _int_or_none(year)
    if year not in years:
        year = years[-1] if years else None
    layer = layer if layer in layers else (layers[0] if layers else "material")
    materials = sorted(flows.filter(year=year, layer=layer).order_by()
                       .values_list("material", flat=True).distinct()) if year else []
    if material not in materials:
        # Nutrients are accounted in different units (t N, t P): never add them up.
        material = materials[0] if layer == "nutrient" and materials else ""
    chart: dict[str, Any] = {"nodes": [], "node_labels": [],
                             "links": {"source": [], "target": [], "value": [], "label": []}, "unit": ""}
    imbalances: list[str] = []
    n = 0
    if year is not None:
        sel = flows.filter(year=year, layer=layer)
        stocks = MetabolismStock.objects.filter(city=city, year=year, layer=layer)
        if material:
            sel, stocks = sel.filter(material=material), stocks.filter(material=material)
        rows = list(sel.values_list("origin", "destination", "year", "layer", "material", "value", "unit"))
        n = len(rows)
        model = CityMetabolism(flows=[Flow(*r) for r in rows], stock_changes=[StockChange(*r) for r in stocks.values_list(
            "process", "year", "layer", "material", "value", "unit")])
        chart = _split_environment(model.sankey(year, layer, material or None))
        imbalances = [str(i) for i in model.imbalances(rtol=1e-4, atol=1e-3)]
    links = chart["links"]
    what = [material_label(m) for m in links["label"]]
    chart.update(readout(chart["node_labels"], links["source"], links["target"], links["value"], chart["unit"],
                         what), link_what=what)
    return SankeyView(years, layers, materials, year, layer, material, chart, imbalances, n)


def _split_environment(chart: dict) -> dict:
    """Draw the system boundary twice, as a source on the left and a sink on the right,
    so the diagram reads left to right instead of looping back to one node."""
    nodes = list(chart["nodes"])
    labels = [str(PROCESS_LABELS.get(p, p)) for p in nodes]
    if "environment" in nodes:
        env = nodes.index("environment")
        links = chart["links"]
        if env in links["target"] and env in links["source"]:
            nodes.append("environment_out")
            labels[env] = str(_("from the environment and rest of the world"))
            labels.append(str(_("to the environment and rest of the world")))
            links["target"] = [len(nodes) - 1 if t == env else t for t in links["target"]]
    _split_feedback(chart["links"], nodes, labels)
    return {**chart, "nodes": nodes, "node_labels": labels}


# Material sent back upstream (recycling -> production) is the loop a circular city
# wants; drawn as one band it wraps around the whole diagram. Cut it into an outflow on
# the right ("fed back into production") and an inflow on the left ("secondary
# material into production"), which is how MFA diagrams usually show it.
DOWNSTREAM = {"collection", "sorting", "recycling", "composting_digestion", "incineration_energy_recovery"}
UPSTREAM = {"extraction", "imports", "production", "consumption"}


def _split_feedback(links: dict, nodes: list[str], labels: list[str]) -> None:
    added: dict[int, tuple[int, int]] = {}
    for i, (src, tgt) in enumerate(zip(list(links["source"]), list(links["target"]), strict=True)):
        if nodes[src] not in DOWNSTREAM or nodes[tgt] not in UPSTREAM:
            continue
        if tgt not in added:
            name = str(PROCESS_LABELS.get(nodes[tgt], nodes[tgt]))
            nodes.append(f"feedback_out_{nodes[tgt]}")
            labels.append(str(_("fed back into %(process)s") % {"process": name}))
            nodes.append(f"feedback_in_{nodes[tgt]}")
            labels.append(str(_("secondary material into %(process)s") % {"process": name}))
            added[tgt] = (len(nodes) - 2, len(nodes) - 1)
        out_node, in_node = added[tgt]
        links["target"][i] = out_node
        links["source"].append(in_node)
        links["target"].append(tgt)
        links["value"].append(links["value"][i])
        for key in links:
            if key not in ("source", "target", "value"):
                links[key].append(links[key][i])


# -- indicators ---------------------------------------------------------------------------------
@dataclass
class Card:
    indicator: Indicator
    latest: IndicatorValue
    series: list[tuple[float, float]]
    spark: str = ""

    @property
    def flagged(self) -> bool:
        return self.latest.quality in (Quality.ESTIMATED, Quality.PROXY)


def _sparkline(series: list[tuple[float, float]], width=120, height=28) -> str:
    """SVG polyline points for a small trend line (empty with fewer than two points)."""
    if len(series) < 2:
        return ""
    xs = [y for y, _ in series]
    vs = [v for _, v in series]
    x0, x1, v0, v1 = min(xs), max(xs), min(vs), max(vs)
    dx, dv = (x1 - x0) or 1, (v1 - v0) or 1
    return " ".join(f"{(x - x0) / dx * (width - 4) + 2:.1f},{height - 2 - (v - v0) / dv * (height - 4):.1f}"
                    for x, v in series)


def indicator_cards(city) -> list[Card]:
    """One card per indicator with a value: the latest value and the trend. One query."""
    by_code: dict[str, list[IndicatorValue]] = {}
    for v in IndicatorValue.objects.filter(city=city).select_related("indicator").prefetch_related(  # type: ignore[misc]
            "indicator__translations").order_by("indicator__theme", "indicator_id", "year", "period"):
        by_code.setdefault(v.indicator_id, []).append(v)
    cards = []
    for values in by_code.values():
        series = [(v.year + (v.period - 0.5) / (4 if v.indicator.frequency == "quarterly" else 12)
                   if v.period else v.year, v.value) for v in values]
        cards.append(Card(values[-1].indicator, values[-1], series, _sparkline(series)))
    return cards


# -- maturity -----------------------------------------------------------------------------------
@dataclass
class MaturityView:
    subject: str
    assessments: list[MaturityAssessment]
    latest: MaturityAssessment  # a subject has a view once it has an assessment
    previous: MaturityAssessment | None
    rows: list[dict] = field(default_factory=list)
    overall: float | None = None
    overall_change: float | None = None
    chart: dict = field(default_factory=dict)

    @property
    def weakest(self) -> list[str]:
        if not self.latest:
            return []
        return score(_assessment(self.latest)).weakest(2)


def _assessment(a: MaturityAssessment) -> Assessment:
    return Assessment(a.date, a.subject, dict(a.levels), dict(a.notes or {}))


def maturity_views(city) -> dict[str, MaturityView]:
    """Per subject (city, business): latest and previous assessment, scores and change. One query."""
    strategies = load_maturity_model()
    by_subject: dict[str, list[MaturityAssessment]] = {}
    for a in MaturityAssessment.objects.filter(city=city).select_related("assessor").order_by("date"):
        by_subject.setdefault(a.subject, []).append(a)
    out = {}
    for subject, items in by_subject.items():
        latest = items[-1]
        previous = items[-2] if len(items) > 1 else None
        s = score(_assessment(latest))
        change = compare(_assessment(previous), _assessment(latest)) if previous else None
        rows = []
        for r in R_STRATEGIES:
            st = strategies[r]
            level = s.per_r[r]
            # The page shows each text with {% translated %} (marked when it fell back to
            # English); "name" and "description" are plain text for the chart and the PDF.
            rows.append({"r": r, "strategy": st, "level_text": st.levels[level - 1],
                         "name": translated(st, "name").text, "level": level,
                         "previous": previous.levels.get(r) if previous else None,
                         "change": change.per_r[r] if change else None,
                         "description": translated(st.levels[level - 1], "text").text,
                         "note": (latest.notes or {}).get(r, "")})
        names = [row["name"] for row in rows]
        traces = [{"name": str(latest.date), "r": [row["level"] for row in rows], "theta": names}]
        if previous:
            traces.insert(0, {"name": str(previous.date), "r": [previous.levels[r] for r in R_STRATEGIES],
                              "theta": names})
        out[subject] = MaturityView(subject, items, latest, previous, rows, s.overall,
                                    change.overall if change else None, {"traces": traces})
    return out


# -- benchmark and recommendations ---------------------------------------------------------------
@dataclass
class BenchmarkView:
    rule: str
    peers: list[City]
    rows: list[dict]
    benchmarks: dict
    focal_areas: list = field(default_factory=list)
    cases: dict = field(default_factory=dict)
    levels: dict | None = None  # the city's latest 7R levels, which the reasons cite

    @property
    def reasons(self) -> dict[str, list[tuple[str, str]]]:
        """Why each focal area is suggested, in the reader's language (area slug -> pieces,
        see :func:`focal_reason`)."""
        return {fa.area: focal_reason(fa, self.benchmarks, self.levels) for fa in self.focal_areas}

    @property
    def rule_text(self) -> str:
        return {"region+population": _("same region and a population within a factor of 3"),
                "region": _("same region (too few cities of a similar population have data)"),
                "all": _("all cities with data (no city of the same region has data)"),
                "none": _("no other city has data yet")}[self.rule]


def benchmark_view(city, latest: dict | None = None) -> BenchmarkView:
    """Peers by region and population, the city's percentile per indicator, focal areas, cases."""
    from circularcities.knowledge.models import Case

    catalogue = {i.code: i for i in Indicator.objects.filter(city__isnull=True).prefetch_related("translations")}
    values = list(IndicatorValue.objects.filter(city__in=cities_with_data().filter(population__isnull=False)
                                                 .values("pk")).order_by("city_id", "indicator_id", "-year", "-period")
                  .values_list("city_id", "indicator_id", "year", "value"))
    latest_by_city: dict[int, dict[str, tuple[float, int]]] = {}
    for cid, code, year, value in values:
        latest_by_city.setdefault(cid, {}).setdefault(code, (value, year))
    others = {c.pk: c for c in City.objects.filter(pk__in=[k for k in latest_by_city if k != city.pk])}
    mine = dict(latest_by_city.get(city.pk, {}))
    if latest is not None:  # the dashboard passes what it already read
        mine = {code: (v.value, v.year) for code, v in latest.items()}
    rule, peers = "none", []
    if city.population and others:
        profiles = {c.slug: c for c in others.values() if c.population}
        sel = select_peers(CityProfile(city.slug, city.region or "-", float(city.population)),
                           [CityProfile(c.slug, c.region or "-", float(c.population))
                            for c in profiles.values() if c.population])
        peers = [profiles[p.name] for p in sel.peers]
        rule = sel.rule
        if not peers:
            peers, rule = list(profiles.values()), "all"
    peer_values: dict[str, list[float]] = {}
    peer_years: dict[str, list[int]] = {}
    for p in peers:
        for code, (v, y) in latest_by_city.get(p.pk, {}).items():
            peer_values.setdefault(code, []).append(v)
            peer_years.setdefault(code, []).append(y)
    directions = {code: ind.direction for code, ind in catalogue.items() if ind.unit not in ABSOLUTE_UNITS}
    bms = benchmark({c: v for c, v in mine.items() if c in directions}, peer_values, directions)
    rows = []
    for code, b in sorted(bms.items(), key=lambda kv: (kv[1].percentile is None, kv[1].percentile or 0)):
        ys = peer_years.get(code, [])
        rows.append({"indicator": catalogue[code], "b": b,
                     "peer_years": (f"{min(ys)}" if ys and min(ys) == max(ys) else f"{min(ys)}–{max(ys)}") if ys else ""})
    view = BenchmarkView(rule, sorted(peers, key=lambda c: c.name_en), rows, bms)
    maturity = MaturityAssessment.objects.filter(city=city, subject="city").order_by("-date").first()
    levels = dict(maturity.levels) if maturity else None
    names = {code: (translated(ind, "name", "en").text, translated(ind, "name", "zh-hans").text)
             for code, ind in catalogue.items()}
    related = {code: ind.related_areas for code, ind in catalogue.items()}
    view.focal_areas = suggest_focal_areas(bms, related, levels, max_areas=3, names=names)
    view.levels = levels
    if view.focal_areas:
        cases = list(Case.objects.filter(published=True).select_related("city")
                     .prefetch_related("areas", "r_strategies"))
        as_dicts = [{"slug": c.slug, "areas": [a.slug for a in c.areas.all()],
                     "r_strategies": [r.slug for r in c.r_strategies.all()],
                     "keywords": (c.keywords_en or []) + (c.keywords_zh or [])} for c in cases]
        by_slug = {c.slug: c for c in cases}
        for fa in view.focal_areas:
            weak = [R_TO_CASE_TAG[r] for r in fa.weak_rs if r in R_TO_CASE_TAG]
            ranked = rank_cases(as_dicts, [fa.area], weak)
            view.cases[fa.area] = [(by_slug[rc.slug], rc) for rc in ranked[:3]]
    return view


def _join(items: list[str]) -> str:
    # Translators: the separator between items of a list ("A, B, C"), e.g. "、" in Chinese.
    return pgettext("list separator", ", ").join(items)


def focal_reason(fa, benchmarks: dict, levels: dict | None) -> list[tuple[str, str]]:
    """The reason for a suggested focal area, composed in the reader's language from what
    drove it (the indicators behind the peers and the weak 7R strategies).

    Returns (text, language) pieces: a language is given for a name shown in English
    because the reader's language has none yet (the page marks it ``lang="en"``), and is
    empty for text in the reader's language.
    """
    from circularcities.core.maturity import load_maturity_model

    names: list[tuple[str, str]] = []

    def name(obj, code: str) -> str:
        # A placeholder for the name, replaced by a piece of its own below.
        t = translated(obj, "name") if obj is not None else None
        names.append((t.text, t.language if t.is_fallback else "") if t else (code, ""))
        return f"\x00{len(names) - 1}\x00"

    sentences = []
    if fa.indicators:
        indicators = {i.code: i for i in Indicator.objects.filter(code__in=fa.indicators)}
        sentences.append(_("Behind its peers on %(indicators)s.") % {"indicators": _join([
            _("%(name)s (percentile %(percentile)s)") % {
                "name": name(indicators.get(c), c), "percentile": f"{benchmarks[c].percentile:.0f}"}
            for c in fa.indicators if c in benchmarks])})
    if fa.weak_rs:
        strategies = load_maturity_model()
        sentences.append(_("Low 7R maturity in %(strategies)s.") % {"strategies": _join([
            _("%(name)s (level %(level)s)") % {
                "name": name(strategies.get(r), r), "level": (levels or {}).get(r, "–")}
            for r in fa.weak_rs])})
    # Chinese and Japanese sentences follow each other without a space.
    joiner = "" if (get_language() or "en").split("-")[0] in ("zh", "ja") else " "
    parts = joiner.join(sentences).split("\x00")
    pieces = [names[int(p)] if i % 2 else (p, "") for i, p in enumerate(parts)]
    return [(text, lang) for text, lang in pieces if text]


def reason_text(pieces: list[tuple[str, str]]) -> str:
    """A reason's pieces as one plain string (for the PDF)."""
    return "".join(text for text, _lang in pieces)


def area_names() -> dict[str, str]:
    from circularcities.coalition.models import ThematicArea

    return {a.slug: a.t("name") for a in ThematicArea.objects.all()}
