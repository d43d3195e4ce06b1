"""Read building components from an IFC model with IfcOpenShell.

What the model states is taken: each physical element (its GlobalId, name, IFC
class and classification reference), its materials, and its quantities. Mass is
taken from a weight quantity, or from the model's own volume and material
density; when the model has neither, mass is listed as missing, never guessed.
IFC has no standard property for a material's origin, end-of-use route or
connection type, so those are always listed as missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from circularcities.core.errors import DataImportError, Problem

SKIP = ("IfcOpeningElement", "IfcVirtualElement", "IfcFeatureElement", "IfcSpatialElement",
        "IfcAnnotation", "IfcGrid", "IfcDistributionPort")
MAX_ELEMENTS = 50_000


@dataclass
class IfcComponent:
    reference: str
    name: str
    classification: str
    materials: list[dict[str, Any]]
    """[{material, mass_kg or None}]"""
    quantities: dict[str, float] = field(default_factory=dict)
    quality: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    """figures the model does not give, with why"""


def _materials(el) -> list[Any]:
    import ifcopenshell.util.element as ue

    mat = ue.get_material(el, should_skip_usage=True)
    if mat is None:
        return []
    kind = mat.is_a()
    if kind == "IfcMaterial":
        return [mat]
    if kind == "IfcMaterialLayerSet":
        return [layer.Material for layer in mat.MaterialLayers if layer.Material]
    if kind == "IfcMaterialConstituentSet":
        return [c.Material for c in (mat.MaterialConstituents or []) if c.Material]
    if kind == "IfcMaterialProfileSet":
        return [p.Material for p in mat.MaterialProfiles if p.Material]
    if kind == "IfcMaterialList":
        return list(mat.Materials)
    return []


def _quantities(el) -> dict[str, float]:
    import ifcopenshell.util.element as ue

    out: dict[str, float] = {}
    for qto in ue.get_psets(el, qtos_only=True).values():
        for key, value in qto.items():
            if key != "id" and isinstance(value, int | float) and not isinstance(value, bool):
                out.setdefault(key, float(value))
    return out


def _density(material) -> float | None:
    import ifcopenshell.util.element as ue

    psets = ue.get_psets(material)
    value = psets.get("Pset_MaterialCommon", {}).get("MassDensity")
    return float(value) if isinstance(value, int | float) and value > 0 else None


def read_ifc(data: bytes, filename: str = "model.ifc") -> list[IfcComponent]:
    """Every physical element of the model as an :class:`IfcComponent`."""
    import ifcopenshell
    import ifcopenshell.util.unit as uu

    try:
        model = ifcopenshell.file.from_string(data.decode("utf-8", errors="strict"))
        elements = [e for e in model.by_type("IfcElement") if not any(e.is_a(s) for s in SKIP)]
    except (UnicodeDecodeError, RuntimeError, ValueError, SyntaxError) as exc:
        raise DataImportError([Problem(f"Expected an IFC file (STEP text): {str(exc)[:200]}",
                                       filename)]) from exc
    if not elements:
        raise DataImportError([Problem("The model has no building elements.", filename)])
    if len(elements) > MAX_ELEMENTS:
        raise DataImportError([Problem(f"Expected at most {MAX_ELEMENTS} elements; the model "
                                       f"has {len(elements)}.", filename)])
    try:
        volume_scale = uu.calculate_unit_scale(model, "VOLUMEUNIT")
        mass_scale = uu.calculate_unit_scale(model, "MASSUNIT")
    except Exception:  # a model without units: SI as IFC's default
        volume_scale = mass_scale = 1.0
    out = []
    for el in elements:
        mats = _materials(el)
        q = _quantities(el)
        refs = [r.RelatingClassification for r in getattr(el, "HasAssociations", [])
                if r.is_a("IfcRelAssociatesClassification")]
        code = next((getattr(r, "Identification", None) or getattr(r, "ItemReference", None)
                     for r in refs), None)
        comp = IfcComponent(reference=el.GlobalId, name=el.Name or "",
                            classification=code or el.is_a(), materials=[], quantities=q)
        weight = q.get("NetWeight") or q.get("GrossWeight") or q.get("Weight")
        volume = q.get("NetVolume") or q.get("GrossVolume") or q.get("Volume")
        names = [m.Name or "?" for m in mats] or ["?"]
        if not mats:
            comp.missing.append("material: the model assigns none")
        if weight and len(names) == 1:
            comp.materials = [{"material": names[0], "mass_kg": weight * mass_scale}]
            comp.quality["mass"] = "estimated"
        elif volume and len(mats) == 1 and _density(mats[0]):
            comp.materials = [{"material": names[0],
                               "mass_kg": volume * volume_scale * (_density(mats[0]) or 0)}]
            comp.quality["mass"] = "estimated"
        else:
            comp.materials = [{"material": n, "mass_kg": None} for n in names]
            why = ("the model gives a weight for the whole element, not per material"
                   if weight else f"the model gives a volume ({volume * volume_scale:.3f} m³) but "
                   "no material density" if volume else "the model gives no weight or volume")
            comp.missing.append(f"mass: {why}")
        comp.missing += ["origin: IFC has no property for it",
                         "reusable and recyclable shares: IFC has no property for them",
                         "connection type and accessibility: IFC has no property for them"]
        out.append(comp)
    return out
