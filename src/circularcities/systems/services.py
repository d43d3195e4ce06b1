"""The one write path for systems, their parts, scenarios and stock models.

Forms, the API, imports, the demo and the admin call these functions. Each write
checks its values with the core classes (the same rules as a JSON or Excel import),
then checks the whole definition and recomputes the derived result (balance status
and imbalances) in the same transaction: a change that leaves the definition
inconsistent (a share naming a missing parameter, a year outside the system) is not
stored at all. Permission checks are the callers' (views and API ask permissions.py).
"""

from __future__ import annotations

import uuid
from collections import OrderedDict

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from circularcities.core import rules
from circularcities.core.errors import CircularCitiesError, ValidationError
from circularcities.core.mfa import system as core
from circularcities.core.mfa import system_io
from circularcities.core.mfa.lifetimes import parse_lifetime
from circularcities.core.mfa.stock import compute_stock
from circularcities.systems import models as m
from circularcities.web.translated import reader_language, translated

MAX_ISSUES_KEPT = 500
STOCK_MODEL_JOB_YEARS = 60
"""A stock model with more years than this runs as a job with progress."""


def _lang(language: str | None = None) -> str:
    return reader_language(language or get_language())


def _set_name(obj, field: str, text: str, language: str | None) -> None:
    """Write translated ``field`` in ``language``; also in English while English is empty."""
    lang = _lang(language)
    obj.set_current_language(lang)
    setattr(obj, field, text)
    if lang != "en" and not (obj.has_translation("en") and getattr(obj.get_translation("en"), field, "")):
        obj.set_current_language("en")
        setattr(obj, field, text)
        obj.set_current_language(lang)


# -- reading -----------------------------------------------------------------------------------
def _year_key_values(raw: dict) -> dict:
    out: dict = {}
    for key, v in (raw or {}).items():
        if isinstance(v, dict):
            for item, x in v.items():
                out[(int(key), item)] = x
        else:
            out[int(key)] = v
    return out


def definition(system: m.System, language: str | None = None) -> core.SystemDefinition:
    """The system as a core definition (process names in ``language`` or the reader's)."""
    lang = _lang(language)
    processes = list(system.processes.prefetch_related("translations"))
    codes = {p.pk: p.code for p in processes}
    layers = list(system.layers.all())
    lcodes = {layer.pk: layer.code for layer in layers}
    dim = system.second_dimension
    return core.SystemDefinition(
        name=translated(system, "name", lang).text or str(system),
        years=system.years,
        layers=tuple(core.Layer(layer.code, layer.unit, layer.name) for layer in layers),
        processes=tuple(core.Process(p.code, translated(p, "name", lang).text) for p in processes),
        flows=tuple(core.FlowSpec(codes[f.origin_id], codes[f.destination_id], lcodes[f.layer_id],
                                  _year_key_values(f.values),
                                  f.share_parameter or f.share, f.source, f.estimate)
                    for f in system.flows.all()),
        stocks=tuple(core.StockSpec(codes[s.process_id], lcodes[s.layer_id], s.kind, s.lifetime,
                                    codes.get(s.outflow_to_id) if s.outflow_to_id else None,
                                    {int(k): v for k, v in (s.values or {}).items()}, s.initial, s.name)
                     for s in system.stocks.all()),
        parameters=tuple(core.Parameter(p.name, {int(k): v for k, v in p.values.items()} if p.values else p.value)
                         for p in system.parameters.all()),
        second_dimension=core.Dimension(dim["name"], dim["letter"], tuple(dim["items"])) if dim else None,
        acceptances=tuple(core.Acceptance(codes[a.process_id], lcodes[a.layer_id], a.reason, a.year)
                          for a in system.acceptances.all()),
        conversions=tuple(core.Conversion(codes[c.process_id], lcodes[c.from_layer_id], lcodes[c.to_layer_id],
                                          c.factor_parameter or c.factor, c.consumed_parameter or c.consumed,
                                          c.source, c.estimate)
                          for c in system.conversions.all()),
        indicators=tuple(core.SystemIndicator(i["code"], i["name"], i["layer"],
                                              tuple(tuple(p) for p in i["numerator"]),
                                              tuple(tuple(p) for p in i.get("denominator") or []),
                                              bool(i.get("higher_is_better", True)))
                         for i in system.indicators or []),
        blocking=system.blocking, rtol=system.rtol, atol=system.atol)


