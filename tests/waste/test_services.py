"""The one write path, the import (all or nothing), rates, and the zero-waste indicator set."""

from __future__ import annotations

import pytest

from circularcities.core.errors import DataImportError
from circularcities.core.rules import FieldError
from circularcities.waste.models import WasteStream
from circularcities.waste.services import (
    adopt_zero_waste,
    city_summary,
    import_streams,
    stream_write,
)

pytestmark = pytest.mark.django_db


def test_import_then_rates(city, owner, good_csv):
    result = import_streams(city, good_csv, "streams.csv", owner)
    assert result == {"rows": 3, "changed": 3}
    assert import_streams(city, good_csv, "streams.csv", owner) == {"rows": 3, "changed": 0}
    by_area = {a.area: a for a in city_summary(city)}
    hh = {s.key: dict(s.points) for s in by_area["household"].series}
    assert hh["recycling_rate"] == {2021: 40.0, 2022: 45.0}
    assert hh["landfill_rate"] == {2021: 35.0, 2022: 40.0}
    assert hh["sdg_11_6_1"] == {2021: 95.0, 2022: 100.0}  # min(980, 950)/1000; min(1200, 1200)/1200
    ind = {s.key: dict(s.points) for s in by_area["industrial"].series}
    assert ind["utilisation_rate"] == {2022: 90.0}
    assert WasteStream.objects.get(city=city, translations__name="fly ash").quality == "estimated"


def test_bad_file_imports_nothing_and_names_rows(city, owner, bad_csv):
    with pytest.raises(DataImportError) as exc:
        import_streams(city, bad_csv, "streams.csv", owner)
    where = [(p.row, p.column) for p in exc.value.problems]
    assert where == [(2, "generated_t"), (3, "area"), (4, "ewc_code"), (5, "reuse_t")]
    assert not WasteStream.objects.filter(city=city).exists()


def test_write_path_refuses_unbalanced_and_keeps_unsent_fields(city, owner, stream):
    with pytest.raises(FieldError) as exc:
        stream_write(city=city, user=owner, fields={"landfill_t": 700}, instance=stream)
    assert exc.value.field == "generated_t"
    stream_write(city=city, user=owner, fields={"source": "revised"}, instance=stream)
    stream.refresh_from_db()
    assert (stream.recycling_t, stream.landfill_t, stream.source) == (400, 500, "revised")


def test_adopting_publishes_computed_values_and_targets_get_status(city, owner, good_csv):
    from circularcities.diagnosis.models import IndicatorValue
    from circularcities.planning.services import target_create

    import_streams(city, good_csv, "streams.csv", owner)
    adopt_zero_waste(city=city, user=owner)
    v = IndicatorValue.objects.get(city=city, indicator_id="ZW-HH-RECYCLING", year=2022)
    assert (v.value, v.quality) == (45.0, "computed")
    # baseline 40 % in 2021, 50 % by 2023: trajectory 45 % in 2022, the value is 45 % -> on track
    t = target_create(city=city, user=owner, indicator="ZW-HH-RECYCLING", baseline_year=2021, baseline_value=40,
                      target_year=2023, target_value=50)
    series = {s.key: s for s in next(a for a in city_summary(city) if a.area == "household").series}
    ((target, assessment),) = series["recycling_rate"].targets
    assert target.pk == t.pk and assessment.status.value == "on_track"
    # a change of the streams changes the published value: 2022 recycling drops to 30 %
    s = WasteStream.objects.get(city=city, translations__name="residual household waste", year=2022)
    stream_write(city=city, user=owner, fields={"recycling_t": 360, "landfill_t": 660}, instance=s)
    assert IndicatorValue.objects.get(city=city, indicator_id="ZW-HH-RECYCLING", year=2022).value == 30.0
    series = {s.key: s for s in next(a for a in city_summary(city) if a.area == "household").series}
    assert series["recycling_rate"].targets[0][1].status.value == "off_track"
