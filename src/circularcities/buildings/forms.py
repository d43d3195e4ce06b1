"""Forms: they parse input and hand it to :mod:`services`; no rule lives here."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from circularcities.buildings.models import (
    ACCESSIBILITY_LABELS,
    CONNECTION_LABELS,
    FIGURE_LABELS,
    Building,
    Component,
)


class BuildingForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    description = forms.CharField(label=gettext_lazy("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    address = forms.CharField(label=gettext_lazy("Address"), max_length=300, required=False)
    lat = forms.FloatField(label=gettext_lazy("Latitude"), required=False)
    lon = forms.FloatField(label=gettext_lazy("Longitude"), required=False)
    use = forms.ChoiceField(label=gettext_lazy("Use"), choices=Building.Use.choices)
    floor_area_m2 = forms.FloatField(label=gettext_lazy("Floor area (m²)"), required=False)
    year_built = forms.IntegerField(label=gettext_lazy("Year built"), required=False)
    design_life_years = forms.IntegerField(label=gettext_lazy("Design life (years)"), required=False)
    planned_end_of_use = forms.DateField(label=gettext_lazy("Planned end of use"), required=False,
                                         widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(label=gettext_lazy("Source of the figures"), max_length=400,
                             required=False)
    published = forms.BooleanField(label=gettext_lazy("Publish the passport"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (Excel .xlsx, CSV or IFC model)"))


class OfferForm(forms.Form):
    horizon_years = forms.IntegerField(label=gettext_lazy("Components whose use ends within (years)"),
                                       min_value=1, max_value=50, initial=10)


class MapForm(forms.Form):
    horizon_years = forms.IntegerField(label=gettext_lazy("Horizon (years)"), min_value=1,
                                       max_value=50, initial=20, required=False)


class ComponentForm(forms.Form):
    """One component; its materials as lines ``name; mass in kg; EU List of Waste code``."""

    reference = forms.CharField(label=gettext_lazy("Reference"), max_length=100)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    classification = forms.CharField(label=gettext_lazy("Classification"), max_length=100,
                                     required=False)
    count = forms.IntegerField(label=gettext_lazy("Count"), required=False, min_value=1)
    materials = forms.CharField(
        label=gettext_lazy("Materials"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line: name; mass in kg (blank when unknown); EU List of "
                               "Waste code, e.g. timber; 1200; 17 02 01"))
    connection = forms.ChoiceField(label=gettext_lazy("Connection"), required=False,
                                   choices=[("", "—"), *CONNECTION_LABELS.items()])
    accessibility = forms.ChoiceField(label=gettext_lazy("Accessibility"), required=False,
                                      choices=[("", "—"), *ACCESSIBILITY_LABELS.items()])
    origin = forms.ChoiceField(label=gettext_lazy("Origin"), required=False,
                               choices=[("", "—"), *Component.Origin.choices])
    reusable_share = forms.FloatField(label=gettext_lazy("Reusable share (0 to 1)"), required=False)
    recyclable_share = forms.FloatField(label=gettext_lazy("Recyclable share (0 to 1)"),
                                        required=False)
    composted_share = forms.FloatField(label=gettext_lazy("Composted share (0 to 1)"),
                                       required=False)
    energy_share = forms.FloatField(label=gettext_lazy("Energy recovery share (0 to 1)"),
                                    required=False)
    lifetime_years = forms.FloatField(label=gettext_lazy("Expected lifetime (years)"), required=False)
    reference_lifetime_years = forms.FloatField(
        label=gettext_lazy("Industry-average lifetime (years)"), required=False)
    take_back_supplier = forms.CharField(label=gettext_lazy("Take-back supplier"), required=False)
    take_back_terms = forms.CharField(label=gettext_lazy("Take-back terms"), required=False)
    take_back_until = forms.DateField(label=gettext_lazy("Take-back until"), required=False,
                                      widget=forms.DateInput(attrs={"type": "date"}))
    residual_value = forms.FloatField(label=gettext_lazy("Residual value"), required=False)
    currency = forms.CharField(label=gettext_lazy("Currency (ISO 4217)"), max_length=3,
                               required=False)
    residual_value_date = forms.DateField(label=gettext_lazy("Residual value estimated on"),
                                          required=False,
                                          widget=forms.DateInput(attrs={"type": "date"}))
    end_of_use = forms.DateField(label=gettext_lazy("Planned end of use (blank: the building's)"),
                                 required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for figure, label in FIGURE_LABELS.items():
            self.fields[f"quality_{figure}"] = forms.ChoiceField(
                label=gettext_lazy("Data quality: %(figure)s") % {"figure": label}, required=False,
                choices=[("", "—"), ("measured", gettext_lazy("measured")),
                         ("estimated", gettext_lazy("estimated")), ("missing", gettext_lazy("missing"))])

    def service_data(self) -> dict:
        """The cleaned fields as :func:`services.save_component` takes them."""
        d = dict(self.cleaned_data)
        materials = []
        for line in (d.pop("materials") or "").splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")] + ["", ""]
            materials.append({"material": parts[0], "mass_kg": parts[1] or None,
                              "waste_code": parts[2]})
        d["materials"] = materials
        d["quality"] = {f: d.pop(f"quality_{f}") for f in FIGURE_LABELS if d.get(f"quality_{f}")}
        for f in FIGURE_LABELS:
            d.pop(f"quality_{f}", None)
        return d


def component_initial(c) -> dict:
    from circularcities.web.translated import translated

    data = {k: getattr(c, k) for k in (
        "reference", "classification", "count", "connection", "accessibility", "origin",
        "reusable_share", "recyclable_share", "composted_share", "energy_share", "lifetime_years",
        "reference_lifetime_years", "take_back_supplier", "take_back_terms", "take_back_until",
        "residual_value", "currency", "residual_value_date", "end_of_use")}
    data["name"] = translated(c, "name").text
    data["materials"] = "\n".join(
        f"{m.material}; {'' if m.mass_kg is None else f'{m.mass_kg:g}'}; {m.waste_code}"
        for m in c.materials.all())
    for f, q in (c.quality or {}).items():
        data[f"quality_{f}"] = q
    return data
