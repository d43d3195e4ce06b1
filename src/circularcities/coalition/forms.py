from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.models import MAX_FOCAL_AREAS, City, ThematicArea


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

    def _post_clean(self):
        # The one write path (coalition.services.city_update) checks every rule, with the
        # same messages as the API; the form only parses the numbers.
        pass

    def save(self, commit=True, *, user=None):
        """Save through the service; raises FieldError naming the field."""
        from circularcities.coalition.services import city_update

        return city_update(city=self.instance, user=user,
                           **{k: self.cleaned_data.get(k) for k in self.Meta.fields})
