"""A small IFC model written by IfcOpenShell for the import tests: a project, a
storey, and three walls — one with a weight, one with a volume and a material
density, one with two material layers and a volume only (so its mass is missing)."""

from __future__ import annotations


def small_model() -> bytes:
    import ifcopenshell
    import ifcopenshell.api

    f = ifcopenshell.file(schema="IFC4")
    project = ifcopenshell.api.run("root.create_entity", f, ifc_class="IfcProject", name="Test")
    ifcopenshell.api.run("unit.assign_unit", f)
    site = ifcopenshell.api.run("root.create_entity", f, ifc_class="IfcSite", name="Site")
    bldg = ifcopenshell.api.run("root.create_entity", f, ifc_class="IfcBuilding", name="Town hall")
    storey = ifcopenshell.api.run("root.create_entity", f, ifc_class="IfcBuildingStorey", name="Ground")
    ifcopenshell.api.run("aggregate.assign_object", f, products=[site], relating_object=project)
    ifcopenshell.api.run("aggregate.assign_object", f, products=[bldg], relating_object=site)
    ifcopenshell.api.run("aggregate.assign_object", f, products=[storey], relating_object=bldg)

    timber = ifcopenshell.api.run("material.add_material", f, name="Timber", category="wood")
    steel = ifcopenshell.api.run("material.add_material", f, name="Steel", category="steel")
    glulam = ifcopenshell.api.run("material.add_material", f, name="Glulam", category="wood")
    pset = ifcopenshell.api.run("pset.add_pset", f, product=glulam, name="Pset_MaterialCommon")
    ifcopenshell.api.run("pset.edit_pset", f, pset=pset, properties={"MassDensity": 450.0})

    def wall(name, material, qto):
        w = ifcopenshell.api.run("root.create_entity", f, ifc_class="IfcWall", name=name)
        ifcopenshell.api.run("spatial.assign_container", f, products=[w], relating_structure=storey)
        ifcopenshell.api.run("material.assign_material", f, products=[w], material=material)
        q = ifcopenshell.api.run("pset.add_qto", f, product=w, name="Qto_WallBaseQuantities")
        ifcopenshell.api.run("pset.edit_qto", f, qto=q, properties=qto)
        return w

    wall("Weighed wall", timber, {"NetWeight": 1200.0, "NetVolume": 3.0})
    wall("Glulam wall", glulam, {"NetVolume": 2.0})
    layers = ifcopenshell.api.run("material.add_material_set", f, name="Sandwich",
                                  set_type="IfcMaterialLayerSet")
    for m, t in ((timber, 0.05), (steel, 0.01)):
        layer = ifcopenshell.api.run("material.add_layer", f, layer_set=layers, material=m)
        ifcopenshell.api.run("material.edit_layer", f, layer=layer, attributes={"LayerThickness": t})
    wall("Layered wall", layers, {"NetVolume": 1.5})
    return f.to_string().encode("utf-8")
