"""Reading targets and measures of an action plan from CSV or Excel.

Built on :mod:`core.planning.tables` like the progress import: every problem
comes back with its row and column, and nothing is returned unless the whole
file is right. References (indicator codes, programme slugs, thematic areas,
R-strategies) are checked against sets the caller passes in.

Targets (sheet ``targets``): ``indicator`` (catalogue code) *or* ``programme``
with ``programme_indicator``; ``baseline_year``, ``baseline_value``,
``target_year``, ``target_value``; optional ``title_<lang>`` (one column per
platform language: ``title_en``, ``title_zh``, ``title_ja``, ``title_ko`` ...),
``area``, ``points`` (``2025: 30; 2028: 40``), ``owner_name``, ``source``.
A target is identified by what it measures and its target year.

Measures (sheet ``measures``): ``code`` (the city's reference, identifies the
measure), ``title_en``; optional ``title_<lang>`` and ``description_<lang>``
for every platform language (``title_zh``, ``description_en``, ...), ``area``,
``r_strategies`` (slugs separated by ``;``),
``lead_name``, ``status`` (not_started, started, completed), ``budget``,
``currency`` (ISO 4217, required with a budget), ``start``, ``end``
(YYYY-MM-DD), ``source``.

The languages are the attribute suffixes the caller passes (``languages``; the
platform's ``en``, ``zh``, ``ja``, ``ko``), so a new platform language is a new
column, not new code. Only the text columns a file has are returned in a row's
``texts`` (``{"title_ja": ...}``): a file without a language's column leaves that
language's text alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.planning.measures import MEASURE_STATUSES
from circularcities.core.planning.programme import INDICATORS
from circularcities.core.planning.tables import Row, Table, number, read_table
from circularcities.core.planning.trajectory import Trajectory

LANGUAGES = ("en", "zh")
"""Language suffixes read when the caller names none (the platform passes its own)."""

TARGET_TEXT: dict[str, int | None] = {"title": 200}
MEASURE_TEXT: dict[str, int | None] = {"title": 250, "description": None}
"""Text columns per field, with the length a cell is cut to (None: not cut)."""


def text_columns(fields: Mapping[str, int | None], languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """``title_en``, ``title_zh``, ``title_ja``, ... for every field and language suffix."""
    return tuple(f"{f}_{lang}" for f in fields for lang in languages)


def target_columns(languages: tuple[str, ...] = LANGUAGES) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) columns of a targets file."""
    return TARGET_REQUIRED, ("indicator", "programme", "programme_indicator", *text_columns(TARGET_TEXT, languages),
                             "area", "points", "owner_name", "source")


