from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from circularcities.coalition.forms import add_text_fields
from circularcities.core.planning import PROGRAMME_INDICATORS, Quarter
from circularcities.core.rules import FieldError
from circularcities.diagnosis.models import Indicator
from circularcities.planning.models import Measure, Milestone, Programme, Target
from circularcities.planning.services import (
    measure_create,
    measure_update,
    milestone_save,
    target_create,
    target_update,
)
from circularcities.planning.templatetags.planning_units import unit_label
from circularcities.web.fielderrors import PlainTextForm, add_to_form
from circularcities.web.translated import marked

DATE = forms.DateInput(attrs={"type": "date"})
TITLE = {"title": (gettext_lazy("Title"), False)}
TITLE_TEXT = {"title": (gettext_lazy("Title"), False), "description": (gettext_lazy("Description"), True)}


class ServiceForm(PlainTextForm):
    """A form whose rules are its entity's service's (``planning.services``): the model's own
    validation is skipped, :meth:`save` calls the service, and :meth:`save_through` puts the
    service's FieldError beside its field, with the message the API and the import give.

    ``text`` adds one field per platform language for each translated field (English
    title or name required), after the fields named in ``text_after``."""

    text: dict = {}
    text_after: tuple[str, ...] = ()
    error_fields: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        if self.text:
            fields = dict(self.fields)  # type: ignore[has-type]
            self.fields.clear()  # type: ignore[has-type]
            for name in self.text_after:
                self.fields[name] = fields.pop(name)  # type: ignore[has-type]
            add_text_fields(self, self.text, getattr(self, "instance", None))
            self.fields.update(fields)  # type: ignore[has-type]

    def _post_clean(self):
        pass

    def text_values(self) -> dict[str, str]:
        """The per-language text fields (``title_en``, ``title_ja``, ...) as cleaned."""
        model = self._meta.model  # type: ignore[attr-defined]
        return {k: self.cleaned_data.get(k) or "" for k in self.fields  # type: ignore[attr-defined]
                if model._is_legacy(k)}

    def save_through(self, user):
        """The saved object, or None with the service's error beside its field."""
        try:
            return self.save(user=user)  # type: ignore[call-arg]
        except FieldError as exc:
            add_to_form(self, exc, fields=self.error_fields)  # type: ignore[arg-type]
            return None


def _named(obj) -> str:
    """A thematic area or R-strategy in the active language (English marked when missing)."""
    return marked(obj, "name")


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


class TargetForm(ServiceForm, forms.ModelForm):
    points = forms.CharField(label=gettext_lazy("Trajectory milestone points"), required=False,
                             help_text=gettext_lazy("Optional, e.g. 2022: 30; 2025: 45. Without them the trajectory is a "
                                          "straight line from baseline to target."))

    class Meta:
        model = Target
        fields = ["area", "indicator", "programme", "programme_indicator",
                  "baseline_year", "baseline_value", "target_year", "target_value", "owner_name", "source"]
        labels = {"area": gettext_lazy("Thematic area"),
                  "indicator": gettext_lazy("Catalogue indicator (yearly values)"),
                  "programme": gettext_lazy("Or a programme (quarterly progress entries)"),
                  "programme_indicator": gettext_lazy("Programme indicator"), "baseline_year": gettext_lazy("Baseline year"),
                  "baseline_value": gettext_lazy("Baseline value"), "target_year": gettext_lazy("Target year"),
                  "target_value": gettext_lazy("Target value"), "owner_name": gettext_lazy("Owner (department or organisation)"),
                  "source": gettext_lazy("Source")}

    text = TITLE
    error_fields = {"trajectory_points": "points"}

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = False  # a target without a title is named by what it measures
        self.city = city
        self.fields["indicator"].queryset = (Indicator.objects.filter(Q(city__isnull=True) | Q(city=city))
                                             .prefetch_related("translations").order_by("theme", "code"))
        self.fields["indicator"].label_from_instance = lambda i: f"{i.code} – {i.t('name')} ({i.unit})"
        self.fields["programme"].queryset = Programme.objects.filter(city=city)
        self.fields["programme"].label_from_instance = lambda p: marked(p, "name")
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

    def save(self, commit=True, *, user=None):
        """Create or change the target through the service; raises FieldError naming the field."""
        d = self.cleaned_data
        fields = {k: d.get(k) for k in ("area", "baseline_year", "baseline_value",
                                         "target_year", "target_value", "owner_name", "source")}
        fields.update(self.text_values())
        fields["trajectory_points"] = d.get("trajectory_points", [])
        measured = {"indicator": d.get("indicator"), "programme": d.get("programme"),
                    "programme_indicator": d.get("programme_indicator") or ""}
        if self.instance.pk:
            return target_update(target=self.instance, user=user, **measured, **fields)
        return target_create(city=self.city, user=user, **measured, **fields)


class MeasureForm(ServiceForm, forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["code", "area", "r_strategies", "lead", "lead_name", "partners", "budget", "currency", "start",
                  "end", "status", "targets", "source"]
        labels = {"code": gettext_lazy("Reference"),
                  "area": gettext_lazy("Thematic area"), "r_strategies": gettext_lazy("R-strategies"),
                  "lead": gettext_lazy("Lead organisation"), "lead_name": gettext_lazy("Or lead department"),
                  "partners": gettext_lazy("Partner organisations"), "budget": gettext_lazy("Budget"),
                  "currency": gettext_lazy("Currency (ISO 4217)"), "start": gettext_lazy("Start"), "end": gettext_lazy("End"),
                  "status": gettext_lazy("Status"), "targets": gettext_lazy("Targets it serves"), "source": gettext_lazy("Source")}
        widgets = {"start": DATE, "end": DATE,
                   "r_strategies": forms.CheckboxSelectMultiple, "targets": forms.CheckboxSelectMultiple}

    text = TITLE_TEXT
    text_after = ("code",)

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        self.fields["targets"].queryset = Target.objects.filter(city=city).select_related("indicator")
        self.fields["targets"].label_from_instance = lambda t: t.label()
        self.fields["area"].label_from_instance = _named
        self.fields["r_strategies"].label_from_instance = _named

    def save(self, commit=True, *, user=None):
        d = self.cleaned_data
        fields = {k: d.get(k) for k in self.Meta.fields}
        fields.update(self.text_values())
        if self.instance.pk:
            return measure_update(measure=self.instance, user=user, **fields)
        return measure_create(city=self.city, user=user, **fields)


class MilestoneForm(ServiceForm, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["due", "done"]
        labels = {"due": gettext_lazy("Due"), "done": gettext_lazy("Done on")}
        widgets = {"due": DATE, "done": DATE}

    text = {"title": (gettext_lazy("Milestone"), False)}

    def __init__(self, *args, measure=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure

    def save(self, commit=True, *, user=None):
        fields = {"due": self.cleaned_data.get("due"), "done": self.cleaned_data.get("done"), **self.text_values()}
        return milestone_save(measure=self.measure, user=user, milestone=self.instance if self.instance.pk else None,
                              **fields)


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


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Progress file (CSV or Excel .xlsx)"))
