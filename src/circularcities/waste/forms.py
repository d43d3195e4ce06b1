from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.forms import language_text_fields, text_field_names
from circularcities.waste.models import AREA_CHOICES, ROUTE_LABELS, Quality, WasteStream


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or Excel .xlsx)"))


class StreamForm(forms.ModelForm):
    """Fields only; every rule is checked by ``services.stream_write``."""

    area = forms.ChoiceField(label=_("Area"), choices=AREA_CHOICES)
    quality = forms.ChoiceField(label=_("Quality"), choices=Quality.choices)
    ewc_code = forms.CharField(label=_("EU List of Waste code"), max_length=12, required=False,
                               help_text=_("Six digits, spaces and the hazardous asterisk allowed: 20 01 02"))

    class Meta:
        model = WasteStream
        fields = ["area", "ewc_code", "year", "month", "generated_t", "collected_t", "reuse_t",
                  "recycling_t", "composting_t", "energy_recovery_t", "incineration_t", "landfill_t", "other_t",
                  "uncontrolled_t", "from_storage_t", "source", "quality"]
        labels = {
            "name": _("Stream"), "ewc_code": _("EU List of Waste code"), "year": _("Year"),
            "month": _("Month (0 = whole year)"), "generated_t": _("Generated (t)"), "collected_t": _("Collected (t)"),
            **{f"{r}_t": format_lazy("{} (t)", label) for r, label in ROUTE_LABELS.items()},
            "uncontrolled_t": _("Of which to uncontrolled sites (t)"),
            "from_storage_t": _("Utilised from storage (t)"), "source": _("Source"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The stream's name in every platform language, first; English is required (the key).
        names = language_text_fields({"name": (_("Stream"), False)})
        for key, field in names.items():
            field.max_length = 200
            field.widget.attrs["maxlength"] = "200"
            if self.instance.pk:
                field.initial = getattr(self.instance, key, "")
        self.fields = {**names, **self.fields}

    @staticmethod
    def name_fields() -> list[str]:
        return text_field_names(["name"])

    def validate_unique(self):  # the service checks uniqueness and names the field
        pass

    def _post_clean(self):  # no model validation: the service is the one place for rules
        pass
