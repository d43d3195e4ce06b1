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
                 "takes": "家用电器", "opening_times": "来源未提供"}},
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
                 "takes": "计算机、显示器、打印机、键盘等电子设备", "opening_times": "通过电话或电子邮件预约上门取件"}},
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
                 "takes": "可借用的工具、家居和园艺设备", "opening_times": "线上；预约取用"}},
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
                 "takes": "工具和家居用品", "opening_times": "演示"}},
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
                 "takes": "电器和电子产品、灯具、工具、纺织品", "opening_times": "威尔士各地活动，见各小组"}},
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


def _places(today: dt.date) -> dict[str, Place]:
    out = {}
    for spec in PLACES:
        org = None
        if spec.get("organisation") == "prodabel":
            org, _created = Partner.objects.update_or_create(
                slug="prodabel", defaults={"name_en": "Prodabel (Belo Horizonte IT company)",
                                           "name_zh": "Prodabel（贝洛奥里藏特信息技术公司）",
                                           "kind": "solution-provider", "country": "BR",
                                           "city": City.objects.filter(slug="belo-horizonte").first(),
                                           "lat": -19.9167, "lon": -43.9345, "is_demo": True,
                                           "description_en": "Runs the Computer Refurbishment Centre. Source: "
                                                             + SRC_EMF})
        place = Place(slug=spec["slug"], kind=spec["kind"], lat=spec["lat"], lon=spec["lon"],
                      city=City.objects.filter(slug=spec["city"]).first() if spec["city"] else None,
                      organisation=org, languages=spec["languages"], source=spec["source"],
                      email=spec.get("email", ""), location_is_estimate=spec["estimate"], is_demo=True)
        for lang in ("en", "zh-hans"):
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
            item.set_current_language("zh-hans")
            item.name = ZH_ITEM.get(name, name)
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
