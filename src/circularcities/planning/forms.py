from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from circularcities.core import rules
from circularcities.core.planning import PROGRAMME_INDICATORS, Quarter
from circularcities.diagnosis.models import Indicator
from circularcities.planning.models import Measure, Milestone, Programme, Target
from circularcities.planning.services import target_create, target_update
from circularcities.planning.templatetags.planning_units import unit_label
from circularcities.web.bilingual import pick
from circularcities.web.fielderrors import PlainTextForm, check


def _named(obj) -> str:
    """A thematic area or R-strategy in the active language."""
    return pick(obj, "name")


def parse_points(text: str) -> list[list[float]]:
    """``"2019: 600; 2020: 800"`` -> ``[[2019, 600], [2020, 800]]``."""
    points = []
    for part in (text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        if ":" not in part:
            raise forms.ValidationError(_("Write milestone points as year: value; year: value (got %(part)s).")
                                        % {"part": part.strip()})
        y, v = part.split(":", 1)
        try:
            points.append([float(y.strip()), float(v.strip().replace(",", ""))])
        except ValueError:
            raise forms.ValidationError(_("Write milestone points as year: value; year: value (got %(part)s).")
                                        % {"part": part.strip()}) from None
    return points


class TargetForm(forms.ModelForm):
    points = forms.CharField(label=gettext_lazy("Trajectory milestone points"), required=False,
                             help_text=gettext_lazy("Optional, e.g. 2022: 30; 2025: 45. Without them the trajectory is a "
                                          "straight line from baseline to target."))

    class Meta:
        model = Target
        fields = ["title_en", "title_zh", "area", "indicator", "programme", "programme_indicator",
                  "baseline_year", "baseline_value", "target_year", "target_value", "owner_name", "source"]
        labels = {"title_en": gettext_lazy("Title (English)"), "title_zh": gettext_lazy("Title (Chinese)"), "area": gettext_lazy("Thematic area"),
                  "indicator": gettext_lazy("Catalogue indicator (yearly values)"),
                  "programme": gettext_lazy("Or a programme (quarterly progress entries)"),
                  "programme_indicator": gettext_lazy("Programme indicator"), "baseline_year": gettext_lazy("Baseline year"),
                  "baseline_value": gettext_lazy("Baseline value"), "target_year": gettext_lazy("Target year"),
                  "target_value": gettext_lazy("Target value"), "owner_name": gettext_lazy("Owner (department or organisation)"),
                  "source": gettext_lazy("Source")}

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        self.fields["indicator"].queryset = Indicator.objects.order_by("theme", "code")
        self.fields["indicator"].label_from_instance = lambda i: f"{i.code} – {i.t('name')} ({i.unit})"
        self.fields["programme"].queryset = Programme.objects.filter(city=city)
        self.fields["programme"].label_from_instance = lambda p: pick(p, "name")
        self.fields["area"].label_from_instance = _named
        self.fields["programme_indicator"].choices = [("", "—")] + [
            (k, f"{i.name()} ({unit_label(i.unit)})") for k, i in PROGRAMME_INDICATORS.items()]
        if self.instance.pk and self.instance.trajectory_points:
            self.fields["points"].initial = "; ".join(f"{y:g}: {v:g}" for y, v in self.instance.trajectory_points)

    def clean(self):
        data = super().clean()
        if data.get("indicator") and data.get("programme_indicator"):
            self.add_error("programme_indicator", _("A programme indicator goes with a programme only."))
        try:
            data["trajectory_points"] = parse_points(data.get("points", ""))
        except forms.ValidationError as exc:
            self.add_error("points", exc)
        return data

    def _post_clean(self):
        # Every rule is checked by the one write path (planning.services), with the same
        # messages as the API and the import; the model's validators would word them differently.
        pass

    def save(self, commit=True, *, user=None):
        """Create or change the target through the service; raises FieldError naming the field."""
        d = self.cleaned_data
        fields = {k: d.get(k) for k in ("area", "title_en", "title_zh", "baseline_year", "baseline_value",
                                         "target_year", "target_value", "owner_name", "source")}
        fields["trajectory_points"] = d.get("trajectory_points", [])
        measured = {"indicator": d.get("indicator"), "programme": d.get("programme"),
                    "programme_indicator": d.get("programme_indicator") or ""}
        if self.instance.pk:
            return target_update(target=self.instance, user=user, **measured, **fields)
        return target_create(city=self.city, user=user, **measured, **fields)


class MeasureForm(PlainTextForm, forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["code", "title_en", "title_zh", "description_en", "description_zh", "area", "r_strategies",
                  "lead", "lead_name", "partners", "budget", "currency", "start", "end", "status", "targets",
                  "source"]
        labels = {"code": gettext_lazy("Reference"), "title_en": gettext_lazy("Title (English)"), "title_zh": gettext_lazy("Title (Chinese)"),
                  "description_en": gettext_lazy("Description (English)"), "description_zh": gettext_lazy("Description (Chinese)"),
                  "area": gettext_lazy("Thematic area"), "r_strategies": gettext_lazy("R-strategies"),
                  "lead": gettext_lazy("Lead organisation"), "lead_name": gettext_lazy("Or lead department"),
                  "partners": gettext_lazy("Partner organisations"), "budget": gettext_lazy("Budget"),
                  "currency": gettext_lazy("Currency (ISO 4217)"), "start": gettext_lazy("Start"), "end": gettext_lazy("End"),
                  "status": gettext_lazy("Status"), "targets": gettext_lazy("Targets it serves"), "source": gettext_lazy("Source")}
        widgets = {"start": forms.DateInput(attrs={"type": "date"}), "end": forms.DateInput(attrs={"type": "date"}),
                   "r_strategies": forms.CheckboxSelectMultiple, "targets": forms.CheckboxSelectMultiple,
                   "description_en": forms.Textarea(attrs={"rows": 3}),
                   "description_zh": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        self.fields["targets"].queryset = Target.objects.filter(city=city).select_related("indicator")
        self.fields["targets"].label_from_instance = lambda t: t.label()
        self.fields["area"].label_from_instance = _named
        self.fields["r_strategies"].label_from_instance = _named

    def clean(self):
        data = super().clean()
        if "currency" in data:
            data["currency"] = check(self, rules.money_currency, "currency", data["currency"], data.get("budget"))
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date must not be before the start date."))
        return data

    def save(self, commit=True):
        if self.city is not None:
            self.instance.city = self.city
        return super().save(commit)


class MilestoneForm(PlainTextForm, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title_en", "title_zh", "due", "done"]
        labels = {"title_en": gettext_lazy("Milestone (English)"), "title_zh": gettext_lazy("Milestone (Chinese)"),
                  "due": gettext_lazy("Due"), "done": gettext_lazy("Done on")}
        widgets = {"due": forms.DateInput(attrs={"type": "date"}), "done": forms.DateInput(attrs={"type": "date"})}


class TargetProgressForm(PlainTextForm, forms.Form):
    """Progress on a programme target, recorded from the target's page (issue #13): one of the
    programme's projects, a quarter and the value of the target's indicator."""

    project = forms.ChoiceField(label=gettext_lazy("Project"))
    quarter = forms.CharField(label=gettext_lazy("Quarter"), help_text=gettext_lazy("e.g. 2024-Q3"))
    value = forms.FloatField(label=gettext_lazy("Value"))
    currency = forms.CharField(label=gettext_lazy("Currency (for money)"), required=False, max_length=3)
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=500)

    def __init__(self, *args, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.fields["project"].choices = [(p.code, f"{p.code} – {p}")
                                          for p in target.programme.projects.order_by("code")]
        if not PROGRAMME_INDICATORS[target.programme_indicator].is_money:
            del self.fields["currency"]

    def clean_quarter(self):
        try:
            return Quarter.parse(self.cleaned_data["quarter"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class ProgressForm(PlainTextForm, forms.Form):
    quarter = forms.CharField(label=gettext_lazy("Quarter"), help_text=gettext_lazy("e.g. 2024-Q3"))
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator"))
    value = forms.FloatField(label=gettext_lazy("Value"))
    currency = forms.CharField(label=gettext_lazy("Currency (for money)"), required=False, max_length=3)
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(k, f"{i.name()} ({unit_label(i.unit)})")
                                            for k, i in PROGRAMME_INDICATORS.items()]

    def clean_quarter(self):
        try:
            return Quarter.parse(self.cleaned_data["quarter"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        ind = data.get("indicator")
        if ind:
            data["currency"] = check(self, rules.currency, "currency", data.get("currency"),
                                     required=PROGRAMME_INDICATORS[ind].is_money)
        if data.get("value") is not None:
            data["value"] = check(self, rules.non_negative, "value", data["value"], maximum=rules.MAX_MAGNITUDE)
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Progress file (CSV or Excel .xlsx)"))
