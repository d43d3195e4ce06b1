"""Importing a city's diagnosis data (Excel workbook or CSV files): one service for
uploads, the API and the demo.

- Reading and validating is done by :mod:`circularcities.core.diagnosis_io`: every
  problem names the sheet, the row and the column; if there is any, nothing is written.
- Writing is all or nothing (one transaction).
- A file whose checksum was already imported for the city changes nothing. A different
  file with the same content changes nothing either: rows are compared with what is
  stored and only differences are written (and indicator changes enter the history).
- Flows and stock changes of each (year, layer) present in the file replace the stored
  ones of that year and layer; other years and layers are left alone.
- Indicators the metabolism model can compute are computed from it (quality
  ``computed``) after the import; a value that a person typed or uploaded with another
  quality flag is never overwritten by the computation.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.diagnosis_io import COLUMNS, DiagnosisData, read_csv_files, read_workbook
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.indicators import FORMULAS, CityFacts, compute_indicators
from circularcities.core.mfa import CityMetabolism, Flow, StockChange
from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import (
    CityPopulation,
    DataUpload,
    Indicator,
    IndicatorValue,
    MaturityAssessment,
    MetabolismFlow,
    MetabolismStock,
    Quality,
)
from circularcities.diagnosis.services import set_value, sync_catalogue
from circularcities.web import import_summary

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
TYPED = {Quality.MEASURED, Quality.ESTIMATED, Quality.PROXY}


@dataclass
class ReadFile:
    """A validated upload: the data, and what identifies the file."""

    data: DiagnosisData
    file_name: str
    checksum: str
    kind: str
    empty_sheets: list[str] = field(default_factory=list)


def _checksum(parts: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for name, blob in parts:
        if len(parts) > 1:
            h.update(name.encode() + b"\0")
        h.update(blob)
    return h.hexdigest()


def NOT_XLSX() -> str:  # noqa: N802 - reads like the constant sentence it is
    return _("This file is not an Excel workbook (.xlsx). Download the template and save your data in it.")


def is_xlsx(blob: bytes) -> bool:
    """Whether ``blob`` looks like an Excel workbook: a zip archive with the OOXML content types."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            return "[Content_Types].xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def read_files(files: list[tuple[str, bytes]]) -> ReadFile:
    """Validate uploaded files: one ``.xlsx`` workbook, or CSV files named after sheets.

    ``files`` are ``(file name, content)``. CSV files are named ``flows.csv``,
    ``stocks.csv``, ``indicators.csv``, ``maturity.csv``; sheets not given are empty.

    Raises
    ------
    DataImportError
        With every problem (sheet, row, column); nothing is returned then.
    """
    if not files:
        raise DataImportError([Problem("Expected a file: an .xlsx workbook or CSV files.")])
    for name, blob in files:
        if len(blob) > MAX_UPLOAD_BYTES:
            raise DataImportError([Problem(f"Expected a file of at most 10 MB; {name} is larger.")])
    names = [os.path.basename(n) for n, _ in files]
    lower = [n.lower() for n in names]
    if len(files) == 1 and lower[0].endswith(".xlsx"):
        if not is_xlsx(files[0][1]):
            raise DataImportError([Problem(NOT_XLSX())])
        data = read_workbook(io.BytesIO(files[0][1]))
        return ReadFile(data, names[0], _checksum(files), "xlsx")
    if all(n.endswith(".csv") for n in lower):
        sheets: dict[str, io.BytesIO] = {}
        for name, (_, blob) in zip(lower, files, strict=True):
            stem = name[:-4]
            if stem not in COLUMNS:
                raise DataImportError([Problem(
                    f"Expected CSV files named {', '.join(s + '.csv' for s in COLUMNS)}; got {name!r}.")])
            if stem in sheets:
                raise DataImportError([Problem(f"Expected one file per sheet; {name} is given twice.",
                                               sheet=stem)])
            sheets[stem] = io.BytesIO(blob)
        empty = [s for s in COLUMNS if s not in sheets]
        for s in empty:
            sheets[s] = io.BytesIO((",".join(COLUMNS[s]) + "\n").encode())
        data = read_csv_files(sheets)
        ordered = sorted(zip(lower, (b for _, b in files), strict=True))
        return ReadFile(data, ", ".join(sorted(names)), _checksum(ordered), "csv", empty)
    raise DataImportError([Problem("Expected an Excel .xlsx workbook or CSV files (flows.csv, stocks.csv, "
                                   f"indicators.csv, maturity.csv); got {', '.join(names)}.")])


