"""Forms of the system pages; every value is checked again by the services (core rules)."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.core.mfa.lifetimes import LIFETIME_KINDS
from circularcities.core.mfa.system import LAYER_UNITS, STOCK_KINDS, UNITS
from circularcities.systems.models import Scope, StockKind, StockModel, Subject

LAYER_CHOICES = [("materials", _("materials (t)")), ("water", _("water (m3)")), ("energy", _("energy (MWh)")),
                 ("phosphorus", _("phosphorus (kg P)")), ("nitrogen", _("nitrogen (kg N)")),
                 ("carbon", _("carbon (t CO2e)"))]
DISTRIBUTIONS = [("normal", _("normal")), ("lognormal", _("log-normal")), ("weibull", _("Weibull")),
                 ("fixed", _("fixed"))]
assert {c for c, _l in LAYER_CHOICES} == set(LAYER_UNITS) and {c for c, _l in DISTRIBUTIONS} == set(LIFETIME_KINDS)
assert set(StockKind.values) == set(STOCK_KINDS)

_PAIR = re.compile(r"^\s*(\d{4})\s*[=:]\s*(\S+)\s*$")


def parse_per_year(text: str, years: tuple[int, ...] | list[int]) -> dict[int, float]:
    """``"2020=100; 2021=120"`` (or one line each, ``:`` for ``=``) or one number for every year."""
    text = (text or "").strip()
    if not text:
        return {}
    try:
        one = float(text.replace(",", ""))
    except ValueError:
        pass
    else:
        return dict.fromkeys(years, one)
    out: dict[int, float] = {}
    for part in re.split(r"[;\n]+", text):
        if not part.strip():
            continue
        match = _PAIR.match(part)
        if not match:
            raise forms.ValidationError(_("Write year=amount pairs separated by ';', e.g. 2020=100; 2021=120, "
                                          "or one number for every year."))
        try:
            out[int(match.group(1))] = float(match.group(2).replace(",", ""))
        except ValueError:
            raise forms.ValidationError(_("'%(value)s' is not a number.") % {"value": match.group(2)}) from None
    return out


class SystemForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices)
    area = forms.CharField(label=_("District, park or sector"), max_length=200, required=False)
    first_year = forms.IntegerField(label=_("First year"), min_value=1900, max_value=2100)
    last_year = forms.IntegerField(label=_("Last year"), min_value=1900, max_value=2100)
    layers = forms.MultipleChoiceField(label=_("Layers"), choices=LAYER_CHOICES, initial=["materials"],
                                       widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx) or flodym-style JSON"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.json"}))
    name = forms.CharField(label=_("Name (for a new system)"), max_length=200, required=False)


def _codes(choices):
    return [(c, c) for c in choices]


class PartForm(forms.Form):
    """A form whose process and layer choices are the system's."""

    def __init__(self, *args, processes=(), layers=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ChoiceField) and name in ("origin", "destination", "process", "outflow_to"):
                field.choices = ([("", "—")] if not field.required else []) + _codes(processes)
            if isinstance(field, forms.ChoiceField) and name == "layer":
                field.choices = _codes(layers)


class ProcessForm(PartForm):
    code = forms.CharField(label=_("Code"), max_length=60, help_text=_("Letters, digits, _ or -, e.g. biorefinery."))
    name = forms.CharField(label=_("Name"), max_length=200, required=False)


class LayerForm(PartForm):
    code = forms.CharField(label=_("Code"), max_length=60,
                           help_text=_("materials, water, energy, phosphorus, nitrogen, carbon, or your own"))
    unit = forms.ChoiceField(label=_("Unit"), choices=[("", _("the standard layer's")), *((u, u) for u in UNITS)],
                             required=False)
    name = forms.CharField(label=_("Name"), max_length=100, required=False)


