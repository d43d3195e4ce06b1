"""Demo systems and stock models, built from the source documents.

- Amsterdam Buiksloterham's water-food-energy nexus (Green Circular Cities Coalition
  brochure): grey water's heat to room heating, black water and kitchen waste to biogas
  and electricity for vehicles, phosphate and nitrate to fertiliser for urban farming.
  The brochure gives the system, not its amounts: every amount here is an ESTIMATE
  (marked so on each flow) for a neighbourhood growing from about 5,000 to 8,000
  residents, with per-resident figures of the usual order of magnitude. A scenario
  "without the biorefinery" sends the wastewater to a central treatment plant.
- Circular Glasgow's priority sectors ("Circular economy in cities" case studies,
  Ellen MacArthur Foundation): healthcare, education and manufacturing (food and drink
  first), which the study analysed for material flows; the case study gives no tonnages,
  so the amounts are ESTIMATES.
- Shenzhen's electric buses as a stock-driven dynamic stock model (same case studies:
  200 electric buses in 2011, more than 16,000 in 2017; eight-year leases). The years
  between are interpolated and the years after held level: estimates.

Idempotent: each demo record has a ``demo_key`` and is rebuilt from here on reload.
"""

from __future__ import annotations

from django.db import transaction

from circularcities.coalition.models import City
from circularcities.core.mfa.system import (
    BOUNDARY,
    Acceptance,
    Conversion,
    FlowSpec,
    Layer,
    Parameter,
    Process,
    StockSpec,
    SystemDefinition,
    SystemIndicator,
)
from circularcities.systems import services
from circularcities.systems.models import StockModel, System

BROCHURE = "Green Circular Cities Coalition brochure, Amsterdam Buiksloterham case"
CASES = "Ellen MacArthur Foundation, Circular economy in cities case studies"
EST = " (estimate: the source gives no amount)"

YEARS = tuple(range(2025, 2031))


def _residents(year: int) -> float:
    """Residents of the district: about 5,000 in 2025 growing to 8,000 in 2030 (estimate)."""
    return 5000 + 600 * (year - 2025)


def _per(amount_per_resident: float) -> dict[int, float]:
    return {y: round(amount_per_resident * _residents(y), 1) for y in YEARS}


def _nutrient_route(layer: str, per_resident: float, src: str, *, to_farms: float, central_out: float,
                    farm_food: float) -> list[FlowSpec]:
    """A nutrient's route through the nexus: in with food, from households to the
    biorefinery or the central plant, from the biorefinery to urban farms as fertiliser,
    and back to households as food."""
    return [
        FlowSpec(BOUNDARY, "households", layer, _per(per_resident), source=src, estimate=True),
        FlowSpec("households", "biorefinery", layer, share="to_biorefinery_nutrients", source=src, estimate=True),
        FlowSpec("households", "central_wwtp", layer, share="to_central_nutrients", source=src, estimate=True),
        FlowSpec("households", BOUNDARY, layer, share=0.1, source=src, estimate=True),
        FlowSpec("biorefinery", "urban_farms", layer, share=to_farms, source=src, estimate=True),
        FlowSpec("biorefinery", BOUNDARY, layer, share=0.2, source=src, estimate=True),
        FlowSpec("central_wwtp", BOUNDARY, layer, share=central_out, source=src, estimate=True),
        FlowSpec("urban_farms", "households", layer, share=farm_food, source=src, estimate=True),
        FlowSpec("urban_farms", BOUNDARY, layer, share=0.3, source=src, estimate=True),
    ]