@dataclass
class ImportResult:
    """What an import did. ``already`` is the earlier upload of the same file, if any."""

    upload: DataUpload | None
    already: DataUpload | None = None
    counts: dict = field(default_factory=dict)
    imbalances: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        if self.already is not None:
            return False
        return any(part.get(k) for part in self.counts.values() for k in ("created", "changed", "removed"))


def _count():
    return {"created": 0, "changed": 0, "removed": 0, "unchanged": 0}


def _sync_rows(model, city, rows, key_of_row, fields_of_row, upload) -> dict:
    """Upsert ``rows`` by key; delete stored rows of the same (year, layer) missing from the file."""
    counts = _count()
    if not rows:
        return counts
    pairs = {(r.year, r.layer) for r in rows}
    stored = {obj.key(): obj for obj in model.objects.filter(city=city, year__in={y for y, _ in pairs})
              if (obj.year, obj.layer) in pairs}
    create, update, seen = [], [], set()
    for r in rows:
        key, values = key_of_row(r), fields_of_row(r)
        seen.add(key)
        obj = stored.get(key)
        if obj is None:
            create.append(model(city=city, upload=upload, **dict(zip(_key_fields(model), key, strict=True)), **values))
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
            obj.upload = upload
            update.append(obj)
        else:
            counts["unchanged"] += 1
    gone = [obj.pk for key, obj in stored.items() if key not in seen]
    model.objects.bulk_create(create, batch_size=500)
    if update:
        model.objects.bulk_update(update, ["value", "unit", "source", "quality", "upload"], batch_size=500)
    if gone:
        model.objects.filter(pk__in=gone).delete()
    counts.update(created=len(create), changed=len(update), removed=len(gone))
    return counts


def _key_fields(model):
    if model is MetabolismFlow:
        return ("origin", "destination", "year", "layer", "material")
    return ("process", "year", "layer", "material")


def import_file(city, read: ReadFile, *, user=None, via: str = "upload") -> ImportResult:
    """Write a validated file into ``city``'s diagnosis, all or nothing."""
    with transaction.atomic():
        earlier = (DataUpload.objects.select_related("uploaded_by")
                   .filter(city=city, checksum=read.checksum).order_by("uploaded_at").first())
        if earlier is not None:
            return ImportResult(upload=None, already=earlier)
        upload = DataUpload.objects.create(city=city, file_name=read.file_name[:255], checksum=read.checksum,
                                           kind=read.kind, uploaded_by=user, via=via)
        result = import_data(city, read.data, user=user, via=via, upload=upload)
        upload.summary = {"counts": result.counts, "imbalances": result.imbalances[:20],
                          "empty_sheets": read.empty_sheets}
        upload.save(update_fields=["summary"])
        return result


def import_data(city, data: DiagnosisData, *, user=None, via: str = "upload", upload=None) -> ImportResult:
    """Write ``data`` (already validated) for ``city``; see the module docstring."""
    if not Indicator.objects.exists():
        sync_catalogue()
    _check_bounds(data)
    with transaction.atomic():
        counts = {
            "flows": _sync_rows(
                MetabolismFlow, city, data.flows,
                lambda r: (r.origin, r.destination, r.year, r.layer, r.material),
                lambda r: {"value": r.value, "unit": r.unit, "source": r.source[:300], "quality": r.quality},
                upload),
            "stocks": _sync_rows(
                MetabolismStock, city, data.stocks,
                lambda r: (r.process, r.year, r.layer, r.material),
                lambda r: {"value": r.stock_change, "unit": r.unit, "source": r.source[:300],
                           "quality": r.quality},
                upload),
            "maturity": _import_assessments(city, data, user, upload),
            "indicators": _import_indicators(city, data, user, via),
        }
        computed = recompute_indicators(city, user=user)
        counts["computed"] = computed["counts"]
        return ImportResult(upload=upload, counts=counts, imbalances=computed["imbalances"])


