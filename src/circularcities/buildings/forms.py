"""Forms: they parse input and hand it to :mod:`services`; no rule lives here."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from circularcities.buildings.models import Building


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
