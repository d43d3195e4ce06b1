from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.models import MAX_FOCAL_AREAS, City, ThematicArea
from circularcities.web.content import suffix


def text_field_names(fields) -> list[str]:
    """``name`` -> ``name_en``, ``name_zh``, ... for every platform language."""
    return [f"{f}_{suffix(code)}" for f in fields for code, _n in settings.LANGUAGES]


def language_text_fields(fields: dict, languages=None, required=("name", "title")) -> dict:
    """One form field per language for each translated field.

    ``fields`` maps a translated field to ``(label, multiline)``; ``languages`` is a list
    of (code, name), the platform's by default. English is required for names and
    titles; the other languages may stay empty (the page then shows the English text
    marked "not yet translated").
    """
    out = {}
    for name, (label, multiline) in fields.items():
        for code, language in (languages or settings.LANGUAGES):
            widget = forms.Textarea(attrs={"rows": 4}) if multiline else forms.TextInput()
            out[f"{name}_{suffix(code)}"] = forms.CharField(
                label=f"{label} ({language})", required=(code == "en" and name in required),
                widget=widget, strip=True)
    return out


def add_text_fields(form, fields: dict, instance=None, required=("name", "title")) -> None:
    """Add :func:`language_text_fields` to a form, filled from ``instance``."""
    for key, field in language_text_fields(fields, required=required).items():
        if instance is not None and getattr(instance, "pk", None):
            field.initial = getattr(instance, key, "")
        form.fields[key] = field


def fill_text_initial(form, instance) -> None:
    """Initial values of declared per-language fields from the instance's translations."""
    if instance is None or not getattr(instance, "pk", None):
        return
    for key in form.fields:
        if _is_text_key(instance, key):
            form.initial.setdefault(key, getattr(instance, key, ""))


def _is_text_key(instance, key: str) -> bool:
    is_legacy = getattr(type(instance), "_is_legacy", None)
    return bool(is_legacy and is_legacy(key))


class FocalAreasForm(forms.Form):
    areas = forms.ModelMultipleChoiceField(
        queryset=ThematicArea.objects.prefetch_related("translations"), widget=forms.CheckboxSelectMultiple,
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


CITY_TEXT = {"name": (_("Name"), False), "profile": (_("Profile"), True)}


class CityProfileForm(forms.ModelForm):
    class Meta:
        model = City
        fields = ["population", "population_year", "gdp", "gdp_currency",
                  "gdp_year", "area_km2", "lat", "lon"]
        labels = {
            "population": _("Population"), "population_year": _("Population year"),
            "gdp": _("GDP"), "gdp_currency": _("GDP currency (ISO 4217)"), "gdp_year": _("GDP year"),
            "area_km2": _("Area (km²)"), "lat": _("Latitude (WGS84)"), "lon": _("Longitude (WGS84)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        numbers = dict(self.fields)
        self.fields.clear()
        add_text_fields(self, CITY_TEXT, self.instance)
        self.fields.update(numbers)

    def _post_clean(self):
        # The one write path (coalition.services.city_update) checks every rule, with the
        # same messages as the API; the form only parses the numbers.
        pass

    def save(self, commit=True, *, user=None):
        """Save through the service; raises FieldError naming the field."""
        from circularcities.coalition.services import city_update

        return city_update(city=self.instance, user=user,
                           **{k: self.cleaned_data.get(k) for k in self.fields})
