"""Forms for funded programmes and their projects."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from circularcities.accounts.permissions import editable_city_ids
from circularcities.coalition.models import City
from circularcities.core.planning import PROGRAMME_INDICATORS
from circularcities.core.planning.programme import parse_goals
from circularcities.core.rules import FieldError
from circularcities.planning.forms import DATE, TITLE_TEXT, ServiceForm
from circularcities.planning.models import Programme, Project
from circularcities.planning.programmes import goals_text, users_named
from circularcities.planning.services import (
    programme_create,
    programme_update,
    project_create,
    project_update,
)
from circularcities.planning.templatetags.planning_units import unit_label
from circularcities.web.fielderrors import as_form_error

NAME_TEXT = {"name": (gettext_lazy("Name"), False), "description": (gettext_lazy("Description"), True)}


class ProgrammeForm(ServiceForm, forms.ModelForm):
    indicators = forms.MultipleChoiceField(label=gettext_lazy("Programme indicators it tracks"), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    goals = forms.CharField(label=gettext_lazy("Yearly targets"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=gettext_lazy("One per line: indicator year: value, e.g. "
                                                   "items_refurbished 2021: 1000"))

    class Meta:
        model = Programme
        fields = ["slug", "city", "funder", "budget", "currency", "start", "end", "indicators", "source"]
        labels = {"slug": gettext_lazy("Short name for addresses (letters, digits, hyphens)"),
                  "city": gettext_lazy("City (empty: coalition-wide)"), "funder": gettext_lazy("Funder"),
                  "budget": gettext_lazy("Budget"), "currency": gettext_lazy("Currency (ISO 4217)"),
                  "start": gettext_lazy("Start"), "end": gettext_lazy("End"), "source": gettext_lazy("Source")}
        widgets = {"start": DATE, "end": DATE}
        help_texts = {"city": "", "currency": ""}

    field_order = ["slug", "city", "funder", "budget", "currency", "start", "end", "indicators", "goals", "source"]
    text = NAME_TEXT
    text_after = ("slug", "city")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = editable_city_ids(user)
        self.fields["city"].queryset = City.objects.all() if ids is None else City.objects.filter(pk__in=ids)
        self.fields["city"].required = ids is not None
        self.fields["city"].label_from_instance = lambda c: c.t("name")
        self.fields["indicators"].choices = [(k, f"{i.name()} ({unit_label(i.unit)})")
                                             for k, i in PROGRAMME_INDICATORS.items()]
        if self.instance.pk:
            self.fields["goals"].initial = goals_text(self.instance)
            self.fields["slug"].disabled = True

    def clean(self):
        data = super().clean()
        try:
            data["goals"] = parse_goals(data.get("goals", ""), list(data.get("indicators") or []))
        except ValueError as exc:
            self.add_error("goals", str(exc))
        return data

    def save(self, commit=True, *, user=None):
        d = self.cleaned_data
        fields = {k: d.get(k) for k in ("city", "funder", "budget", "currency", "start", "end", "indicators",
                                         "goals", "source")}
        fields.update(self.text_values())
        if self.instance.pk:
            return programme_update(programme=self.instance, user=user, **fields)
        return programme_create(user=user, slug=d.get("slug"), **fields)


class ProjectForm(ServiceForm, forms.ModelForm):
    owner_names = forms.CharField(label=gettext_lazy("Owner users (user names, comma-separated)"), required=False)

    class Meta:
        model = Project
        fields = ["code", "organisation", "start", "end", "grant", "currency", "reports_quarterly", "source"]
        labels = {"code": gettext_lazy("Code (used in progress files and the API)"),
                  "organisation": gettext_lazy("Owner organisation"), "start": gettext_lazy("Start"),
                  "end": gettext_lazy("End"), "grant": gettext_lazy("Budget"),
                  "currency": gettext_lazy("Currency (ISO 4217)"),
                  "reports_quarterly": gettext_lazy("Reports progress every quarter"), "source": gettext_lazy("Source")}
        widgets = {"start": DATE, "end": DATE}
        help_texts = {"code": "", "currency": ""}

    text = TITLE_TEXT
    text_after = ("code",)
    error_fields = {"owners": "owner_names", "budget": "grant"}

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["organisation"].label_from_instance = lambda p: p.t("name")
        if self.instance.pk:
            self.fields["owner_names"].initial = ", ".join(u.username for u in self.instance.owners.all())
            self.fields["code"].disabled = True

    def clean_owner_names(self):
        try:
            return users_named(self.cleaned_data.get("owner_names", ""))
        except FieldError as exc:
            raise as_form_error(exc) from None

    def save(self, commit=True, *, user=None):
        d = self.cleaned_data
        fields = {k: d.get(k) for k in ("organisation", "start", "end", "grant", "currency", "reports_quarterly",
                                         "source")}
        fields["owners"] = d.get("owner_names") or []
        fields.update(self.text_values())
        if self.instance.pk:
            return project_update(project=self.instance, user=user, **fields)
        return project_create(programme=self.programme, user=user, code=d.get("code"), **fields)


class ProjectDescriptionForm(ServiceForm, forms.ModelForm):
    """What a project's own owners may change: its description, in every language."""

    class Meta:
        model = Project
        fields: list[str] = []

    text = {"description": (gettext_lazy("Description"), True)}

    def save(self, commit=True, *, user=None):
        return project_update(project=self.instance, user=user, **self.text_values())