def _check_bounds(data: DiagnosisData) -> None:
    """Refuse shares outside 0..100, absurd magnitudes and assessment dates outside 1990..today."""
    units = dict(Indicator.objects.values_list("code", "unit"))
    problems = []
    for row in data.indicators:
        try:
            rules.indicator_value("value", units.get(row.indicator_code, ""), row.value)
        except FieldError as exc:
            problems.append(Problem(f"{row.indicator_code} {row.year}: {exc.text()}", sheet="indicators",
                                    column="value"))
    for a in {m.assessment_date for m in data.maturity}:
        try:
            rules.date("assessment_date", a, not_future=True)
        except FieldError as exc:
            problems.append(Problem(exc.text(), sheet="maturity",
                                    column="assessment_date"))
    if problems:
        raise DataImportError(problems)


def _import_assessments(city, data: DiagnosisData, user, upload) -> dict:
    counts = _count()
    stored = {(a.subject, a.date): a for a in MaturityAssessment.objects.filter(city=city)}
    for a in data.assessments():
        obj = stored.get((a.subject, a.date))
        levels, notes = dict(a.levels), dict(a.notes)
        if obj is None:
            MaturityAssessment.objects.create(city=city, subject=a.subject, date=a.date, levels=levels,
                                              notes=notes, assessor=user, upload=upload)
            counts["created"] += 1
        elif obj.levels != levels or (obj.notes or {}) != notes:
            obj.levels, obj.notes, obj.assessor, obj.upload = levels, notes, user, upload
            obj.save()
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def _import_indicators(city, data: DiagnosisData, user, via) -> dict:
    counts = _count() | {"left_to_model": 0}
    model_years = {f.year for f in data.flows} | set(
        MetabolismFlow.objects.filter(city=city).values_list("year", flat=True).distinct())
    for row in data.indicators:
        if row.quality == Quality.COMPUTED and row.indicator_code in FORMULAS and row.year in model_years:
            counts["left_to_model"] += 1  # the model computes it; the stored flows decide
            continue
        _, changed = set_value(city, row.indicator_code, row.year, row.value, source=row.source[:300],
                               quality=row.quality, user=user, via=via)
        counts["changed" if changed else "unchanged"] += 1
    return counts


def _round(x: float) -> float:
    return float(f"{x:.6g}")


def city_metabolism(city, year=None, layer=None) -> CityMetabolism:
    """The stored flows and stock changes of ``city`` as a core :class:`CityMetabolism`."""
    flows = MetabolismFlow.objects.filter(city=city)
    stocks = MetabolismStock.objects.filter(city=city)
    if year is not None:
        flows, stocks = flows.filter(year=year), stocks.filter(year=year)
    if layer is not None:
        flows, stocks = flows.filter(layer=layer), stocks.filter(layer=layer)
    return CityMetabolism(
        flows=[Flow(*row) for row in flows.order_by("id").values_list(
            "origin", "destination", "year", "layer", "material", "value", "unit")],
        stock_changes=[StockChange(*row) for row in stocks.order_by("id").values_list(
            "process", "year", "layer", "material", "value", "unit")])


def population_by_year(city) -> dict[int, int]:
    return dict(CityPopulation.objects.filter(city=city).values_list("year", "population"))