def buiksloterham() -> SystemDefinition:
    src = BROCHURE + EST
    flows = [
        # water (m3)
        FlowSpec(BOUNDARY, "water_supply", "water", _per(46.0), source=src, estimate=True),
        FlowSpec("water_supply", "households", "water", share=0.97, source=src, estimate=True),
        FlowSpec("water_supply", BOUNDARY, "water", share=0.03, source=src, estimate=True),
        FlowSpec("households", "biorefinery", "water", share="to_biorefinery_water", source=src, estimate=True),
        FlowSpec("households", "central_wwtp", "water", share="to_central_water", source=src, estimate=True),
        FlowSpec("households", BOUNDARY, "water", share=0.1, source=src, estimate=True),
        FlowSpec("biorefinery", "urban_farms", "water", share=0.05, source=src, estimate=True),
        FlowSpec("biorefinery", BOUNDARY, "water", share=0.95, source=src, estimate=True),
        FlowSpec("central_wwtp", BOUNDARY, "water", share=1.0, source=src, estimate=True),
        FlowSpec("urban_farms", BOUNDARY, "water", share=1.0, source=src, estimate=True),
        # energy (MWh)
        FlowSpec(BOUNDARY, "households", "energy", _per(5.0), source=src, estimate=True),
        FlowSpec("households", "biorefinery", "energy", share="heat_recovery", source=src, estimate=True),
        FlowSpec("households", BOUNDARY, "energy", share="heat_to_outside", source=src, estimate=True),
        FlowSpec("biorefinery", "households", "energy", share=0.6, source=src, estimate=True),
        FlowSpec("biorefinery", "vehicles", "energy", share=0.08, source=src, estimate=True),
        FlowSpec("biorefinery", BOUNDARY, "energy", share=0.32, source=src, estimate=True),
        FlowSpec(BOUNDARY, "vehicles", "energy", _per(0.25), source=src, estimate=True),
        FlowSpec("vehicles", BOUNDARY, "energy", share=1.0, source=src, estimate=True),
        FlowSpec(BOUNDARY, "central_wwtp", "energy", dict.fromkeys(YEARS, 0.0), source=src, estimate=True),
        FlowSpec("central_wwtp", BOUNDARY, "energy", share=1.0, source=src, estimate=True),
        # phosphorus (kg P), then nitrogen (kg N)
        *_nutrient_route("phosphorus", 0.45, src, to_farms=0.8, central_out=1.0, farm_food=0.5),
        *_nutrient_route("nitrogen", 4.0, src, to_farms=0.3, central_out=0.3, farm_food=0.4),
        # materials (t): food and organic kitchen waste
        FlowSpec(BOUNDARY, "households", "materials", _per(0.7), source=src, estimate=True),
        FlowSpec("households", "biorefinery", "materials", share="organics_separate", source=src, estimate=True),
        FlowSpec("households", BOUNDARY, "materials", share="residual", source=src, estimate=True),
        FlowSpec("biorefinery", "urban_farms", "materials", share=0.15, source=src, estimate=True),
        # what the digester does not use up leaves as residue (the rest becomes biogas: see conversions)
        FlowSpec("biorefinery", BOUNDARY, "materials", share=0.25, source=src, estimate=True),
        FlowSpec("urban_farms", "households", "materials", share=0.6, source=src, estimate=True),
    ]
    return SystemDefinition(
        name="Buiksloterham water-food-energy nexus",
        years=YEARS,
        layers=(Layer("water", "m3"), Layer("energy", "MWh"), Layer("phosphorus", "kg P"),
                Layer("nitrogen", "kg N"), Layer("materials", "t")),
        processes=(Process(BOUNDARY, "Outside the district"), Process("water_supply", "Drinking water supply"),
                   Process("households", "Homes and offices"),
                   Process("biorefinery", "Neighbourhood biorefinery"),
                   Process("central_wwtp", "Central wastewater treatment"),
                   Process("urban_farms", "Urban farming"), Process("vehicles", "Electric vehicles")),
        flows=tuple(flows),
        stocks=(StockSpec("urban_farms", "phosphorus", "accumulation", name="Phosphorus in farm soil"),
                StockSpec("urban_farms", "nitrogen", "accumulation", name="Nitrogen in farm soil and crops"),
                StockSpec("urban_farms", "materials", "accumulation", name="Compost in farm soil")),
        parameters=(Parameter("to_biorefinery_water", 0.9), Parameter("to_central_water", 0.0),
                    Parameter("to_biorefinery_nutrients", 0.9), Parameter("to_central_nutrients", 0.0),
                    Parameter("heat_recovery", 0.12), Parameter("heat_to_outside", 0.88),
                    Parameter("organics_separate", 0.1), Parameter("residual", 0.9),
                    Parameter("digested", 0.6), Parameter("biogas_mwh_per_t", 1.2)),
        # Kitchen waste becomes biogas, burnt for electricity and heat: the digester uses up 60 % of
        # the organic mass it receives and yields 1.2 MWh per tonne used up (both estimates).
        conversions=(Conversion("biorefinery", "materials", "energy", "biogas_mwh_per_t", "digested",
                                source=src, estimate=True),),
        acceptances=(
            Acceptance("biorefinery", "nitrogen",
                       "About half of the nitrogen leaves the biorefinery to the air as N2 (estimate); it is "
                       "not metered, so the process shows it as an imbalance."),
            Acceptance("central_wwtp", "nitrogen",
                       "A central plant releases most nitrogen to the air as N2; not metered (estimate)."),
        ),
        indicators=(
            SystemIndicator("p_recovered", "Phosphorus recovered as fertiliser", "phosphorus",
                            (("biorefinery", "urban_farms"),),
                            (("households", "biorefinery"), ("households", "central_wwtp"))),
            SystemIndicator("n_recovered", "Nitrogen recovered as fertiliser", "nitrogen",
                            (("biorefinery", "urban_farms"),),
                            (("households", "biorefinery"), ("households", "central_wwtp"))),
            SystemIndicator("heat_from_grey_water", "Room heating from grey water", "energy",
                            (("biorefinery", "households"),)),
            SystemIndicator("ev_share", "Vehicles' electricity from the biorefinery", "energy",
                            (("biorefinery", "vehicles"),),
                            (("biorefinery", "vehicles"), (BOUNDARY, "vehicles"))),
            SystemIndicator("grid_energy", "Energy bought from outside", "energy",
                            ((BOUNDARY, "households"), (BOUNDARY, "vehicles"),
                             (BOUNDARY, "central_wwtp")), higher_is_better=False),
        ),
    )


