"""The material catalogue: EU List of Waste entries and product categories,
the units a listing may use and their conversion to tonnes.

``ensure_catalogue()`` fills the tables from the packaged data files; it is
idempotent and never overwrites what the secretariat has edited (the
compatibility table is seeded only when empty).
"""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from circularcities.core.matching import material_key
from circularcities.core.rules import FieldError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# (slug, English, Chinese, default loose bulk density t/m3 or None, for sharing)
CATEGORIES = [
    ("paper", "Paper and cardboard", "纸和纸板", 0.10, False),
    ("cardboard", "Cardboard", "纸板", 0.05, False),
    ("plastics", "Plastics", "塑料", 0.05, False),
    ("pet", "PET plastic", "PET 塑料", 0.03, False),
    ("hdpe", "HDPE plastic", "HDPE 塑料", 0.03, False),
    ("glass", "Glass", "玻璃", 0.30, False),
    ("metals", "Metals", "金属", 0.40, False),
    ("steel", "Steel", "钢材", 0.80, False),
    ("aluminium", "Aluminium", "铝", 0.10, False),
    ("wood", "Wood", "木材", 0.25, False),
    ("pallets", "Wooden pallets", "木托盘", 0.15, False),
    ("textiles", "Textiles", "纺织品", 0.15, True),
    ("food", "Food waste", "食物垃圾", 0.50, False),
    ("organic", "Food and garden waste", "厨余和园林垃圾", 0.35, False),
    ("bricks", "Bricks", "砖", 1.10, False),
    ("concrete", "Concrete", "混凝土", 1.40, False),
    ("aggregates", "Aggregates", "骨料", 1.50, False),
    ("soil", "Soil and stones", "土壤和石块", 1.60, False),
    ("asphalt", "Asphalt", "沥青", 1.30, False),
    ("plasterboard", "Plasterboard", "石膏板", 0.70, False),
    ("insulation", "Insulation", "保温材料", 0.03, False),
    ("weee", "Electrical and electronic equipment", "电子电气设备", 0.20, True),
    ("tyres", "Tyres", "轮胎", 0.30, False),
    ("ash", "Bottom ash used as building material", "用作建材的炉渣", 1.20, False),
    ("furniture", "Furniture", "家具", 0.15, True),
    ("tools", "Tools and equipment", "工具和设备", None, True),
    ("household", "Household items", "家居用品", None, True),
]
# Japanese and Korean names of the categories (slug -> (ja, ko)); CATEGORIES keeps its
# shape because migration 0002 reads it.
CATEGORY_NAMES_JA_KO = {
    "paper": ("紙・段ボール", "종이 및 골판지"),
    "cardboard": ("段ボール", "골판지"),
    "plastics": ("プラスチック", "플라스틱"),
    "pet": ("PET プラスチック", "PET 플라스틱"),
    "hdpe": ("HDPE プラスチック", "HDPE 플라스틱"),
    "glass": ("ガラス", "유리"),
    "metals": ("金属", "금속"),
    "steel": ("鉄鋼", "철강"),
    "aluminium": ("アルミニウム", "알루미늄"),
    "wood": ("木材", "목재"),
    "pallets": ("木製パレット", "목재 팔레트"),
    "textiles": ("繊維製品", "섬유류"),
    "food": ("食品廃棄物", "음식물 쓰레기"),
    "organic": ("生ごみ・剪定枝", "음식물 및 정원 폐기물"),
    "bricks": ("れんが", "벽돌"),
    "concrete": ("コンクリート", "콘크리트"),
    "aggregates": ("骨材", "골재"),
    "soil": ("土砂・石", "흙과 돌"),
    "asphalt": ("アスファルト", "아스팔트"),
    "plasterboard": ("石膏ボード", "석고보드"),
    "insulation": ("断熱材", "단열재"),
    "weee": ("電気・電子機器", "전기·전자 제품"),
    "tyres": ("タイヤ", "타이어"),
    "ash": ("建設資材に使う焼却主灰", "건설 자재로 쓰는 소각 바닥재"),
    "furniture": ("家具", "가구"),
    "tools": ("工具・機器", "공구 및 장비"),
    "household": ("生活用品", "생활용품"),
}


