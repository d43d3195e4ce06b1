from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.core import rules
from circularcities.web.fielderrors import PlainTextForm, check
from circularcities.web.translated_forms import TranslatedFieldsForm

from . import models as m
from .services import MAX_SECONDS, MIN_SECONDS

if TYPE_CHECKING:
    from circularcities.coalition.models import City


class WorkbookForm(forms.Form):
    """Create (or update, by name) a scenario from a scenario workbook."""

    city: forms.ModelChoiceField[City] = forms.ModelChoiceField(label=_("City"), queryset=None, required=False,
                                  empty_label=_("— the secretariat —"))
    name = forms.CharField(label=_("Scenario name"), max_length=160, required=False,
                           help_text=_("Default: the name in the workbook's settings sheet."))
    file = forms.FileField(label=_("Scenario workbook (.xlsx)"))

    def __init__(self, *args, cities=None, allow_none=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["city"].required = not allow_none

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith((".xlsx", ".xlsm")):
            raise forms.ValidationError(_("Expected an Excel workbook (.xlsx); use the template."))
        return f


class ReplaceWorkbookForm(forms.Form):
    file = forms.FileField(label=_("Scenario workbook (.xlsx)"))


class NewScenarioForm(TranslatedFieldsForm, PlainTextForm, forms.ModelForm):
    translated_fields = {"title": None, "description": forms.Textarea(attrs={"rows": 3})}
    translated_labels = {"title": _("Title"), "description": _("Description")}
    max_lengths = {"title": 160}

    class Meta:
        model = m.Scenario
        fields = ["city", "name", "currency", "circuity", "published"]

    def __init__(self, *args, cities=None, allow_none=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["city"].required = not allow_none
        self.fields["city"].empty_label = _("— the secretariat —")

    def clean_currency(self):
        return check(self, rules.currency, "currency", self.cleaned_data["currency"])

    def clean_circuity(self):
        # Road distance over straight-line distance: measured values lie around 1.1-1.6;
        # anything above 3 is a typing error, not a road network.
        v = self.cleaned_data["circuity"]
        if v is not None and not 1.0 <= v <= 3.0:
            raise forms.ValidationError(_("The circuity factor must be between 1.0 and 3.0 (typical roads: 1.2-1.4)."))
        return v


class PointsCsvForm(forms.Form):
    file = forms.FileField(label=_("Collection points (.csv)"))
    replace = forms.BooleanField(label=_("Remove the points that are not in the file"),
                                 required=False, initial=True)


class PlaceForm(PlainTextForm, forms.Form):
    """Something placed on the map: a collection point, a depot or a facility."""

    KINDS = [("point", _("Collection point")), ("depot", _("Depot")), ("facility", _("Facility"))]
    kind = forms.ChoiceField(label=_("What"), choices=KINDS, initial="point")
    code = forms.CharField(label=_("Id"), max_length=60)
    name = forms.CharField(label=_("Name"), max_length=160, required=False)
    municipality = forms.CharField(label=_("Municipality"), max_length=120, required=False)
    lat = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    lon = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)
    quantity_t = forms.FloatField(label=_("Quantity (t per collection)"), min_value=0, required=False)
    service_min = forms.FloatField(label=_("Service time (min)"), min_value=0, required=False)
    earliest_min = forms.FloatField(label=_("Earliest (min after shift start)"), min_value=0,
                                    required=False)
    latest_min = forms.FloatField(label=_("Latest (min after shift start)"), min_value=0,
                                  required=False)
    capacity_t_per_day = forms.FloatField(label=_("Capacity (t/day)"), min_value=0.001,
                                          required=False)

    def __init__(self, *args, scenario=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scenario = scenario

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in ("point", "depot") and not data.get("municipality"):
            self.add_error("municipality", _("Expected a municipality."))
        if kind == "point" and data.get("quantity_t") is None:
            self.add_error("quantity_t", _("Expected the quantity collected, in tonnes."))
        if kind == "facility" and data.get("capacity_t_per_day") is None:
            self.add_error("capacity_t_per_day", _("Expected the facility's daily capacity."))
        e, late = data.get("earliest_min"), data.get("latest_min")
        if e is not None and late is not None and e > late:
            self.add_error("latest_min", _("Expected the latest time after the earliest."))
        code = data.get("code")
        if code and self.scenario is not None and kind:
            manager = {"point": self.scenario.points, "depot": self.scenario.depots,
                       "facility": self.scenario.facilities}[kind]
            if manager.filter(code=code).exists():
                self.add_error("code", _("This id is already used in the scenario."))
        return data


class VehicleForm(PlainTextForm, forms.ModelForm):
    class Meta:
        model = m.VehicleType
        fields = ["code", "name", "depot", "count", "capacity_t", "cost_per_km", "cost_per_hour",
                  "cost_per_day", "speed_kmh", "co2e_kg_per_km", "shift_hours"]

    def __init__(self, *args, scenario=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scenario = scenario
        self.fields["depot"].queryset = scenario.depots.all()

    def clean_code(self):
        code = self.cleaned_data["code"]
        if self.scenario.vehicle_types.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This id is already used in the scenario."))
        return code


class PlanForm(forms.Form):
    name = forms.CharField(label=_("Plan name"), max_length=160)
    groups = forms.CharField(
        label=_("Groups"), max_length=2000,
        help_text=_("Groups separated by | and municipalities in a group joined by +, "
                    "e.g. “Ube | Hofu + Yamaguchi”."))

    def __init__(self, *args, scenario=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scenario = scenario

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.scenario.plans.filter(name=name).exists():
            raise forms.ValidationError(_("A plan with this name exists already."))
        return name

    def clean_groups(self):
        text = self.cleaned_data["groups"]
        groups = [[x.strip() for x in part.split("+") if x.strip()] for part in text.split("|")]
        groups = [g for g in groups if g]
        known = set(self.scenario.municipalities)
        named = [x for g in groups for x in g]
        unknown = sorted(set(named) - known)
        if unknown:
            raise forms.ValidationError(
                _("No collection points in %(names)s; the municipalities are: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(sorted(known))})
        twice = sorted({x for x in named if named.count(x) > 1})
        if twice:
            raise forms.ValidationError(_("Expected each municipality in one group only: %(names)s.")
                                        % {"names": ", ".join(twice)})
        missing = sorted(known - set(named))
        if missing:
            raise forms.ValidationError(_("Expected every municipality in a group; missing %(names)s.")
                                        % {"names": ", ".join(missing)})
        return [{"municipalities": sorted(g), "facility": None, "depots": None} for g in groups]


class RunForm(forms.Form):
    seconds = forms.FloatField(label=_("Time limit per group (s)"), min_value=MIN_SECONDS,
                               max_value=MAX_SECONDS, initial=2.0)
    seed = forms.IntegerField(label=_("Seed"), min_value=0, initial=0)
    mode = forms.ChoiceField(label=_("What to solve"), choices=m.Run.Mode.choices,
                             initial=m.Run.Mode.PLANS)
