"""Waste-stream services: the one write path for streams, the import, the adoption of the
zero-waste indicator set, and the rates a city's pages show.

Every form, API call, import, demo loader and admin action that writes a
stream calls :func:`stream_write`; it checks the figures with
``core.waste.check`` (balance rule included) before anything is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.rules import FieldError
from circularcities.core.waste import (
    AREAS,
    FORMULAS,
    QUALITIES,
    RATE_KEYS,
    ROUTES,
    SOURCES,
    Rates,
    Stream,
)
from circularcities.core.waste import rates as compute_rates
from circularcities.core.waste.catalogue import ewc_codes, zero_waste_catalogue
from circularcities.core.waste.io import read_streams
from circularcities.core.waste.rates import Totals, yearly
from circularcities.core.waste.streams import normalise_ewc
from circularcities.waste.models import CatalogueAdoption, WasteStream
from circularcities.web.content import LEGACY_SUFFIXES

FIGURES = ("generated_t", "collected_t", *(f"{r}_t" for r in ROUTES), "uncontrolled_t", "from_storage_t")
# The stream's name per language (name_en, name_zh, name_ja, name_ko); ``name`` is the English one.
NAMES = tuple(f"name_{sfx}" for sfx in LEGACY_SUFFIXES)
OTHER_NAMES = tuple(n for n in NAMES if n != "name_en")
EDITABLE = ("name", *NAMES, "area", "ewc_code", "year", "month", *FIGURES, "source", "quality")
ZERO_WASTE = "zero-waste-pilot"


def _core(fields: dict) -> Stream:
    routes = {r: fields.get(f"{r}_t") or 0.0 for r in ROUTES}
    # Missing or junk values go in as they are: Stream's checks name the field.
    year: Any = fields.get("year")
    generated: Any = fields.get("generated_t")
    return Stream(stream=fields.get("name") or "", year=year, generated_t=generated,
                  routes=routes, area=fields.get("area") or "", month=fields.get("month") or None,
                  collected_t=fields.get("collected_t"), uncontrolled_t=fields.get("uncontrolled_t") or 0.0,
                  from_storage_t=fields.get("from_storage_t") or 0.0, ewc_code=fields.get("ewc_code") or "")


def check_fields(fields: dict) -> dict:
    """Every rule on a stream's fields (raises FieldError naming the field); the fields normalised."""
    if not fields.get("area"):
        raise FieldError("area", rules.REQUIRED)
    rules.choice("area", fields["area"], AREAS)
    s = _core(fields)
    normalise_ewc(s.ewc_code, ewc_codes())
    quality = fields.get("quality") or "measured"
    rules.choice("quality", quality, QUALITIES)
    out = {"name": s.stream, "area": s.area, "ewc_code": s.ewc_code, "year": s.year, "month": s.month or 0,
           "generated_t": s.generated_t, "collected_t": s.collected_t, "uncontrolled_t": s.uncontrolled_t,
           "from_storage_t": s.from_storage_t, "source": rules.name("source", fields.get("source") or "",
                                                                     max_length=300),
           "quality": quality}
    out.update({f"{r}_t": s.route(r) for r in ROUTES})
    return out