SECTORS = ("healthcare", "education", "food_drink")


def glasgow() -> SystemDefinition:
    years = tuple(range(2016, 2020))
    src = CASES + ", Circular Glasgow" + EST
    # Material inflow per sector (t a year), growing 2 % a year: estimates.
    base = {"healthcare": 42000.0, "education": 18000.0, "food_drink": 95000.0}
    flows = []
    for sector, amount in base.items():
        flows += [
            FlowSpec(BOUNDARY, sector, "materials", {y: round(amount * 1.02 ** (y - 2016)) for y in years},
                     source=src, estimate=True),
            FlowSpec(sector, "collection", "materials", share=0.35 if sector != "food_drink" else 0.3,
                     source=src, estimate=True),
            FlowSpec(sector, BOUNDARY, "materials", share=0.45 if sector != "food_drink" else 0.65,
                     source=src, estimate=True),
            FlowSpec(BOUNDARY, sector, "carbon", {y: round(amount * 0.9 * 1.02 ** (y - 2016)) for y in years},
                     source=src, estimate=True),
            FlowSpec(sector, BOUNDARY, "carbon", share=0.75, source=src, estimate=True),
            FlowSpec(sector, "collection", "carbon", share=0.25, source=src, estimate=True),
        ]
    flows += [
        FlowSpec("collection", "recycling", "materials", share="recycling_share", source=src, estimate=True),
        FlowSpec("collection", "anaerobic_digestion", "materials", share="digestion_share", source=src, estimate=True),
        FlowSpec("collection", "landfill", "materials", share="landfill_share", source=src, estimate=True),
        FlowSpec("recycling", "food_drink", "materials", share=0.2, source=src, estimate=True),
        FlowSpec("recycling", BOUNDARY, "materials", share=0.8, source=src, estimate=True),
        FlowSpec("anaerobic_digestion", BOUNDARY, "materials", share=1.0, source=src, estimate=True),
        FlowSpec("collection", "landfill", "carbon", share=1.0, source=src, estimate=True),
        FlowSpec("landfill", BOUNDARY, "carbon", share=1.0, source=src, estimate=True),
    ]
    shares = {"recycling_share": {2016: 0.4, 2017: 0.42, 2018: 0.45, 2019: 0.48},
              "digestion_share": {2016: 0.1, 2017: 0.12, 2018: 0.14, 2019: 0.16}}
    shares["landfill_share"] = {y: round(1 - shares["recycling_share"][y] - shares["digestion_share"][y], 6)
                                for y in years}
    return SystemDefinition(
        name="Circular Glasgow: priority sectors",
        years=years,
        layers=(Layer("materials", "t"), Layer("carbon", "t CO2e")),
        processes=(Process(BOUNDARY, "Outside Glasgow"), Process("healthcare", "Healthcare"),
                   Process("education", "Education"), Process("food_drink", "Manufacturing: food and drink"),
                   Process("collection", "Waste collection"), Process("recycling", "Recycling"),
                   Process("anaerobic_digestion", "Anaerobic digestion"), Process("landfill", "Landfill")),
        flows=tuple(flows),
        stocks=tuple(StockSpec(s, "materials", "accumulation", name="Materials in use") for s in SECTORS)
        + (StockSpec("landfill", "materials", "accumulation", name="Landfilled"),),
        parameters=tuple(Parameter(k, v) for k, v in shares.items()),
        indicators=(
            SystemIndicator("recycled", "Waste recycled or digested", "materials",
                            (("collection", "recycling"), ("collection", "anaerobic_digestion")),
                            tuple((s, "collection") for s in SECTORS)),
            SystemIndicator("landfilled", "Waste landfilled", "materials", (("collection", "landfill"),),
                            higher_is_better=False),
        ),
    )


