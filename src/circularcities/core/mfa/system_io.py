"""A system in and out: flodym-style JSON and an Excel workbook.

JSON (``to_json`` / ``from_json``) follows ``flodym.MFADefinition``'s field names
(``dimensions`` with ``name``/``letter``/``dtype``, ``processes`` as names with
``sysenv`` first, ``flows`` with ``from_process``/``to_process``/``dim_letters``,
``stocks`` with ``process``/``subclass``/``lifetime_model_class``, ``parameters`` with
``name``/``dim_letters``) and adds what flodym keeps in code or data files: the layer
of each flow and its values or share, dimension items, process labels, stock
lifetimes, accepted imbalances and indicators. :func:`to_flodym_definition` builds the
``flodym.MFADefinition`` itself, so a definition the platform exports is one flodym
accepts. ``from_json(to_json(d)) == d``.

The workbook (``to_xlsx`` / ``read_xlsx``) has sheets ``processes``, ``layers``,
``flows`` (one column per year), and optionally ``stocks``, ``parameters``,
``accepted``, ``indicators`` and ``conversions``; reading is all-or-nothing with every problem
located by sheet, row and column.
"""

from __future__ import annotations

import io
from typing import Any

from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.i18n import N_, Message
from circularcities.core.mfa.system import (
    BOUNDARY,
    FLODYM_LIFETIME_CLASS,
    FLODYM_STOCK_CLASS,
    Acceptance,
    Conversion,
    Dimension,
    FlowSpec,
    Layer,
    Parameter,
    Process,
    StockSpec,
    SystemDefinition,
    SystemIndicator,
    error_message,
)
from circularcities.core.tables import Limits, open_table, read_sheet

FORMAT = "circularcities-system/1"

_NOT_LISTED = {"origin": N_("Expected an origin listed on the sheet 'processes', got %(value)s."),
               "destination": N_("Expected a destination listed on the sheet 'processes', got %(value)s."),
               "layer": N_("Expected a layer listed on the sheet 'layers', got %(value)s.")}


# -- JSON --------------------------------------------------------------------------------------
def values_json(values: dict) -> dict:
    """Values by (year, item) as JSON: ``{"2030": 1.0}`` or ``{"2030": {"item": 1.0}}``."""
    out: dict[str, Any] = {}
    for (year, item), v in values.items():
        if item is None:
            out[str(year)] = v
        else:
            out.setdefault(str(year), {})[item] = v
    return out


def to_json(defn: SystemDefinition) -> dict:
    """The definition as a JSON-ready dict (flodym's field names plus ours)."""
    dims = [{"name": d.name, "letter": d.letter, "dtype": d.dtype, "items": list(d.items)} for d in defn.dimensions]
    second = defn.second_dimension.letter if defn.second_dimension else None
    flows = []
    for f in defn.flows:
        letters = ["t"] + ([second] if second and any(i is not None for _y, i in f.values) else [])
        row: dict[str, Any] = {"from_process": f.origin, "to_process": f.destination,
                               "name_override": f"{f.origin} => {f.destination} ({f.layer})",
                               "dim_letters": letters, "layer": f.layer}
        if f.share is not None:
            row["share"] = f.share
        else:
            row["values"] = values_json(f.values)
        if f.source:
            row["source"] = f.source
        if f.estimate:
            row["estimate"] = True
        flows.append(row)
    stocks = []
    for s in defn.stocks:
        row = {"name": s.name, "process": s.process, "dim_letters": ["t"],
               "subclass": FLODYM_STOCK_CLASS[s.kind], "kind": s.kind, "layer": s.layer, "initial": s.initial}
        if s.lifetime:
            row["lifetime_model_class"] = FLODYM_LIFETIME_CLASS[s.lifetime["distribution"]]
            row["lifetime"] = dict(s.lifetime)
            row["outflow_to"] = s.outflow_to
        if s.kind == "given":
            row["values"] = {str(y): v for y, v in s.values.items()}
        stocks.append(row)
    params = [{"name": p.name, "dim_letters": list(p.dim_letters),
               "values": ({str(y): v for y, v in p.values.items()} if isinstance(p.values, dict) else p.values)}
              for p in defn.parameters]
    return {
        "format": FORMAT,
        "name": defn.name,
        "dimensions": dims,
        "processes": defn.process_codes,
        "process_labels": {p.code: p.name for p in defn.processes if p.name},
        "layers": [{"code": lay.code, "unit": lay.unit, "name": lay.name} for lay in defn.layers],
        "flows": flows,
        "stocks": stocks,
        "parameters": params,
        "balance": {"rtol": defn.rtol, "atol": defn.atol, "blocking": defn.blocking,
                    "accepted": [{"process": a.process, "layer": a.layer, "year": a.year, "reason": a.reason}
                                 for a in defn.acceptances]},
        "conversions": [{"process": c.process, "from_layer": c.from_layer, "to_layer": c.to_layer,
                         "factor": c.factor, "consumed": c.consumed,
                         **({"source": c.source} if c.source else {}),
                         **({"estimate": True} if c.estimate else {})} for c in defn.conversions],
        "indicators": [{"code": i.code, "name": i.name, "layer": i.layer,
                        "numerator": [list(p) for p in i.numerator],
                        "denominator": [list(p) for p in i.denominator],
                        "higher_is_better": i.higher_is_better} for i in defn.indicators],
    }


