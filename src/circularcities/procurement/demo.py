"""Demo data of circular procurement, from the source documents.

- Copenhagen, Katrinedals School (Green Circular Cities Coalition brochure): the
  tender required reused bricks from Bispebjerg Hospital and the National
  University Hospital for the outer wall; 70 t CO2e reported saved. The demo
  comparison rebuilds the order of magnitude: new bricks at the DESNZ/DEFRA 2025
  cradle-to-gate factor against reused bricks carrying only recovery, cleaning
  and transport. The brick mass is an estimate (the source gives none), see
  :func:`copenhagen_alternatives`.
- San Francisco carpets ("Circular economy in cities" case studies): Cradle to
  Cradle Certified Silver at least, no antimicrobials, fluorinated chemicals
  (PFAS) or flame retardants, recycled content, take-back; a survey found three
  compliant makers (not named in the source, so named A, B, C here).
- Toronto (same case studies): three years of circular procurement pilots from
  June 2018; the indicators are economic, environmental and social, with no
  figures reported, so no readings are loaded.
- Shenzhen Guangming and Tianjin Binhai (the coalition's China hub page): the
  green air-conditioning tender of the Guangming Cultural and Arts Center
  (expected up to 48 % lower electricity bill and 14 % less carbon) and
  Tianjin's green evaluation scorecard for school furniture (2018).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db import transaction

from circularcities.coalition.models import City, Partner
from circularcities.core.procurement import (
    Alternative,
    ReuseAssumption,
    generic_from_factor_table,
    lines_for,
    reused_component,
)
from circularcities.procurement import models as m
from circularcities.procurement import services as s

BROCHURE = "Green Circular Cities Coalition brochure (Copenhagen case)"
CASES = "Circular economy in cities case studies"
CHINA_HUB = "Green Circular Cities Coalition China hub page"

BRICK_MASS_T = 300.0
"""Estimated mass of the reused bricks of the outer wall, t (not in the source)."""
CLEANING_KG_PER_T = 10.0
"""Estimate for removing mortar mechanically, kg CO2e/t (no published figure at hand)."""
TRANSPORT_KM = 10.0
"""Estimate: the hospitals to the school across Copenhagen, km."""
TRANSPORT_KG_PER_TKM = 0.1
"""Estimate for a lorry, kg CO2e per t·km."""


def copenhagen_alternatives() -> tuple[Alternative, Alternative]:
    """The two alternatives of the Katrinedals School outer wall (reference first).

    New bricks take the packaged DEFRA 2025 factors (bricks, primary production, as A1-A3;
    bricks, landfill, as C4). Reused bricks carry recovery (DEFRA 2025 re-used aggregates,
    the published reuse factor of the closest mineral construction material, as a proxy),
    cleaning and transport (estimates), and the same C4.
    """
    from circularcities.core.lca import choose_factor_set

    item = "Outer wall bricks"
    new_data = generic_from_factor_table("Bricks")
    new_lines = lines_for(new_data, item=item, quantity=BRICK_MASS_T, unit="t")
    new = Alternative("New clay bricks", new_lines)
    recovery = choose_factor_set("DEFRA-2025").get("material_use", "Aggregates", "reuse")
    if recovery is None:  # pragma: no cover - the packaged table publishes it
        raise ValueError("DEFRA 2025 re-used aggregates factor missing from the packaged table.")
    a13, c4 = new_data.gwp_by_module["A1-A3"], new_data.gwp_by_module["C4"]
    per_t = a13 - recovery.kg_co2e_per_t - CLEANING_KG_PER_T - TRANSPORT_KM * TRANSPORT_KG_PER_TKM
    assumption = (
        f"The source reports 70 t CO2e saved but not the quantity of bricks. The demo assumes "
        f"{BRICK_MASS_T:g} t of bricks (an estimate: about 140,000 bricks of about 2.1 kg, roughly 2,400 m2 "
        f"of half-brick facade). New bricks carry the DEFRA 2025 cradle-to-gate factor ({a13:g} kg CO2e/t); "
        f"reused bricks carry recovery ({recovery.kg_co2e_per_t:g} kg CO2e/t, DEFRA re-used aggregates as a "
        f"proxy), cleaning ({CLEANING_KG_PER_T:g} kg CO2e/t, estimate) and {TRANSPORT_KM:g} km of transport "
        f"({TRANSPORT_KG_PER_TKM:g} kg CO2e/t·km, estimate); both end in landfill ({c4:g} kg CO2e/t). Each "
        f"tonne reused then saves {per_t / 1000:.3f} t CO2e, so {BRICK_MASS_T:g} t gives "
        f"{BRICK_MASS_T * per_t / 1000:.1f} t, the order of the reported 70 t; put the other way, 70 t "
        f"corresponds to about {70_000 / per_t:.0f} t of bricks.")
    reuse = ReuseAssumption(quantity_t=BRICK_MASS_T, recovery_kgco2e_per_t=recovery.kg_co2e_per_t,
                            cleaning_kgco2e_per_t=CLEANING_KG_PER_T, transport_km=TRANSPORT_KM,
                            transport_kgco2e_per_tkm=TRANSPORT_KG_PER_TKM,
                            source=f"{recovery.source} (recovery proxy); cleaning and transport are estimates")
    eol = tuple(ln for ln in new_lines if ln.module == "C4")
    reused = reused_component("Reused bricks from Bispebjerg Hospital and the National University Hospital",
                              reuse, eol)
    return new, Alternative(reused.name, reused.lines, True, reused.assumption + " " + assumption)


# The demo item and its alternatives in Chinese, Japanese and Korean (written for the demo).
ITEM_NAMES = {"zh": "外墙砖", "ja": "外壁のれんが", "ko": "외벽 벽돌"}
NEW_NAMES = {"zh": "新烧结黏土砖", "ja": "新しい粘土れんが", "ko": "새 점토 벽돌"}
REUSED_NAMES = {"zh": "比斯佩比耶医院和国立大学医院拆下的再利用砖",
                "ja": "ビスペビェア病院と国立大学病院から回収した再利用れんが",
                "ko": "비스페비에르 병원과 국립대학병원에서 회수한 재사용 벽돌"}


LANGUAGES = {"zh": "zh-hans", "ja": "ja", "ko": "ko"}


def _tr(obj, **texts: dict[str, str]) -> None:
    """Add the Chinese, Japanese and Korean text of a demo record (``zh=``, ``ja=``, ``ko=``
    dicts of fields; written for the demo, from the same sources)."""
    for key, fields in texts.items():
        s._set_translation(obj, LANGUAGES[key], **fields)
        obj.save()
    obj.set_current_language("en")


def _city(slug):
    return City.objects.filter(slug=slug).first()


def _fresh(model, slug):
    model.objects.filter(slug=slug).delete()


@transaction.atomic
def load(log=print) -> None:
    _copenhagen(log)
    _san_francisco(log)
    _china(log)
    _toronto(log)


def _copenhagen(log):
    city = _city("copenhagen")
    if city is None:
        return
    _fresh(m.Tender, "copenhagen-katrinedals-school-bricks")
    _fresh(m.ComparisonProject, "copenhagen-katrinedals-school")
    p = s.project_create(user=s.SYSTEM, city=city, slug="copenhagen-katrinedals-school",
                         name="Katrinedals School: outer wall", kind="building", published=True,
                         description="Two alternatives for the outer wall, compared over the life cycle as "
                                     "Copenhagen's Environment in Construction (2016) requires.",
                         source=BROCHURE, is_demo=True)
    _tr(p, zh={"name": "卡特琳道尔学校：外墙",
               "description": "按哥本哈根《建筑与工程环境要求（2016）》对外墙的两种材料做全生命周期比较。"},
        ja={"name": "カトリーネダール学校：外壁",
            "description": "コペンハーゲン市の「建設における環境要件（2016年）」に従い、外壁の2つの案を"
                           "ライフサイクル全体で比較します。"},
        ko={"name": "카트리네달 학교: 외벽",
            "description": "코펜하겐의 「건설 분야 환경 요건(2016)」에 따라 외벽의 두 가지 대안을 전 과정에 걸쳐 비교합니다."})
    new, reused = copenhagen_alternatives()
    s.item_add(user=s.SYSTEM, project=p, name="Outer wall bricks", names=ITEM_NAMES,
               alternatives=[dataclasses.replace(new, names=tuple(NEW_NAMES.items())),
                             dataclasses.replace(reused, names=tuple(REUSED_NAMES.items()))])
    t = s.tender_create(user=s.SYSTEM, city=city, slug="copenhagen-katrinedals-school-bricks",
                        title="Katrinedals School: outer wall with reused bricks", year=None,
                        criteria=(), project=p, currency="DKK", source=BROCHURE, is_demo=True,
                        description="The tender required reused bricks for the outer wall.")
    s.award_recorded(user=s.SYSTEM, tender=t, justification="Reused bricks, as the tender required; "
                     "70 t CO2e reported saved.")
    _tr(t, zh={"title": "卡特琳道尔学校：使用回收砖的外墙", "description": "招标文件要求外墙使用回收砖。",
               "justification": "按招标要求使用回收砖；据报告减少碳排放 70 吨 CO2e。"},
        ja={"title": "カトリーネダール学校：再利用れんがによる外壁",
            "description": "入札では外壁に再利用れんがの使用が求められました。",
            "justification": "入札の要求どおり再利用れんがを採用。報告された削減量は70 t CO2e。"},
        ko={"title": "카트리네달 학교: 재사용 벽돌로 만든 외벽",
            "description": "입찰에서 외벽에 재사용 벽돌을 쓰도록 요구했습니다.",
            "justification": "입찰 요건대로 재사용 벽돌 채택. 보고된 감축량은 70 t CO2e."})
    s.saving_add(user=s.SYSTEM, tender=t, kind="carbon", value=70, unit="t CO2e", year=None,
                 method="Reported by the city (life-cycle assessment of reused against new bricks)",
                 source=BROCHURE)
    log("procurement: Copenhagen comparison and tender")


SF_MAKERS = [
    # (slug, name, level, recycled %, valid until) - illustrative declarations, see the docstring
    ("demo-carpet-maker-a", "Carpet maker A (demo)", "Silver", 45.0, dt.date(2029, 6, 30)),
    ("demo-carpet-maker-b", "Carpet maker B (demo)", "Gold", 60.0, dt.date(2029, 12, 31)),
    ("demo-carpet-maker-c", "Carpet maker C (demo)", "Silver", 30.0, dt.date(2028, 3, 31)),
]
SF_MAKER_NAMES = [(f"カーペットメーカー{x}（デモ）", f"카펫 제조사 {x}(데모)") for x in "ABC"]


def _san_francisco(log):
    city = _city("san-francisco")
    if city is None:
        return
    _fresh(m.Tender, "san-francisco-carpet-tiles")
    rs = s.requirement_set_save(
        user=s.SYSTEM, city=city, slug="san-francisco-carpet", name="San Francisco carpet requirements",
        category="carpet", min_recycled_content_pct=10, certification_scheme="Cradle to Cradle Certified",
        certification_level="Silver", take_back=True,
        banned=[("antimicrobial", ""), ("PFAS", ""), ("flame retardant", "")],
        description="Carpets in city buildings: Cradle to Cradle Certified Silver or higher; no antimicrobials, "
                    "fluorinated chemicals (PFAS) or flame retardants; recycled content in fibre and backing; "
                    "taken back at end of life. The source asks for 'a certain amount' of recycled content "
                    "without a figure: the 10 % minimum here is a demo threshold to edit.",
        source=CASES, is_demo=True)
    _tr(rs, zh={"name": "旧金山地毯要求",
                "description": "市政建筑地毯：至少获得“摇篮到摇篮”银级认证；不含抗菌剂、含氟化学品（PFAS）和阻燃剂；"
                               "纤维和衬底含再生材料；寿命结束时由厂商回收。来源只要求“一定数量”的再生材料而未给出数字："
                               "此处 10 % 的下限是可修改的演示阈值。"},
        ja={"name": "サンフランシスコ市のカーペット要件",
            "description": "市の建物のカーペット：Cradle to Cradle認証シルバー以上、抗菌剤・フッ素系化学物質（PFAS）・"
                           "難燃剤を含まない、繊維と裏地に再生材を含む、使用後はメーカーが回収すること。出典は再生材を"
                           "「一定量」とするだけで数値がないため、ここでの下限10 %は変更可能なデモ用のしきい値です。"},
        ko={"name": "샌프란시스코 카펫 요건",
            "description": "시 건물의 카펫: Cradle to Cradle 인증 실버 등급 이상, 항균제·불소계 화학물질(PFAS)·난연제 "
                           "미포함, 섬유와 뒷면 재료에 재활용 원료 포함, 사용 후 제조사 회수. 출처는 재활용 원료를 "
                           "'일정량' 요구할 뿐 수치를 제시하지 않으므로, 여기서의 최소 10 %는 수정 가능한 데모용 "
                           "기준값입니다."})
    products = []
    for (slug, name, level, pct, until), (name_ja, name_ko) in zip(SF_MAKERS, SF_MAKER_NAMES, strict=True):
        org, _ = Partner.objects.update_or_create(slug=slug, defaults={
            "name_en": name, "name_zh": name, "name_ja": name_ja, "name_ko": name_ko,
            "kind": Partner.Kind.BUSINESS, "city": city, "country": "US",
            "is_demo": True, "description_en": "One of the three compliant carpet makers the San Francisco "
                                               "survey found; the source does not name them."})
        products.append(s.product_save(
            user=s.SYSTEM, supplier=org, name="Modular carpet tile", category="carpet", recycled_content_pct=pct,
            take_back=True, declarations=[("nylon 6", "25038-54-4", "")],
            certificates=[("Cradle to Cradle Certified", level, "Cradle to Cradle Products Innovation Institute",
                           until)],
            source=f"{CASES} (three compliant makers); declarations are illustrative", is_demo=True))
    other, _ = Partner.objects.update_or_create(slug="demo-carpet-maker-d", defaults={
        "name_en": "Carpet maker D (demo)", "kind": Partner.Kind.BUSINESS, "city": city, "country": "US",
        "is_demo": True, "description_en": "Illustrative maker that does not comply, to show the finder."})
    s.product_save(user=s.SYSTEM, supplier=other, name="Broadloom carpet", category="carpet",
                   recycled_content_pct=5, take_back=False,
                   declarations=[("flame retardant", "", "flame retardant")],
                   certificates=[("Cradle to Cradle Certified", "Bronze",
                                  "Cradle to Cradle Products Innovation Institute", dt.date(2027, 1, 1))],
                   source="Illustrative, not from the source", is_demo=True)
    t = s.tender_create(user=s.SYSTEM, city=city, slug="san-francisco-carpet-tiles",
                        title="Carpet tiles for city offices", year=2019, requirement_set=rs, currency="USD",
                        criteria=[("price", 40), ("life_cycle_cost", 20), ("life_cycle_carbon", 20),
                                  ("circularity", 20)],
                        description="Illustrative tender against the San Francisco requirement set: the bids "
                                    "are demo figures, not from the source. In 2018 one supplier alone provided "
                                    "1,355 m2 of compliant carpet tiles (source).",
                        source=CASES, is_demo=True)
    _tr(t, zh={"title": "市政办公室方块地毯",
               "description": "依据旧金山要求集的示例招标：投标数据为演示数据，并非来自来源。2018 年仅一家供应商就提供了 "
                              "1355 平方米合规方块地毯（来源）。"},
        ja={"title": "市役所オフィス用タイルカーペット",
            "description": "サンフランシスコの要件セットに基づく例示の入札です。入札の数値はデモ用で、出典にはありません。"
                           "2018年には1社だけで要件を満たすタイルカーペット1,355 m2を納入しました（出典）。"},
        ko={"title": "시 사무실용 카펫 타일",
            "description": "샌프란시스코 요건 세트에 따른 예시 입찰입니다. 입찰 수치는 데모용이며 출처의 수치가 아닙니다. "
                           "2018년에는 한 공급업체가 단독으로 요건에 맞는 카펫 타일 1,355 m2를 공급했습니다(출처)."})
    bids = [(40000, 52000, 9500, 8), (46000, 55000, 8200, 9), (38000, 50500, 10400, 7)]
    for (price, lcc, carbon, circ), product in zip(bids, products, strict=True):
        s.bid_save(user=s.SYSTEM, tender=t, bidder_name=product.supplier.name_en, product=product,
                   price=price, life_cycle_cost=lcc, life_cycle_carbon=carbon, circularity=circ,
                   note="demo figures")
    log("procurement: San Francisco requirement set, makers and tender")


def _china(log):
    gm = _city("shenzhen")
    if gm is not None:
        _fresh(m.Tender, "guangming-cultural-arts-center-ac")
        t = s.tender_create(user=s.SYSTEM, city=gm, slug="guangming-cultural-arts-center-ac",
                            title="Guangming Cultural and Arts Center: air conditioning", year=None,
                            criteria=(), currency="CNY", source=CHINA_HUB, is_demo=True,
                            description="Green tender criteria (10YFP Sustainable Public Procurement, with "
                                        "ICLEI): balance peak and off-peak demand, higher coefficient of "
                                        "performance. The source gives no year.")
        s.award_recorded(user=s.SYSTEM, tender=t, justification="Greener tender criteria applied.")
        _tr(t, zh={"title": "光明文化艺术中心：空调采购", "justification": "采用了更绿色的招标标准。",
                   "description": "绿色招标标准（可持续公共采购十年框架，宜可城支持）：平衡峰谷用电，采用更高能效比的"
                                  "空调系统。来源未给出年份。"},
            ja={"title": "光明文化芸術センター：空調設備の調達",
                "justification": "より環境に配慮した入札基準を適用。",
                "description": "グリーン入札基準（10YFP 持続可能な公共調達、ICLEIと連携）：ピーク時とオフピーク時の"
                               "電力需要を平準化し、より高い成績係数を求めます。出典に年の記載はありません。"},
            ko={"title": "광밍 문화예술센터: 에어컨 조달",
                "justification": "더 친환경적인 입찰 기준 적용.",
                "description": "녹색 입찰 기준(10YFP 지속가능 공공조달, ICLEI 협력): 피크·비피크 시간대 전력 수요의 "
                               "균형, 더 높은 성능계수. 출처에는 연도가 나와 있지 않습니다."})
        method = ("Expected by the tender criteria: balancing peak and off-peak demand and a higher "
                  "coefficient of performance (COP); 'up to', relative to a conventional system")
        s.saving_add(user=s.SYSTEM, tender=t, kind="money", value=48, unit="%", year=None,
                     method=method + " (electricity bill)", source=CHINA_HUB)
        s.saving_add(user=s.SYSTEM, tender=t, kind="carbon", value=14, unit="%", year=None,
                     method=method, source=CHINA_HUB)
    tj = _city("tianjin")
    if tj is not None:
        _fresh(m.Tender, "tianjin-binhai-school-furniture")
        t = s.tender_create(user=s.SYSTEM, city=tj, slug="tianjin-binhai-school-furniture",
                            title="Binhai New Area: school furniture with a green evaluation scorecard",
                            year=2018, criteria=(), currency="CNY", source=CHINA_HUB, is_demo=True,
                            description="Green evaluation scorecard using green supply-chain management; "
                                        "2018 China Government Procurement Innovation of the Year Award. "
                                        "The source reports no savings figures.")
        s.award_recorded(user=s.SYSTEM, tender=t, on=None,
                         justification="Scored with the green evaluation scorecard (10YFP SPP, with ICLEI).")
        _tr(t, zh={"title": "滨海新区：采用绿色评价评分表的学校家具采购",
                   "description": "运用绿色供应链管理的绿色评价评分表；获 2018 年中国政府采购年度创新奖。来源未报告节约数据。",
                   "justification": "按绿色评价评分表评分（可持续公共采购十年框架，宜可城支持）。"},
            ja={"title": "浜海新区：グリーン評価スコアカードによる学校家具の調達",
                "description": "グリーンサプライチェーン管理を用いたグリーン評価スコアカード。2018年の中国政府調達"
                               "年間イノベーション賞を受賞。出典は削減効果の数値を報告していません。",
                "justification": "グリーン評価スコアカードで採点（10YFP 持続可能な公共調達、ICLEIと連携）。"},
            ko={"title": "빈하이신구: 녹색 평가 점수표를 적용한 학교 가구 조달",
                "description": "녹색 공급망 관리를 활용한 녹색 평가 점수표. 2018년 중국 정부조달 올해의 혁신상 수상. "
                               "출처에는 절감 수치가 보고되어 있지 않습니다.",
                "justification": "녹색 평가 점수표로 채점(10YFP 지속가능 공공조달, ICLEI 협력)."})
    log("procurement: Guangming and Tianjin green tenders")


def _toronto(log):
    city = _city("toronto")
    if city is None:
        return
    from circularcities.planning.models import Project

    project = Project.objects.filter(code="toronto-procurement-pilots", programme__city=city).first()
    p = s.pilot_create(user=s.SYSTEM, city=city, slug="toronto-circular-procurement-pilots",
                       name="Circular procurement pilots 2018-2021", start=dt.date(2018, 6, 1),
                       end=dt.date(2021, 6, 30), planning_project=project, source=CASES, is_demo=True,
                       description="Three years of pilots under the Circular Economy Procurement Implementation "
                                   "Plan and Framework (food services, waste management, IT, textiles, "
                                   "construction), measured on economic, environmental and social indicators. "
                                   "The source reports no figures yet.")
    _tr(p, zh={"name": "2018-2021 年循环采购试点",
               "description": "依据《多伦多循环经济采购实施计划和框架》开展三年试点（餐饮、废物管理、信息技术、纺织、建筑），"
                              "以经济、环境和社会指标衡量。来源尚未报告数据。"},
        ja={"name": "循環型調達パイロット 2018-2021",
            "description": "「サーキュラーエコノミー調達実施計画・枠組み」に基づく3年間のパイロット（食品サービス、"
                           "廃棄物管理、IT、繊維、建設）で、経済・環境・社会の指標で評価します。出典はまだ数値を"
                           "報告していません。"},
        ko={"name": "순환 조달 시범사업 2018-2021",
            "description": "「순환경제 조달 이행 계획 및 프레임워크」에 따른 3년간의 시범사업(식음료 서비스, 폐기물 관리, "
                           "IT, 섬유, 건설)으로, 경제·환경·사회 지표로 평가합니다. 출처에는 아직 수치가 보고되지 "
                           "않았습니다."})
    m.PilotReading.objects.filter(pilot=p).delete()
    log("procurement: Toronto pilots")