ZH = {
    "buiksloterham": ("布克斯洛特汉姆水-食物-能源循环网络",
                      "Waternet、阿姆斯特丹市政府与 23 个伙伴规划的社区生物精炼厂：灰水热量用于室内供暖，黑水和厨余垃圾产生的沼气"
                      "转化为车辆用电，磷酸盐和硝酸盐作为种植食物的肥料。数量为估算值，按社区居民增至约 8000 人计。"),
    "glasgow-sectors": ("循环格拉斯哥：重点行业",
                        "循环格拉斯哥率先做物质流分析的重点行业：医疗、教育和制造业（以食品饮料为切入点），合计约占全市"
                        "就业的 30% 和经济总量的 27%。数量为估算值。"),
}
ZH_PROCESSES = {
    BOUNDARY: "区外", "water_supply": "饮用水供应", "households": "住宅和办公", "biorefinery": "社区生物精炼厂",
    "central_wwtp": "集中污水处理厂", "urban_farms": "城市农业", "vehicles": "电动车辆",
    "healthcare": "医疗", "education": "教育", "food_drink": "制造业：食品饮料", "collection": "废弃物收集",
    "recycling": "回收利用", "anaerobic_digestion": "厌氧消化", "landfill": "填埋",
}


def _chinese(system: System, key: str) -> None:
    """The demo's names in Chinese (the figures and codes stay as they are)."""
    name, description = ZH.get(key, ("", ""))
    if name:
        system.set_current_language("zh-hans")
        system.name, system.description = name, description
        system.save()
    for process in system.processes.all():
        if process.code in ZH_PROCESSES:
            process.set_current_language("zh-hans")
            process.name = ZH_PROCESSES[process.code]
            process.save()


