"""Environmental data for the comparison, read from real formats.

* openEPD JSON, validated by the maintained ``openepd`` package (C Change Labs);
* ILCD+EPD JSON (as served by ÖKOBAUDAT / soda4LCA), converted to EPDx by the
  maintained ``epdx`` package;
* a generic-data table with its source, for items without an EPD; every value
  from it is marked generic.

Each reader returns :class:`EpdData`: GWP per EN 15804 module per declared
unit, the declared unit, mass per declared unit and reference service life.
:func:`lines_for` turns a quantity into module lines after checking units: a
quantity in another unit than the declared one is an error naming the item,
never a silent conversion.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.procurement.lifecycle import ModuleLine
from circularcities.core.procurement.modules import MODULES, module_code, unit_code
from circularcities.core.tables import Limits, read_table

MAX_EPD_BYTES = 5 * 1024 * 1024
"""Largest EPD document read (ÖKOBAUDAT datasets are tens of kB)."""


@dataclass(frozen=True)
class EpdData:
    """GWP of one product per declared unit, by module (kg CO2e per declared unit).

    ``mass_kg_per_unit`` and ``service_life_years`` are ``None`` when the
    document does not state them. ``generic`` marks data that is not the
    product's own (a generic table, an industry average).
    """

    name: str
    declared_unit: str
    gwp_by_module: dict[str, float]
    source: str
    mass_kg_per_unit: float | None = None
    service_life_years: float | None = None
    valid_until: dt.date | None = None
    generic: bool = False
    format: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not unit_code(self.declared_unit):
            raise ValidationError(f"EPD {self.name!r}: expected its declared unit.")
        object.__setattr__(self, "declared_unit", unit_code(self.declared_unit))
        if not self.gwp_by_module:
            raise ValidationError(f"EPD {self.name!r}: no global warming potential (GWP) per module "
                                  f"was found.")
        for m, v in self.gwp_by_module.items():
            if m not in MODULES or not math.isfinite(v):
                raise ValidationError(f"EPD {self.name!r}: bad GWP value {v!r} for module {m!r}.")


def lines_for(epd: EpdData, *, item: str, quantity: float, unit: str,
              mass_kg_per_unit: float | None = None, modules: tuple[str, ...] | None = None
              ) -> tuple[ModuleLine, ...]:
    """Module lines for ``quantity`` ``unit`` of the product of ``epd``.

    Raises ValidationError naming ``item`` when ``unit`` is not the declared
    unit, or when ``mass_kg_per_unit`` (what the project assumes) differs from
    the EPD's by more than 1 %.
    """
    unit = unit_code(unit)
    if unit != epd.declared_unit:
        hint = (f" (the EPD states {epd.mass_kg_per_unit:g} kg per {epd.declared_unit}: convert the "
                f"quantity yourself and say so)" if epd.mass_kg_per_unit else "")
        raise ValidationError(f"Item {item!r}: the quantity is in {unit} but EPD {epd.name!r} is "
                              f"declared per {epd.declared_unit}{hint}.")
    if mass_kg_per_unit is not None and epd.mass_kg_per_unit is not None:
        if abs(mass_kg_per_unit - epd.mass_kg_per_unit) > 0.01 * epd.mass_kg_per_unit:
            raise ValidationError(f"Item {item!r}: the project assumes {mass_kg_per_unit:g} kg per "
                                  f"{unit} but EPD {epd.name!r} states {epd.mass_kg_per_unit:g} kg.")
    wanted = modules or tuple(epd.gwp_by_module)
    kind = "generic" if epd.generic else "EPD"
    return tuple(ModuleLine(m, quantity, unit, epd.gwp_by_module[m], f"{kind}: {epd.source}",
                            epd.generic) for m in MODULES if m in wanted and m in epd.gwp_by_module)


def _add(by_module: dict[str, float], module: str | None, value: Any) -> None:
    if module is None or value is None:
        return
    by_module[module] = by_module.get(module, 0.0) + float(value)


def _load_json(data: bytes | str | dict, what: str) -> Any:
    if isinstance(data, dict):
        return data
    if len(data) > MAX_EPD_BYTES:
        raise DataImportError([Problem(f"The {what} document is larger than "
                                       f"{MAX_EPD_BYTES // 1024 // 1024} MB.")])
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataImportError([Problem(f"The {what} document is not valid JSON: {exc}.")]) from None


# --- openEPD --------------------------------------------------------------------------------

_OPENEPD_SPLIT = {"A1": "A1-A3", "A2": "A1-A3", "A3": "A1-A3"}


def read_openepd(data: bytes | str | dict) -> EpdData:
    """Read an openEPD document with the ``openepd`` package (validated by its schema).

    GWP is taken from the first LCIA method that declares it; A1, A2, A3 given
    separately are summed into A1-A3 (when A1A2A3 is absent).
    """
    import pydantic
    from openepd.model.epd import Epd

    raw = _load_json(data, "openEPD")
    try:
        epd = Epd.model_validate(raw)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise DataImportError([Problem(f"Not a valid openEPD document: {where}: {first.get('msg')}.")]) from None
    name = epd.product_name or epd.name or getattr(epd, "id", None) or "openEPD"
    if epd.declared_unit is None or not epd.declared_unit.unit:
        raise DataImportError([Problem(f"openEPD {name!r}: no declared unit.")])
    qty = epd.declared_unit.qty or 1.0
    by_module: dict[str, float] = {}
    method = ""
    for m, impact_set in (epd.impacts.root.items() if epd.impacts else []):
        gwp = getattr(impact_set, "gwp", None)
        if gwp is None:
            continue
        values = gwp.model_dump(exclude_none=True)
        method = str(getattr(m, "value", m))
        for key, measurement in values.items():
            if not isinstance(measurement, dict) or "mean" not in measurement:
                continue
            unit = str(measurement.get("unit", "kgCO2e")).replace(" ", "")
            if unit.lower() not in ("kgco2e", "kgco2eq"):
                raise DataImportError([Problem(f"openEPD {name!r}: GWP of {key} is in {unit}; "
                                               f"expected kgCO2e.")])
            if key == "A1A2A3":
                _add(by_module, "A1-A3", measurement["mean"])
            elif key in _OPENEPD_SPLIT:
                if "A1A2A3" not in values:
                    _add(by_module, "A1-A3", measurement["mean"])
            else:
                _add(by_module, module_code(key), measurement["mean"])
        break
    if not by_module:
        raise DataImportError([Problem(f"openEPD {name!r}: no GWP per module found in its impacts.")])
    if qty != 1.0:  # values are per declared unit of qty units: per one unit they are divided
        by_module = {k: v / qty for k, v in by_module.items()}
    mass = None
    if epd.kg_per_declared_unit is not None and epd.kg_per_declared_unit.qty:
        mass = float(epd.kg_per_declared_unit.qty) / qty
    valid = epd.valid_until.date() if epd.valid_until else None
    source = f"openEPD {name}" + (f", {method}" if method else "")
    return EpdData(name=name, declared_unit=str(epd.declared_unit.unit), gwp_by_module=by_module,
                   source=source, mass_kg_per_unit=mass,
                   service_life_years=epd.product_service_life_years, valid_until=valid,
                   format="openEPD")


# --- ILCD+EPD via EPDx -----------------------------------------------------------------------

_EPDX_UNITS = {"M": "m", "M2": "m2", "M3": "m3", "KG": "kg", "TONES": "t", "PCS": "piece", "L": "l",
               "KM": "km", "TONES_KM": "t·km"}
_EPDX_MODULES = {"a1a3": "A1-A3", "a4": "A4", "a5": "A5", "b1": "B1", "b2": "B2", "b3": "B3",
                 "b4": "B4", "b5": "B5", "b6": "B6", "b7": "B7", "c1": "C1", "c2": "C2", "c3": "C3",
                 "c4": "C4", "d": "D"}


def read_ilcd(data: bytes | str | dict) -> EpdData:
    """Read an ILCD+EPD JSON dataset with the ``epdx`` package (converted to EPDx)."""
    import epdx

    raw = _load_json(data, "ILCD+EPD")
    try:
        doc = epdx.convert_ilcd(json.dumps(raw))
    except Exception as exc:  # epdx raises ParsingException, or TypeError from its Rust core
        raise DataImportError([Problem(f"Not an ILCD+EPD dataset epdx can read: {exc}.")]) from None
    name = doc.get("name") or doc.get("id") or "ILCD+EPD"
    unit = _EPDX_UNITS.get(str(doc.get("declared_unit")))
    if unit is None:
        raise DataImportError([Problem(f"ILCD+EPD {name!r}: declared unit "
                                       f"{doc.get('declared_unit')!r} is not known.")])
    gwp = doc.get("gwp") or {}
    by_module = {_EPDX_MODULES[k]: float(v) for k, v in gwp.items() if v is not None and k in _EPDX_MODULES}
    if not by_module:
        raise DataImportError([Problem(f"ILCD+EPD {name!r}: no global warming potential (GWP) results.")])
    mass = None
    if unit != "kg":
        for conv in doc.get("conversions") or []:
            if conv.get("to") == "KG" and conv.get("value"):
                mass = float(conv["value"])
                break
    valid = None
    if doc.get("valid_until"):
        v = doc["valid_until"]
        valid = (dt.datetime.fromtimestamp(v, dt.UTC).date() if isinstance(v, int | float)
                 else dt.date.fromisoformat(str(v)[:10]))
    rsl = doc.get("reference_service_life")
    return EpdData(name=name, declared_unit=unit, gwp_by_module=by_module,
                   source=f"ILCD+EPD {name} ({doc.get('standard', '')}, {doc.get('location', '')})",
                   mass_kg_per_unit=mass, service_life_years=float(rsl) if rsl else None,
                   valid_until=valid, generic=str(doc.get("subtype")) == "Generic", format="ILCD+EPD")


# --- generic-data table -----------------------------------------------------------------------

GENERIC_COLUMNS = ("material", "module", "declared_unit", "kgco2e_per_unit", "source")
GENERIC_OPTIONAL = ("mass_kg_per_unit", "service_life_years")


def read_generic_table(data: bytes, filename: str = "generic.csv", *,
                       limits: Limits | None = None) -> dict[str, EpdData]:
    """Generic factors per material (one row per material and module), each with its source.

    Every value read here is marked ``generic``. Raises DataImportError listing
    every bad row.
    """
    table = read_table(data, filename, None, GENERIC_COLUMNS, GENERIC_OPTIONAL, limits=limits)
    problems: list[Problem] = []
    found: dict[str, dict[str, Any]] = {}
    for row in table.rows:
        material = row["material"].strip()
        module = module_code(row["module"])
        unit = unit_code(row["declared_unit"])
        source = row["source"].strip()
        n = len(problems)
        if not material:
            problems.append(table.problem("Expected the material.", row.number, "material"))
        if module is None:
            problems.append(table.problem(f"'{row['module']}' is not an EN 15804 module.", row.number,
                                          "module"))
        if not unit:
            problems.append(table.problem("Expected the declared unit.", row.number, "declared_unit"))
        if not source:
            problems.append(table.problem("Expected the source of the value.", row.number, "source"))
        try:
            value = float(row["kgco2e_per_unit"])
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            problems.append(table.problem(f"'{row['kgco2e_per_unit']}' is not a number.", row.number,
                                          "kgco2e_per_unit"))
            continue
        if len(problems) > n or module is None:
            continue
        entry = found.setdefault(material, {"unit": unit, "by": {}, "sources": set(), "row": row.number,
                                            "mass": row.value("mass_kg_per_unit"),
                                            "rsl": row.value("service_life_years")})
        if entry["unit"] != unit:
            problems.append(table.problem(f"Material {material!r} is declared per {entry['unit']} on "
                                          f"row {entry['row']} and per {unit} here.", row.number,
                                          "declared_unit"))
            continue
        _add(entry["by"], module, value)
        entry["sources"].add(source)
    if problems:
        raise DataImportError(problems)
    out = {}
    for material, e in found.items():
        out[material] = EpdData(name=material, declared_unit=e["unit"], gwp_by_module=e["by"],
                                source="; ".join(sorted(e["sources"])),
                                mass_kg_per_unit=float(e["mass"]) if e["mass"] is not None else None,
                                service_life_years=float(e["rsl"]) if e["rsl"] is not None else None,
                                generic=True, format="generic")
    return out


def generic_from_factor_table(material: str, *, supply_route: str = "primary_production",
                              end_of_life_route: str | None = "landfill",
                              factor_set: str = "DEFRA-2025") -> EpdData:
    """Generic data per tonne from the platform's packaged factor table (DESNZ/DEFRA):
    the material-use factor as A1-A3 and, when given, the waste-disposal factor of the
    end-of-life route as C4 (landfill) or C3 (any other route). Marked generic.

    Raises ValidationError when the table publishes no such factor (never a silent zero).
    """
    from circularcities.core.lca import choose_factor_set

    fs = choose_factor_set(factor_set)
    supply = fs.get("material_use", material, supply_route)
    if supply is None:
        raise ValidationError(f"{fs.source} publishes no {supply_route} factor for {material!r}.")
    by_module = {"A1-A3": supply.kg_co2e_per_t}
    ids = [supply.factor_id]
    if end_of_life_route:
        eol = fs.get("waste_disposal", material, end_of_life_route)
        if eol is None:
            raise ValidationError(f"{fs.source} publishes no {end_of_life_route} factor for {material!r}.")
        by_module["C4" if end_of_life_route == "landfill" else "C3"] = eol.kg_co2e_per_t
        ids.append(eol.factor_id)
    return EpdData(name=f"{material} ({supply_route.replace('_', ' ')})", declared_unit="t",
                   gwp_by_module=by_module, source=f"{fs.source}, factor {', '.join(i for i in ids if i)}",
                   mass_kg_per_unit=1000.0, generic=True, format="generic")
