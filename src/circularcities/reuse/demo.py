"""Demo data of repair, reuse and lending, from the coalition's source documents.

- Genoa: the city's first Repair Café (opened 2017; three more were planned), from the
  Green Circular Cities Coalition brochure. Its address is not in the source: the
  point is the city centre, marked approximate.
- Belo Horizonte: the Computer Refurbishment Centre (CRC) run by Prodabel, with its
  yearly target and reported results from the Ellen MacArthur Foundation's "Circular
  economy in cities" case study; the items moving through its workflow are
  DEMONSTRATION records (reference ``DEMO-``), not the centre's data.
- Peterborough: Share Peterborough (launched 2017) with its reported figures; Amsterdam:
  a lending point for the sharing platforms the city's action plan names. Their items
  and loans are DEMONSTRATION records.
- Repair Café Wales: the June-July 2025 records of the Open Repair Alliance's dataset
  (ORDS 0.3, CC BY-SA 4.0), real repair data, to show the ORDS import and figures.

Reloading replaces every demo record of this app (``is_demo=True``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from importlib.resources import files
from typing import Any

from django.db import transaction

from circularcities.coalition.models import City, Partner
from circularcities.core import repair as ords
from circularcities.reuse.models import (
    CentreFigure,
    CentreItem,
    CentreStep,
    LendingItem,
    Loan,
    Place,
    Repair,
    RepairEvent,
)

SRC_BROCHURE = "Green Circular Cities Coalition brochure (Genoa case)"
SRC_EMF = ("Ellen MacArthur Foundation, 'Circular economy in cities' case studies (2019): "
           "Belo Horizonte Computer Refurbishment Centre")
SRC_EMF_PB = ("Ellen MacArthur Foundation, 'Circular economy in cities' case studies (2019): "
              "Circular Peterborough")
SRC_EMF_AMS = ("Ellen MacArthur Foundation, 'Circular economy in cities' case studies (2019): "
               "Amsterdam sharing economy")
ORDS_ATTRIBUTION = ("Open Repair Data, Open Repair Alliance (openrepair.org), compiled by The Restart Project; "
                    "data from Repair Café Wales. CC BY-SA 4.0")

PLACES: list[dict[str, Any]] = [
    {"slug": "genoa-repair-cafe", "kind": "repair-cafe", "city": "genoa", "lat": 44.4072, "lon": 8.9340,
     "estimate": True, "languages": "it, en", "source": SRC_BROCHURE,
     "en": {"name": "Genoa Repair Café (the city's first)",
            "description": "Opened in 2017: skilled volunteers help visitors repair household appliances. "
                           "Three more repair cafés were planned in the city.",
            "takes": "Household appliances", "opening_times": "Not given in the source"},
     "zh-hans": {"name": "热那亚修复咖啡馆（该市首家）",
                 "description": "2017 年开设：志愿者协助市民修理家用电器。该市计划再开设三家修复咖啡馆。",
                 "takes": "家用电器", "opening_times": "来源未提供"},
     "ja": {"name": "ジェノヴァ・リペアカフェ（市内初）",
            "description": "2017年に開設。技能のあるボランティアが来訪者の家電修理を手伝います。市内ではさらに3か所の"
                           "リペアカフェが計画されていました。",
            "takes": "家電製品", "opening_times": "出典に記載なし"},
     "ko": {"name": "제노바 리페어 카페(시 최초)",
            "description": "2017년 개설. 숙련된 자원봉사자가 방문객의 가전제품 수리를 돕습니다. 시에서는 리페어 카페 "
                           "3곳을 더 열 계획이었습니다.",
            "takes": "가전제품", "opening_times": "출처에 기재 없음"}},
    {"slug": "belo-horizonte-crc", "kind": "refurbishment", "city": "belo-horizonte", "lat": -19.9167,
     "lon": -43.9345, "estimate": True, "languages": "pt", "source": SRC_EMF, "email": "crc.bhdigital@pbh.gov.br",
     "organisation": "prodabel",
     "en": {"name": "Belo Horizonte Computer Refurbishment Centre (CRC)",
            "description": "Run by Prodabel, the city's IT company, since April 2008 in an 897 m² building "
                           "of the municipal education department. Young people from low-income "
                           "neighbourhoods train there refurbishing donated electronics; refurbished "
                           "equipment goes to the city's 300+ digital inclusion sites, schools and libraries; "
                           "parts that cannot be reused are auctioned to registered recyclers.",
            "takes": "Computers, monitors, printers, keyboards and other electronic equipment",
            "opening_times": "Pick-up arranged by phone or e-mail"},
     "zh-hans": {"name": "贝洛奥里藏特计算机修复中心（CRC）",
                 "description": "自 2008 年 4 月起由市信息技术公司 Prodabel 运营，场地为市教育局提供的 897 平方米建筑。"
                                "低收入社区的年轻人在此接受培训，翻新捐赠的电子设备；翻新设备送往全市 300 多个数字普惠站点、"
                                "学校和图书馆；无法再利用的零部件拍卖给已登记的回收企业。",
                 "takes": "计算机、显示器、打印机、键盘等电子设备", "opening_times": "通过电话或电子邮件预约上门取件"},
     "ja": {"name": "ベロオリゾンテ・コンピューター再生センター（CRC）",
            "description": "2008年4月から市のIT企業Prodabelが、市教育局の897 m²の建物で運営しています。低所得地区の"
                           "若者が寄付された電子機器の再生を通じて訓練を受け、再生機器は市内300か所以上のデジタル"
                           "インクルージョン拠点、学校、図書館に届けられます。再利用できない部品は登録済みのリサイクル"
                           "業者に競売で売却されます。",
            "takes": "パソコン、モニター、プリンター、キーボードなどの電子機器",
            "opening_times": "電話またはメールで引き取りを予約"},
     "ko": {"name": "벨루오리존치 컴퓨터 재생 센터(CRC)",
            "description": "2008년 4월부터 시 IT 기업 Prodabel이 시 교육국의 897 m² 건물에서 운영합니다. 저소득 지역의 "
                           "청년들이 기증된 전자기기를 재생하며 교육을 받고, 재생된 장비는 시내 300곳 이상의 디지털 "
                           "포용 거점, 학교, 도서관으로 보내집니다. 재사용할 수 없는 부품은 등록된 재활용 업체에 "
                           "경매로 매각됩니다.",
            "takes": "컴퓨터, 모니터, 프린터, 키보드 등 전자 장비", "opening_times": "전화 또는 이메일로 수거 예약"}},
    {"slug": "share-peterborough", "kind": "tool-library", "city": "peterborough", "lat": 52.5725,
     "lon": -0.2427, "estimate": True, "languages": "en", "source": SRC_EMF_PB,
     "en": {"name": "Share Peterborough",
            "description": "A sharing platform launched in 2017. The source reports more than 315 registered "
                           "users since mid-2017 and 77 products or services shared, saving over £2,141 in "
                           "purchase and disposal costs. The items and loans below are demonstration records.",
            "takes": "Tools, household and garden equipment to lend and borrow",
            "opening_times": "Online; collection by arrangement"},
     "zh-hans": {"name": "共享彼得伯勒",
                 "description": "2017 年上线的共享平台。来源称自 2017 年年中以来已有 315 名以上用户注册，77 种产品或服务"
                                "实现共享，节省购买和填埋费用超过 2141 英镑。下列物品和借用记录为演示数据。",
                 "takes": "可借用的工具、家居和园艺设备", "opening_times": "线上；预约取用"},
     "ja": {"name": "シェア・ピーターバラ",
            "description": "2017年に始まったシェアリング・プラットフォームです。出典によると、2017年半ば以降に315人を"
                           "超える利用者が登録し、77の製品またはサービスが共有され、購入費と廃棄費用を2,141ポンド以上"
                           "節約しました。以下の物品と貸出記録はデモ用のデータです。",
            "takes": "貸し借りできる工具、家庭用品、園芸用品", "opening_times": "オンライン。受け取りは要予約"},
     "ko": {"name": "셰어 피터버러",
            "description": "2017년에 시작된 공유 플랫폼입니다. 출처에 따르면 2017년 중반 이후 315명 이상의 사용자가 "
                           "등록했고 77개의 제품 또는 서비스가 공유되어 구매 및 폐기 비용을 2,141파운드 넘게 "
                           "절약했습니다. 아래 물품과 대여 기록은 데모용 데이터입니다.",
            "takes": "빌려주고 빌릴 수 있는 공구, 생활용품, 원예 장비", "opening_times": "온라인, 수령은 예약제"}},
    {"slug": "amsterdam-lending-point", "kind": "tool-library", "city": "amsterdam", "lat": 52.3731,
     "lon": 4.8922, "estimate": True, "languages": "nl, en", "source": SRC_EMF_AMS,
     "en": {"name": "Demo: Amsterdam neighbourhood lending point",
            "description": "Demonstration item library. Amsterdam's sharing-economy action plan counts more "
                           "than 150 active sharing platforms, such as Peerby for lending items; this "
                           "demo place shows how a lending point logs its loans.",
            "takes": "Tools and household items", "opening_times": "Demo"},
     "zh-hans": {"name": "演示：阿姆斯特丹社区借用点",
                 "description": "演示用物品库。阿姆斯特丹共享经济行动计划中有 150 多个活跃共享平台，例如用于借用物品的 Peerby；"
                                "本演示展示借用点如何记录借用。",
                 "takes": "工具和家居用品", "opening_times": "演示"},
     "ja": {"name": "デモ：アムステルダムの地域貸出拠点",
            "description": "デモ用の「モノの図書館」です。アムステルダムのシェアリングエコノミー行動計画は、物の貸し借り"
                           "のためのPeerbyなど、150を超える活発なシェアリング・プラットフォームを挙げています。この"
                           "デモ拠点では、貸出拠点が貸出を記録する方法を示します。",
            "takes": "工具と家庭用品", "opening_times": "デモ"},
     "ko": {"name": "데모: 암스테르담 동네 대여소",
            "description": "데모용 물품 도서관입니다. 암스테르담의 공유경제 실행 계획에는 물품 대여를 위한 Peerby 등 "
                           "150개가 넘는 활성 공유 플랫폼이 있습니다. 이 데모 장소는 대여소가 대여 기록을 남기는 "
                           "방법을 보여줍니다.",
            "takes": "공구와 생활용품", "opening_times": "데모"}},
    {"slug": "repair-cafe-wales", "kind": "repair-cafe", "city": None, "lat": 51.4816, "lon": -3.1791,
     "estimate": True, "languages": "en, cy", "source": ORDS_ATTRIBUTION,
     "en": {"name": "Repair Café Wales",
            "description": "A network of repair cafés across Wales that publishes its repair log as open "
                           "data. The repairs here are its June-July 2025 records in the Open Repair Data "
                           "Standard.",
            "takes": "Electrical and electronic items, lamps, tools, textiles",
            "opening_times": "Events across Wales; see each group"},
     "zh-hans": {"name": "威尔士修复咖啡馆",
                 "description": "遍布威尔士的修复咖啡馆网络，以开放数据发布维修记录。此处为其 2025 年 6-7 月按开放维修数据标准记录的维修。",
                 "takes": "电器和电子产品、灯具、工具、纺织品", "opening_times": "威尔士各地活动，见各小组"},
     "ja": {"name": "リペアカフェ・ウェールズ",
            "description": "ウェールズ各地のリペアカフェのネットワークで、修理記録をオープンデータとして公開しています。"
                           "ここに示す修理は、オープン修理データ標準（Open Repair Data Standard）による2025年6〜7月の"
                           "記録です。",
            "takes": "電気・電子製品、照明器具、工具、繊維製品", "opening_times": "ウェールズ各地でイベント開催。各グループを参照"},
     "ko": {"name": "리페어 카페 웨일스",
            "description": "웨일스 전역의 리페어 카페 네트워크로, 수리 기록을 오픈 데이터로 공개합니다. 여기의 수리 "
                           "내역은 오픈 수리 데이터 표준(Open Repair Data Standard)에 따른 2025년 6~7월 기록입니다.",
            "takes": "전기·전자제품, 조명, 공구, 섬유제품", "opening_times": "웨일스 각지에서 행사 개최, 각 그룹 참조"}},
]

# Belo Horizonte CRC figures (kind, measure, from, to, value)
CRC_FIGURES = [
    ("target", "refurbished", 2018, 2021, 1000,
     "Government Action Plan (PPAG) 2018-2021: at least 1,000 items refurbished a year by 2021. " + SRC_EMF),
    ("reported", "refurbished", 2008, 2016, 7000,
     "7,000 items (CPUs, monitors, printers...) refurbished in the first nine years. " + SRC_EMF),
    ("reported", "kg_out", 2008, 2018, 165000,
     "165,000 kg of electronics kept from landfill up to 2018 (about 15,000 kg a year). " + SRC_EMF),
]

# Demonstration items of the CRC: (category, kg, donor, days ago taken in, route)
# route: list of (action, days after intake, extra)
CRC_ITEMS = [
    ("CPU", 8.5, "Municipal education department", 120, [("assess", 2, {"decision": "refurbish"}),
                                                         ("refurbish", 10, {}),
                                                         ("donate", 20, {"recipient": "Digital inclusion site (demo)"})]),
    ("Monitor", 4.2, "Municipal education department", 118, [("assess", 2, {"decision": "refurbish"}),
                                                             ("refurbish", 9, {}),
                                                             ("donate", 20, {"recipient": "Public school (demo)"})]),
    ("Printer", 7.0, "A resident (demo)", 95, [("assess", 3, {"decision": "dismantle"}), ("dismantle", 8, {}),
                                               ("auction", 40, {"price": "35.00", "currency": "BRL",
                                                                "recipient": "Registered recycler (demo)"})]),
    ("CPU", 9.1, "State agency via MCTIC (demo)", 60, [("assess", 1, {"decision": "dismantle"}),
                                                       ("dismantle", 6, {})]),
    ("Keyboard", 0.6, "A resident (demo)", 40, [("assess", 1, {"decision": "refurbish"}), ("refurbish", 3, {})]),
    ("Monitor", 5.0, "A company (demo)", 21, [("assess", 2, {"decision": "refurbish"})]),
    ("CPU", 8.0, "A company (demo)", 5, []),
]

LENDING = {
    "share-peterborough": [
        ("SP-001", "Cordless drill", "", "tools", "good", "60.00", "GBP"),
        ("SP-002", "Step ladder", "", "household", "good", "45.00", "GBP"),
        ("SP-003", "Lawn mower", "", "garden", "fair", "150.00", "GBP"),
        ("SP-004", "Carpet cleaner", "", "household", "good", "120.00", "GBP"),
    ],
    "amsterdam-lending-point": [
        ("AMS-01", "Jigsaw", "", "tools", "good", "70.00", "EUR"),
        ("AMS-02", "Party tent", "", "leisure", "worn", "90.00", "EUR"),
    ],
}
ZH_ITEM = {"Cordless drill": "充电电钻", "Step ladder": "人字梯", "Lawn mower": "割草机", "Carpet cleaner": "地毯清洗机",
           "Jigsaw": "曲线锯", "Party tent": "派对帐篷"}
JA_ITEM = {"Cordless drill": "コードレスドリル", "Step ladder": "脚立", "Lawn mower": "芝刈り機",
           "Carpet cleaner": "カーペットクリーナー", "Jigsaw": "ジグソー", "Party tent": "パーティーテント"}
KO_ITEM = {"Cordless drill": "무선 드릴", "Step ladder": "접이식 사다리", "Lawn mower": "잔디깎이",
           "Carpet cleaner": "카펫 청소기", "Jigsaw": "직소", "Party tent": "파티 텐트"}
ITEM_NAMES = {"zh-hans": ZH_ITEM, "ja": JA_ITEM, "ko": KO_ITEM}


def _places(today: dt.date) -> dict[str, Place]:
    out = {}
    for spec in PLACES:
        org = None
        if spec.get("organisation") == "prodabel":
            org, _created = Partner.objects.update_or_create(
                slug="prodabel", defaults={"name_en": "Prodabel (Belo Horizonte IT company)",
                                           "name_zh": "Prodabel（贝洛奥里藏特信息技术公司）",
                                           "name_ja": "Prodabel（ベロオリゾンテ市のIT企業）",
                                           "name_ko": "Prodabel(벨루오리존치 시 IT 기업)",
                                           "kind": "solution-provider", "country": "BR",
                                           "city": City.objects.filter(slug="belo-horizonte").first(),
                                           "lat": -19.9167, "lon": -43.9345, "is_demo": True,
                                           "description_en": "Runs the Computer Refurbishment Centre. Source: "
                                                             + SRC_EMF})
        place = Place(slug=spec["slug"], kind=spec["kind"], lat=spec["lat"], lon=spec["lon"],
                      city=City.objects.filter(slug=spec["city"]).first() if spec["city"] else None,
                      organisation=org, languages=spec["languages"], source=spec["source"],
                      email=spec.get("email", ""), location_is_estimate=spec["estimate"], is_demo=True)
        for lang in ("en", "zh-hans", "ja", "ko"):
            place.set_current_language(lang)
            for key, value in spec[lang].items():
                setattr(place, key, value)
        place.save()
        out[place.slug] = place
    return out


def _crc(place: Place, today: dt.date) -> None:
    for kind, measure, y0, y1, value, source in CRC_FIGURES:
        CentreFigure.objects.create(centre=place, kind=kind, measure=measure, year_from=y0, year_to=y1,
                                    value=value, source=source, is_demo=True)
    for n, (category, kg, donor, ago, route) in enumerate(CRC_ITEMS, start=1):
        received = today - dt.timedelta(days=ago)
        item = CentreItem.objects.create(centre=place, reference=f"DEMO-{n:03d}", donor=donor, category=category,
                                         mass_kg=kg, received_on=received, is_demo=True)
        CentreStep.objects.create(item=item, action="intake", to_state="intake", date=received, actor="CRC staff (demo)")
        state = "intake"
        from circularcities.core import refurbish

        for action, after, extra in route:
            day = received + dt.timedelta(days=after)
            step = refurbish.check_step(state, action, date=day, actor="CRC staff (demo)", today=today,
                                        decision=extra.get("decision", ""), assessed_decision=item.decision,
                                        recipient=extra.get("recipient", ""), price=extra.get("price"),
                                        currency=extra.get("currency", ""))
            CentreStep.objects.create(item=item, action=action, from_state=state, to_state=step.to_state, date=day,
                                      actor=step.actor)
            state = step.to_state
            item.state = state
            item.decision = step.decision or item.decision
            item.recipient = step.recipient or item.recipient
            if step.price is not None:
                item.price, item.currency = step.price, step.currency
        item.save()


def _lending(places: dict[str, Place], today: dt.date) -> None:
    for slug, rows in LENDING.items():
        place = places[slug]
        for i, (code, name, _alt, category, condition, value, currency) in enumerate(rows):
            item = LendingItem(place=place, code=code, category=category, condition=condition,
                               replacement_value=Decimal(value), currency=currency, is_demo=True)
            item.set_current_language("en")
            item.name = name
            for lang, names in ITEM_NAMES.items():
                item.set_current_language(lang)
                item.name = names.get(name, name)
            item.save()
            # two past loans each, and the first item out now (overdue on the second list)
            for k in range(2):
                start = today - dt.timedelta(days=60 - 20 * k + i)
                Loan.objects.create(item=item, borrower_name=f"Resident {i + 1}{'ab'[k]} (demo)", start=start,
                                    due=start + dt.timedelta(days=7), returned_on=start + dt.timedelta(days=5),
                                    condition_out="good", condition_in=condition, is_demo=True)
            if i == 0:
                start = today - dt.timedelta(days=3 if slug == "share-peterborough" else 12)
                Loan.objects.create(item=item, borrower_name="Resident (demo)", start=start,
                                    due=start + dt.timedelta(days=7), condition_out=condition,
                                    deposit=Decimal("20.00"), currency=rows[0][6], is_demo=True)


def _wales(place: Place) -> int:
    data = files("circularcities.data").joinpath("openrepair_wales_2025_06_07.csv").read_bytes()
    result = ords.parse_ords(data, "openrepair_wales_2025_06_07.csv")
    events: dict[tuple[str, dt.date], RepairEvent] = {}
    repairs = []
    for rec in result.records:
        key = (rec.group_identifier, rec.event_date)
        if key not in events:
            events[key] = RepairEvent.objects.create(place=place, date=rec.event_date,
                                                     group_identifier=rec.group_identifier, is_demo=True)
        repairs.append(Repair(place=place, event=events[key], ords_id=rec.id, data_provider=rec.data_provider,
                              country=rec.country, partner_product_category=rec.partner_product_category,
                              product_category=rec.product_category, product_category_id=rec.product_category_id,
                              brand=rec.brand, year_of_manufacture=rec.year_of_manufacture,
                              product_age=rec.product_age, repair_status=rec.repair_status,
                              repair_barrier_if_end_of_life=rec.repair_barrier_if_end_of_life,
                              group_identifier=rec.group_identifier, event_date=rec.event_date,
                              problem=rec.problem, is_demo=True))
    Repair.objects.bulk_create(repairs, batch_size=500)
    return len(repairs)


@transaction.atomic
def load(log=print, today: dt.date | None = None) -> None:
    from django.utils import timezone

    today = today or timezone.localdate()
    Loan.objects.filter(item__is_demo=True).delete()
    Place.objects.filter(is_demo=True).delete()
    places = _places(today)
    _crc(places["belo-horizonte-crc"], today)
    _lending(places, today)
    n = _wales(places["repair-cafe-wales"])
    log(f"reuse: {len(places)} demo places, {n} ORDS repairs (Repair Café Wales), "
        f"{CentreItem.objects.filter(is_demo=True).count()} demo centre items")