_RESULTS: OrderedDict[tuple, core.SystemResult] = OrderedDict()
RESULTS_KEPT = 16


def result_of(system: m.System, language: str | None = None) -> core.SystemResult:
    """The computed system (for pages that draw it), kept per process for its version:
    every write goes through this module, raises the version and draws a new token, so a
    kept result is never stale (the token also tells apart a rolled-back write's reuse of
    the same id and version)."""
    key = (system.pk, system.version, (system.result or {}).get("token"), _lang(language))
    cached = _RESULTS.get(key)
    if cached is not None:
        _RESULTS.move_to_end(key)
        return cached
    result = core.compute(definition(system, language))
    _RESULTS[key] = result
    while len(_RESULTS) > RESULTS_KEPT:
        _RESULTS.popitem(last=False)
    return result


# -- derived result ----------------------------------------------------------------------------
def recompute(system: m.System) -> dict:
    """Check the definition and store the balance result on the system (call inside the
    write's transaction). Raises ValidationError for a definition that cannot be computed,
    so the write that caused it is rolled back."""
    if not system.layers.exists():
        system.result = {"status": "empty", "n_issues": 0, "n_open": 0, "issues": []}
        m.System.objects.filter(pk=system.pk).update(result=system.result)
        return system.result
    result = core.compute(definition(system, "en"))
    issues = [i.as_dict() for i in result.issues]
    system.result = {"status": result.status, "n_issues": len(issues),
                     "n_open": sum(1 for i in issues if not i["accepted"]),
                     "issues": issues[:MAX_ISSUES_KEPT], "computed_at": timezone.now().isoformat(),
                     "token": uuid.uuid4().hex}
    if system.published and result.status == "blocked":
        raise ValidationError(_("This change leaves an imbalance that is not accepted, and balance is blocking "
                                "for this system: accept the imbalance with a reason, or unpublish first."))
    m.System.objects.filter(pk=system.pk).update(result=system.result, version=F("version") + 1)
    system.version += 1
    return system.result


class _Write:
    """``with _Write(system):`` one transaction that ends with the recomputation."""

    def __init__(self, system: m.System):
        self.system = system
        self.atomic = transaction.atomic()

    def __enter__(self):
        self.atomic.__enter__()
        m.System.objects.select_for_update().filter(pk=self.system.pk).first()
        return self.system

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                recompute(self.system)
            except BaseException as err:
                self.atomic.__exit__(type(err), err, err.__traceback__)
                raise
        return self.atomic.__exit__(exc_type, exc, tb)


def _check_years(first_year, last_year) -> tuple[int, int]:
    first = rules.year("first_year", first_year)
    last = rules.year("last_year", last_year)
    rules.year_after("last_year", last, first)
    if last - first + 1 > core.MAX_YEARS:
        raise rules.FieldError("last_year", _("Expected at most %(n)s years."),
                               n=core.MAX_YEARS)
    return first, last


# -- systems -----------------------------------------------------------------------------------
def create_system(city, user=None, *, name: str, first_year: int, last_year: int, scope: str = "city",
                  area: str = "", description: str = "", layers: tuple[str, ...] = ("materials",),
                  language: str | None = None, base: m.System | None = None) -> m.System:
    """A new system with the boundary process and the given standard layers."""
    name = rules.name("name", name, required=True)
    description = rules.text("description", description)
    area = rules.name("area", area)
    rules.choice("scope", scope, m.Scope.values)
    first, last = _check_years(first_year, last_year)
    for code in layers:
        rules.choice("layers", code, tuple(core.LAYER_UNITS))
    with transaction.atomic():
        system = m.System(city=city, scope=scope, area=area, first_year=first, last_year=last,
                          created_by=user, base=base)
        _set_name(system, "name", name, language)
        _set_name(system, "description", description, language)
        system.save()
        boundary = m.Process(system=system, code=core.BOUNDARY, position=0)
        _set_name(boundary, "name", "Outside the system", "en")
        boundary.save()
        for i, code in enumerate(layers):
            m.Layer.objects.create(system=system, code=code, unit=core.LAYER_UNITS[code], position=i)
        recompute(system)
    return system