def _year_values(where: str, data: object) -> dict:
    if not isinstance(data, dict):
        raise ValidationError(Message("%(where)s: expected an object of year: value.", where=where))
    out: dict = {}
    for key, v in data.items():
        try:
            year = int(key)
        except (TypeError, ValueError):
            raise ValidationError(Message("%(where)s: expected a year as key, got %(key)s.", where=where,
                                                     key=repr(key))) from None
        if isinstance(v, dict):
            for item, x in v.items():
                out[(year, item)] = x
        else:
            out[year] = v
    return out


def from_json(data: object) -> SystemDefinition:
    """Read a definition written by :func:`to_json` (or by hand in the same shape).

    Raises
    ------
    DataImportError
        One problem naming the part of the document that is wrong.
    """
    try:
        return _from_json(data)
    except (ValidationError, KeyError, TypeError, AttributeError) as exc:
        msg = error_message(exc) if isinstance(exc, ValidationError) else \
            Message("Expected key %(key)s in the definition.", key=str(exc)) if isinstance(exc, KeyError) else \
            Message("Expected the shape of a system definition: %(error)s.", error=str(exc))
        raise DataImportError([Problem(msg, sheet="JSON")]) from exc


def _from_json(data: object) -> SystemDefinition:
    if not isinstance(data, dict):
        raise ValidationError(Message("Expected a JSON object with dimensions, processes, layers and flows."))
    dims = data.get("dimensions") or []
    time = next((d for d in dims if d.get("letter") == "t"), None)
    if time is None:
        raise ValidationError(Message("Expected a time dimension with letter 't' and its years as items."))
    others = [d for d in dims if d.get("letter") != "t"]
    if len(others) > 1:
        raise ValidationError(Message("Expected at most one dimension besides time."))
    second = Dimension(others[0]["name"], others[0]["letter"], tuple(others[0]["items"])) if others else None
    labels = data.get("process_labels") or {}
    processes = tuple(Process(code, labels.get(code, "")) for code in data["processes"])
    layers = tuple(Layer(x["code"], x["unit"], x.get("name", "")) for x in data["layers"])
    flows = []
    for i, f in enumerate(data.get("flows") or [], start=1):
        where = f"flows[{i}]"
        values = _year_values(where, f.get("values", {})) if "share" not in f else {}
        flows.append(FlowSpec(f.get("from_process", f.get("from_process_name")),
                              f.get("to_process", f.get("to_process_name")), f["layer"], values,
                              f.get("share"), f.get("source", ""), bool(f.get("estimate", False))))
    stocks = []
    for s in data.get("stocks") or []:
        stocks.append(StockSpec(s["process"], s["layer"], s.get("kind", "accumulation"), s.get("lifetime"),
                                s.get("outflow_to"), _year_values("stocks", s.get("values", {})),
                                s.get("initial", 0.0), s.get("name", "")))
    params = []
    for p in data.get("parameters") or []:
        v = p["values"]
        params.append(Parameter(p["name"], _year_values("parameters", v) if isinstance(v, dict) else v))
    balance = data.get("balance") or {}
    accepted = tuple(Acceptance(a["process"], a["layer"], a["reason"], a.get("year"))
                     for a in balance.get("accepted") or [])
    indicators = tuple(SystemIndicator(i["code"], i["name"], i["layer"],
                                       tuple(tuple(p) for p in i["numerator"]),
                                       tuple(tuple(p) for p in i.get("denominator") or []),
                                       bool(i.get("higher_is_better", True)))
                       for i in data.get("indicators") or [])
    conversions = tuple(Conversion(c["process"], c["from_layer"], c["to_layer"], c["factor"],
                                   c.get("consumed", 1.0), c.get("source", ""), bool(c.get("estimate", False)))
                        for c in data.get("conversions") or [])
    defn = SystemDefinition(
        name=str(data.get("name") or "System"), years=tuple(time["items"]), layers=layers, processes=processes,
        flows=tuple(flows), stocks=tuple(stocks), parameters=tuple(params), second_dimension=second,
        acceptances=accepted, indicators=indicators, conversions=conversions, blocking=bool(balance.get("blocking", False)),
        rtol=balance.get("rtol", 1e-6), atol=balance.get("atol", 1e-6))
    defn.validate()
    return defn


