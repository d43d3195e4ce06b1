"""Demo: the Yamaguchi food-waste collection scenario (generated shops, assumed costs).

Imports ``data/routing_demo/scenario.xlsx`` (see its README: city halls are
real, shops and costs are generated or assumed and labelled) as a published
scenario of Yamaguchi Prefecture, with the plans "Each city alone" and "Ube
alone + Hofu & Yamaguchi joint". Nothing is solved while loading (that
would slow every start); a planner presses Run (about 2 s per group).
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from circularcities.core import routing
from circularcities.web.translated_forms import language_codes, save_translations

from . import models as m
from .convert import save_core

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "routing_demo" / "scenario.xlsx"
NAME = "Yamaguchi food waste to poultry feed (demo)"
TITLES = {"en": NAME, "zh-hans": "山口县食物垃圾制家禽饲料（演示）",
          "ja": "山口県の食品廃棄物を養鶏飼料に（デモ）", "ko": "야마구치현 음식물 쓰레기를 가금 사료로(데모)"}
DESCRIPTION_EN = (
    "Food waste of Ube, Hofu and Yamaguchi city collected for a poultry-feed plant. City-hall "
    "coordinates are real (Japanese municipal office register); the 75 shops, restaurants and canteens, "
    "the depots and the plant are GENERATED, and vehicle costs and emissions are assumptions. "
    "The 10,000 t/year total is the "
    "prefecture's figure from the Green Circular Cities Coalition brochure, which "
    "suggested an individual plan for Ube and a joint plan for Hofu and Yamaguchi city.")
DESCRIPTION_ZH = (
    "宇部、防府、山口三市的食物垃圾收运至家禽饲料厂。市政府坐标为真实数据；75个商店、餐馆和食堂、车库和工厂均为生成数据，"
    "车辆成本和排放为假设值。全年10,000吨为《绿色循环城市联盟手册》"
    "中山口县的数字；手册建议宇部市单独实施、防府市与山口市联合实施收运计划。")


@transaction.atomic
def load(log=print) -> None:
    from circularcities.coalition.models import City

    city = City.objects.filter(slug="yamaguchi-prefecture").first()
    if city is None:
        log("logistics demo: city yamaguchi-prefecture missing, skipped")
        return
    core, _settings = routing.read_scenario_workbook(DEMO_FILE)
    scenario, _ = m.Scenario.objects.update_or_create(
        city=city, name=NAME, defaults={"published": True, "is_demo": True})
    codes = language_codes()
    save_translations(scenario, {
        "title": {code: text for code, text in TITLES.items() if code in codes},
        "description": {code: text for code, text in (("en", DESCRIPTION_EN), ("zh-hans", DESCRIPTION_ZH))
                        if code in codes}})
    save_core(scenario, core)
    log(f"logistics demo: {scenario.points.count()} collection points, "
        f"{scenario.plans.count()} plans (not solved: press Run)")
