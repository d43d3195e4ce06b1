"""Forms of the procurement pages: they parse input; the services check and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.forms import language_text_fields
from circularcities.procurement import models as m
from circularcities.web.content import suffix

MAX_UPLOAD = 20 * 1024 * 1024


def _names_in_place(form, fields: dict) -> None:
    """Replace each single-language name field of ``form`` by one field per platform language
    (``name`` -> ``name_en``, ``name_zh``, ...; English required), in the same place."""
    out: list = []
    for key, field in form.fields.items():
        if key in fields:
            made = language_text_fields({key: (fields[key], False)}, required=(key,))
            for f in made.values():
                f.max_length = 200
                f.widget.attrs["maxlength"] = "200"
            out.extend(made.items())
        else:
            out.append((key, field))
    form.fields = dict(out)


def names_of(cleaned: dict, key: str) -> dict[str, str]:
    """``{"en": ..., "ja": ...}`` from the per-language fields ``key_en``, ``key_ja``, ... (empty ones left out,
    English always there)."""
    from django.conf import settings

    out = {}
    for code, _n in settings.LANGUAGES:
        sfx = suffix(code)
        text = cleaned.get(f"{key}_{sfx}") or ""
        if text or sfx == "en":
            out[sfx] = text
    return out


class ProjectForm(forms.Form):
    city: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("City"))
    slug = forms.SlugField(max_length=50, label=_("Short name (for links)"))
    name = forms.CharField(max_length=200, label=_("Name"))
    kind = forms.ChoiceField(choices=m.ComparisonProject.Kind.choices, label=_("Kind"))
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Description"))

    def __init__(self, *args, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities  # type: ignore[attr-defined]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or Excel file"))


class EpdAlternativeForm(forms.Form):
    """An alternative from an EPD document (openEPD JSON or ILCD+EPD JSON)."""

    item = forms.ModelChoiceField(queryset=m.ProjectItem.objects.none(), label=_("Item"))
    name = forms.CharField(max_length=200, label=_("Alternative"))
    quantity = forms.FloatField(min_value=0, max_value=1e12, label=_("Quantity"))
    unit = forms.CharField(max_length=20, label=_("Unit (the EPD's declared unit)"))
    file = forms.FileField(label=_("EPD file (openEPD or ILCD+EPD JSON)"))

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        if project is not None:
            self.fields["item"].queryset = project.items.prefetch_related("translations")  # type: ignore[attr-defined]
        _names_in_place(self, {"name": _("Alternative")})


class ReusedItemForm(forms.Form):
    """An item whose second alternative is a reused component (its only impacts:
    recovery, cleaning, transport), against a new product with a factor per tonne."""

    item = forms.CharField(max_length=200, label=_("Item"))
    quantity_t = forms.FloatField(min_value=0.001, max_value=1e9, label=_("Quantity (t)"))
    new_name = forms.CharField(max_length=200, label=_("New product (reference)"))
    new_factor = forms.FloatField(min_value=0, max_value=1e6, label=_("New product, A1-A3 (kg CO2e/t)"))
    new_source = forms.CharField(max_length=300, label=_("Source of the new product's factor"))
    reused_name = forms.CharField(max_length=200, label=_("Reused component"))
    recovery = forms.FloatField(min_value=0, max_value=1e6, label=_("Recovery (kg CO2e/t)"))
    cleaning = forms.FloatField(min_value=0, max_value=1e6, label=_("Cleaning (kg CO2e/t)"))
    transport_km = forms.FloatField(min_value=0, max_value=1e5, label=_("Transport distance (km)"))
    transport_factor = forms.FloatField(min_value=0, max_value=100, label=_("Transport (kg CO2e per t·km)"))
    reuse_source = forms.CharField(max_length=300, label=_("Source or basis of the reuse figures"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _names_in_place(self, {"item": _("Item"), "new_name": _("New product (reference)"),
                               "reused_name": _("Reused component")})


class TenderForm(forms.Form):
    city: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("City"))
    slug = forms.SlugField(max_length=50, label=_("Short name (for links)"))
    title = forms.CharField(max_length=200, label=_("Title"))
    year = forms.IntegerField(min_value=1900, max_value=2100, required=False, label=_("Year"))
    currency = forms.CharField(max_length=3, initial="EUR", label=_("Currency (ISO 4217)"))
    requirement_set = forms.ModelChoiceField(queryset=m.RequirementSet.objects.all(), required=False,
                                             label=_("Requirement set"))
    price = forms.FloatField(min_value=0, max_value=100, initial=40, label=_("Price (points)"))
    life_cycle_cost = forms.FloatField(min_value=0, max_value=100, initial=20, label=_("Life-cycle cost (points)"))
    life_cycle_carbon = forms.FloatField(min_value=0, max_value=100, initial=20,
                                         label=_("Life-cycle carbon (points)"))
    circularity = forms.FloatField(min_value=0, max_value=100, initial=20, label=_("Circularity (points)"))
    social_value = forms.FloatField(min_value=0, max_value=100, initial=0, label=_("Social value (points)"))

    def __init__(self, *args, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities  # type: ignore[attr-defined]


class BidForm(forms.Form):
    bidder_name = forms.CharField(max_length=200, label=_("Bidder"))
    product = forms.ModelChoiceField(queryset=m.Product.objects.select_related("supplier"), required=False,
                                     label=_("Product (from the registry)"))
    price = forms.FloatField(required=False, min_value=0, max_value=1e15, label=_("Price"))
    life_cycle_cost = forms.FloatField(required=False, min_value=0, max_value=1e15, label=_("Life-cycle cost"))
    life_cycle_carbon = forms.FloatField(required=False, min_value=0, max_value=1e15,
                                         label=_("Life-cycle carbon (kg CO2e)"))
    circularity = forms.FloatField(required=False, min_value=0, max_value=10, label=_("Circularity (0-10)"))
    social_value = forms.FloatField(required=False, min_value=0, max_value=10, label=_("Social value (0-10)"))


class AwardForm(forms.Form):
    bid = forms.ModelChoiceField(queryset=m.Bid.objects.none(), label=_("Winning bid"))
    justification = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=20000,
                                    label=_("Justification"))

    def __init__(self, *args, tender=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bid"].queryset = tender.bids.all() if tender else m.Bid.objects.none()  # type: ignore[attr-defined]


class SavingForm(forms.Form):
    kind = forms.ChoiceField(choices=m.SAVING_CHOICES, label=_("Kind"))
    value = forms.FloatField(min_value=-1e15, max_value=1e15, label=_("Value"))
    unit = forms.CharField(max_length=20, label=_("Unit (MWh, t CO2e, EUR, t or %)"))
    year = forms.IntegerField(min_value=1900, max_value=2100, required=False, label=_("Year"))
    method = forms.CharField(max_length=500, label=_("Method"))
    source = forms.CharField(max_length=300, required=False, label=_("Source"))


class ReadingForm(forms.Form):
    dimension = forms.ChoiceField(choices=m.PilotReading.Dimension.choices, label=_("Dimension"))
    indicator = forms.CharField(max_length=200, label=_("Indicator"))
    programme_indicator = forms.ChoiceField(required=False, label=_("Feeds the plan's programme indicator"))
    year = forms.IntegerField(min_value=1900, max_value=2100, label=_("Year"))
    quarter = forms.IntegerField(min_value=1, max_value=4, label=_("Quarter"))
    value = forms.FloatField(min_value=-1e15, max_value=1e15, label=_("Value"))
    unit = forms.CharField(max_length=30, label=_("Unit"))
    source = forms.CharField(max_length=300, required=False, label=_("Source"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from circularcities.core.planning import PROGRAMME_INDICATORS

        self.fields["programme_indicator"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (k, f"{i.name_en} ({i.unit})") for k, i in PROGRAMME_INDICATORS.items()]


class ProductForm(forms.Form):
    name = forms.CharField(max_length=200, label=_("Product"))
    category = forms.CharField(max_length=100, required=False, label=_("Category"))
    recycled_content_pct = forms.FloatField(min_value=0, max_value=100, required=False,
                                            label=_("Recycled content (%)"))
    take_back = forms.BooleanField(required=False, label=_("Taken back at end of life"))
    declarations = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                   label=_("Declared substances, one a line: name; CAS number; class"))
    certificates = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                   label=_("Certificates, one a line: scheme; level; issuer; valid until (YYYY-MM-DD)"))

    @staticmethod
    def _split(text: str, n: int) -> list[tuple[str, ...]]:
        out = []
        for line in (text or "").splitlines():
            if line.strip():
                parts = [p.strip() for p in line.split(";")]
                out.append(tuple((parts + [""] * n)[:n]))
        return out

    def declaration_rows(self):
        return self._split(self.cleaned_data.get("declarations", ""), 3)

    def certificate_rows(self):
        return [(a, b, c, d or None) for a, b, c, d in self._split(self.cleaned_data.get("certificates", ""), 4)]