def _system(city, key: str, defn: SystemDefinition, *, scope: str, area: str, description: str,
            sources: str) -> System:
    system = System.objects.filter(demo_key=key).first()
    if system is None:
        system = services.import_system(city, defn, None, scope=scope, area=area, description=description,
                                        language="en")
    else:
        services.replace_definition(system, defn, None, "en")
    system.demo_key = key
    system.sources = sources
    system.published = True
    system.save()
    _chinese(system, key)
    return system


@transaction.atomic
def load(log=print) -> None:
    cities = {c.slug: c for c in City.objects.filter(slug__in=["amsterdam", "glasgow", "shenzhen"])}
    if "amsterdam" in cities:
        base = _system(
            cities["amsterdam"], "buiksloterham", buiksloterham(), scope="district", area="Buiksloterham",
            description="The neighbourhood biorefinery planned by Waternet, the City of Amsterdam and 23 partners: "
                        "heat from grey water for room heating, biogas from black water and kitchen waste turned "
                        "into electricity for vehicles, phosphate and nitrate as fertiliser for growing food. "
                        "Amounts are estimates for a district growing to about 8,000 residents.",
            sources=BROCHURE + ". All amounts are estimates; the brochure describes the flows, not their size.")
        without = System.objects.filter(demo_key="buiksloterham-without").first()
        if without is not None:
            without.delete()
        scenario = services.make_scenario(base, None, name="Buiksloterham without the biorefinery", language="en")
        for name, value in (("to_biorefinery_water", 0.0), ("to_central_water", 0.9),
                            ("to_biorefinery_nutrients", 0.0), ("to_central_nutrients", 0.9),
                            ("heat_recovery", 0.0), ("heat_to_outside", 1.0),
                            ("organics_separate", 0.0), ("residual", 1.0)):
            services.set_parameter(scenario, None, name=name, values=value)
        services.set_flow(scenario, None, origin=BOUNDARY, destination="central_wwtp", layer="energy",
                          values=_per(0.05), source=BROCHURE + EST, estimate=True)
        System.objects.filter(pk=scenario.pk).update(demo_key="buiksloterham-without", published=True,
                                                     sources=base.sources)
        scenario = System.objects.get(pk=scenario.pk)
        _chinese(scenario, "")
        scenario.set_current_language("zh-hans")
        scenario.name = "没有生物精炼厂的布克斯洛特汉姆"
        scenario.save()
        log("Systems: Buiksloterham nexus and its scenario without the biorefinery.")
    if "glasgow" in cities:
        _system(cities["glasgow"], "glasgow-sectors", glasgow(), scope="sector",
                area="Healthcare, education, manufacturing (food and drink)",
                description="The priority sectors Circular Glasgow analysed first for material flows: healthcare, "
                            "education and manufacturing, starting with food and drink. Together they give nearly "
                            "30 % of the city's jobs and 27 % of its economy. Amounts are estimates.",
                sources=CASES + ", Circular Glasgow. The case study gives the sectors and their share of jobs "
                                "and economy, not tonnages: amounts are estimates.")
        log("Systems: Circular Glasgow priority sectors.")
    if "shenzhen" in cities:
        StockModel.objects.filter(demo_key="shenzhen-ebuses").delete()
        stock = [200.0, 1200.0, 2500.0, 4500.0, 8000.0, 12000.0, 16000.0] + [16000.0] * 13
        model = services.create_stock_model(
            cities["shenzhen"], None, name="Shenzhen electric bus fleet", subject="vehicles", unit="buses",
            driver="stock", first_year=2011, values=stock,
            lifetime={"distribution": "normal", "mean": 8.0, "std": 1.5},
            source=CASES + ", Shenzhen: 200 e-buses in 2011, more than 16,000 in 2017, eight-year leases; "
                           "the years between and after are estimates",
            estimate=True, language="en")
        StockModel.objects.filter(pk=model.pk).update(demo_key="shenzhen-ebuses", published=True)
        log("Systems: Shenzhen e-bus stock model.")
