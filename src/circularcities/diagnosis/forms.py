from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from circularcities.core import rules
from circularcities.core.indicators.frameworks import FRAMEWORKS
from circularcities.diagnosis.models import (
    FRAMEWORK_LABELS,
    Computation,
    Frequency,
    Indicator,
    Quality,
)
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
        from circularcities.web.translated import translated

        super().__init__(*args, **kwargs)

        def text(obj, field: str) -> str:
            # Form labels are plain text: an English fallback is marked in words.
            t = translated(obj, field)
            return f"{t.text} ({gettext('not yet translated')})" if t.is_fallback else t.text

        self.strategies = []
        for r, st in load_maturity_model().items():
            choices = [(lv.level, f"{lv.level} – {text(lv, 'text')}") for lv in st.levels]
            self.fields[f"level_{r}"] = forms.TypedChoiceField(
                label=text(st, "name"), choices=choices, coerce=int, widget=forms.RadioSelect,
                help_text=text(st, "description"))
            self.fields[f"note_{r}"] = forms.CharField(label=_("Note"), required=False, max_length=500)
            self.strategies.append((self[f"level_{r}"], self[f"note_{r}"]))


FRAMEWORK_ROWS = 4


class IndicatorForm(forms.Form):
    """A city's own indicator: name per platform language, unit, direction, frequency, how it is
    computed and up to four framework references."""

    code = forms.CharField(label=_("Code"), max_length=40,
                           help_text=_("Capital letters, digits and hyphens, e.g. EBUS-FLEET. Formulas name "
                                       "indicators by code, with _ for -."))
    unit = forms.CharField(label=_("Unit"), max_length=40, help_text=_("e.g. t, %, buses, t CO2e, GBP"))
    direction = forms.ChoiceField(label=_("Direction"), choices=[("higher_is_better", _("higher is better")),
                                                                  ("lower_is_better", _("lower is better"))])
    frequency = forms.ChoiceField(label=_("Reporting frequency"), choices=Frequency.choices)
    computation = forms.ChoiceField(label=_("How it is computed"), choices=Computation.choices,
                                    widget=forms.RadioSelect, initial=Computation.DIRECT)
    expression = forms.CharField(
        label=_("Formula"), required=False, max_length=500,
        help_text=_('Over other indicators (by code, with _ for -) and, with a system chosen, its flows and '
                    'stocks: flow("origin", "destination", "layer"), stock("process", "layer"). '
                    'Numbers, + - * /, parentheses, min, max, abs.'))
    system = forms.ChoiceField(label=_("System the formula reads"), required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False,
                             help_text=_("Where the definition or the figures come from."))

    def __init__(self, *args, city=None, indicator=None, systems=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.language_fields: list[tuple[str, str, str]] = []
        for code, name in settings.LANGUAGES:
            key = code.replace("-", "_")
            self.fields[f"name_{key}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": name}, max_length=200, required=code == "en")
            self.fields[f"definition_{key}"] = forms.CharField(
                label=_("Definition (%(language)s)") % {"language": name}, required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}))
            self.language_fields.append((code, f"name_{key}", f"definition_{key}"))
        choices = [("", "–")] + [(k, FRAMEWORK_LABELS.get(k, v)) for k, v in FRAMEWORKS.items()]
        for i in range(1, FRAMEWORK_ROWS + 1):
            self.fields[f"framework_{i}"] = forms.ChoiceField(label=_("Framework"), choices=choices, required=False)
            self.fields[f"ref_{i}"] = forms.CharField(label=_("Clause, target or number"), max_length=40,
                                                      required=False)
        self.fields["system"].choices = [("", "–")] + [(str(s.pk), str(s)) for s in systems]
        if indicator is not None:
            del self.fields["code"]

    def framework_rows(self):
        return [(self[f"framework_{i}"], self[f"ref_{i}"]) for i in range(1, FRAMEWORK_ROWS + 1)]

    def language_rows(self):
        return [(self[n], self[d]) for _c, n, d in self.language_fields]

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "names": {c: d.get(n, "") for c, n, _d in self.language_fields if d.get(n)},
            "definitions": {c: d.get(df, "") for c, _n, df in self.language_fields if d.get(df)},
            "unit": d["unit"], "direction": d["direction"], "frequency": d["frequency"],
            "computation": d["computation"], "expression": d.get("expression", ""),
            "frameworks": [{"framework": d[f"framework_{i}"], "ref": d.get(f"ref_{i}", "")}
                           for i in range(1, FRAMEWORK_ROWS + 1) if d.get(f"framework_{i}")],
            "source": d.get("source", ""),
        }

    @staticmethod
    def initial_for(indicator) -> dict:
        initial = {"unit": indicator.unit, "direction": indicator.direction, "frequency": indicator.frequency,
                   "computation": indicator.computation, "expression": indicator.expression,
                   "system": str(indicator.system_id or ""), "source": indicator.source}
        for row in indicator.translations.all():
            key = row.language_code.replace("-", "_")
            initial[f"name_{key}"], initial[f"definition_{key}"] = row.name, row.definition
        for i, ref in enumerate(indicator.frameworks[:FRAMEWORK_ROWS], start=1):
            initial[f"framework_{i}"], initial[f"ref_{i}"] = ref.get("framework"), ref.get("ref")
        return initial


class PeriodValueForm(forms.Form):
    """One value of one indicator for a year, quarter or month."""

    year = forms.IntegerField(label=_("Year"))
    period = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False)
    value = forms.FloatField(label=_("Value"))
    quality = forms.ChoiceField(label=_("Quality"), choices=TYPED_QUALITIES,
                                help_text=_("Estimated and proxy values are labelled as such wherever they are shown."))
    source = forms.CharField(label=_("Source"), max_length=300,
                             help_text=_("Where the figure comes from: a document, a statistics office, a person."))

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator.frequency == Frequency.QUARTERLY:
            self.fields["period"].choices = [(q, f"Q{q}") for q in range(1, 5)]
            self.fields["period"].label = _("Quarter")
            self.fields["period"].required = True
        elif indicator.frequency == Frequency.MONTHLY:
            self.fields["period"].choices = [(m, f"{m:02d}") for m in range(1, 13)]
            self.fields["period"].label = _("Month")
            self.fields["period"].required = True
        else:
            del self.fields["period"]
