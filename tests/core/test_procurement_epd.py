"""EPD readers: openEPD (openepd package), ILCD+EPD (epdx package), generic table;
unit checks name the item and never convert."""

import datetime as dt
import json

import pytest

from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.procurement import lines_for, read_generic_table, read_ilcd, read_openepd


def openepd_doc(**over):
    doc = {"doctype": "openEPD", "product_name": "Glulam beam GL24h",
           "declared_unit": {"qty": 1, "unit": "m3"}, "kg_per_declared_unit": {"qty": 470, "unit": "kg"},
           "product_service_life_years": 60, "valid_until": "2030-01-01T00:00:00Z",
           "impacts": {"EF 3.0": {"gwp": {"A1A2A3": {"mean": 120.5, "unit": "kgCO2e"},
                                          "A4": {"mean": 4.5, "unit": "kgCO2e"},
                                          "C3": {"mean": 5, "unit": "kgCO2e"},
                                          "D": {"mean": -300, "unit": "kgCO2e"}}}}}
    doc.update(over)
    return doc


def vl(v):
    return [{"value": v, "lang": "en"}]


def ilcd_doc(unit="m3", gwp=(("A1-A3", "0.25"), ("A4", "0.01"), ("C4", "0.002"), ("D", "-0.05"))):
    return {
        "processInformation": {
            "dataSetInformation": {"UUID": "0e85f255-0000-4000-8000-000000000001",
                                   "name": {"baseName": vl("Clay brick")}},
            "time": {"referenceYear": 2020, "dataSetValidUntil": 2025},
            "geography": {"locationOfOperationSupplyOrProduction": {"location": "DK"}}},
        "modellingAndValidation": {
            "LCIMethodAndAllocation": {"other": {"anies": [{"name": "subType", "value": "specific dataset"}]}},
            "complianceDeclarations": {"compliance": [{"referenceToComplianceSystem": {
                "shortDescription": vl("EN 15804+A2"), "type": "source data set", "version": "1"}}]}},
        "exchanges": {"exchange": [{
            "referenceToFlowDataSet": {"shortDescription": vl("Clay brick"), "type": "flow data set"},
            "referenceFlow": True, "meanAmount": 1.0,
            "flowProperties": [{"name": vl("Volume"), "uuid": "93a60a56-a3c8-22da-a746-0800200c9a66",
                                "meanValue": 1.0, "referenceFlowProperty": True, "referenceUnit": unit}],
            "materialProperties": [{"name": "gross density", "value": "1800", "unit": "kg/m^3"}]}]},
        "LCIAResults": {"LCIAResult": [{
            "referenceToLCIAMethodDataSet": {"shortDescription": vl("Global warming potential (GWP)")},
            "other": {"anies": [{"module": m, "value": v} for m, v in gwp]}}]},
        "version": "1.1",
    }


def test_openepd_modules_units_and_service_life():
    epd = read_openepd(json.dumps(openepd_doc()).encode())
    assert epd.declared_unit == "m3" and epd.mass_kg_per_unit == 470 and epd.service_life_years == 60
    assert epd.gwp_by_module == {"A1-A3": 120.5, "A4": 4.5, "C3": 5.0, "D": -300.0}
    assert epd.valid_until == dt.date(2030, 1, 1) and not epd.generic
    lines = lines_for(epd, item="roof beams", quantity=150, unit="m³")
    assert [(ln.module, ln.kgco2e) for ln in lines] == [("A1-A3", 150 * 120.5), ("A4", 150 * 4.5),
                                                        ("C3", 750), ("D", -45000)]


def test_openepd_split_a1_a2_a3_summed_and_declared_qty_divided():
    doc = openepd_doc(declared_unit={"qty": 2, "unit": "m3"},
                      impacts={"EF 3.0": {"gwp": {"A1": {"mean": 10, "unit": "kgCO2e"},
                                                  "A2": {"mean": 2, "unit": "kgCO2e"},
                                                  "A3": {"mean": 8, "unit": "kgCO2e"}}}})
    epd = read_openepd(doc)
    assert epd.gwp_by_module == {"A1-A3": pytest.approx(10.0)}  # 20 per 2 m3
    assert epd.mass_kg_per_unit == pytest.approx(235)


def test_openepd_junk_rejected():
    with pytest.raises(DataImportError, match="not valid JSON"):
        read_openepd(b"{not json")
    with pytest.raises(DataImportError, match="no GWP"):
        read_openepd(openepd_doc(impacts={}))


def test_unit_mismatch_is_an_error_naming_the_item():
    epd = read_openepd(openepd_doc())
    with pytest.raises(ValidationError, match="Item 'roof beams'.*in t.*declared per m3.*470 kg"):
        lines_for(epd, item="roof beams", quantity=70, unit="t")
    with pytest.raises(ValidationError, match="Item 'roof beams'.*assumes 500 kg per m3.*470"):
        lines_for(epd, item="roof beams", quantity=150, unit="m3", mass_kg_per_unit=500)


def test_ilcd_through_epdx():
    epd = read_ilcd(json.dumps(ilcd_doc()))
    assert epd.format == "ILCD+EPD" and epd.name == "Clay brick"
    assert epd.gwp_by_module == {"A1-A3": 0.25, "A4": 0.01, "C4": 0.002, "D": -0.05}
    assert epd.source.startswith("ILCD+EPD Clay brick")
    with pytest.raises(DataImportError, match="ILCD"):
        read_ilcd({"processInformation": {}})


def test_generic_table_values_are_marked_generic():
    csv = (b"material,module,declared_unit,kgco2e_per_unit,source,mass_kg_per_unit\n"
           b"Bricks,A1-A3,t,241.79306,DESNZ/DEFRA GHG conversion factors 2025,\n"
           b"Bricks,C4,t,1.26338,DESNZ/DEFRA GHG conversion factors 2025,\n")
    data = read_generic_table(csv)
    bricks = data["Bricks"]
    assert bricks.generic and bricks.gwp_by_module == {"A1-A3": 241.79306, "C4": 1.26338}
    lines = lines_for(bricks, item="wall", quantity=300, unit="t")
    assert all(ln.generic and ln.source.startswith("generic: DESNZ") for ln in lines)


def test_generic_table_bad_rows_all_reported():
    csv = (b"material,module,declared_unit,kgco2e_per_unit,source\n"
           b"Bricks,A9,t,1,x\n,A4,t,abc,\nBricks,A1-A3,t,1,x\nBricks,C4,m3,1,x\n")
    with pytest.raises(DataImportError) as e:
        read_generic_table(csv)
    text = str(e.value) + " ".join(str(p) for p in e.value.problems)
    assert "Row 2" in text and "A9" in text and "Row 3" in text and "per t on row 4" in text


def test_generic_data_from_the_packaged_defra_table():
    from circularcities.core.procurement import generic_from_factor_table

    bricks = generic_from_factor_table("Bricks")
    assert bricks.generic and bricks.declared_unit == "t"
    assert bricks.gwp_by_module == {"A1-A3": pytest.approx(241.79306), "C4": pytest.approx(1.26338)}
    assert "DESNZ/DEFRA" in bricks.source and "19_500_5016_15_1" in bricks.source
    with pytest.raises(ValidationError, match="publishes no reuse factor for 'Bricks'"):
        generic_from_factor_table("Bricks", supply_route="reuse")
