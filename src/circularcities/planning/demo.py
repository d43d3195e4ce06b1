"""Demo plans drawn from the case studies in Circular economy in cities: case studies (and illustrative Amsterdam targets).

- Brussels, Be Circular: 111 measures approved by the ministers; within two
  years 20 % completed and 12 % not started. The source counts the measures
  but does not list them, so 111 rows are generated and labelled as
  summarised demo records with exactly those shares (22 completed, 13 not
  started, 76 started). Results: 220+ companies supported, 1,400+ people
  trained, 139 projects funded with EUR 8.3 million.
- Belo Horizonte, Computer Refurbishment Centre: PPAG 2018-2021 yearly
  targets, at least 1,000 items refurbished a year by 2021 and at least 2,000
  people trained in IT a year; quarterly entries are illustrative.
- Advance London: 112 SMEs supported with 700 hours of support, 5 new
  circular products or services by the end of 2018.
- Toronto: the circular procurement pilots (no figures reported yet).
- Amsterdam: two illustrative targets on catalogue indicators the diagnosis
  demo fills (no data if the diagnosis demo has not run).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from circularcities.coalition.models import City, Partner, RStrategy, ThematicArea
from circularcities.core.planning import Quarter, split_exact
from circularcities.diagnosis.models import Indicator
from circularcities.planning.models import Measure, Milestone, Programme, Project, Target
from circularcities.planning.programmes import set_goals
from circularcities.planning.services import log_progress

SRC = "Circular economy in cities: case studies"
ILLUSTRATIVE = "Illustrative demo entry, not a reported figure"


def _city(slug):
    return City.objects.filter(slug=slug).first()


@transaction.atomic
def load(log=print) -> None:
    if not Indicator.objects.exists():
        from circularcities.diagnosis.services import sync_catalogue

        sync_catalogue()
    areas = {a.slug: a for a in ThematicArea.objects.all()}
    _brussels(areas, log)
    _belo_horizonte(areas, log)
    _london(areas, log)
    _toronto(areas, log)
    _amsterdam(areas, log)


def _programme(slug, city, **fields):
    return Programme.objects.update_or_create(slug=slug, defaults={"city": city, "is_demo": True, **fields})[0]


def _project(code, programme, **fields):
    return Project.objects.update_or_create(code=code, defaults={"programme": programme, "is_demo": True,
                                                                 **fields})[0]


def _brussels(areas, log):
    city = _city("brussels")
    if city is None:
        return
    env, _ = Partner.objects.update_or_create(slug="bruxelles-environnement", defaults={
        "name_en": "Brussels Environment (Bruxelles Environnement)", "name_zh": "布鲁塞尔环境局",
        "kind": Partner.Kind.KNOWLEDGE, "country": "BE", "city": city, "is_demo": True,
        "description_en": f"Public agency supporting Be Circular (source: {SRC})."})
    prog = _programme("be-circular", city, name_en="Be Circular – Brussels Regional Circular Economy Programme",
                      name_zh="走向循环经济——布鲁塞尔循环经济区域计划",
                      description_en="Four-year programme launched in March 2016; funded projects log their "
                                     "progress on a stakeholder platform and coordinators review it every quarter.",
                      description_zh="2016年3月启动的四年期计划；获资助项目在利益相关者平台上记录进展，主题协调员每季度审查。",
                      funder="Brussels-Capital Region (EUR 13 million a year)", budget=13_000_000, currency="EUR",
                      source=SRC)
    funded = _project("be-circular-funded-projects", prog, title_en="Be Circular funded projects (139, aggregated)",
                      title_zh="走向循环经济获资助项目（139个，汇总）", organisation=env, currency="EUR",
                      grant=8_300_000, start=date(2016, 3, 1), end=date(2019, 12, 31), reports_quarterly=False,
                      source=f"{SRC}: 139 business or research projects received EUR 8.3 million in total")
    note = "Cumulative result reported by the source; the quarter is assumed (under two years after the 2016 launch)"
    for ind, value, cur in (("companies_supported", 220, ""), ("people_trained", 1400, ""),
                            ("funding_raised", 8_300_000, "EUR")):
        log_progress(funded, Quarter(2017, 4), ind, value, currency=cur, note=note, source=SRC)
    counts = split_exact(111, {"completed": 0.20, "not_started": 0.12})
    statuses = (["completed"] * counts["completed"] + ["not_started"] * counts["not_started"]
                + ["started"] * counts["rest"])
    for i, status in enumerate(statuses, start=1):
        Measure.objects.update_or_create(city=city, code=f"BC-{i:03d}", defaults={
            "title_en": f"Be Circular measure {i} of 111 (summarised demo record)",
            "title_zh": f"走向循环经济转型措施 {i}/111（汇总演示记录）",
            "description_en": "The source counts 111 approved measures and their status but does not list them; "
                              "this row stands for one of them.",
            "description_zh": "资料来源只给出111项已批准措施的数量和状态，未逐项列出；本行代表其中一项。",
            "status": status, "lead": env, "start": date(2016, 3, 1), "is_demo": True, "is_summary_record": True,
            "source": f"{SRC}: 111 measures approved; 20% completed, 12% not started"})
    log(f"planning: Brussels, 111 summarised measures ({counts['completed']} completed, "
        f"{counts['not_started']} not started)")


def _belo_horizonte(areas, log):
    city = _city("belo-horizonte")
    if city is None:
        return
    prodabel = Partner.objects.filter(slug="prodabel").first()
    prog = _programme("bh-crc", city, name_en="Computer Refurbishment Centre (CRC)", name_zh="计算机修复中心（CRC）",
                      description_en="Refurbishes donated electronics with trainees from low-income communities; "
                                     "Prodabel reports quarterly to the city. Yearly targets from the PPAG 2018-2021.",
                      description_zh="由来自低收入社区的学员翻新捐赠的电子设备；Prodabel 每季度向市政府报告。年度目标来自《2018—2021年政府行动计划》。",
                      funder="MCTIC Computadores para Inclusão (about BRL 2.4 million in federal grants)",
                      budget=2_400_000, currency="BRL", indicators=["items_refurbished", "people_trained"],
                      source=SRC)
    set_goals(prog, [("items_refurbished", 2021, 1000), ("people_trained", 2021, 2000)])
    project = _project("bh-crc-refurbishment", prog, title_en="CRC refurbishment and training",
                       title_zh="CRC 翻新与培训", organisation=prodabel, start=date(2008, 4, 1), source=SRC)
    area = areas.get("municipal-resources")
    common = {"city": city, "programme": prog, "area": area, "is_demo": True, "owner_name": "Prodabel"}
    # Looked up among demo targets only: people may add their own on the same indicator.
    items, _ = Target.objects.update_or_create(
        city=city, programme=prog, programme_indicator="items_refurbished", is_demo=True, defaults={
            **common, "title_en": "At least 1,000 items refurbished a year by 2021",
            "title_zh": "到2021年每年至少翻新1000件物品", "baseline_year": 2017, "baseline_value": 778,
            "target_year": 2021, "target_value": 1000,
            "source": f"{SRC} (PPAG 2018-2021). Baseline derived: 7,000 items in the first nine years ≈ 778 a year"})
    trained, _ = Target.objects.update_or_create(
        city=city, programme=prog, programme_indicator="people_trained", is_demo=True, defaults={
            **common, "title_en": "At least 2,000 people trained in IT a year", "title_zh": "每年至少为2000人提供信息技术培训",
            "baseline_year": 2018, "baseline_value": 2000, "target_year": 2021, "target_value": 2000,
            "source": f"{SRC} (PPAG 2018-2021)"})
    # Illustrative quarterly entries (the source reports no quarterly figures).
    flows = {"items_refurbished": [200, 210, 220, 230, 230, 240, 250, 260, 240, 250],
             "people_trained": [480, 500, 520, 510, 450, 430, 440, 460, 430, 440]}
    quarters = [Quarter(2019, 1).shift(i) for i in range(10)]
    for ind, values in flows.items():
        for q, v in zip(quarters, values, strict=True):
            log_progress(project, q, ind, v, note=ILLUSTRATIVE, source="demo")
    m, _ = Measure.objects.update_or_create(city=city, code="CRC-PICKUP", defaults={
        "title_en": "Door-to-door pick-up of donated electronics", "title_zh": "上门收取捐赠电子设备",
        "description_en": "Since 2018 Prodabel collects private donations with a hired vehicle, which raised the "
                          "number of devices donated.",
        "description_zh": "自2018年起，Prodabel 租车上门收取个人捐赠设备，捐赠数量随之增加。",
        "area": area, "lead": prodabel, "status": "completed", "start": date(2018, 1, 1), "end": date(2018, 12, 31),
        "is_demo": True, "source": SRC})
    m.targets.set([items])
    m.r_strategies.set(RStrategy.objects.filter(slug__in=["repair", "reuse"]))
    Milestone.objects.update_or_create(measure=m, title_en="Hired vehicle in service", defaults={
        "title_zh": "租用车辆投入使用", "due": date(2018, 6, 30), "done": date(2018, 6, 30)})
    log(f"planning: Belo Horizonte CRC, targets {items.pk} and {trained.pk}")


def _london(areas, log):
    city = _city("london")
    if city is None:
        return
    lwarb = Partner.objects.filter(slug="lwarb").first()
    prog = _programme("advance-london", city, name_en="Advance London", name_zh="推动伦敦",
                      description_en="Business support for SMEs moving to circular models, January 2017 to "
                                     "December 2019; results tracked quarterly.",
                      description_zh="为向循环模式转型的中小企业提供商业支持，2017年1月至2019年12月；每季度追踪成果。",
                      funder="LWARB and the European Regional Development Fund, GBP 700,000 each",
                      budget=1_400_000, currency="GBP", start=date(2017, 1, 1), end=date(2019, 12, 31),
                      indicators=["companies_supported", "support_hours", "funding_raised", "new_products"],
                      source=SRC)
    project = _project("advance-london-sme-support", prog, title_en="Advance London SME support",
                       title_zh="推动伦敦中小企业支持", organisation=lwarb, start=date(2017, 1, 1),
                       end=date(2019, 12, 31), reports_quarterly=False, source=SRC)
    note = "Cumulative to the end of 2018 as reported by the source"
    for ind, value in (("companies_supported", 112), ("support_hours", 700), ("new_products", 5)):
        log_progress(project, Quarter(2018, 4), ind, value, note=note, source=SRC)
    log("planning: Advance London, 112 SMEs, 700 hours")


def _toronto(areas, log):
    city = _city("toronto")
    if city is None:
        return
    prog = _programme("toronto-circular-procurement", city, name_en="Circular Economy Procurement pilots",
                      name_zh="循环经济采购试点",
                      description_en="Three-year procurement pilots from June 2018 under the Circular Economy "
                                     "Procurement Implementation Plan and Framework; economic, environmental and "
                                     "social indicators are being defined.",
                      description_zh="依据《多伦多循环经济采购实施计划和框架》，自2018年6月起开展为期三年的采购试点；经济、环境和社会指标正在制定中。",
                      funder="City of Toronto (CAD 1.8 million over three years)", budget=1_800_000,
                      currency="CAD", source=SRC)
    _project("toronto-procurement-pilots", prog, title_en="Circular procurement pilots", title_zh="循环采购试点",
             start=date(2018, 6, 1), end=date(2021, 6, 30), reports_quarterly=False, source=SRC)


def _amsterdam(areas, log):
    city = _city("amsterdam")
    if city is None:
        return
    area = areas.get("municipal-resources")
    label = "Illustrative demo target, not adopted by the city; baseline from the diagnosis demo workbook"
    made = []
    for code, title_en, title_zh, base, goal in (
            ("SW-RECYCLING", "Raise the municipal waste recycling rate to 25% by 2030",
             "到2030年将城市垃圾回收率提高到25%", 17.0, 25.0),
            ("SW-MSW-CAP", "Cut municipal solid waste to 375 kg per person by 2030",
             "到2030年将人均城市固体废物降至375千克", 395.66, 375.0)):
        if not Indicator.objects.filter(code=code).exists():
            continue
        t, _ = Target.objects.update_or_create(city=city, indicator_id=code, is_demo=True, defaults={
            "area": area, "title_en": title_en, "title_zh": title_zh, "baseline_year": 2018,
            "baseline_value": base, "target_year": 2030, "target_value": goal, "is_demo": True,
            "owner_name": "Municipality of Amsterdam (illustrative)", "source": label})
        made.append(t)
    m, _ = Measure.objects.update_or_create(city=city, code="AMS-DEMO-1", defaults={
        "title_en": "Separate collection of food and garden waste (illustrative)",
        "title_zh": "厨余和园林垃圾分类收集（示例）",
        "description_en": "An illustrative measure showing the chain from a measure to its milestones to the "
                          "measured result.",
        "description_zh": "示例措施，展示从措施到里程碑再到实测结果的链条。",
        "area": area, "lead_name": "Waste department (illustrative)", "status": "started", "budget": 2_500_000,
        "currency": "EUR", "start": date(2022, 1, 1), "end": date(2026, 12, 31), "is_demo": True,
        "source": "Illustrative demo measure"})
    m.targets.set(made)
    m.r_strategies.set(RStrategy.objects.filter(slug__in=["recycle", "recover"]))
    for title_en, title_zh, due, done in (
            ("Pilot in one district", "在一个区试点", date(2022, 12, 31), date(2023, 2, 15)),
            ("Roll-out to half of households", "推广至一半住户", date(2024, 12, 31), None),
            ("Roll-out citywide", "全市推广", date(2026, 12, 31), None)):
        Milestone.objects.update_or_create(measure=m, title_en=title_en,
                                           defaults={"title_zh": title_zh, "due": due, "done": done})
    log(f"planning: Amsterdam, {len(made)} illustrative targets")
