"""Reading flows from CSV (fixtures in tests/data)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from circularcities.core.errors import DataImportError
from circularcities.core.mfa import read_flows_csv

DATA = Path(__file__).resolve().parents[1] / "data"


def test_reads_flows_and_stock_changes():
    model = read_flows_csv(DATA / "flows_small.csv")
    assert len(model.flows) == 8 and len(model.stock_changes) == 2
    assert model.imbalances() == []


def test_reads_from_streams():
    text = (DATA / "flows_small.csv").read_text()
    assert len(read_flows_csv(io.StringIO(text)).flows) == 8
    assert len(read_flows_csv(io.BytesIO(text.encode())).flows) == 8


def test_every_bad_row_is_reported():
    with pytest.raises(DataImportError) as info:
        read_flows_csv(DATA / "flows_bad_rows.csv")
    located = {(p.row, p.column) for p in info.value.problems}
    assert located == {(3, "origin"), (4, "year"), (5, "value"), (6, "unit"), (7, "value")}


def test_missing_columns_and_bad_kind():
    with pytest.raises(DataImportError) as info:
        read_flows_csv(io.StringIO("origin,destination,year\n"))
    assert {p.column for p in info.value.problems} == {"layer", "material", "value", "unit"}
    with pytest.raises(DataImportError, match="kind"):
        read_flows_csv(io.StringIO("kind,origin,destination,year,layer,material,value,unit\n"
                                   "oops,imports,consumption,2020,material,x,1,t\n"))