def to_flodym_definition(defn: SystemDefinition):
    """The ``flodym.MFADefinition`` of the system (raises flodym's own error if it refuses)."""
    import flodym
    from flodym import lifetime_models, stocks

    letters = {d.letter for d in defn.dimensions}
    dims = [flodym.DimensionDefinition(name=d.name, letter=d.letter, dtype=int if d.dtype == "int" else str)
            for d in defn.dimensions]
    second = defn.second_dimension.letter if defn.second_dimension else None
    flows = [flodym.FlowDefinition(from_process_name=f.origin, to_process_name=f.destination,
                                   name_override=f"{f.origin} => {f.destination} ({f.layer})",
                                   dim_letters=("t", second) if second and f.dim_letters == ("t", "x") else ("t",))
             for f in defn.flows]
    stock_defs = []
    for s in defn.stocks:
        stock_defs.append(flodym.StockDefinition(
            name=s.name or f"{s.process} stock ({s.layer})", process_name=s.process, dim_letters=("t",),
            subclass=getattr(stocks, FLODYM_STOCK_CLASS[s.kind]),
            lifetime_model_class=(getattr(lifetime_models, FLODYM_LIFETIME_CLASS[s.lifetime["distribution"]])
                                  if s.lifetime else None)))
    params = [flodym.ParameterDefinition(name=p.name, dim_letters=p.dim_letters) for p in defn.parameters]
    assert letters  # time is always there
    return flodym.MFADefinition(dimensions=dims, processes=defn.process_codes, flows=flows,
                                stocks=stock_defs, parameters=params)


# -- Excel -------------------------------------------------------------------------------------
SHEETS = ("system", "processes", "layers", "flows", "stocks", "parameters", "accepted", "indicators",
          "conversions")
FLOW_COLUMNS = ("origin", "destination", "layer", "item", "share", "source", "estimate")
STOCK_COLUMNS = ("process", "layer", "kind", "distribution", "mean", "std", "scale", "shape", "outflow_to",
                 "initial", "name")
CONVERSION_COLUMNS = ("process", "from_layer", "to_layer", "factor", "consumed", "source", "estimate")


