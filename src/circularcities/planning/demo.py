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

Everything is written through ``planning.services`` (the same rules as the pages), with
its text in English, Chinese, Japanese and Korean.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from circularcities.coalition.models import City, Partner, RStrategy, ThematicArea
from circularcities.core.planning import Quarter, split_exact
from circularcities.diagnosis.models import Indicator
from circularcities.planning import services as s
from circularcities.planning.models import Measure, Milestone, Programme, Project, Target
from circularcities.planning.services import log_progress, set_goals

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


def _text(field: str, ja, ko) -> dict:
    """Japanese and Korean text: a string, or (title or name, description)."""
    out = {}
    for lang, value in (("ja", ja), ("ko", ko)):
        title, description = value if isinstance(value, tuple) else (value, None)
        out[lang] = {field: title, **({"description": description} if description is not None else {})}
    return {"translations": out}


def _programme(slug, city, **fields):
    p = Programme.objects.filter(slug=slug).first()
    if p is None:
        return s.programme_create(user=None, slug=slug, city=city, is_demo=True, **fields)
    return s.programme_update(programme=p, user=None, city=city, **fields)


def _project(code, programme, **fields):
    p = Project.objects.filter(code=code).first()
    if p is None:
        return s.project_create(programme=programme, user=None, code=code, is_demo=True, **fields)
    return s.project_update(project=p, user=None, **fields)


def _measure(city, code, **fields):
    m = Measure.objects.filter(city=city, code=code).first()
    if m is None:
        return s.measure_create(city=city, user=None, via="demo", code=code, is_demo=True, **fields)
    return s.measure_update(measure=m, user=None, via="demo", **fields)


def _target(city, lookup: dict, **fields):
    t = Target.objects.filter(city=city, is_demo=True, **lookup).first()
    if t is None:
        return s.target_create(city=city, user=None, is_demo=True, **fields)
    return s.target_update(target=t, user=None, **fields)


