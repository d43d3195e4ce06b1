from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.forms import language_text_fields, text_field_names
from circularcities.coalition.models import Partner
from circularcities.core.rules import CURRENCIES
from circularcities.marketplace.models import CompatibilityRule, Facility, Flow, Listing, Park
from circularcities.web.fielderrors import PlainTextForm

CURRENCY_CHOICES = [("", "—")] + [(c, c) for c in CURRENCIES]


class CurrencyField(forms.ChoiceField):
    """A select of ISO 4217 codes whose value the service checks with the platform's
    currency rule, so a forged value gets the same message as on the API."""

    def valid_value(self, value):
        return True


def material_field() -> forms.CharField:
    """The material picker's text field (a combobox filled from /api/marketplace/materials)."""
    return forms.CharField(
        label=_("Material"), max_length=40,
        help_text=_("Type words (concrete, textiles) or the start of an EU List of Waste code "
                    "(17 01), then choose from the list; product categories are listed too."),
        widget=forms.TextInput(attrs={"role": "combobox", "aria-autocomplete": "list",
                                      "aria-controls": "material-options", "aria-expanded": "false",
                                      "autocomplete": "off"}))


class ListingForm(forms.Form):
    """Shape only; :func:`services.save_listing` checks meaning and raises
    FieldError, which the view puts beside the named field."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Listing.Kind.choices)
    organisation = forms.ModelChoiceField(label=_("Organisation (secretariat only)"),
                                          queryset=Partner.objects.all(), required=False)
    material = material_field()
    quantity = forms.DecimalField(label=_("Quantity"), max_digits=14, decimal_places=3)
    unit = forms.ChoiceField(label=_("Unit"), choices=Listing.Unit.choices)
    mass_per_piece_kg = forms.FloatField(label=_("Mass per piece (kg)"), required=False,
                                         help_text=_("Needed for pieces."))
    density_t_per_m3 = forms.FloatField(label=_("Density (t/m³)"), required=False,
                                        help_text=_("For cubic metres; empty uses the platform default "
                                                    "for the material, an estimate."))
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Listing.Frequency.choices)
    route = forms.ChoiceField(label=_("End use"), choices=Listing.Route.choices)
    use_organisation_location = forms.BooleanField(label=_("Use my organisation's location"),
                                                   required=False)
    lat = forms.FloatField(label=_("Latitude"), required=False)
    lon = forms.FloatField(label=_("Longitude"), required=False)
    is_free = forms.BooleanField(label=_("Free"), required=False)
    price = forms.DecimalField(label=_("Price for the whole quantity"), required=False,
                               max_digits=14, decimal_places=2)
    currency = CurrencyField(label=_("Currency (ISO 4217)"), choices=CURRENCY_CHOICES,
                                 required=False)
    avoided_cost_per_t = forms.DecimalField(
        label=_("Cost avoided per tonne"), required=False, max_digits=12, decimal_places=2,
        help_text=_("Offers: disposal cost you escape; wants: price of new material you escape."))
    available_from = forms.DateField(label=_("Available from"), required=False,
                                     widget=forms.DateInput(attrs={"type": "date"}))
    available_until = forms.DateField(label=_("Available until"), required=False,
                                      widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One title per platform language (labels in the reader's language); English is
        # required by the service, which names the field.
        titles = language_text_fields({"title": (_("Title"), False)}, required=())
        for field in titles.values():
            field.widget.attrs["maxlength"] = "200"  # the service checks the length
        fields = list(self.fields.items())
        at = [name for name, _f in fields].index("material")
        self.fields = dict(fields[:at] + list(titles.items()) + fields[at:])

    @property
    def title_fields(self) -> list:
        return [self[name] for name in text_field_names(["title"])]

    @classmethod
    def initial_for(cls, listing: Listing) -> dict:
        data = {f: getattr(listing, f) for f in (
            "kind", *text_field_names(["title"]), "quantity", "unit", "mass_per_piece_kg", "frequency",
            "route", "lat", "lon", "is_free", "price", "currency", "avoided_cost_per_t",
            "available_from", "available_until", "description")}
        data["material"] = (listing.waste_code.code_display if listing.waste_code is not None
                            else listing.category_id)
        data["density_t_per_m3"] = listing.density_t_per_m3 if listing.density_source == "given" else None
        data["use_organisation_location"] = listing.location_from_organisation
        data["organisation"] = listing.organisation
        return data


class ExchangeForm(forms.Form):
    quantity_t = forms.DecimalField(label=_("Tonnes"), max_digits=14, decimal_places=3, min_value=0)
    receiver_name = forms.CharField(label=_("Receiving person or group"), max_length=200, required=False,
                                    help_text=_("Someone without an organisation on the platform."))
    items = forms.IntegerField(label=_("Items shared"), required=False, min_value=0)
    value = forms.DecimalField(label=_("Price paid"), required=False, max_digits=14, decimal_places=2,
                               help_text=_("Empty: from the listing's price."))
    currency = CurrencyField(label=_("Currency (ISO 4217)"), choices=CURRENCY_CHOICES, required=False)
    disposal_cost_avoided = forms.DecimalField(label=_("Disposal cost avoided by the giver"), required=False,
                                               max_digits=14, decimal_places=2,
                                               help_text=_("Empty: from the offer's cost per tonne."))
    purchase_cost_avoided = forms.DecimalField(label=_("Purchase cost avoided by the receiver"),
                                               required=False, max_digits=14, decimal_places=2,
                                               help_text=_("Empty: from the want's cost per tonne."))
    end_use = forms.CharField(label=_("End use"), max_length=300, required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class WantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        org = obj.organisation.t("name") if obj.organisation_id else ""
        return f"#{obj.pk} {obj.t('title')} · {org}"


class ProposalForm(forms.Form):
    """A deal proposed on an offer: shape only; services.propose_deal checks meaning."""

    want = WantChoiceField(label=_("Want it answers"), queryset=Listing.objects.none(), required=False)
    quantity_t = forms.DecimalField(label=_("Tonnes"), max_digits=16, decimal_places=6)
    items = forms.IntegerField(label=_("Items"), required=False, min_value=0)
    value = forms.DecimalField(label=_("Price for this quantity"), required=False, max_digits=14,
                               decimal_places=2, help_text=_("Empty: free, or to be agreed."))
    currency = CurrencyField(label=_("Currency (ISO 4217)"), choices=CURRENCY_CHOICES, required=False)
    text = forms.CharField(label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, wants=None, want_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        if wants is not None:
            self.fields["want"].queryset = wants
        self.fields["want"].required = want_required


class CounterForm(forms.Form):
    quantity_t = forms.DecimalField(label=_("Tonnes"), max_digits=16, decimal_places=6)
    items = forms.IntegerField(label=_("Items"), required=False, min_value=0)
    value = forms.DecimalField(label=_("Price for this quantity"), required=False, max_digits=14,
                               decimal_places=2)
    currency = CurrencyField(label=_("Currency (ISO 4217)"), choices=CURRENCY_CHOICES, required=False)
    text = forms.CharField(label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Message (optional)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _material_key(value: str) -> str:
    """The material key (6-digit EWC code or category slug) of ``value``,
    checked the same way a listing's material is."""
    from circularcities.core.rules import FieldError
    from circularcities.marketplace.catalogue import resolve_material
    from circularcities.web.fielderrors import as_form_error

    try:
        code, category = resolve_material(value)
    except FieldError as exc:
        raise as_form_error(exc) from exc
    return code.code if code is not None else category.slug


