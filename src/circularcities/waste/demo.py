"""Demo waste streams for Beijing, Genoa, Shenzhen and Tianjin, from the World Bank's What a Waste 2.0.

The coalition's sources (the China Hub page, the coalition brochure) describe
the zero-waste pilot cities and Genoa's municipal waste plan but give no
tonnages; the figures here come from the World Bank database shipped in
``shared/data/what_a_waste_2`` (Kaza et al. 2018, CC BY 4.0):

- **Beijing** (city data): 7,903,000 t of municipal solid waste in 2015
  (UNEP Asia Waste Management Outlook 2017, as the World Bank cites it);
  treatment 2 % composting, 8 % incineration, 90 % sanitary landfill.
- **Shenzhen, Tianjin** (China Hub cities): no city figures in the database.
  *Proxy*: China's national municipal solid waste per person (210 million t
  for 1.37 billion people) times the city's population; treatment shares of
  China (3 % compost, 29.84 % incineration, 60.16 % landfill, 8.21 % open
  dump) add up to 101.21 %, so they are scaled to 100 % (an estimate that
  says so), the open dump counted as uncontrolled landfill (SDG 11.6.1).
  The other four zero-waste areas (industrial 3.27 billion t, agricultural
  4.00 billion t, construction and demolition 1.50 billion t, hazardous
  34.7 million t a year for China) likewise per person; the database gives
  no treatment split for them, so no rate is shown for them. The China Hub
  page names no pilot city: these are the Hub's city profiles.
- **Genoa**: *proxy* from Italy's national figures: 29.5 million t for
  60.7 million people, times Genoa's 560,000 inhabitants; treatment 25.9 %
  recycling, 17.6 % composting, 19 % incineration, 26.48 % landfill
  (11.02 % unaccounted for, left untreated).

What a Waste reports incineration without saying whether energy is
recovered; these rows record it as incineration with energy recovery (the
coalition brochure's Beijing Chaoyang park turns waste into electricity) and
say so in their source. None of these rows is measured data of the city.
"""

from __future__ import annotations

from django.db import transaction

SPECIAL_WASTE = (
    ("industrial", "industrial waste", 3.27e9),
    ("agricultural", "agricultural waste", 4.00e9),
    ("construction_demolition", "construction and demolition waste", 1.50e9),
    ("hazardous", "hazardous waste", 34_652_400),
)
"""China's national special-waste tonnes a year, What a Waste 2.0 country data."""

# The demo streams' names in Chinese, Japanese and Korean (written for the demo), by English name
# without the "(national proxy)" / "(all of Beijing)" qualifier, which is added in each language.
NAMES = {
    "municipal solid waste": {"zh": "城市生活垃圾", "ja": "一般廃棄物", "ko": "생활폐기물"},
    "industrial waste": {"zh": "工业固体废物", "ja": "産業廃棄物", "ko": "산업 폐기물"},
    "agricultural waste": {"zh": "农业废弃物", "ja": "農業廃棄物", "ko": "농업 폐기물"},
    "construction and demolition waste": {"zh": "建筑垃圾", "ja": "建設廃棄物", "ko": "건설 폐기물"},
    "hazardous waste": {"zh": "危险废物", "ja": "有害廃棄物", "ko": "유해 폐기물"},
}
QUALIFIERS = {
    "(national proxy)": {"zh": "（全国数据推算）", "ja": "（全国値による推計）", "ko": "(전국 값 추정)"},
    "(all of Beijing)": {"zh": "（北京全市）", "ja": "（北京市全体）", "ko": "(베이징시 전체)"},
}


def _names(english: str) -> dict[str, str]:
    """The other-language names of a demo stream's English name."""
    base, _sep, rest = english.partition(" (")
    qualifier = QUALIFIERS.get(f"({rest}", {}) if rest else {}
    return {sfx: text + qualifier.get(sfx, "") for sfx, text in NAMES.get(base, {}).items()}


WAW = "World Bank, What a Waste 2.0 (Kaza et al. 2018), CC BY 4.0"
INCINERATION_NOTE = "incineration counted as energy recovery (assumption)"