def stream_write(*, city, user, fields: dict, instance: WasteStream | None = None,
                 is_demo: bool = False, publish: bool = True) -> tuple[WasteStream, bool]:
    """Create a stream figure, or change the given fields of ``instance`` (others stay as they are).

    ``name`` (or ``name_en``) is the English name, the key; ``name_zh``, ``name_ja``... are
    its other languages (a language not given keeps its name; an empty one removes it).
    Without ``instance`` an existing figure with the same area, English name, year and
    month is changed (so importing a file twice changes nothing the second
    time). Returns ``(stream, changed)``. Raises FieldError naming the field.
    """
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise FieldError(unknown[0], "This field cannot be changed.")
    fields = dict(fields)
    if "name_en" in fields:
        fields["name"] = fields.pop("name_en")
    others = {k: rules.name(k, fields.pop(k) or "") for k in OTHER_NAMES if k in fields}
    merged = {k: getattr(instance, k) for k in EDITABLE if k not in NAMES} if instance is not None else {}
    if instance is not None:
        merged["name"] = instance.name_en
    merged.update(fields)
    clean = check_fields(merged)
    with transaction.atomic():
        same = _same_stream(city, clean)
        if instance is None:
            instance = same.select_for_update(of=("self",)).first()
        elif same.exclude(pk=instance.pk).exists():
            raise FieldError("name", "This city already has this stream for this year and month.")
        if (instance is not None and all(getattr(instance, k) == v for k, v in clean.items() if k != "name")
                and instance.name_en == clean["name"]
                and all(getattr(instance, k) == v for k, v in others.items())):
            return instance, False
        if instance is None:
            instance = WasteStream(city=city, is_demo=is_demo)
        for k, v in clean.items():
            if k == "name":
                instance.set_text("en", name=v)
            else:
                setattr(instance, k, v)
        instance.updated_by = user
        instance.save()
        for k, text in others.items():
            code = LEGACY_SUFFIXES[k.removeprefix("name_")]
            if text:
                instance.set_text(code, name=text)
            elif code in instance.get_available_languages():
                instance.delete_translation(code)
        if others:
            instance.save_translations()
        if publish:
            publish_rates(city, user)
    return instance, True


def _same_stream(city, clean: dict):
    """The figures of ``city`` with the area, English name, year and month of ``clean``."""
    return WasteStream.objects.filter(city=city, area=clean["area"], year=clean["year"], month=clean["month"],
                                      translations__language_code="en", translations__name=clean["name"])


def stream_delete(*, stream: WasteStream, user) -> None:
    city = stream.city
    with transaction.atomic():
        stream.delete()
        publish_rates(city, user)


def import_streams(city, data: bytes, filename: str, user, report=None) -> dict:
    """Import a streams file all or nothing. Returns ``{"rows": n, "changed": n}``.

    Every row is checked first (raises DataImportError naming each bad row and
    column); then every row is written in one transaction.
    """
    rows = read_streams(data, filename, ewc_codes=ewc_codes())
    if report:
        report(0.3, f"{len(rows)} rows checked.")
    changed = 0
    with transaction.atomic():
        for i, r in enumerate(rows):
            s = r.stream
            fields = {"name": s.stream, **{f"name_{k}": v for k, v in r.names}, "area": s.area, "ewc_code": s.ewc_code, "year": s.year, "month": s.month or 0,
                      "generated_t": s.generated_t, "collected_t": s.collected_t, "uncontrolled_t": s.uncontrolled_t,
                      "from_storage_t": s.from_storage_t, "source": r.source, "quality": r.quality}
            fields.update({f"{k}_t": s.route(k) for k in ROUTES})
            try:
                _, did = stream_write(city=city, user=user, fields=fields, publish=False)
            except FieldError as exc:  # e.g. the same stream twice in different spellings
                raise DataImportError([Problem(exc.text("en"), None, r.line, exc.field)]) from None
            changed += did
            if report and i % 200 == 0:
                report(0.3 + 0.6 * i / max(1, len(rows)), f"{i} / {len(rows)}")
        publish_rates(city, user)
    return {"rows": len(rows), "changed": changed}


# --- the zero-waste indicator set ------------------------------------------------------

def has_adopted(city, catalogue: str = ZERO_WASTE) -> bool:
    return CatalogueAdoption.objects.filter(city=city, catalogue=catalogue).exists()


def adopt_zero_waste(*, city, user) -> CatalogueAdoption:
    """Adopt the zero-waste pilot indicator set: its indicators join the diagnosis catalogue (so the
    city can set targets on them in its action plan) and get values computed from the streams."""
    from circularcities.diagnosis.services import register_indicators

    cat = zero_waste_catalogue()
    with transaction.atomic():
        register_indicators(i.indicator for i in cat.indicators)
        adoption, _ = CatalogueAdoption.objects.get_or_create(city=city, catalogue=cat.slug,
                                                              defaults={"adopted_by": user})
        publish_rates(city, user)
    return adoption


