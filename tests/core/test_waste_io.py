"""Reading stream files: junk never escapes as anything but DataImportError; good files read back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import DataImportError
from circularcities.core.waste.catalogue import ewc_codes
from circularcities.core.waste.io import CLI_COLUMNS, IMPORT_COLUMNS, read_rates_file, read_streams

# The rows below are written for these columns (the names in other languages are optional
# columns of their own, tested in tests/waste/test_stream_names.py).
HEADER = ",".join(c for c in IMPORT_COLUMNS if not c.startswith("stream_"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_junk_bytes(data):
    try:
        read_streams(data, "x.csv", ewc_codes=ewc_codes())
    except DataImportError:
        pass


cell = st.one_of(st.text(max_size=8), st.floats(allow_nan=True, allow_infinity=True).map(str),
                 st.integers(-10**12, 10**12).map(str))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cell, min_size=len(CLI_COLUMNS), max_size=len(CLI_COLUMNS)), min_size=1, max_size=4))
def test_junk_rows_are_refused_or_balanced(rows):
    text = ",".join(CLI_COLUMNS) + "\n" + "\n".join(",".join(c.replace(",", " ").replace("\n", " ")
                                                              .replace('"', "") for c in r) for r in rows)
    try:
        out = read_rates_file(text.encode(), "x.csv")
    except DataImportError:
        return
    for r in out:  # whatever was accepted balances within the tolerance and is not negative
        s = r.stream
        assert s.generated_t >= 0 and all(v >= 0 for v in s.routes.values())
        assert s.treated_t <= s.generated_t + 0.001


def test_month_and_quality_and_duplicates():
    body = (HEADER + "\n"
            "MSW,2024,household,100,3,,,,40,,,,60,,,,src,estimated\n"
            "MSW,2024,household,100,3,,,,40,,,,60,,,,src,measured\n")
    with pytest.raises(DataImportError) as exc:
        read_streams(body.encode(), "s.csv")
    assert [(p.row, p.column) for p in exc.value.problems] == [(3, "stream")]
    (row,) = read_streams(body.splitlines(True)[0].encode() + body.splitlines(True)[1].encode(), "s.csv")
    assert (row.stream.month, row.quality, row.stream.route("recycling")) == (3, "estimated", 40)