def _milestone(measure, title_en, **fields):
    ms = Milestone.objects.filter(measure=measure, translations__language_code="en",
                                  translations__title=title_en).first()
    return s.milestone_save(measure=measure, user=None, milestone=ms, title_en=title_en, **fields)


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
                      **_text("name", ("Be Circular――ブリュッセル首都圏地域循環経済プログラム",
                                       "2016年3月に始まった4年間のプログラム。助成を受けたプロジェクトは関係者"
                                       "プラットフォームで進捗を記録し、コーディネーターが四半期ごとに確認する。"),
                              ("Be Circular – 브뤼셀 수도권 순환경제 프로그램",
                               "2016년 3월 시작된 4년 프로그램. 지원 프로젝트는 이해관계자 플랫폼에 진행 상황을 "
                               "기록하고 코디네이터가 분기마다 검토한다.")),
                      funder="Brussels-Capital Region (EUR 13 million a year)", budget=13_000_000, currency="EUR",
                      source=SRC)
    funded = _project("be-circular-funded-projects", prog, title_en="Be Circular funded projects (139, aggregated)",
                      title_zh="走向循环经济获资助项目（139个，汇总）",
                      **_text("title", "Be Circular 助成プロジェクト（139件、集計）", "Be Circular 지원 프로젝트(139건, 집계)"),
                      organisation=env, currency="EUR",
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
        fields = dict(
            title_en=f"Be Circular measure {i} of 111 (summarised demo record)",
            title_zh=f"走向循环经济转型措施 {i}/111（汇总演示记录）",
            description_en="The source counts 111 approved measures and their status but does not list them; "
                           "this row stands for one of them.",
            description_zh="资料来源只给出111项已批准措施的数量和状态，未逐项列出；本行代表其中一项。",
            **_text("title", (f"Be Circular 施策 {i}/111（集計デモ記録）",
                              "出典は承認された111の施策とその状況の件数を示すが、個々の施策は挙げていない。"
                              "この行はそのうちの一つを表す。"),
                    (f"Be Circular 조치 {i}/111(집계 데모 기록)",
                     "출처는 승인된 111개 조치와 그 상태별 수만 제시하고 개별 조치는 나열하지 않는다. "
                     "이 행은 그중 하나를 나타낸다.")),
            status=status, lead=env, start=date(2016, 3, 1),
            source=f"{SRC}: 111 measures approved; 20% completed, 12% not started")
        if not Measure.objects.filter(city=city, code=f"BC-{i:03d}").exists():
            fields["is_summary_record"] = True
        _measure(city, f"BC-{i:03d}", **fields)
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
                      **_text("name", ("コンピュータ再生センター（CRC）",
                                       "低所得地域の研修生が寄付された電子機器を再生する。Prodabel が四半期ごとに市へ"
                                       "報告する。年間目標は PPAG 2018–2021 による。"),
                              ("컴퓨터 재생 센터(CRC)",
                               "저소득 지역 출신 교육생이 기증된 전자기기를 재생한다. Prodabel이 분기마다 시에 "
                               "보고하며, 연간 목표는 PPAG 2018–2021에 따른다.")),
                      funder="MCTIC Computadores para Inclusão (about BRL 2.4 million in federal grants)",
                      budget=2_400_000, currency="BRL", indicators=["items_refurbished", "people_trained"],
                      source=SRC)
    set_goals(prog, [("items_refurbished", 2021, 1000), ("people_trained", 2021, 2000)])
    project = _project("bh-crc-refurbishment", prog, title_en="CRC refurbishment and training",
                       title_zh="CRC 翻新与培训", **_text("title", "CRC の再生と研修", "CRC 재생 및 교육"),
                       organisation=prodabel, start=date(2008, 4, 1), source=SRC)
    area = areas.get("municipal-resources")
    common = {"programme": prog, "area": area, "owner_name": "Prodabel"}
    # Looked up among demo targets only: people may add their own on the same indicator.
    made = {}
    for key, title_en, title_zh, title_ja, title_ko, base_year, base, goal, source in (
            ("items_refurbished", "At least 1,000 items refurbished a year by 2021", "到2021年每年至少翻新1000件物品",
             "2021年までに年間1,000点以上を再生", "2021년까지 연간 1,000점 이상 재생", 2017, 778, 1000,
             f"{SRC} (PPAG 2018-2021). Baseline derived: 7,000 items in the first nine years ≈ 778 a year"),
            ("people_trained", "At least 2,000 people trained in IT a year", "每年至少为2000人提供信息技术培训",
             "年間2,000人以上にIT研修", "연간 2,000명 이상 IT 교육", 2018, 2000, 2000, f"{SRC} (PPAG 2018-2021)")):
        made[key] = _target(city, {"programme": prog, "programme_indicator": key}, **common,
                            programme_indicator=key, title_en=title_en, title_zh=title_zh,
                            **_text("title", title_ja, title_ko), baseline_year=base_year, baseline_value=base,
                            target_year=2021, target_value=goal, source=source)
    items, trained = made["items_refurbished"], made["people_trained"]
    # Illustrative quarterly entries (the source reports no quarterly figures).
    flows = {"items_refurbished": [200, 210, 220, 230, 230, 240, 250, 260, 240, 250],
             "people_trained": [480, 500, 520, 510, 450, 430, 440, 460, 430, 440]}
    quarters = [Quarter(2019, 1).shift(i) for i in range(10)]
    for ind, values in flows.items():
        for q, v in zip(quarters, values, strict=True):
            log_progress(project, q, ind, v, note=ILLUSTRATIVE, source="demo")
    m = _measure(
        city, "CRC-PICKUP", title_en="Door-to-door pick-up of donated electronics", title_zh="上门收取捐赠电子设备",
        description_en="Since 2018 Prodabel collects private donations with a hired vehicle, which raised the "
                       "number of devices donated.",
        description_zh="自2018年起，Prodabel 租车上门收取个人捐赠设备，捐赠数量随之增加。",
        **_text("title", ("寄付された電子機器の戸別回収",
                          "2018年から Prodabel はレンタル車両で個人の寄付を回収しており、寄付される機器が増えた。"),
                ("기증 전자기기 방문 수거",
                 "2018년부터 Prodabel은 임차 차량으로 개인 기증품을 수거해 기증 기기 수가 늘었다.")),
        area=area, lead=prodabel, status="completed", start=date(2018, 1, 1), end=date(2018, 12, 31), source=SRC,
        targets=[items], r_strategies=RStrategy.objects.filter(slug__in=["repair", "reuse"]))
    _milestone(m, "Hired vehicle in service", title_zh="租用车辆投入使用",
               **_text("title", "レンタル車両の運用開始", "임차 차량 운행 개시"),
               due=date(2018, 6, 30), done=date(2018, 6, 30))
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
                      **_text("name", ("アドバンス・ロンドン",
                                       "循環型モデルへ移行する中小企業への事業支援（2017年1月〜2019年12月）。"
                                       "成果は四半期ごとに追跡する。"),
                              ("어드밴스 런던",
                               "순환 모델로 전환하는 중소기업을 위한 사업 지원(2017년 1월~2019년 12월). "
                               "성과는 분기마다 추적한다.")),
                      funder="LWARB and the European Regional Development Fund, GBP 700,000 each",
                      budget=1_400_000, currency="GBP", start=date(2017, 1, 1), end=date(2019, 12, 31),
                      indicators=["companies_supported", "support_hours", "funding_raised", "new_products"],
                      source=SRC)
    project = _project("advance-london-sme-support", prog, title_en="Advance London SME support",
                       title_zh="推动伦敦中小企业支持",
                       **_text("title", "アドバンス・ロンドン中小企業支援", "어드밴스 런던 중소기업 지원"),
                       organisation=lwarb, start=date(2017, 1, 1),
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
                      **_text("name", ("循環経済調達パイロット",
                                       "「循環経済調達実施計画・枠組み」に基づき2018年6月から3年間行う調達"
                                       "パイロット。経済・環境・社会の指標を策定中。"),
                              ("순환경제 조달 시범사업",
                               "순환경제 조달 이행계획 및 프레임워크에 따라 2018년 6월부터 3년간 진행하는 조달 "
                               "시범사업. 경제·환경·사회 지표를 마련 중이다.")),
                      funder="City of Toronto (CAD 1.8 million over three years)", budget=1_800_000,
                      currency="CAD", source=SRC)
    _project("toronto-procurement-pilots", prog, title_en="Circular procurement pilots", title_zh="循环采购试点",
             **_text("title", "循環型調達パイロット", "순환 조달 시범사업"),
             start=date(2018, 6, 1), end=date(2021, 6, 30), reports_quarterly=False, source=SRC)