def recompute_indicators(city, user=None) -> dict:
    """Compute every indicator the model can for every year with flows.

    Values typed or uploaded with a quality other than ``computed`` are kept
    (counted as ``kept``); computed values are written through :func:`set_value`
    (so a changed flow leaves a trace in the history).
    """
    model = city_metabolism(city)
    pops = population_by_year(city)
    estimated_years = set(MetabolismFlow.objects.filter(city=city, quality__in=[Quality.ESTIMATED, Quality.PROXY])
                          .values_list("year", flat=True).distinct())
    existing = {(v.indicator_id, v.year): v for v in
                IndicatorValue.objects.filter(city=city, indicator_id__in=list(FORMULAS))}
    counts = {"created": 0, "changed": 0, "unchanged": 0, "kept": 0}
    units = dict(Indicator.objects.values_list("code", "unit"))
    for year in model.years:
        population = pops.get(year) or city.population
        gdp = (float(city.gdp) if city.gdp and city.gdp_currency == "EUR" and city.gdp_year == year else None)
        facts = CityFacts(population=float(population) if population else None, gdp=gdp)
        for r in compute_indicators(model, facts, years=[year]):
            if r.value is None:
                continue
            current = existing.get((r.code, year))
            if current is not None and current.quality != Quality.COMPUTED:
                counts["kept"] += 1
                continue
            source = f"Computed from the metabolism model ({year})"
            if year in estimated_years:
                source += "; its inputs include estimated data"
            if r.code.endswith("-CAP") and year not in pops:
                source += "; population of the city profile"
            try:
                rules.indicator_value("value", units.get(r.code, ""), _round(r.value))
            except FieldError:
                counts["out_of_range"] = counts.get("out_of_range", 0) + 1  # impossible; flows need a look
                continue
            _, changed = set_value(city, r.code, year, _round(r.value), source=source,
                                   quality=Quality.COMPUTED, user=user, via="model")
            if changed:
                counts["created" if current is None else "changed"] += 1
            else:
                counts["unchanged"] += 1
    return {"counts": counts, "imbalances": [str(i) for i in model.imbalances(rtol=1e-4, atol=1e-3)]}


def import_files_job(params: dict, report) -> dict:
    """Job: read and import stored diagnosis files for ``params['city']`` (see :func:`import_file`).

    The rows are all read and checked before anything is written; the writing
    is one transaction of bulk statements.
    """
    from django.urls import reverse

    from circularcities.coalition.models import City
    from circularcities.web.uploads import job_files

    with job_files(params) as (user, files):
        city = City.objects.get(slug=params["city"])
        report(0.05, _("Reading and checking every row."))
        read = read_files(files)
        report(0.6, _("Writing."))
        result = import_file(city, read, user=user, via="upload")
        rows = [c for part, c in result.counts.items() if part != "computed"]
        written = sum(c.get("created", 0) + c.get("changed", 0) for c in rows)
        unchanged = sum(c.get("unchanged", 0) for c in rows)
        return {"url": reverse("diagnosis:dashboard", args=[city.slug]), "counts": result.counts,
                "already": result.already is not None, "imbalances": len(result.imbalances),
                "summary": import_summary.summary(written + unchanged, written, unchanged)}


def import_indicator_values(city, data: bytes, filename: str, *, user=None, via: str = "upload") -> dict:
    """Values of the city's indicators (the coalition's and its own) from a CSV or Excel table,
    by period: all rows or none. Each row goes through :func:`services.set_value` (history kept,
    formulas recomputed); a row the service refuses is reported with its row and column and
    nothing is written. Returns ``{"changed": n, "unchanged": n}``."""
    from circularcities.core.indicators.values_io import IndicatorSpec, read_values
    from circularcities.diagnosis.services import indicators_for

    specs = {i.code: IndicatorSpec(i.frequency, i.computation)
             for i in indicators_for(city).only("code", "frequency", "computation")}
    rows = read_values(data, filename, specs)
    counts = {"changed": 0, "unchanged": 0}
    with transaction.atomic():
        for r in rows:
            try:
                _v, changed = set_value(city, r.code, r.year, r.value, period=r.period, source=r.source,
                                        quality=r.quality, user=user, via=via)
            except FieldError as exc:
                raise DataImportError([Problem(exc.text(), "values", r.row, exc.field)]) from None
            counts["changed" if changed else "unchanged"] += 1
    return counts