class CompatibilityRuleForm(PlainTextForm, forms.Form):
    offer_material = forms.CharField(label=_("Offered material"), max_length=40,
                                     widget=forms.TextInput(attrs={"list": "materials"}))
    want_material = forms.CharField(label=_("Can serve a want for"), max_length=40,
                                    widget=forms.TextInput(attrs={"list": "materials"}))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_offer_material(self):
        return _material_key(self.cleaned_data["offer_material"])

    def clean_want_material(self):
        return _material_key(self.cleaned_data["want_material"])

    def clean(self):
        data = super().clean()
        offer, want = data.get("offer_material"), data.get("want_material")
        if offer and want:
            if offer == want:
                self.add_error("want_material", _("The offered material and the wanted material are "
                                                  "the same: a material always serves a want for "
                                                  "itself, so no rule is needed."))
            elif CompatibilityRule.objects.filter(offer_material=offer, want_material=want).exists():
                self.add_error("want_material", _("This pair is already in the table."))
        return data


MAX_WEIGHT = 1000.0


class MaterialWeightForm(forms.Form):
    """One weight per material: saving a material already in the table
    replaces its weight ("17 01 01" and "170101" are the same material)."""

    material = material_field()
    weight = forms.FloatField(label=_("Weight"), help_text=_("Above 0, at most 1000; 1 is neutral."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A note per platform language; all optional.
        for name, field in language_text_fields({"note": (_("Note"), False)}, required=()).items():
            field.max_length = 300
            field.widget.attrs["maxlength"] = "300"
            self.fields[name] = field

    @property
    def note_fields(self) -> list:
        return [self[name] for name in text_field_names(["note"])]

    def clean_material(self):
        return _material_key(self.cleaned_data["material"])

    def clean_weight(self):
        w = self.cleaned_data["weight"]
        if not w > 0:
            raise forms.ValidationError(_("Expected a weight above zero."))
        if w > MAX_WEIGHT:
            raise forms.ValidationError(_("Expected a weight of at most %(max)s.") % {"max": "1000"})
        return w


# --- industrial parks (shape only; parks_services checks meaning) ---------------

def _language_choices():
    from django.conf import settings

    return list(settings.LANGUAGES)


SYMBIOSIS_CHOICES = [("", _("not known")), ("yes", _("yes")), ("no", _("no"))]


class ParkForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the text"), choices=_language_choices)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    coordinates_note = forms.CharField(label=_("Note on the location"), max_length=300, required=False)
    lat = forms.CharField(label=_("Latitude"), required=False)
    lon = forms.CharField(label=_("Longitude"), required=False)
    radius_km = forms.CharField(label=_("Radius (km)"), required=False,
                                help_text=_("Listings this close count as near the park."))
    level = forms.ChoiceField(label=_("Level"), choices=Park.Level.choices)
    applies_symbiosis = forms.ChoiceField(label=_("Applies industrial-symbiosis practices"),
                                          choices=SYMBIOSIS_CHOICES, required=False)
    level_source = forms.CharField(label=_("Source for level and practice"), max_length=300, required=False)

    def data_for_service(self) -> dict:
        d = dict(self.cleaned_data)
        d["applies_symbiosis"] = {"yes": True, "no": False}.get(d.get("applies_symbiosis") or "")
        return d

    @staticmethod
    def initial_for(park, language: str) -> dict:
        t = park.translations.filter(language_code=language).first()
        return {"language": language, "name": getattr(t, "name", ""), "description": getattr(t, "description", ""),
                "notes": getattr(t, "notes", ""), "coordinates_note": getattr(t, "coordinates_note", ""),
                "lat": park.lat, "lon": park.lon, "radius_km": park.radius_km, "level": park.level,
                "applies_symbiosis": {True: "yes", False: "no"}.get(park.applies_symbiosis, ""),
                "level_source": park.level_source}


class FacilityForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the name"), choices=_language_choices)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Facility.Kind.choices)
    lat = forms.CharField(label=_("Latitude"), required=False)
    lon = forms.CharField(label=_("Longitude"), required=False)
    inside_park = forms.BooleanField(label=_("Inside the park"), required=False, initial=True)


class FlowForm(forms.Form):
    source = forms.ChoiceField(label=_("From facility"))
    target = forms.ChoiceField(label=_("To facility"))
    kind = forms.ChoiceField(label=_("Kind"), choices=Flow.Kind.choices)
    material_code = forms.CharField(label=_("EWC code or category"), max_length=40, required=False)
    annual_quantity = forms.CharField(label=_("Annual quantity"), required=False,
                                      help_text=_("Empty when not known."))
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    value = forms.CharField(label=_("Economic value per year"), required=False)
    currency = CurrencyField(label=_("Currency"), choices=CURRENCY_CHOICES, required=False)
    value_year = forms.CharField(label=_("Year of the value"), required=False)

    def __init__(self, *args, park=None, **kwargs):
        from circularcities.marketplace.parks_services import FLOW_UNITS
        from circularcities.web.translated import translated

        super().__init__(*args, **kwargs)
        # What flows, one field per platform language (English required by the service).
        names = language_text_fields({"name": (_("What flows"), False)}, required=())
        for field in names.values():
            field.max_length = 200
            field.widget.attrs["maxlength"] = "200"
        fields = list(self.fields.items())
        at = [name for name, _f in fields].index("material_code")
        self.fields = dict(fields[:at] + list(names.items()) + fields[at:])
        facilities = [(f.slug, translated(f, "name").text)
                      for f in park.facilities.prefetch_related("translations")] if park else []
        self.fields["source"].choices = facilities
        self.fields["target"].choices = facilities
        self.fields["unit"].choices = [("", "—")] + [(u, u) for u in FLOW_UNITS]

    @property
    def name_fields(self) -> list:
        return [self[name] for name in text_field_names(["name"])]

    def data_for_service(self) -> dict:
        d = {k: (v if v != "" else None) for k, v in self.cleaned_data.items()}
        for k in (*text_field_names(["name"]), "material_code", "unit", "currency"):
            d[k] = d[k] or ""
        return d

    @staticmethod
    def initial_for(flow) -> dict:
        from circularcities.marketplace.parks_services import MANAGER_SOURCE

        mine = flow.values.filter(source=MANAGER_SOURCE).first()
        return {"source": flow.source.slug, "target": flow.target.slug, "kind": flow.kind,
                **{k: getattr(flow, k) for k in text_field_names(["name"])}, "material_code": flow.material_code,
                "annual_quantity": flow.annual_quantity if flow.annual_quantity is not None else "",
                "unit": flow.unit, "value": mine.amount if mine else "", "currency": mine.currency if mine else "",
                "value_year": mine.year if mine and mine.year else ""}


class ManagerForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