def _proxy_rows() -> list[tuple[str, dict, str, str]]:
    rows: list[tuple[str, dict, str, str]] = []
    beijing_t = 7_903_000
    rows.append(("beijing", {
        "name": "municipal solid waste (all of Beijing)", "area": "household", "ewc_code": "200301", "year": 2015,
        "generated_t": beijing_t, "composting_t": round(beijing_t * 0.02), "energy_recovery_t": round(beijing_t * 0.08),
        "landfill_t": round(beijing_t * 0.90)},
        f"{WAW}, city data for Beijing 2015 (from UNEP Asia Waste Management Outlook 2017); {INCINERATION_NOTE}",
        "estimated"))
    china_per_person = 2.10e8 / 1.37e9
    shares = {"composting": 3.0, "energy_recovery": 29.84, "landfill": 60.16 + 8.21}
    total_share = sum(shares.values())  # 101.21 %: scaled to 100 %
    for slug, population in (("shenzhen", 12_500_000), ("tianjin", 13_866_009)):
        generated = round(china_per_person * population)
        fields: dict = {"name": "municipal solid waste (national proxy)", "area": "household", "year": 2016,
                  "generated_t": generated,
                  **{f"{k}_t": round(generated * v / total_share) for k, v in shares.items()},
                  "uncontrolled_t": round(generated * 8.21 / total_share)}
        over = sum(fields[f"{k}_t"] for k in shares) - generated
        fields["landfill_t"] -= max(0, over)  # rounding to whole tonnes must not break the balance
        rows.append((slug, fields, f"{WAW}: China's national MSW per person x city population; treatment shares of "
                                   f"China (101.21 %) scaled to 100 %; {INCINERATION_NOTE}; base year 2016", "proxy"))
        # The other four areas: generated tonnes only (the database has no treatment split for them,
        # so the page shows no rate for them rather than 0 %).
        for area, name, national_t in SPECIAL_WASTE:
            rows.append((slug, {"name": f"{name} (national proxy)", "area": area, "year": 2016,
                                "generated_t": round(national_t / 1.37e9 * population)},
                         f"{WAW}: China's national {name} per person x city population; no treatment split "
                         f"reported; base year 2016", "proxy"))
    italy_per_person = 2.95e7 / 60_730_582
    generated = round(italy_per_person * 560_000)
    rows.append(("genoa", {
        "name": "municipal solid waste (national proxy)", "area": "household", "year": 2016, "generated_t": generated,
        "recycling_t": round(generated * 0.259), "composting_t": round(generated * 0.176),
        "energy_recovery_t": round(generated * 0.19), "landfill_t": round(generated * 0.2648)},
        f"{WAW}: Italy's national MSW per person x Genoa's population (560,000); Italy's treatment shares, 11.02 % "
        f"unaccounted for; {INCINERATION_NOTE}; base year 2016", "proxy"))
    return rows


@transaction.atomic
def load(log=print) -> None:
    from circularcities.coalition.models import City
    from circularcities.waste.models import WasteStream
    from circularcities.waste.services import stream_delete, stream_write

    rows = _proxy_rows()
    keep = {(slug, f["area"], f["name"], f["year"]) for slug, f, _, _ in rows}
    for old in WasteStream.objects.filter(is_demo=True).select_related("city").prefetch_related("translations"):
        if (old.city.slug, old.area, old.name_en, old.year) not in keep:  # a demo row the sources no longer give
            stream_delete(stream=old, user=None)
    n = 0
    for slug, fields, source, quality in rows:
        city = City.objects.filter(slug=slug).first()
        if city is None:
            continue
        names = {f"name_{sfx}": text for sfx, text in _names(fields["name"]).items()}
        stream_write(city=city, user=None, fields={**fields, **names, "source": source[:300], "quality": quality},
                     is_demo=True)
        n += 1
    log(f"waste: {n} demo streams (World Bank What a Waste 2.0; estimates and proxies labelled)")
