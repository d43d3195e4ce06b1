from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.models import MAX_FOCAL_AREAS, City, ThematicArea
from circularcities.core.planning.currency import ISO_4217

YEARS = (1800, 2100)


class FocalAreasForm(forms.Form):
    areas = forms.ModelMultipleChoiceField(
        queryset=ThematicArea.objects.all(), widget=forms.CheckboxSelectMultiple,
        required=False, label=_("Focal areas"),
        help_text=_("Choose at most three."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].label_from_instance = lambda a: a.t("name")

    def clean_areas(self):
        areas = list(self.cleaned_data["areas"])
        if len(areas) > MAX_FOCAL_AREAS:
            raise forms.ValidationError(
                _("A city can choose at most three focal areas; you picked %(n)d. Nothing was changed."),
                params={"n": len(areas)}, code="too_many")
        return areas


class CityProfileForm(forms.ModelForm):
    class Meta:
        model = City
        fields = ["name_en", "name_zh", "population", "population_year", "gdp", "gdp_currency",
                  "gdp_year", "area_km2", "lat", "lon", "profile_en", "profile_zh"]
        labels = {
            "name_en": _("Name (English)"), "name_zh": _("Name (Chinese)"),
            "population": _("Population"), "population_year": _("Population year"),
            "gdp": _("GDP"), "gdp_currency": _("GDP currency (ISO 4217)"), "gdp_year": _("GDP year"),
            "area_km2": _("Area (km²)"), "lat": _("Latitude (WGS84)"), "lon": _("Longitude (WGS84)"),
            "profile_en": _("Profile (English)"), "profile_zh": _("Profile (Chinese)"),
        }
        widgets = {"profile_en": forms.Textarea(attrs={"rows": 4}),
                   "profile_zh": forms.Textarea(attrs={"rows": 4})}

    def clean_gdp_currency(self):
        value = (self.cleaned_data.get("gdp_currency") or "").strip().upper()
        if value and value not in ISO_4217:
            raise forms.ValidationError(_("Enter a three-letter ISO 4217 code such as EUR or CNY."))
        if self.cleaned_data.get("gdp") is not None and not value:
            raise forms.ValidationError(_("Give the currency of the GDP figure."))
        return value

    def _year(self, name):
        v = self.cleaned_data.get(name)
        if v is not None and not YEARS[0] <= v <= YEARS[1]:
            raise forms.ValidationError(_("Enter a year between %(a)d and %(b)d.") % {"a": YEARS[0], "b": YEARS[1]})
        return v

    def clean_population_year(self):
        return self._year("population_year")

    def clean_gdp_year(self):
        return self._year("gdp_year")

    def clean_area_km2(self):
        v = self.cleaned_data.get("area_km2")
        if v is not None and not 0 < v <= 1_000_000:
            raise forms.ValidationError(_("The area must be more than 0 and at most 1,000,000 km²."))
        return v

    def clean_population(self):
        v = self.cleaned_data.get("population")
        if v is not None and v > 100_000_000:
            raise forms.ValidationError(_("The population must be at most 100 million."))
        return v

    def clean_gdp(self):
        v = self.cleaned_data.get("gdp")
        if v is not None and v < 0:
            raise forms.ValidationError(_("The GDP cannot be negative."))
        return v

    def clean_lat(self):
        v = self.cleaned_data.get("lat")
        if v is not None and not -90 <= v <= 90:
            raise forms.ValidationError(_("Latitude must be between -90 and 90."))
        return v

    def clean_lon(self):
        v = self.cleaned_data.get("lon")
        if v is not None and not -180 <= v <= 180:
            raise forms.ValidationError(_("Longitude must be between -180 and 180."))
        return v