def _amsterdam(areas, log):
    city = _city("amsterdam")
    if city is None:
        return
    area = areas.get("municipal-resources")
    label = "Illustrative demo target, not adopted by the city; baseline from the diagnosis demo workbook"
    made = []
    for code, title_en, title_zh, title_ja, title_ko, base, goal in (
            ("SW-RECYCLING", "Raise the municipal waste recycling rate to 25% by 2030",
             "到2030年将城市垃圾回收率提高到25%", "2030年までに一般廃棄物のリサイクル率を25%に引き上げる",
             "2030년까지 생활폐기물 재활용률을 25%로 높이기", 17.0, 25.0),
            ("SW-MSW-CAP", "Cut municipal solid waste to 375 kg per person by 2030",
             "到2030年将人均城市固体废物降至375千克", "2030年までに一般廃棄物を1人当たり375 kgに減らす",
             "2030년까지 1인당 생활폐기물을 375 kg으로 줄이기", 395.66, 375.0)):
        if not Indicator.objects.filter(code=code).exists():
            continue
        made.append(_target(
            city, {"indicator_id": code}, indicator=code, area=area, title_en=title_en, title_zh=title_zh,
            **_text("title", title_ja, title_ko), baseline_year=2018, baseline_value=base, target_year=2030,
            target_value=goal, owner_name="Municipality of Amsterdam (illustrative)", source=label))
    m = _measure(
        city, "AMS-DEMO-1", title_en="Separate collection of food and garden waste (illustrative)",
        title_zh="厨余和园林垃圾分类收集（示例）",
        description_en="An illustrative measure showing the chain from a measure to its milestones to the "
                       "measured result.",
        description_zh="示例措施，展示从措施到里程碑再到实测结果的链条。",
        **_text("title", ("生ごみと庭ごみの分別収集（例示）",
                          "施策からマイルストーン、測定された成果までのつながりを示す例示の施策。"),
                ("음식물·정원 폐기물 분리수거(예시)",
                 "조치에서 이정표, 측정된 성과로 이어지는 흐름을 보여 주는 예시 조치.")),
        area=area, lead_name="Waste department (illustrative)", status="started", budget=2_500_000,
        currency="EUR", start=date(2022, 1, 1), end=date(2026, 12, 31), source="Illustrative demo measure",
        targets=made, r_strategies=RStrategy.objects.filter(slug__in=["recycle", "recover"]))
    for title_en, title_zh, title_ja, title_ko, due, done in (
            ("Pilot in one district", "在一个区试点", "1地区で試行", "한 구에서 시범 운영",
             date(2022, 12, 31), date(2023, 2, 15)),
            ("Roll-out to half of households", "推广至一半住户", "全世帯の半数に展開", "가구 절반으로 확대",
             date(2024, 12, 31), None),
            ("Roll-out citywide", "全市推广", "市全域に展開", "시 전역으로 확대", date(2026, 12, 31), None)):
        _milestone(m, title_en, title_zh=title_zh, **_text("title", title_ja, title_ko), due=due, done=done)
    log(f"planning: Amsterdam, {len(made)} illustrative targets")