class FlowForm(PartForm):
    origin = forms.ChoiceField(label=_("From"))
    destination = forms.ChoiceField(label=_("To"))
    layer = forms.ChoiceField(label=_("Layer"))
    amounts = forms.CharField(label=_("Amounts"), required=False,
                              help_text=_("One number for every year, or 2020=100; 2021=120"))
    share = forms.CharField(label=_("or share of what the origin receives"), required=False, max_length=60,
                            help_text=_("0..1, or a parameter's name"))
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    estimate = forms.BooleanField(label=_("Estimate"), required=False)


class StockForm(PartForm):
    process = forms.ChoiceField(label=_("Process"))
    layer = forms.ChoiceField(label=_("Layer"))
    kind = forms.ChoiceField(label=_("Kind"), choices=StockKind.choices)
    distribution = forms.ChoiceField(label=_("Lifetime"), choices=[("", "—"), *DISTRIBUTIONS], required=False)
    mean = forms.FloatField(label=_("Mean (years)"), required=False)
    std = forms.FloatField(label=_("Standard deviation (years)"), required=False)
    scale = forms.FloatField(label=_("Weibull scale (years)"), required=False)
    shape = forms.FloatField(label=_("Weibull shape"), required=False)
    outflow_to = forms.ChoiceField(label=_("Outflow goes to"), required=False)
    changes = forms.CharField(label=_("Stock change per year (given)"), required=False)
    initial_stock = forms.FloatField(label=_("Stock before the first year"), required=False)


class ConversionForm(PartForm):
    process = forms.ChoiceField(label=_("Process"))
    from_layer = forms.ChoiceField(label=_("Uses up"))
    to_layer = forms.ChoiceField(label=_("Yields"))
    consumed = forms.CharField(label=_("Share used up of what the process receives"), max_length=60, initial="1",
                               help_text=_("0..1, or a parameter's name"))
    factor = forms.CharField(label=_("Yield per unit used up"), max_length=60,
                             help_text=_("e.g. 0.5 MWh per t; a number or a parameter's name"))
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    estimate = forms.BooleanField(label=_("Estimate"), required=False)

    def __init__(self, *args, processes=(), layers=(), **kwargs):
        super().__init__(*args, processes=processes, layers=layers, **kwargs)
        for name in ("from_layer", "to_layer"):
            self.fields[name].choices = _codes(layers)  # type: ignore[attr-defined]


class ParameterForm(PartForm):
    name = forms.CharField(label=_("Name"), max_length=60)
    values = forms.CharField(label=_("Value"), help_text=_("One number, or 2020=0.5; 2030=0.8 (every year)"))


class AcceptForm(PartForm):
    process = forms.ChoiceField(label=_("Process"))
    layer = forms.ChoiceField(label=_("Layer"))
    year = forms.IntegerField(label=_("Year (empty: every year)"), required=False, min_value=1900, max_value=2100)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=500)


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Scenario name"), max_length=200)


class StockModelForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    subject = forms.ChoiceField(label=_("Stock of"), choices=Subject.choices)
    unit = forms.CharField(label=_("Unit"), max_length=20, initial="t")
    driver = forms.ChoiceField(label=_("Model"), choices=StockModel.Driver.choices)
    first_year = forms.IntegerField(label=_("First year"), min_value=1900, max_value=2100)
    values = forms.CharField(label=_("Inflow or stock per year"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Numbers separated by spaces, commas or new lines, one per year."),
                             required=False)
    file = forms.FileField(label=_("or an Excel file (columns year, value)"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))
    distribution = forms.ChoiceField(label=_("Lifetime distribution"), choices=DISTRIBUTIONS)
    mean = forms.FloatField(label=_("Mean (years)"), required=False)
    std = forms.FloatField(label=_("Standard deviation (years)"), required=False)
    scale = forms.FloatField(label=_("Weibull scale (years)"), required=False)
    shape = forms.FloatField(label=_("Weibull shape"), required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    estimate = forms.BooleanField(label=_("Estimate"), required=False)


def lifetime_from(data: dict) -> dict:
    """The lifetime dict of a form's cleaned data (only the keys its distribution takes)."""
    kind = data.get("distribution")
    if not kind:
        return {}
    keys = LIFETIME_KINDS[kind][1]
    return {"distribution": kind, **{k: data.get(k) for k in keys}}