def publish_rates(city, user=None) -> int:
    """Write the computed rates of an adopting city as diagnosis indicator values (quality
    ``computed``), so its planning targets on those indicators are judged on them. Returns how many
    values changed."""
    if not has_adopted(city):
        return 0
    from circularcities.diagnosis.services import set_value

    streams = [s.to_core() for s in WasteStream.objects.filter(city=city)]
    changed = 0
    for ri in zero_waste_catalogue().indicators:
        for year, r in _by_year(streams, ri.area).items():
            value = getattr(r, ri.rate)
            if value is None or r.treated_t == 0:  # no route recorded: treatment unknown
                continue
            _, did = set_value(city, ri.code, year, round(100 * value, 4),
                               source="Computed from the city's waste streams", quality="computed", user=user,
                               via="waste")
            changed += did
    return changed


def _by_year(streams: Iterable[Stream], area: str) -> dict[int, Rates]:
    years: dict[int, list[Stream]] = {}
    for s in yearly(streams):
        if s.area == area:
            years.setdefault(s.year, []).append(s)
    return {y: compute_rates(Totals.of(items, area=area)) for y, items in sorted(years.items())}


# --- what the pages show ------------------------------------------------------------------

@dataclass
class RateSeries:
    key: str
    formula: str
    source: str
    points: list[tuple[int, float]]  # (year, percent)
    indicator_code: str = ""
    targets: list = field(default_factory=list)  # [(target, assessment)]
    note: str = ""  # a caveat the page shows with the rate

    @property
    def latest(self) -> tuple[int, float] | None:
        return self.points[-1] if self.points else None


@dataclass
class AreaSummary:
    area: str
    years: list[int]
    totals: dict[int, Rates]
    series: list[RateSeries]
    streams: list[WasteStream]
    qualities: dict[int, set[str]]

    @property
    def has_rates(self) -> bool:
        """Whether any year records a treatment route (otherwise the treatment is unknown)."""
        return any(s.points for s in self.series)


SHOWN_RATES = {
    "industrial": ("utilisation_rate", "recycling_rate", "energy_recovery_rate", "landfill_rate"),
    "agricultural": ("utilisation_rate", "recycling_rate", "energy_recovery_rate", "landfill_rate"),
    "household": ("recycling_rate", "energy_recovery_rate", "incineration_rate", "landfill_rate", "sdg_11_6_1"),
    "construction_demolition": ("recycling_rate", "landfill_rate", "other_rate"),
    "hazardous": ("recycling_rate", "energy_recovery_rate", "incineration_rate", "landfill_rate"),
}


def city_summary(city) -> list[AreaSummary]:
    """Per area with streams: yearly totals, each shown rate as a series with its formula, and the
    city's planning targets on the indicator computed from that rate with their status."""
    from circularcities.planning.models import Target
    from circularcities.planning.services import assess_targets

    rows = sorted(WasteStream.objects.filter(city=city).prefetch_related("translations"),
                  key=lambda s: (s.area, -s.year, s.name_en.casefold(), s.month))
    cat = zero_waste_catalogue()
    codes = {ri.code for ri in cat.indicators}
    targets = list(Target.objects.filter(city=city, indicator_id__in=codes).select_related("indicator"))
    assessments = assess_targets(targets) if targets else {}
    out = []
    for area in AREAS:
        mine = [s for s in rows if s.area == area]
        if not mine:
            continue
        totals = _by_year([s.to_core() for s in mine], area)
        qualities: dict[int, set[str]] = {}
        for row in mine:
            qualities.setdefault(row.year, set()).add(row.quality)
        series: list[RateSeries] = []
        for key in SHOWN_RATES[area]:
            # A year whose streams record no route at all has its treatment unknown, not 0 % recycled.
            points = [(y, round(100 * getattr(r, key), 2)) for y, r in totals.items()
                      if getattr(r, key) is not None and r.treated_t > 0]
            ri = cat.for_rate(area, key)
            rs = RateSeries(key, FORMULAS[key], SOURCES[key], points, ri.code if ri else "")
            if ri:
                rs.targets = [(t, assessments[t.pk]) for t in targets if t.indicator_id == ri.code]
            if key == "sdg_11_6_1" and any(row.collected_t is None for row in mine):
                rs.note = "collected_unknown"
            series.append(rs)
        out.append(AreaSummary(area, sorted(totals), totals, series, mine, qualities))
    return out


__all__ = ["EDITABLE", "FIGURES", "RATE_KEYS", "adopt_zero_waste", "city_summary", "import_streams",
           "publish_rates", "stream_delete", "stream_write"]
