"""Demo data: an Austin-like materials marketplace, Share Peterborough items,
and the Beijing Chaoyang circular-economy industrial park.

Every organisation, listing and exchange here is DEMONSTRATION data (names
start with "Demo:", ``is_demo=True``). Programme figures the sources report
are stored as reported, each with its source file. Idempotent: listings and
exchanges are created once (by ``demo_key``) and then left alone, so
reloading never changes remaining quantities.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from circularcities.coalition.models import City, Partner
from circularcities.marketplace.catalogue import ensure_catalogue
from circularcities.marketplace.demo_texts import JA_KO, ja_ko
from circularcities.marketplace.models import (
    Exchange,
    Facility,
    Flow,
    FlowValue,
    Listing,
    MaterialWeight,
    Park,
    ProgrammeFigure,
)
from circularcities.marketplace.parks_services import set_text
from circularcities.marketplace.services import _record, save_listing

SRC_002 = "Circular economy in cities: case studies"
SRC_000 = "Green Circular Cities Coalition brochure"

# slug, English name, Chinese name, city, lat, lon
ORGS = [
    ("demo-eastside-construction", "Demo: Eastside Construction Co.", "演示：东区建筑公司", "austin", 30.2620, -97.7080),
    ("demo-hill-country-landscaping", "Demo: Hill Country Landscaping", "演示：山地景观公司", "austin", 30.3200, -97.8000),
    ("demo-austin-pallet-works", "Demo: Austin Pallet Works", "演示：奥斯汀托盘厂", "austin", 30.2100, -97.7500),
    ("demo-riverside-brewery", "Demo: Riverside Brewery", "演示：河畔啤酒厂", "austin", 30.2400, -97.7300),
    ("demo-congress-office-tower", "Demo: Congress Avenue Office Tower", "演示：国会大道办公楼", "austin", 30.2700, -97.7430),
    ("demo-green-roots-farm", "Demo: Green Roots Community Farm", "演示：绿根社区农场", "austin", 30.2900, -97.6900),
    ("demo-makers-collective", "Demo: Makers Collective", "演示：创客合作社", "austin", 30.3000, -97.7200),
    ("demo-travis-board", "Demo: Travis Recycled Board", "演示：特拉维斯再生板材", "austin", 30.1900, -97.7700),
    ("demo-peterborough-share-hub", "Demo: Peterborough Share Hub", "演示：彼得伯勒共享站", "peterborough", 52.5730, -0.2420),
    ("demo-chaoyang-wte", "Demo: Chaoyang Waste-to-Energy Plant", "演示：朝阳垃圾焚烧发电厂", "beijing", 39.9260, 116.5990),
    ("demo-chaoyang-building-materials", "Demo: Chaoyang Building Materials Works", "演示：朝阳建材厂", "beijing", 39.9400, 116.6200),
]

# key, org, kind, title_en, title_zh, material, quantity, unit, extra
LISTINGS = [
    ("austin-concrete", "demo-eastside-construction", "offer", "Crushed concrete from a demolition", "拆除产生的碎混凝土", "17 01 01", 120, "t", {"route": "recycling", "avoided_cost_per_t": "25", "currency": "USD", "is_free": True}),
    ("austin-wood", "demo-eastside-construction", "offer", "Clean timber offcuts", "干净的木料边角", "17 02 01", 8, "t", {"avoided_cost_per_t": "40", "currency": "USD", "price": "200"}),
    ("austin-gypsum", "demo-congress-office-tower", "offer", "Plasterboard from an office refit", "办公室翻新拆下的石膏板", "17 08 02", 30, "m3", {"avoided_cost_per_t": "60", "currency": "USD", "is_free": True, "route": "recycling"}),
    ("austin-furniture", "demo-congress-office-tower", "offer", "Office desks and chairs", "办公桌椅", "furniture", 60, "pcs", {"mass_per_piece_kg": 25, "avoided_cost_per_t": "80", "currency": "USD", "price": "600"}),
    ("austin-cardboard", "demo-riverside-brewery", "offer", "Baled cardboard, monthly", "每月打包纸板", "15 01 01", 4, "t", {"frequency": "monthly", "route": "recycling", "avoided_cost_per_t": "35", "currency": "USD", "price": "120"}),
    ("austin-grain", "demo-riverside-brewery", "offer", "Spent grain", "啤酒糟", "02 03 04", 10, "t", {"frequency": "monthly", "route": "recycling", "avoided_cost_per_t": "45", "currency": "USD", "is_free": True}),
    ("austin-pallets", "demo-austin-pallet-works", "want", "Broken pallets for repair", "待修复的破损托盘", "15 01 03", 12, "t", {"avoided_cost_per_t": "90", "currency": "USD"}),
    ("austin-want-aggregate", "demo-hill-country-landscaping", "want", "Aggregate for paths", "铺路用骨料", "17 01 07", 150, "t", {"avoided_cost_per_t": "18", "currency": "USD"}),
    ("austin-want-wood", "demo-makers-collective", "want", "Wood for workshop projects", "工坊用木材", "20 01 38", 5, "t", {"avoided_cost_per_t": "300", "currency": "USD"}),
    ("austin-want-furniture", "demo-makers-collective", "want", "Desks for a co-working space", "共享办公空间用桌子", "furniture", 30, "pcs", {"mass_per_piece_kg": 25, "avoided_cost_per_t": "1200", "currency": "USD"}),
    ("austin-want-compost", "demo-green-roots-farm", "want", "Organic feedstock for compost", "堆肥用有机原料", "20 01 08", 15, "t", {"frequency": "monthly", "avoided_cost_per_t": "20", "currency": "USD"}),
    ("austin-want-gypsum", "demo-travis-board", "want", "Gypsum for new board", "生产新板材用石膏", "17 08 02", 25, "t", {"avoided_cost_per_t": "35", "currency": "USD"}),
    ("austin-want-cardboard", "demo-travis-board", "want", "Paper and cardboard", "纸和纸板", "20 01 01", 10, "t", {"frequency": "monthly", "avoided_cost_per_t": "60", "currency": "USD"}),
    ("pbo-drill", "demo-peterborough-share-hub", "share", "Cordless drill to lend", "可借用的无线电钻", "tools", 1, "pcs", {"mass_per_piece_kg": 2.5, "avoided_cost_per_t": "24000", "currency": "GBP"}),
    ("pbo-ladder", "demo-peterborough-share-hub", "share", "Step ladder to lend", "可借用的梯子", "tools", 1, "pcs", {"mass_per_piece_kg": 6, "avoided_cost_per_t": "9000", "currency": "GBP"}),
    ("pbo-pram", "demo-peterborough-share-hub", "share", "Pram to give away", "赠送婴儿车", "household", 2, "pcs", {"mass_per_piece_kg": 9, "avoided_cost_per_t": "12000", "currency": "GBP"}),
    ("pbo-clothes", "demo-peterborough-share-hub", "share", "Children's clothes", "儿童衣物", "textiles", 40, "pcs", {"mass_per_piece_kg": 0.3, "avoided_cost_per_t": "20000", "currency": "GBP"}),
    ("bj-ash", "demo-chaoyang-wte", "offer", "Incinerator bottom ash (illustrative quantity)", "焚烧炉渣（示意数量）", "19 01 12", 2000, "t", {"frequency": "monthly", "route": "recycling", "is_free": True, "avoided_cost_per_t": "60", "currency": "CNY"}),
    ("bj-want-ash", "demo-chaoyang-building-materials", "want", "Bottom ash as aggregate for blocks (illustrative)", "炉渣用作砌块骨料（示意）", "19 01 12", 1500, "t", {"frequency": "monthly", "avoided_cost_per_t": "40", "currency": "CNY"}),
]

# key, offer key, want key or None, receiver org or None, receiver name, t, date, end use, items
EXCHANGES = [
    ("ex-concrete-1", "austin-concrete", "austin-want-aggregate", None, "", "40", dt.date(2025, 3, 12), "Base for garden paths", None),
    ("ex-wood-1", "austin-wood", "austin-want-wood", None, "", "2.5", dt.date(2025, 4, 3), "Furniture making", None),
    ("ex-cardboard-1", "austin-cardboard", "austin-want-cardboard", None, "", "4", dt.date(2025, 4, 28), "Recycled board", None),
    ("ex-furniture-1", "austin-furniture", "austin-want-furniture", None, "", "0.5", dt.date(2025, 5, 19), "Co-working desks", None),
    ("ex-concrete-2", "austin-concrete", "austin-want-aggregate", None, "", "30", dt.date(2025, 6, 9), "Driveway sub-base", None),
    ("ex-gypsum-1", "austin-gypsum", "austin-want-gypsum", None, "", "6", dt.date(2025, 7, 15), "New plasterboard", None),
    ("ex-grain-1", "austin-grain", "austin-want-compost", None, "", "5", dt.date(2025, 8, 21), "Compost", None),
    ("pbo-ex-drill", "pbo-drill", None, None, "Demo resident A", "0.0025", dt.date(2025, 5, 2), "Home repair (lent)", 1),
    ("pbo-ex-pram", "pbo-pram", None, None, "Demo resident B", "0.009", dt.date(2025, 6, 14), "Reused by a family", 1),
    ("pbo-ex-clothes", "pbo-clothes", None, None, "Demo resident C", "0.006", dt.date(2025, 7, 1), "Reused", 20),
]

WEIGHTS = [
    ("170101", 0.5, "Demo weight: crushed concrete has a ready local market (estimate)", "演示权重：碎混凝土本地市场成熟（估计）"),
    ("170802", 3.0, "Demo weight: gypsum gets a higher weight, as in Austin (limited market, gas when landfilled)", "演示权重：与奥斯汀一样，石膏权重更高（市场有限，填埋会产生气体）"),
    ("170201", 1.2, "Demo weight (estimate)", "演示权重（估计）"),
    ("furniture", 1.5, "Demo weight: reuse of whole products (estimate)", "演示权重：整件产品再利用（估计）"),
]

FIGURES = {
    "austin": [
        ("Participants by the end of 2018", "截至 2018 年底的参与者", "530+", "", "", "2018", ""),
        ("Businesses, institutions and non-profits signed up", "报名加入的企业、机构和非营利组织", "500+", "", "", "", ""),
        ("Exchanges per month, October 2017 to September 2018", "2017 年 10 月至 2018 年 9 月平均每月交易次数", "20", "per month", "每月", "2017-10 – 2018-09", ""),
        ("Value created by the first 593 exchanges (price, disposal savings, purchase savings)", "前 593 次交易创造的价值（交易金额、处置节省、采购节省）", "622,772", "USD", "美元", "first 593 exchanges", ""),
        ("Material kept from landfill", "避免填埋的物料", "400+", "t", "吨", "first 593 exchanges", ""),
        ("CO2 emissions avoided, as printed", "二氧化碳减排量（原文数字）", "950,000,000 (9.5亿)", "t", "吨", "first 593 exchanges",
         "As printed in the Chinese text of the source. It cannot be right for 400 t of material (it would be over two million tonnes of CO2 per tonne diverted); probably a unit or translation error. Shown as reported and used in no calculation."),
        ("City funding in each of the first two years", "头两年每年的市政资助", "175,000", "USD per year", "美元/年", "2014–2016", ""),
    ],
    "peterborough": [
        ("Users registered on Share Peterborough since mid-2017", "2017 年年中以来在“共享彼得伯勒”注册的用户", "315+", "", "", "2017–2019", ""),
        ("Products or services shared", "共享的产品或服务", "77", "", "", "2017–2019", ""),
        ("Purchase and landfill costs saved", "节省的购买和填埋费用", "2,141+", "GBP", "英镑", "2017–2019", ""),
        ("Waste kept from disposal", "回收利用的废弃物", "220+", "kg", "千克", "2017–2019", ""),
        ("Organisations that signed the Circular Peterborough commitment", "签署“循环彼得伯勒”承诺的机构", "~70", "", "", "2019", ""),
    ],
}


def _orgs(log):
    out = {}
    for slug, en, zh, city, lat, lon in ORGS:
        c = City.objects.filter(slug=city).first()
        out[slug], _ = Partner.objects.update_or_create(slug=slug, defaults={
            "name_en": en, "name_zh": zh, "kind": Partner.Kind.BUSINESS, "city": c,
            "country": c.country if c else "", "lat": lat, "lon": lon, "is_demo": True,
            "description_en": "Demonstration organisation for the materials marketplace.",
            "description_zh": "物料市场的演示机构。"})
    return out


class _DemoUser:
    """Stands in for a secretariat user while creating demo listings."""

    is_authenticated = True
    is_superuser = True
    pk = None


def _listings(orgs):
    out = {}
    for key, org, kind, en, zh, material, qty, unit, extra in LISTINGS:
        found = Listing.objects.filter(demo_key=key).first()
        if found is None:
            o = orgs[org]
            data = {"kind": kind, "organisation": o, "title_en": en, "title_zh": zh, **ja_ko("title", en),
                    "material": material, "quantity": qty, "unit": unit, "use_organisation_location": True,
                    "description": "Demo listing.", **extra}
            found = save_listing(_DemoUser(), data)
            Listing.objects.filter(pk=found.pk).update(is_demo=True, demo_key=key, created_by=None)
            found.refresh_from_db()
        else:  # listings are left alone once made; only titles in a language they lack are added
            for name, text in ja_ko("title", en).items():
                if text and not getattr(found, name):
                    setattr(found, name, text)
            found.save_translations()
        out[key] = found
    return out


def _exchanges(listings):
    for key, offer, want, receiver, name, q, date, end_use, items in EXCHANGES:
        if Exchange.objects.filter(demo_key=key).exists():
            continue
        o = Listing.objects.get(pk=listings[offer].pk)
        w = Listing.objects.get(pk=listings[want].pk) if want else None
        _record(o, Decimal(q), want=w, receiver=receiver, receiver_name=name, date=date,
                end_use=end_use, items=items, is_demo=True, demo_key=key)


SRC_003 = "ICLEI China hub page"


def _text(obj, en: dict, zh: dict) -> None:
    """Demo text in English, Chinese, Japanese and Korean (parler rows; the Japanese and
    Korean come from ``JA_KO``, and a field it lacks falls back to English)."""
    set_text(obj, "en", en)
    obj.save()
    if zh:
        set_text(obj, "zh-hans", zh)
        obj.save()
    for index, language in enumerate(("ja", "ko")):
        values = {field: JA_KO[text][index] for field, text in en.items() if text in JA_KO}
        if values:
            set_text(obj, language, values)
            obj.save()


def _demo_park(slug, en, zh, facilities, flows, source, **fields):
    """A demo park with its facilities (slug, en, zh, kind, dlat, dlon, inside) and flows
    (source, target, kind, en, zh, code, quantity, unit, note, values); flows are demo
    content owned by this loader and recreated on every load."""
    park, _ = Park.objects.update_or_create(slug=slug, defaults={**fields, "is_demo": True})
    _text(park, en, zh)
    fac = {}
    for fslug, fen, fzh, kind, dlat, dlon, inside in facilities:
        fac[fslug], _ = Facility.objects.update_or_create(park=park, slug=fslug, defaults={
            "kind": kind, "lat": park.lat + dlat, "lon": park.lon + dlon, "inside_park": inside})
        _text(fac[fslug], {"name": fen}, {"name": fzh})
    park.facilities.exclude(slug__in=list(fac)).delete()
    park.flows.all().delete()
    for src, dst, kind, fen, fzh, code, quantity, unit, note, values in flows:
        fl = Flow(park=park, source=fac[src], target=fac[dst], kind=kind, name_en=fen, name_zh=fzh,
                  **ja_ko("name", fen), material_code=code, annual_quantity=quantity, unit=unit,
                  source_note=note or source)
        fl.save()
        for amount, ben, bzh, vsource, quote in values:
            FlowValue(flow=fl, amount=Decimal(amount), currency="CNY", basis_en=ben, basis_zh=bzh,
                      **ja_ko("basis", ben), source=vsource, quote=quote).save()
    return park


def _park(log):
    beijing = City.objects.filter(slug="beijing").first()
    v_en, v_zh = f"{SRC_000} (English text)", f"{SRC_000} (Chinese text)"
    return _demo_park("beijing-chaoyang", {
        "name": "Beijing Chaoyang Circular Economy Industrial Park",
        "description": "One of Beijing's first pilot circular-economy sites, built around waste "
                       "treatment: a waste-to-energy plant, a construction-waste treatment centre, a "
                       "food-waste processing centre, a sanitary landfill and office buildings.",
        "coordinates_note": "Approximate coordinates (estimate): the source gives no location."}, {
        "name": "北京市朝阳循环经济产业园",
        "description": "北京市第一批循环经济试点单位之一，以垃圾处理为核心：垃圾焚烧发电厂、"
                       "建筑垃圾处理中心、餐厨垃圾处理厂、卫生填埋场及办公楼。",
        "coordinates_note": "坐标为近似值（估计）：原文未给出位置。"}, [
        ("municipal-waste", "Municipal waste (dust carts)", "生活垃圾（环卫车辆）", "source", 0.02, -0.03, False),
        ("wte", "Waste-to-energy plant", "垃圾焚烧发电厂", "plant", -0.004, -0.006, True),
        ("charging", "Electric vehicle charging stations", "电动汽车充电站", "user", 0.003, 0.006, True),
        ("grid", "Power grid", "电网", "user", 0.03, 0.03, False),
        ("cw-centre", "Construction-waste treatment centre (building materials)", "建筑垃圾处理厂（建筑材料）", "treatment", 0.005, -0.004, True),
        ("food-centre", "Food-waste processing centre", "餐厨垃圾处理厂", "treatment", -0.006, 0.004, True),
        ("farming", "Organic farming", "有机农业", "user", -0.03, 0.03, False),
        ("other-plants", "Other plants in the park (waste heat)", "园区其他厂房（余热）", "plant", 0.0, 0.0, True),
        ("offices", "Park facilities and office buildings", "园区设施及办公楼", "office", 0.006, 0.008, True),
        ("landfill", "Sanitary landfill", "卫生填埋场", "treatment", -0.008, -0.01, True),
    ], [
        ("municipal-waste", "wte", "material", "Municipal waste", "生活垃圾", "200301", None, "", "", []),
        ("wte", "charging", "energy", "Electricity", "电力", "", None, "", "", []),
        ("wte", "grid", "energy", "Electricity to the grid", "并网电力", "", None, "", "", [
            ("120000000", "Monetary benefit of the electricity from combustion", "焚烧发电带来的经济效益",
             v_en, "around rMB 120 million of monetary benefit"),
            ("120000000", "Monetary benefit of the electricity from combustion", "焚烧发电带来的经济效益",
             v_zh, "焚烧发电也可带来人民币 1.2 亿元左右的经济效益")]),
        ("wte", "cw-centre", "material", "Bottom ash, remanufactured as construction materials", "炉渣，加工制成建筑材料", "190112", None, "", "", []),
        ("food-centre", "farming", "material", "Bio-residues", "生物残留物", "organic", None, "", "", []),
        ("other-plants", "offices", "energy", "Waste heat for heating and hot water", "余热（供暖和热水）", "", None, "", "", [
            ("233000000", "Saving from reusing waste heat", "余热回收利用节省的费用",
             v_en, "the reuse of waste heat saves RMB 233 million annually"),
            ("2330000", "Electricity cost saved by reusing waste heat", "余热回收利用节省的电费",
             v_zh, "余热回收利用每年可节省约人民币 233 万元的电费开销")]),
    ], SRC_000, city=beijing, lat=39.9300, lon=116.6050, radius_km=8.0, sources=[SRC_000],
        level="not_stated", applies_symbiosis=True,
        level_source="Green Circular Cities Coalition brochure: the park's plants exchange waste heat, ash and "
                     "residues; its level is not stated.")


# Estimate notes for the China hub parks: the page names the industries and facilities
# but gives no flows, quantities or locations.
EST_FLOW = "Estimate (illustrative): the China hub page names these facilities, not the flows between them."
EST_COORDS_EN = "Approximate coordinates (estimate): the source gives no location; the city centre is used."
EST_COORDS_ZH = "坐标为近似值（估计）：原文未给出位置，采用城市中心。"


def _china_hub_parks(log):
    changchun = City.objects.filter(slug="changchun").first()
    datong = City.objects.filter(slug="datong").first()
    parks = [_demo_park("changchun-circular-park", {
        "name": "Changchun Circular Economy Industrial Park",
        "description": "A 10 km² park the city designated to raise its circularity. Car making is the "
                       "city's main industry, so the park aims to keep the materials of end-of-life "
                       "vehicles in use. It is to hold incineration, food-waste and medical-waste "
                       "treatment and car dismantling; the city has invested to move a thermal power "
                       "station here from another site so that material streams and resources are "
                       "used to the full.",
        "coordinates_note": EST_COORDS_EN,
        "notes": "Area 10 km² (source). Planned facilities, not yet reported as running. Radius on the "
                 "map: 1.8 km, the radius of a 10 km² circle (estimate)."}, {
        "name": "长春循环经济产业园",
        "description": "长春市划定的 10 平方公里循环经济产业园。汽车制造是该市的主要产业，园区希望让报废汽车的材料继续得到利用。"
                       "园区将建设焚烧、餐厨垃圾处理、医疗废物处理和汽车拆解设施；市政府已出资将一座热电厂从别处迁入园区，"
                       "以充分利用物料流和资源。",
        "coordinates_note": EST_COORDS_ZH,
        "notes": "面积 10 平方公里（原文）。设施为规划中，尚未报告运行。地图半径 1.8 公里，即 10 平方公里圆的半径（估计）。"}, [
        ("elv", "End-of-life vehicles (city)", "报废汽车（城市）", "source", 0.03, -0.03, False),
        ("dismantling", "Car dismantling", "汽车拆解", "treatment", 0.004, -0.004, True),
        ("incineration", "Incineration plant", "焚烧厂", "plant", -0.004, 0.004, True),
        ("food", "Food-waste treatment", "餐厨垃圾处理", "treatment", 0.006, 0.006, True),
        ("medical", "Medical-waste treatment", "医疗废物处理", "treatment", -0.006, -0.006, True),
        ("thermal", "Thermal power station (relocated)", "热电厂（迁入）", "plant", 0.0, 0.008, True),
        ("users", "Users of recovered materials (outside the park)", "再生材料用户（园区外）", "user", -0.03, 0.03, False),
    ], [
        ("elv", "dismantling", "material", "End-of-life vehicles", "报废汽车", "160104", None, "", EST_FLOW, []),
        ("dismantling", "users", "material", "Recovered metals and parts", "回收金属和零部件", "1601", None, "", EST_FLOW, []),
        ("dismantling", "incineration", "material", "Residues not recovered", "不可回收残余物", "191212", None, "", EST_FLOW, []),
        ("medical", "incineration", "material", "Treated medical waste", "处理后的医疗废物", "1801", None, "", EST_FLOW, []),
        ("incineration", "thermal", "energy", "Heat from incineration", "焚烧产生的热量", "", None, "", EST_FLOW, []),
    ], SRC_003, city=changchun, lat=43.8171, lon=125.3235, radius_km=1.8, sources=[SRC_003],
        level="city", applies_symbiosis=None,
        level_source=f"{SRC_003}: the city designated the park; its facilities are planned."),
        _demo_park("datong-bulk-solid-waste-base", {
        "name": "Datong Bulk Solid Waste Base",
        "description": "Datong is a coal-centric city. Its government promotes the reuse of industrial "
                       "waste through Bulk Solid Waste Base projects, in which the coal industry works "
                       "with the chemical, power and steel industries through industrial symbiosis. The "
                       "city looks for innovative technical solutions beyond conventional end-of-life "
                       "approaches; it joined the coalition in 2019.",
        "coordinates_note": EST_COORDS_EN,
        "notes": "The source gives no quantities; the flows shown are illustrative estimates of the "
                 "coal-chemical-power-steel cooperation it describes."}, {
        "name": "大同大宗固废基地",
        "description": "大同是一座以煤炭为主的城市。市政府通过大宗固体废物基地项目推动工业废物再利用，"
                       "以产业共生方式促进煤炭行业与化工、电力和钢铁行业合作。该市希望获得传统末端处理之外的创新技术方案，"
                       "于 2019 年加入联盟。",
        "coordinates_note": EST_COORDS_ZH,
        "notes": "原文未给出数量；所示物料流为对其所述煤炭—化工—电力—钢铁合作的示意性估计。"}, [
        ("coal", "Coal mining and washing", "煤炭开采和洗选", "plant", 0.02, -0.02, True),
        ("power", "Power plants", "电厂", "plant", 0.0, 0.01, True),
        ("chemical", "Chemical plants", "化工厂", "plant", -0.01, -0.01, True),
        ("steel", "Steel plant", "钢铁厂", "plant", 0.01, 0.02, True),
    ], [
        ("coal", "power", "material", "Coal by-products used as fuel", "作燃料利用的煤炭副产品", "", None, "", EST_FLOW, []),
        ("coal", "chemical", "material", "Coal and by-products as feedstock", "作原料的煤炭及副产品", "", None, "", EST_FLOW, []),
        ("power", "steel", "energy", "Electricity", "电力", "", None, "", EST_FLOW, []),
        ("steel", "power", "energy", "Waste gas and heat", "余气余热", "", None, "", EST_FLOW, []),
    ], SRC_003, city=datong, lat=40.0768, lon=113.3001, radius_km=15.0, sources=[SRC_003],
        level="not_stated", applies_symbiosis=True,
        level_source=f"{SRC_003}: the base works through industrial symbiosis; its level is not stated.")]
    return parks


def _figures():
    for slug, rows in FIGURES.items():
        city = City.objects.filter(slug=slug).first()
        if city is None:
            continue
        for order, (en, zh, value, uen, uzh, period, note) in enumerate(rows, start=1):
            figure, _created = ProgrammeFigure.objects.update_or_create(city=city, order=order, defaults={
                "value": value, "period": period, "source": SRC_002, "flagged": bool(note), "is_demo": True})
            texts = {"label_en": en, "label_zh": zh, **ja_ko("label", en), "unit_en": uen, "unit_zh": uzh,
                     **ja_ko("unit", uen), "note_en": note, **ja_ko("note", note),
                     "note_zh": "中文原文数字。对 400 吨物料而言不可能成立（相当于每吨转移物料减排两百万吨以上二氧化碳），"
                                "可能是单位或翻译错误。按原文展示，不用于任何计算。" if note else ""}
            for name, text in texts.items():
                setattr(figure, name, text)
            figure.save_translations()


# An open deal waiting for the demo business account (demo-eastside-construction):
# offer key, receiving org, want key, tonnes, price, currency, the receiver's message.
PROPOSALS = [
    ("austin-wood", "demo-makers-collective", "austin-want-wood", "1.5", "0", "USD",
     "Demo: could we collect 1.5 t of the offcuts for our workshop next week?"),
]


def _proposals(listings):
    from circularcities.marketplace.models import Proposal, ProposalEvent

    for offer_key, receiver, want_key, q, value, currency, text in PROPOSALS:
        offer = Listing.objects.get(pk=listings[offer_key].pk)
        org = Partner.objects.get(slug=receiver)
        if Proposal.objects.filter(offer=offer, receiver=org).exists():
            continue
        p = Proposal.objects.create(offer=offer, want=listings[want_key], giver=offer.organisation, receiver=org,
                                    started_by="receiver", turn="giver", quantity_t=Decimal(q),
                                    value=Decimal(value), currency=currency)
        ProposalEvent.objects.create(proposal=p, kind="proposed", side="receiver", text=text,
                                     quantity_t=p.quantity_t, value=p.value, currency=currency)


@transaction.atomic
def load(log=print) -> None:
    ensure_catalogue()
    for code, weight, en, zh in WEIGHTS:
        row, created = MaterialWeight.objects.get_or_create(material=code, defaults={"weight": weight})
        for name, text in {"note_en": en, "note_zh": zh, **ja_ko("note", en)}.items():
            if created or (text and not getattr(row, name)):  # a note someone wrote stays
                setattr(row, name, text)
        row.save_translations()
    orgs = _orgs(log)
    listings = _listings(orgs)
    _exchanges(listings)
    _proposals(listings)
    _figures()
    _park(log)
    _china_hub_parks(log)
    log(f"marketplace: {len(listings)} demo listings, {Exchange.objects.filter(is_demo=True).count()} "
        "demo exchanges, 3 industrial parks")