def category_names(slug: str, en: str, zh: str) -> dict[str, str]:
    """A category's name in each platform language: ``{"en": ..., "zh-hans": ..., ...}``."""
    ja, ko = CATEGORY_NAMES_JA_KO.get(slug, ("", ""))
    return {"en": en, "zh-hans": zh, "ja": ja, "ko": ko}

# Loose bulk densities (t/m3) used when a listing gives m3 and no density:
# rough typical values of loose waste, an estimate the page labels as such.
EWC_CHAPTER_DENSITY = {"17": 1.20, "20": 0.15, "15": 0.05, "19": 0.80, "02": 0.50, "10": 1.20}
EWC_DENSITY = {"170101": 1.40, "170102": 1.10, "170107": 1.30, "170504": 1.60, "170802": 0.70,
               "170201": 0.25, "170405": 0.80, "150101": 0.05, "150102": 0.03, "150103": 0.15,
               "150107": 0.30, "200108": 0.50, "200201": 0.35, "190112": 1.20, "100101": 1.20}


def ensure_catalogue() -> None:
    """Fill waste codes, categories and (when empty) the compatibility table."""
    from circularcities.marketplace.models import CompatibilityRule, ProductCategory, WasteCode

    with transaction.atomic():
        if WasteCode.objects.count() < 842:
            with open(DATA_DIR / "ewc_codes.csv", encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            existing = set(WasteCode.objects.values_list("code", flat=True))
            WasteCode.objects.bulk_create([
                WasteCode(code=r["code"], code_display=r["code_display"], chapter=r["chapter"],
                          chapter_title=r["chapter_title"], subchapter=r["subchapter"],
                          subchapter_title=r["subchapter_title"], description=r["description"],
                          hazardous=r["hazardous"] == "true", entry_type=r["entry_type"])
                for r in rows if r["code"] not in existing])
        languages = {code for code, _name in settings.LANGUAGES}
        for slug, en, zh, density, sharing in CATEGORIES:
            cat, _created = ProductCategory.objects.update_or_create(
                slug=slug, defaults={"default_density_t_per_m3": density, "for_sharing": sharing})
            for language, name in category_names(slug, en, zh).items():
                if language in languages and (name or language == settings.LANGUAGE_CODE):
                    cat.set_text(language, name=name)
            cat.save_translations()
        if not CompatibilityRule.objects.exists():
            with open(DATA_DIR / "material_compatibility.csv", encoding="utf-8-sig", newline="") as fh:
                CompatibilityRule.objects.bulk_create([
                    CompatibilityRule(offer_material=material_key(r["offer_material"]),
                                      want_material=material_key(r["want_material"]),
                                      note=r.get("note", ""))
                    for r in csv.DictReader(fh)])


def resolve_material(text: str):
    """``(waste_code, category)`` for an EWC code ("17 01 01", "170101*") or a category slug.

    Raises :class:`ValidationError` naming the field when the code is unknown.
    """
    from circularcities.marketplace.models import ProductCategory, WasteCode

    key = material_key(text or "")
    if not key:
        raise FieldError("material", _("Give an EU List of Waste code (e.g. 17 01 01) "
                                "or a product category."))
    if key.isdigit() and len(key) == 6:
        code = WasteCode.objects.filter(code=key).first()
        if code is None:
            raise FieldError("material", _("%(code)s is not in the EU List of Waste.")
                                  % {"code": text})
        return code, None
    cat = ProductCategory.objects.filter(slug=key).first()
    if cat is None:
        raise FieldError("material", _("'%(code)s' is neither an EU List of Waste code "
                                "nor a known product category.") % {"code": text})
    return None, cat


def default_density(waste_code, category) -> float | None:
    """Platform default density (t/m3) for the material, or ``None``."""
    if category is not None:
        return category.default_density_t_per_m3
    if waste_code is not None:
        return EWC_DENSITY.get(waste_code.code) or EWC_CHAPTER_DENSITY.get(waste_code.chapter)
    return None


def to_tonnes(quantity: Decimal, unit: str, *, mass_per_piece_kg: float | None = None,
              density_t_per_m3: float | None = None, waste_code=None, category=None
              ) -> tuple[Decimal, float | None, str]:
    """Convert a listed quantity to tonnes.

    Returns ``(tonnes, density used or None, density source "" | "given" | "default")``.
    Raises :class:`ValidationError` naming the field that is missing or wrong.
    """
    if quantity is None or quantity <= 0:
        raise FieldError("quantity", _("Expected a quantity above zero."))
    if unit == "t":
        tonnes, density, source = quantity, None, ""
    elif unit == "kg":
        tonnes, density, source = quantity / 1000, None, ""
    elif unit == "pcs":
        if not mass_per_piece_kg or mass_per_piece_kg <= 0:
            raise FieldError("mass_per_piece_kg", _("Give the mass of one piece in kg "
                                    "to list pieces (it converts them to tonnes)."))
        tonnes, density, source = quantity * Decimal(str(mass_per_piece_kg)) / 1000, None, ""
    elif unit == "m3":
        if density_t_per_m3 is not None:
            if density_t_per_m3 <= 0:
                raise FieldError("density_t_per_m3", _("Expected a density above zero."))
            density, source = density_t_per_m3, "given"
        else:
            density, source = default_density(waste_code, category), "default"
            if density is None:
                raise FieldError("density_t_per_m3", _("This material has no default "
                                        "density; give one in t/m³ to list cubic metres."))
        tonnes = quantity * Decimal(str(density))
    else:
        raise FieldError("unit", _("Expected t, kg, m3 or pcs."))
    tonnes = tonnes.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    if tonnes <= 0:
        raise FieldError("quantity", _("Less than one gram once converted to tonnes."))
    return tonnes, density, source


# --- finding a material by code or words ---------------------------------------

def _words(text: str) -> list[str]:
    import re

    return [w for w in re.split(r"[\s,;/()]+", (text or "").lower()) if w]


def search_materials(query: str, language: str = "en", limit: int = 20) -> list[dict]:
    """EU List of Waste entries and product categories matching ``query``: a code or
    its beginning ("17 01", "1701"), or words that must all appear in the entry, its
    subchapter or chapter title (in English or any translation) or a category's name.
    Labels are in ``language``. Best first: categories and entries whose own description holds
    the words, then those matched by their (sub)chapter; hazardous entries are marked."""
    from circularcities.core.waste import ewc
    from circularcities.marketplace.models import ProductCategory, WasteCode

    limit = max(1, min(int(limit), 50))
    q = (query or "").strip()[:100]
    if not q:
        return []
    digits = q.replace(" ", "").rstrip("*")
    found: list[tuple[int, str, dict]] = []

    def ewc_row(c, rank):
        return (rank, c.code, {"key": c.code_display, "kind": "ewc", "code": c.code_display,
                               "label": c.text("entry", language).text, "hazardous": c.hazardous,
                               "group": c.text("subchapter", language).text})

    if digits.isdigit():
        for c in WasteCode.objects.filter(code__startswith=digits[:6])[:limit]:
            found.append(ewc_row(c, 0))
        return [row for _r, _k, row in found]
    words = _words(q)
    for cat in ProductCategory.objects.by_name(language):
        hay = " ".join([cat.slug, *(row.name for row in cat.translations.all())]).lower()
        if all(w in hay for w in words):
            found.append((0, cat.slug, {"key": cat.slug, "kind": "category", "code": "",
                                        "label": cat.t("name", language), "hazardous": False, "group": ""}))
    for c in WasteCode.objects.all():
        own = ewc.search_text("entry", c.code, c.description)
        groups = (f"{ewc.search_text('subchapter', c.subchapter, c.subchapter_title)} "
                  f"{ewc.search_text('chapter', c.chapter, c.chapter_title)}")
        if all(w in own for w in words):
            found.append(ewc_row(c, 1))
        elif all(w in own or w in groups for w in words):
            found.append(ewc_row(c, 2))
    found.sort(key=lambda r: (r[0], r[2]["hazardous"], r[1]))
    if sum(1 for r in found if r[0] < 2) >= 5:  # enough entries say it themselves: drop group-only hits
        found = [r for r in found if r[0] < 2]
    return [row for _r, _k, row in found[:limit]]
