from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.core import rules
from circularcities.diagnosis.models import Indicator, Quality
from circularcities.web.fielderrors import check


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xlsx,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    # The form metaclass moves declared fields into base_fields, so this does not
    # replace BaseForm.files at run time; the stubs see only the class attribute.
    files = MultipleFileField(label=_("Workbook (.xlsx) or CSV files"),  # type: ignore[assignment]
                              help_text=_("One Excel workbook in the template's format, or CSV files named "
                                          "flows.csv, stocks.csv, indicators.csv, maturity.csv."))


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.t('name')} ({obj.unit})"


TYPED_QUALITIES = [(q.value, q.label) for q in (Quality.MEASURED, Quality.ESTIMATED, Quality.PROXY)]


class ValueForm(forms.Form):
    indicator = IndicatorChoiceField(queryset=Indicator.objects.filter(city__isnull=True).prefetch_related(
        "translations"), label=_("Indicator"), to_field_name="code")
    year = forms.IntegerField(label=_("Year"))
    value = forms.FloatField(label=_("Value"))
    quality = forms.ChoiceField(label=_("Quality"), choices=TYPED_QUALITIES,
                                help_text=_("Estimated and proxy values are labelled as such wherever they are shown."))
    source = forms.CharField(label=_("Source"), max_length=300,
                             help_text=_("Where the figure comes from: a document, a statistics office, a person."))
    override = forms.BooleanField(
        label=_("Replace the value computed from the metabolism model"), required=False,
        help_text=_("Computed values follow the flows. A typed value replaces it and is no longer recomputed."))

    def clean_year(self):
        return check(self, rules.year, "year", self.cleaned_data["year"])

    def clean_source(self):
        return check(self, rules.name, "source", self.cleaned_data["source"], max_length=300, required=True)

    def clean(self):
        d = super().clean()
        ind, v = d.get("indicator"), d.get("value")
        if v is not None:
            d["value"] = check(self, rules.indicator_value, "value", ind.unit if ind else "", v)
        return d


class AssessmentForm(forms.Form):
    """The 7R questionnaire: one level per R, each level described in the active language."""

    date = forms.DateField(label=_("Date of the assessment"), widget=forms.DateInput(attrs={"type": "date"}))
    subject = forms.ChoiceField(label=_("Who is assessed"), choices=[("city", _("city administration")),
                                                                    ("business", _("business"))])

    def clean_date(self):
        return check(self, rules.date, "date", self.cleaned_data["date"], not_future=True)

    def __init__(self, *args, **kwargs):
        from circularcities.core.maturity import load_maturity_model
        from circularcities.web.bilingual import is_chinese

        super().__init__(*args, **kwargs)
        zh = is_chinese()
        self.strategies = []
        for r, st in load_maturity_model().items():
            choices = [(lv.level, f"{lv.level} – {lv.zh if zh else lv.en}") for lv in st.levels]
            self.fields[f"level_{r}"] = forms.TypedChoiceField(
                label=st.name_zh if zh else st.name_en, choices=choices, coerce=int, widget=forms.RadioSelect,
                help_text=st.description_zh if zh else st.description_en)
            self.fields[f"note_{r}"] = forms.CharField(label=_("Note"), required=False, max_length=500)
            self.strategies.append((self[f"level_{r}"], self[f"note_{r}"]))