def to_xlsx(defn: SystemDefinition) -> bytes:
    """The definition as a workbook :func:`read_xlsx` reads back (cells via core.reports)."""
    from openpyxl import Workbook

    from circularcities.core.reports import append_row

    wb = Workbook()
    ws = wb.active
    ws.title = "system"
    append_row(ws, ["key", "value"])
    for k, v in (("name", defn.name), ("rtol", defn.rtol), ("atol", defn.atol),
                 ("blocking", "yes" if defn.blocking else "no"),
                 ("second_dimension", defn.second_dimension.name if defn.second_dimension else ""),
                 ("second_dimension_letter", defn.second_dimension.letter if defn.second_dimension else ""),
                 ("second_dimension_items", ", ".join(defn.second_dimension.items) if defn.second_dimension else "")):
        append_row(ws, [k, v])
    ws = wb.create_sheet("processes")
    append_row(ws, ["code", "name"])
    for p in defn.processes:
        append_row(ws, [p.code, p.name])
    ws = wb.create_sheet("layers")
    append_row(ws, ["code", "unit", "name"])
    for lay in defn.layers:
        append_row(ws, [lay.code, lay.unit, lay.name])
    ws = wb.create_sheet("flows")
    append_row(ws, list(FLOW_COLUMNS) + [str(y) for y in defn.years])
    for f in defn.flows:
        items = sorted({i for _y, i in f.values}, key=lambda i: i or "") or [None]
        for item in items:
            row: list[object] = [f.origin, f.destination, f.layer, item or "",
                                 "" if f.share is None else f.share, f.source, "yes" if f.estimate else ""]
            row += [f.values.get((y, item), "") for y in defn.years] if f.share is None else [""] * len(defn.years)
            append_row(ws, row)
    ws = wb.create_sheet("stocks")
    append_row(ws, list(STOCK_COLUMNS) + [str(y) for y in defn.years])
    for s in defn.stocks:
        life = s.lifetime or {}
        append_row(ws, [s.process, s.layer, s.kind, life.get("distribution", ""), life.get("mean", ""),
                        life.get("std", ""), life.get("scale", ""), life.get("shape", ""), s.outflow_to or "",
                        s.initial, s.name] + [s.values.get(y, "") for y in defn.years])
    ws = wb.create_sheet("parameters")
    append_row(ws, ["name", "value"] + [str(y) for y in defn.years])
    for par in defn.parameters:
        if isinstance(par.values, dict):
            append_row(ws, [par.name, ""] + [par.values.get(y, "") for y in defn.years])
        else:
            append_row(ws, [par.name, par.values] + [""] * len(defn.years))
    ws = wb.create_sheet("accepted")
    append_row(ws, ["process", "layer", "year", "reason"])
    for a in defn.acceptances:
        append_row(ws, [a.process, a.layer, a.year or "", a.reason])
    ws = wb.create_sheet("indicators")
    append_row(ws, ["code", "name", "layer", "numerator", "denominator", "higher_is_better"])
    for i in defn.indicators:
        append_row(ws, [i.code, i.name, i.layer, "; ".join(f"{o}>{d}" for o, d in i.numerator),
                        "; ".join(f"{o}>{d}" for o, d in i.denominator), "yes" if i.higher_is_better else "no"])
    ws = wb.create_sheet("conversions")
    append_row(ws, list(CONVERSION_COLUMNS))
    for c in defn.conversions:
        append_row(ws, [c.process, c.from_layer, c.to_layer, c.factor, c.consumed, c.source,
                        "yes" if c.estimate else ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template_xlsx() -> bytes:
    """An example workbook to fill in: two layers, a share, a stock, a parameter."""
    return to_xlsx(SystemDefinition(
        name="Example", years=(2020, 2021, 2022),
        layers=(Layer("materials", "t", "Materials"), Layer("water", "m3", "Water")),
        processes=(Process(BOUNDARY, "Outside the system"), Process("households", "Households"),
                   Process("treatment", "Treatment"), Process("buildings", "Buildings")),
        flows=(FlowSpec(BOUNDARY, "households", "water", {2020: 1000, 2021: 1000, 2022: 1000}),
               FlowSpec("households", "treatment", "water", share="sewer_share"),
               FlowSpec("treatment", BOUNDARY, "water", share=1.0),
               FlowSpec(BOUNDARY, "buildings", "materials", {2020: 50, 2021: 60, 2022: 55})),
        stocks=(StockSpec("buildings", "materials", "accumulation"),),
        parameters=(Parameter("sewer_share", 0.9),)))


def _yes(text: str) -> bool:
    return text.strip().lower() in ("yes", "y", "true", "1", "x", "是", "はい", "예")


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    out = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if ">" not in part:
            raise ValidationError(Message("Expected origin>destination, got %(value)s.", value=repr(part)))
        o, d = part.split(">", 1)
        out.append((o.strip(), d.strip()))
    return tuple(out)


def read_xlsx(data: bytes, filename: str = "system.xlsx", *, limits: Limits | None = None) -> SystemDefinition:
    """Read a workbook written by :func:`to_xlsx` (or the template, filled in).

    All or nothing: every problem is collected with its sheet, row and column and
    raised together as :class:`DataImportError`.
    """
    problems: list[Problem] = []
    with open_table(data, filename, limits=limits, formats=("xlsx",)) as book:
        book.require("processes", "layers", "flows")
        sheets = set(book.sheetnames)

        def sheet(name, required, optional=()):
            return read_sheet(book, name, required, optional) if name in sheets else None

        meta = {r["key"]: r.value("value") for r in (sheet("system", ("key", "value")) or _Empty()).rows}
        proc_t = sheet("processes", ("code",), ("name",))
        layer_t = sheet("layers", ("code", "unit"), ("name",))
        flow_t = sheet("flows", ("origin", "destination", "layer"), FLOW_COLUMNS[3:])
        stock_t = sheet("stocks", ("process", "layer", "kind"), STOCK_COLUMNS[3:])
        param_t = sheet("parameters", ("name",), ("value",))
        acc_t = sheet("accepted", ("process", "layer", "reason"), ("year",))
        ind_t = sheet("indicators", ("code", "name", "layer", "numerator"), ("denominator", "higher_is_better"))
        conv_t = sheet("conversions", CONVERSION_COLUMNS[:4], CONVERSION_COLUMNS[4:])

    def attempt(table, row, fn, column=None):
        try:
            return fn()
        except ValidationError as exc:
            col = getattr(exc, "field", None) or column
            problems.append(table.problem(error_message(exc), row.number, col if col in table.letters else None))
            return None

    assert proc_t is not None and layer_t is not None and flow_t is not None
    processes = [p for r in proc_t.rows if (p := attempt(proc_t, r, lambda r=r: Process(r["code"], r["name"])))]
    layers = [x for r in layer_t.rows if (x := attempt(layer_t, r, lambda r=r: Layer(r["code"], r["unit"], r["name"])))]
    year_cols = [h for h in flow_t.header if h.isdigit()]
    years = tuple(int(h) for h in year_cols)
    second = None
    if meta.get("second_dimension"):
        items = tuple(i.strip() for i in str(meta.get("second_dimension_items") or "").split(",") if i.strip())
        try:
            second = Dimension(str(meta["second_dimension"]), str(meta.get("second_dimension_letter") or "x"), items)
        except ValidationError as exc:
            problems.append(Problem(error_message(exc), sheet="system"))
    merged: dict[tuple, dict] = {}
    for r in flow_t.rows:
        def make(r=r):
            share_cell = r.value("share")
            share: float | str | None = None
            if share_cell is not None:
                share = share_cell if isinstance(share_cell, str) and not _is_num(share_cell) else float(share_cell)
            item = r["item"] or None
            values = {}
            for h in year_cols:
                v = r.value(h)
                if v is not None:
                    if isinstance(v, str):
                        v = v.replace(",", "")
                    values[(int(h), item)] = float(v) if _is_num(v) else v
            return FlowSpec(r["origin"], r["destination"], r["layer"], values, share, r["source"], _yes(r["estimate"]))
        f = attempt(flow_t, r, make)
        if f is None:
            continue
        known = {p.code for p in processes}
        bad = [(c, v) for c, v in (("origin", f.origin), ("destination", f.destination)) if v not in known]
        bad += [("layer", f.layer)] if f.layer not in {x.code for x in layers} else []
        for column, value in bad:
            problems.append(flow_t.problem(Message(_NOT_LISTED[column], value=repr(value)), r.number, column))
        if bad:
            continue
        key = f.key
        if key in merged:  # one row per item of the second dimension
            merged[key]["values"].update(f.values)
        else:
            merged[key] = {"spec": f, "values": dict(f.values)}
    flows = [FlowSpec(m["spec"].origin, m["spec"].destination, m["spec"].layer, m["values"], m["spec"].share,
                      m["spec"].source, m["spec"].estimate) for m in merged.values()]
    stocks = []
    for r in (stock_t.rows if stock_t else []):
        def make_stock(r=r, t=stock_t):
            life = None
            if r["distribution"]:
                life = {"distribution": r["distribution"]}
                for k in ("mean", "std", "scale", "shape"):
                    if r.value(k) is not None:
                        life[k] = float(r.value(k))
            ycols = [h for h in t.header if h.isdigit()]
            values = {int(h): float(r.value(h)) for h in ycols if r.value(h) is not None}
            return StockSpec(r["process"], r["layer"], r["kind"], life, r["outflow_to"] or None, values,
                             float(r.value("initial") or 0), r["name"])
        if (s := attempt(stock_t, r, make_stock)):
            stocks.append(s)
    params = []
    for r in (param_t.rows if param_t else []):
        def make_param(r=r, t=param_t):
            ycols = [h for h in t.header if h.isdigit()]
            per_year = {int(h): float(r.value(h)) for h in ycols if r.value(h) is not None}
            return Parameter(r["name"], per_year if per_year else r.value("value"))
        if (p := attempt(param_t, r, make_param)):
            params.append(p)
    accepted = [a for r in (acc_t.rows if acc_t else [])
                if (a := attempt(acc_t, r, lambda r=r: Acceptance(r["process"], r["layer"], r["reason"],
                                                                  int(float(r["year"])) if r["year"] else None)))]
    inds = [i for r in (ind_t.rows if ind_t else [])
            if (i := attempt(ind_t, r, lambda r=r: SystemIndicator(
                r["code"], r["name"], r["layer"], _pairs(r["numerator"]), _pairs(r["denominator"]),
                not r["higher_is_better"] or _yes(r["higher_is_better"]))))]
    convs = [c for r in (conv_t.rows if conv_t else [])
             if (c := attempt(conv_t, r, lambda r=r: Conversion(
                 r["process"], r["from_layer"], r["to_layer"], _number_or_name(r.value("factor")),
                 1.0 if r.value("consumed") is None else _number_or_name(r.value("consumed")),
                 r["source"], _yes(r["estimate"]))))]
    if problems:
        raise DataImportError(problems)
    try:
        defn = SystemDefinition(
            name=str(meta.get("name") or "System"), years=years, layers=tuple(layers), processes=tuple(processes),
            flows=tuple(flows), stocks=tuple(stocks), parameters=tuple(params), second_dimension=second,
            acceptances=tuple(accepted), indicators=tuple(inds), conversions=tuple(convs), blocking=_yes(str(meta.get("blocking") or "")),
            rtol=float(meta.get("rtol") or 1e-6), atol=float(meta.get("atol") or 1e-6))
        defn.validate()
    except (ValidationError, ValueError) as exc:
        raise DataImportError([Problem(error_message(exc), sheet="flows")]) from exc
    return defn


def _number_or_name(value: object) -> float | str:
    """A cell holding a number, or a parameter's name."""
    if isinstance(value, str) and not _is_num(value):
        return value.strip()
    return float(str(value).replace(",", "")) if isinstance(value, str) else float(value)  # type: ignore[arg-type]


def _is_num(text: object) -> bool:
    try:
        float(str(text).replace(",", ""))
    except ValueError:
        return False
    return True


class _Empty:
    rows: list = []