def update_system(system: m.System, user=None, *, language: str | None = None, **fields) -> m.System:
    """Change only the fields given: name, description, scope, area, first_year, last_year,
    blocking, rtol, atol, sources, published."""
    allowed = {"name", "description", "scope", "area", "first_year", "last_year", "blocking", "rtol", "atol",
               "sources", "published"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    with _Write(system):
        if "name" in fields:
            _set_name(system, "name", rules.name("name", fields["name"], required=True), language)
        if "description" in fields:
            _set_name(system, "description", rules.text("description", fields["description"]), language)
        if "scope" in fields:
            system.scope = rules.choice("scope", fields["scope"], m.Scope.values)
        if "area" in fields:
            system.area = rules.name("area", fields["area"])
        if "sources" in fields:
            system.sources = rules.text("sources", fields["sources"])
        if "first_year" in fields or "last_year" in fields:
            system.first_year, system.last_year = _check_years(fields.get("first_year", system.first_year),
                                                               fields.get("last_year", system.last_year))
        if "blocking" in fields:
            system.blocking = bool(fields["blocking"])
        if "rtol" in fields:
            system.rtol = float(rules.non_negative("rtol", fields["rtol"], maximum=1))
        if "atol" in fields:
            system.atol = float(rules.non_negative("atol", fields["atol"], maximum=rules.MAX_MAGNITUDE))
        if "published" in fields:
            system.published = bool(fields["published"])
        system.save()
    return system


def delete_system(system: m.System, user=None) -> None:
    system.delete()


# -- parts -------------------------------------------------------------------------------------
def _process(system: m.System, code: str) -> m.Process:
    try:
        return system.processes.get(code=code)
    except m.Process.DoesNotExist:
        raise rules.FieldError("process", _("Unknown process %(code)s."),
                               code=str(code)[:60]) from None


def _layer(system: m.System, code: str) -> m.Layer:
    try:
        return system.layers.get(code=code)
    except m.Layer.DoesNotExist:
        raise rules.FieldError("layer", _("Unknown layer %(code)s."),
                               code=str(code)[:60]) from None


def set_layer(system: m.System, user=None, *, code: str, unit: str | None = None, name: str = "") -> m.Layer:
    """Add a layer (a standard one takes its unit) or change its unit and name."""
    unit = unit or core.LAYER_UNITS.get(code, "")
    spec = core.Layer(code, unit, name)
    with _Write(system):
        layer, _created = m.Layer.objects.update_or_create(
            system=system, code=spec.code,
            defaults={"unit": spec.unit, "name": spec.name, "position": system.layers.count()})
    return layer


def delete_layer(system: m.System, user=None, *, code: str) -> None:
    with _Write(system):
        _layer(system, code).delete()


def set_process(system: m.System, user=None, *, code: str, name: str = "", language: str | None = None) -> m.Process:
    spec = core.Process(code, name)
    with _Write(system):
        process = system.processes.filter(code=spec.code).first()
        if process is None:
            process = m.Process(system=system, code=spec.code,
                                position=(system.processes.order_by("-position").values_list("position", flat=True)
                                          .first() or 0) + 1)
        _set_name(process, "name", spec.name, language)
        process.save()
    return process


def delete_process(system: m.System, user=None, *, code: str) -> None:
    if code == core.BOUNDARY:
        raise rules.FieldError("process", _("The boundary process cannot be removed."))
    with _Write(system):
        _process(system, code).delete()


def set_flow(system: m.System, user=None, *, origin: str, destination: str, layer: str,
             values: dict | None = None, share: float | str | None = None, source: str = "",
             estimate: bool = False) -> m.Flow:
    """Create or replace the flow from ``origin`` to ``destination`` in ``layer``."""
    spec = core.FlowSpec(origin, destination, layer, values or {}, share, source, estimate)
    with _Write(system):
        flow, _created = m.Flow.objects.update_or_create(
            system=system, origin=_process(system, spec.origin), destination=_process(system, spec.destination),
            layer=_layer(system, spec.layer),
            defaults={"values": system_io.values_json(spec.values),
                      "share": spec.share if isinstance(spec.share, float) else None,
                      "share_parameter": spec.share if isinstance(spec.share, str) else "",
                      "source": spec.source, "estimate": spec.estimate})
    return flow


def delete_flow(system: m.System, user=None, *, origin: str, destination: str, layer: str) -> None:
    with _Write(system):
        deleted, _count = m.Flow.objects.filter(system=system, origin__code=origin, destination__code=destination,
                                           layer__code=layer).delete()
        if not deleted:
            raise ValidationError(_("No flow %(origin)s → %(destination)s in layer %(layer)s.")
                                  % {"origin": origin, "destination": destination, "layer": layer})


def set_stock(system: m.System, user=None, *, process: str, layer: str, kind: str = "accumulation",
              lifetime: dict | None = None, outflow_to: str | None = None, values: dict | None = None,
              initial: float = 0.0, name: str = "") -> m.Stock:
    spec = core.StockSpec(process, layer, kind, lifetime, outflow_to, values or {}, initial, name)
    with _Write(system):
        stock, _created = m.Stock.objects.update_or_create(
            system=system, process=_process(system, spec.process), layer=_layer(system, spec.layer),
            defaults={"kind": spec.kind, "lifetime": spec.lifetime,
                      "outflow_to": _process(system, spec.outflow_to) if spec.outflow_to else None,
                      "values": {str(k): v for k, v in spec.values.items()}, "initial": spec.initial,
                      "name": spec.name})
    return stock


def delete_stock(system: m.System, user=None, *, process: str, layer: str) -> None:
    with _Write(system):
        m.Stock.objects.filter(system=system, process__code=process, layer__code=layer).delete()


def set_parameter(system: m.System, user=None, *, name: str, values: float | dict) -> m.Parameter:
    spec = core.Parameter(name, values)
    with _Write(system):
        param, _created = m.Parameter.objects.update_or_create(
            system=system, name=spec.name,
            defaults={"value": None if isinstance(spec.values, dict) else spec.values,
                      "values": {str(k): v for k, v in spec.values.items()} if isinstance(spec.values, dict) else {}})
    return param


def delete_parameter(system: m.System, user=None, *, name: str) -> None:
    with _Write(system):
        m.Parameter.objects.filter(system=system, name=name).delete()


def _number_or_parameter(value: float | str) -> dict:
    return {"number": value if isinstance(value, float) else None,
            "parameter": value if isinstance(value, str) else ""}


def _conversion_fields(spec: core.Conversion) -> dict:
    factor, consumed = _number_or_parameter(spec.factor), _number_or_parameter(spec.consumed)
    return {"factor": factor["number"], "factor_parameter": factor["parameter"],
            "consumed": consumed["number"], "consumed_parameter": consumed["parameter"],
            "source": spec.source, "estimate": spec.estimate}


def set_conversion(system: m.System, user=None, *, process: str, from_layer: str, to_layer: str,
                   factor: float | str, consumed: float | str = 1.0, source: str = "",
                   estimate: bool = False) -> m.Conversion:
    """Create or replace the conversion of ``from_layer`` into ``to_layer`` at ``process``."""
    spec = core.Conversion(process, from_layer, to_layer, factor, consumed, source, estimate)
    with _Write(system):
        conv, _created = m.Conversion.objects.update_or_create(
            system=system, process=_process(system, spec.process), from_layer=_layer(system, spec.from_layer),
            to_layer=_layer(system, spec.to_layer), defaults=_conversion_fields(spec))
    return conv


def delete_conversion(system: m.System, user=None, *, process: str, from_layer: str, to_layer: str) -> None:
    with _Write(system):
        deleted, _count = m.Conversion.objects.filter(system=system, process__code=process,
                                                      from_layer__code=from_layer, to_layer__code=to_layer).delete()
        if not deleted:
            raise ValidationError(_("No conversion of %(from_layer)s into %(to_layer)s at %(process)s.")
                                  % {"from_layer": from_layer, "to_layer": to_layer, "process": process})


def accept_imbalance(system: m.System, user=None, *, process: str, layer: str, reason: str,
                     year: int | None = None) -> m.Acceptance:
    """Accept the imbalance of ``process`` in ``layer`` (one year, or every year) with a reason."""
    spec = core.Acceptance(process, layer, reason, year)
    with _Write(system):
        acc = m.Acceptance.objects.create(system=system, process=_process(system, spec.process),
                                          layer=_layer(system, spec.layer), year=spec.year, reason=spec.reason,
                                          accepted_by=user)
    return acc


def withdraw_acceptance(system: m.System, user=None, *, pk: int) -> None:
    with _Write(system):
        m.Acceptance.objects.filter(system=system, pk=pk).delete()


def publish(system: m.System, user=None, *, published: bool = True) -> m.System:
    """Publish (everyone can read it) or unpublish; a blocking system with an imbalance
    that is not accepted cannot be published."""
    return update_system(system, user, published=published)


# -- whole definitions: import, scenarios --------------------------------------------------------
def replace_definition(system: m.System, defn: core.SystemDefinition, user=None,
                       language: str | None = None) -> m.System:
    """Replace everything the system holds with ``defn`` (all or nothing)."""
    defn.validate()
    with _Write(system):
        for model in (m.Acceptance, m.Conversion, m.Stock, m.Flow, m.Parameter):
            model.objects.filter(system=system).delete()
        m.Process.objects.filter(system=system).delete()
        m.Layer.objects.filter(system=system).delete()
        system.first_year, system.last_year = _check_years(defn.years[0], defn.years[-1])
        system.second_dimension = ({"name": defn.second_dimension.name, "letter": defn.second_dimension.letter,
                                    "items": list(defn.second_dimension.items)} if defn.second_dimension else None)
        system.indicators = [{"code": i.code, "name": i.name, "layer": i.layer,
                              "numerator": [list(p) for p in i.numerator],
                              "denominator": [list(p) for p in i.denominator],
                              "higher_is_better": i.higher_is_better} for i in defn.indicators]
        system.blocking, system.rtol, system.atol = defn.blocking, defn.rtol, defn.atol
        system.save()
        layers = {}
        for i, lay in enumerate(defn.layers):
            layers[lay.code] = m.Layer.objects.create(system=system, code=lay.code, unit=lay.unit, name=lay.name,
                                                      position=i)
        procs = {}
        for i, p in enumerate(defn.processes):
            process = m.Process(system=system, code=p.code, position=i)
            _set_name(process, "name", p.name, language)
            process.save()
            procs[p.code] = process
        m.Flow.objects.bulk_create([
            m.Flow(system=system, origin=procs[f.origin], destination=procs[f.destination], layer=layers[f.layer],
                   values=system_io.values_json(f.values), share=f.share if isinstance(f.share, float) else None,
                   share_parameter=f.share if isinstance(f.share, str) else "", source=f.source,
                   estimate=f.estimate) for f in defn.flows], batch_size=500)
        for s in defn.stocks:
            m.Stock.objects.create(system=system, process=procs[s.process], layer=layers[s.layer], kind=s.kind,
                                   lifetime=s.lifetime, outflow_to=procs[s.outflow_to] if s.outflow_to else None,
                                   values={str(k): v for k, v in s.values.items()}, initial=s.initial, name=s.name)
        for par in defn.parameters:
            m.Parameter.objects.create(
                system=system, name=par.name, value=None if isinstance(par.values, dict) else par.values,
                values={str(k): v for k, v in par.values.items()} if isinstance(par.values, dict) else {})
        for a in defn.acceptances:
            m.Acceptance.objects.create(system=system, process=procs[a.process], layer=layers[a.layer],
                                        year=a.year, reason=a.reason, accepted_by=user)
        for c in defn.conversions:
            m.Conversion.objects.create(system=system, process=procs[c.process], from_layer=layers[c.from_layer],
                                        to_layer=layers[c.to_layer], **_conversion_fields(c))
    return system


def import_system(city, defn: core.SystemDefinition, user=None, *, system: m.System | None = None,
                  scope: str = "city", area: str = "", description: str = "", language: str | None = None,
                  base: m.System | None = None, published: bool = False) -> m.System:
    """Create a system from ``defn`` (or replace ``system``'s content), in one transaction."""
    defn.validate()
    with transaction.atomic():
        if system is None:
            system = create_system(city, user, name=defn.name, first_year=defn.years[0], last_year=defn.years[-1],
                                   scope=scope, area=area, description=description, layers=(),
                                   language=language, base=base)
        replace_definition(system, defn, user, language)
        if published:
            update_system(system, user, published=True)
    return system


def make_scenario(system: m.System, user=None, *, name: str, language: str | None = None) -> m.System:
    """A copy of ``system`` to change (its parameters or flows), compared with the base."""
    name = rules.name("name", name, required=True)
    defn = definition(system, language)
    desc = translated(system, "description", language).text
    with transaction.atomic():
        scenario = import_system(system.city, defn, user, scope=system.scope, area=system.area, description=desc,
                                 language=language, base=system)
        _set_name(scenario, "name", name, language)
        scenario.save()
    return scenario


# -- dynamic stock models ----------------------------------------------------------------------
def _check_stock_model(first_year, values, lifetime, driver) -> tuple[int, list[float], dict]:
    first = rules.year("first_year", first_year)
    rules.choice("driver", driver, m.StockModel.Driver.values)
    if not isinstance(values, list | tuple) or len(values) < 3:
        raise rules.FieldError("values", _("Expected at least three years of values."))
    if first + len(values) - 1 > rules.YEAR_MAX:
        raise rules.FieldError("values", _("Expected the last year to be %(max)s at the latest."), max=rules.YEAR_MAX)
    vals = [float(rules.non_negative("values", v, maximum=rules.MAX_MAGNITUDE)) for v in values]
    life = parse_lifetime(lifetime).as_dict()
    return first, vals, life


def create_stock_model(city, user=None, *, name: str, subject: str, unit: str, driver: str, first_year: int,
                       values: list, lifetime: dict, source: str = "", estimate: bool = False,
                       language: str | None = None, run: bool = True) -> m.StockModel:
    name = rules.name("name", name, required=True)
    rules.choice("subject", subject, m.Subject.values)
    unit = rules.name("unit", unit, required=True, max_length=20)
    first, vals, life = _check_stock_model(first_year, values, lifetime, driver)
    with transaction.atomic():
        model = m.StockModel(city=city, subject=subject, unit=unit, driver=driver, first_year=first, values=vals,
                             lifetime=life, source=rules.name("source", source, max_length=300),
                             estimate=bool(estimate), created_by=user)
        _set_name(model, "name", name, language)
        model.save()
        if run:
            run_stock_model(model, user)
    return model


def update_stock_model(model: m.StockModel, user=None, *, language: str | None = None, **fields) -> m.StockModel:
    allowed = {"name", "subject", "unit", "driver", "first_year", "values", "lifetime", "source", "estimate",
               "published"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    with transaction.atomic():
        if "name" in fields:
            _set_name(model, "name", rules.name("name", fields["name"], required=True), language)
        if "subject" in fields:
            model.subject = rules.choice("subject", fields["subject"], m.Subject.values)
        if "unit" in fields:
            model.unit = rules.name("unit", fields["unit"], required=True, max_length=20)
        if "source" in fields:
            model.source = rules.name("source", fields["source"], max_length=300)
        if "estimate" in fields:
            model.estimate = bool(fields["estimate"])
        if "published" in fields:
            model.published = bool(fields["published"])
        inputs = {"first_year", "values", "lifetime", "driver"} & set(fields)
        if inputs:
            model.first_year, model.values, model.lifetime = _check_stock_model(
                fields.get("first_year", model.first_year), fields.get("values", model.values),
                fields.get("lifetime", model.lifetime), fields.get("driver", model.driver))
            model.driver = fields.get("driver", model.driver)
            model.result = None
        model.save()
        if inputs:
            run_stock_model(model, user)
    return model


def compute_stock_result(model: m.StockModel) -> dict:
    years = model.years
    kwargs = {"inflow": model.values} if model.driver == "inflow" else {"stock": model.values}
    return compute_stock(years, lifetime=model.lifetime, **kwargs).as_dict()


def run_stock_model(model: m.StockModel, user=None):
    """Compute now (short series), or start a job with progress (long ones). Returns the job or None."""
    if len(model.values) <= STOCK_MODEL_JOB_YEARS:
        m.StockModel.objects.filter(pk=model.pk).update(result=compute_stock_result(model), job=None)
        model.refresh_from_db()
        return None
    from circularcities.jobs import runner

    m.StockModel.objects.filter(pk=model.pk).update(result=None)
    job = runner.start("systems.stock_model", "circularcities.systems.services.stock_model_job",
                       {"model": model.pk}, owner=user, title=str(model)[:200])
    m.StockModel.objects.filter(pk=model.pk).update(job=job)
    model.refresh_from_db()
    return job


def stock_model_job(params: dict, report) -> dict:
    """Job: run one stock model and store its result."""
    from django.urls import reverse

    model = m.StockModel.objects.get(pk=params["model"])
    report(0.1, "Running the dynamic stock model.")
    try:
        result = compute_stock_result(model)
    except ValidationError as exc:
        raise CircularCitiesError(str(exc)) from exc
    report(0.9, "Storing the result.")
    m.StockModel.objects.filter(pk=model.pk).update(result=result)
    return {"url": reverse("systems:stock_detail", args=[model.pk]), "years": len(result["years"])}
