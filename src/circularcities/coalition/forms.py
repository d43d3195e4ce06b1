from typing import Any

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


class CityOfficeForm(forms.Form):
    """The secretariat registers or edits a member city (back office)."""

    slug = forms.SlugField(label=_("Short name (in addresses)"), max_length=50,
                           help_text=_("Lower-case letters, digits and hyphens; cannot change later."))
    country = forms.CharField(label=_("Country (ISO 3166, two letters)"), max_length=2)
    region = forms.CharField(label=_("Region"), max_length=40, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=City.Status.choices)
    member_since = forms.DateField(label=_("Endorsement date"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))
    population = forms.IntegerField(label=_("Population"), required=False)
    population_year = forms.IntegerField(label=_("Population year"), required=False)
    area_km2 = forms.FloatField(label=_("Area (km²)"), required=False)
    gdp = forms.DecimalField(label=_("GDP"), required=False, max_digits=20, decimal_places=2)
    gdp_currency = forms.CharField(label=_("GDP currency (ISO 4217)"), max_length=3, required=False)
    gdp_year = forms.IntegerField(label=_("GDP year"), required=False)
    lat = forms.FloatField(label=_("Latitude (WGS84)"), required=False)
    lon = forms.FloatField(label=_("Longitude (WGS84)"), required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    focal_areas = forms.ModelMultipleChoiceField(
        label=_("Focal areas"), help_text=_("Choose at most three."), required=False,
        queryset=ThematicArea.objects.prefetch_related("translations"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        fields = dict(self.fields)
        self.fields.clear()
        self.fields["slug"] = fields.pop("slug")
        add_text_fields(self, CITY_TEXT, city)
        self.fields.update(fields)
        self.fields["focal_areas"].label_from_instance = lambda a: a.t("name")
        if city is not None:
            del self.fields["slug"]
            for name in fields:
                if name != "focal_areas":
                    self.fields[name].initial = getattr(city, name)
            self.fields["focal_areas"].initial = [f.area_id for f in city.focal_areas.all()]

    def clean_focal_areas(self):
        areas = list(self.cleaned_data["focal_areas"])
        if len(areas) > MAX_FOCAL_AREAS:
            raise forms.ValidationError(
                _("A city can choose at most three focal areas; you picked %(n)d. Nothing was changed."),
                params={"n": len(areas)}, code="too_many")
        return areas

    def save(self, *, user):
        from circularcities.coalition.services import city_register, city_update, set_focal_areas

        data = dict(self.cleaned_data)
        areas = data.pop("focal_areas", [])
        if self.city is None:
            return city_register(user=user, focal_areas=areas, **data)
        from django.db import transaction

        with transaction.atomic():
            city = city_update(city=self.city, user=user, **data)
            set_focal_areas(city, areas, user=user)
        return city


PARTNER_TEXT = {"name": (_("Name"), False), "description": (_("Description"), True)}


class PartnerOfficeForm(forms.Form):
    """The secretariat adds or edits an organisation: partner, provider, business, funder."""

    slug = forms.SlugField(label=_("Short name (in addresses)"), max_length=50)
    kind = forms.ChoiceField(label=_("Kind"), choices=[])
    country = forms.CharField(label=_("Country (ISO 3166, two letters)"), max_length=2, required=False)
    city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("City"), required=False,
                                  queryset=City.objects.prefetch_related("translations"))
    areas = forms.ModelMultipleChoiceField(label=_("Thematic areas"), required=False,
                                           queryset=ThematicArea.objects.prefetch_related("translations"),
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, partner=None, **kwargs):
        from circularcities.coalition.models import Partner

        super().__init__(*args, **kwargs)
        self.partner = partner
        fields = dict(self.fields)
        self.fields.clear()
        self.fields["slug"] = fields.pop("slug")
        add_text_fields(self, PARTNER_TEXT, partner)
        self.fields.update(fields)
        self.fields["kind"].choices = [c for c in Partner.Kind.choices if c[0] != Partner.Kind.SECRETARIAT]
        self.fields["areas"].label_from_instance = lambda a: a.t("name")
        self.fields["city"].label_from_instance = lambda c: c.t("name")
        if partner is not None:
            del self.fields["slug"]
            self.fields["kind"].initial = partner.kind
            self.fields["country"].initial = partner.country
            self.fields["city"].initial = partner.city_id
            self.fields["areas"].initial = [a.pk for a in partner.areas.all()]

    def save(self, *, user):
        from circularcities.coalition.services import partner_save

        data = dict(self.cleaned_data)
        if self.partner is None:
            return partner_save(user=user, **data)
        data.pop("slug", None)
        return partner_save(partner=self.partner, user=user, **data)


class StageForm(forms.Form):
    kind = forms.ChoiceField(label=_("Stage"), choices=[])
    status = forms.ChoiceField(label=_("Status"), choices=[])
    start = forms.DateField(label=_("Start"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("End"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Owner"), required=False, queryset=None)

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model

        from circularcities.coalition.models import Stage

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Stage.Kind.choices
        self.fields["status"].choices = Stage.Status.choices
        self.fields["owner"].queryset = get_user_model().objects.filter(profile__role="secretariat")
        add_text_fields(self, {"title": (_("Title"), False)}, None, required=())


class DeliverableForm(forms.Form):
    stage: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Stage"), queryset=None)
    kind = forms.ChoiceField(label=_("Deliverable"), choices=[])
    city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("City"), required=False, queryset=None)
    due = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, group=None, **kwargs):
        from circularcities.coalition.models import Deliverable

        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = group.stages.all()
        self.fields["stage"].label_from_instance = lambda s: s.get_kind_display()
        self.fields["kind"].choices = Deliverable.Kind.choices
        self.fields["city"].queryset = City.objects.prefetch_related("translations")
        self.fields["city"].label_from_instance = lambda c: c.t("name")


class ResultForm(forms.Form):
    slug = forms.SlugField(label=_("Short name (in addresses)"), max_length=50)
    year = forms.IntegerField(label=_("Year"))
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    cities: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(label=_("Cities it concerns"), required=False, queryset=None,
                                            widget=forms.CheckboxSelectMultiple)
    stage: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Stage"), required=False, queryset=None)

    def __init__(self, *args, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = dict(self.fields)
        self.fields.clear()
        self.fields["slug"] = fields.pop("slug")
        add_text_fields(self, {"title": (_("Title"), False), "summary": (_("Summary"), True)}, None,
                        required=("title", "summary"))
        for key in [k for k in self.fields if k.startswith("summary_") and not k.endswith("_en")]:
            self.fields[key].required = False
        self.fields.update(fields)
        self.fields["cities"].queryset = City.objects.prefetch_related("translations")
        self.fields["cities"].label_from_instance = lambda c: c.t("name")
        self.fields["stage"].queryset = group.stages.all()
        self.fields["stage"].label_from_instance = lambda s: s.get_kind_display()


class EventOfficeForm(forms.Form):
    slug = forms.SlugField(label=_("Short name (in addresses)"), max_length=50)
    kind = forms.ChoiceField(label=_("Kind"), choices=[])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(label=_("Start time"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end_date = forms.DateField(label=_("Last day"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    online_url = forms.URLField(label=_("Online link (webinar)"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Seats (empty: no limit)"), required=False, min_value=1)
    registration_open = forms.BooleanField(label=_("Registration open"), required=False)
    area = forms.ChoiceField(label=_("Working group"), required=False, choices=[])

    def __init__(self, *args, event=None, **kwargs):
        from circularcities.coalition.models import Event

        super().__init__(*args, **kwargs)
        fields = dict(self.fields)
        self.fields.clear()
        self.fields["slug"] = fields.pop("slug")
        add_text_fields(self, {"title": (_("Title"), False), "place": (_("Place"), False),
                               "agenda": (_("Agenda"), True), "outcomes": (_("Outcomes"), True)}, event)
        self.fields.update(fields)
        self.fields["kind"].choices = Event.Kind.choices
        self.fields["area"].choices = [("", "–")] + [
            (a.slug, a.t("name")) for a in ThematicArea.objects.prefetch_related("translations")]
        if event is not None:
            del self.fields["slug"]
            for name in ("kind", "date", "starts_at", "end_date", "online_url", "capacity", "registration_open"):
                self.fields[name].initial = getattr(event, name)
            self.fields["area"].initial = event.working_group.area.slug if event.working_group else ""


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