def measure_columns(languages: tuple[str, ...] = LANGUAGES) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) columns of a measures file (``title_en`` is required)."""
    text = tuple(c for c in text_columns(MEASURE_TEXT, _english_first(languages)) if c not in MEASURE_REQUIRED)
    return MEASURE_REQUIRED, (*text, "area", "r_strategies", "lead_name", "status", "budget", "currency", "start",
                              "end", "source")


def _english_first(languages: tuple[str, ...]) -> tuple[str, ...]:
    return ("en", *(lang for lang in languages if lang != "en"))


def _texts(t: Table, r: Row, fields: Mapping[str, int | None], languages: tuple[str, ...]) -> dict[str, str]:
    """The text cells of the columns the file has, cut to their length."""
    out = {}
    for f, length in fields.items():
        for lang in languages:
            key = f"{f}_{lang}"
            if key in t.columns:
                out[key] = r[key][:length] if length else r[key]
    return out


TARGET_REQUIRED = ("baseline_year", "baseline_value", "target_year", "target_value")
MEASURE_REQUIRED = ("code", "title_en")
TARGET_OPTIONAL = target_columns()[1]
MEASURE_OPTIONAL = measure_columns()[1]


@dataclass(frozen=True)
class TargetRow:
    row: int
    indicator: str
    programme: str
    programme_indicator: str
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    points: list[list[float]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    area: str = ""
    owner_name: str = ""
    source: str = ""

    @property
    def title_en(self) -> str:
        return self.texts.get("title_en", "")

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.indicator, self.programme, self.programme_indicator, self.target_year)


@dataclass(frozen=True)
class MeasureRow:
    row: int
    code: str
    texts: dict[str, str] = field(default_factory=dict)
    area: str = ""
    r_strategies: tuple[str, ...] = ()
    lead_name: str = ""
    status: str = ""
    budget: float | None = None
    currency: str = ""
    start: date | None = None
    end: date | None = None
    source: str = ""

    @property
    def title_en(self) -> str:
        return self.texts.get("title_en", "")


def _year(t: Table, r: Row, name: str, problems: list[Problem]) -> int | None:
    try:
        return rules.year(name, r[name])
    except rules.FieldError as exc:
        problems.append(t.problem(exc.text(), r.number, name))
        return None


def _number(t: Table, r: Row, name: str, problems: list[Problem], minimum: float | None = None) -> float | None:
    low = -rules.MAX_MAGNITUDE if minimum is None else minimum
    try:
        return rules.number(name, number(r[name]), minimum=low, maximum=rules.MAX_MAGNITUDE)
    except rules.FieldError as exc:
        problems.append(t.problem(exc.text(), r.number, name))
    except (ValueError, OverflowError):
        problems.append(t.problem(rules.FieldError(name, rules.NOT_NUMBER, value=str(r[name])[:40]).text(),
                                  r.number, name))
    return None


def _points(text: str) -> list[list[float]]:
    out = []
    for part in text.replace("\n", ";").split(";"):
        if part.strip():
            y, sep, v = part.partition(":")
            if not sep:
                raise ValueError(part)
            out.append([float(y.strip()), float(v.strip().replace(",", ""))])
    return out


def read_targets(data: bytes, filename: str, *, indicators: set[str], programmes: set[str],
                 areas: set[str], languages: tuple[str, ...] = LANGUAGES) -> list[TargetRow]:
    """Parse a targets file, or raise DataImportError listing every problem."""
    t = read_table(data, filename, "targets", *target_columns(languages))
    problems: list[Problem] = []
    out: list[TargetRow] = []
    seen: dict[tuple, int] = {}
    for r in t.rows:
        before = len(problems)
        ind, prog, pind = r["indicator"], r["programme"], r["programme_indicator"].lower()
        if bool(ind) == bool(prog):
            problems.append(t.problem("Expected either an indicator code or a programme, not both.", r.number,
                                      "indicator"))
        elif ind and ind not in indicators:
            problems.append(t.problem(f"No catalogue indicator with code {ind!r}.", r.number, "indicator"))
        elif prog and prog not in programmes:
            problems.append(t.problem(f"No programme {prog!r} in this city.", r.number, "programme"))
        elif prog and pind not in INDICATORS:
            problems.append(t.problem(f"Expected a programme indicator among {', '.join(INDICATORS)}; "
                                      f"got {pind!r}.", r.number, "programme_indicator"))
        if r["area"] and r["area"] not in areas:
            problems.append(t.problem(f"No thematic area {r['area']!r}.", r.number, "area"))
        by, ty = _year(t, r, "baseline_year", problems), _year(t, r, "target_year", problems)
        bv, tv = _number(t, r, "baseline_value", problems), _number(t, r, "target_value", problems)
        try:
            points = _points(r["points"])
        except ValueError:
            problems.append(t.problem("Write milestone points as year: value; year: value.", r.number, "points"))
            points = []
        if len(problems) > before or by is None or ty is None or bv is None or tv is None:
            continue
        try:
            Trajectory(by, bv, ty, tv, tuple((p[0], p[1]) for p in points))
        except ValueError as exc:
            problems.append(t.problem(str(exc), r.number, "target_year"))
            continue
        row = TargetRow(r.number, ind, prog, pind if prog else "", by, bv, ty, tv, points,
                        _texts(t, r, TARGET_TEXT, languages), r["area"], r["owner_name"][:200], r["source"][:300])
        if row.key in seen:
            problems.append(t.problem(f"Same indicator and target year as row {seen[row.key]}.", r.number))
            continue
        seen[row.key] = r.number
        out.append(row)
    if problems:
        raise DataImportError(problems)
    return out


def _date(t: Table, r: Row, name: str, problems: list[Problem]) -> date | None:
    if not r[name]:
        return None
    try:
        return date.fromisoformat(r[name][:10])
    except ValueError:
        problems.append(t.problem(f"Expected a date as YYYY-MM-DD; got {r[name]!r}.", r.number, name))
        return None


def read_measures(data: bytes, filename: str, *, areas: set[str], r_strategies: set[str],
                  languages: tuple[str, ...] = LANGUAGES) -> list[MeasureRow]:
    """Parse a measures file, or raise DataImportError listing every problem."""
    languages = _english_first(languages)
    t = read_table(data, filename, "measures", *measure_columns(languages))
    problems: list[Problem] = []
    out: list[MeasureRow] = []
    seen: dict[str, int] = {}
    for r in t.rows:
        before = len(problems)
        code, title = r["code"][:40], r["title_en"]
        if not code:
            problems.append(t.problem("Expected the measure's reference code.", r.number, "code"))
        elif code in seen:
            problems.append(t.problem(f"Same code as row {seen[code]}.", r.number, "code"))
        else:
            seen[code] = r.number
        if not title:
            problems.append(t.problem("Expected an English title.", r.number, "title_en"))
        if r["area"] and r["area"] not in areas:
            problems.append(t.problem(f"No thematic area {r['area']!r}.", r.number, "area"))
        rs = tuple(s.strip() for s in r["r_strategies"].replace(",", ";").split(";") if s.strip())
        if unknown := [s for s in rs if s not in r_strategies]:
            problems.append(t.problem(f"Unknown R-strategies {', '.join(unknown)}; expected among "
                                      f"{', '.join(sorted(r_strategies))}.", r.number, "r_strategies"))
        status = r["status"].lower().replace(" ", "_")
        if status and status not in MEASURE_STATUSES:
            problems.append(t.problem(f"Expected a status among {', '.join(MEASURE_STATUSES)}; got {r['status']!r}.",
                                      r.number, "status"))
        budget = _number(t, r, "budget", problems, 0) if r["budget"] else None
        currency = r["currency"]
        if currency or budget is not None:
            try:
                currency = rules.currency("currency", currency)
            except rules.FieldError as exc:
                problems.append(t.problem(exc.text(), r.number, "currency"))
        start, end = _date(t, r, "start", problems), _date(t, r, "end", problems)
        if start and end and end < start:
            problems.append(t.problem("The end date must not be before the start date.", r.number, "end"))
        if len(problems) > before:
            continue
        out.append(MeasureRow(r.number, code, _texts(t, r, MEASURE_TEXT, languages), r["area"], rs, r["lead_name"][:200], status, budget, currency,
                              start, end, r["source"][:300]))
    if problems:
        raise DataImportError(problems)
    return out
