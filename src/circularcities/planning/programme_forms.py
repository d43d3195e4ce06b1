"""Forms for funded programmes and their projects."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from circularcities.accounts.permissions import editable_city_ids
from circularcities.coalition.models import City
from circularcities.core import rules
from circularcities.core.errors import ValidationError
from circularcities.core.planning import PROGRAMME_INDICATORS
from circularcities.core.planning.programme import parse_goals
from circularcities.planning.models import Programme, Project
from circularcities.planning.programmes import goals_text, users_named
from circularcities.planning.templatetags.planning_units import unit_label
from circularcities.web.fielderrors import PlainTextForm, check

DATE = forms.DateInput(attrs={"type": "date"})


def _currency(form, field="currency", amount="budget"):
    if field in form.cleaned_data:
        form.cleaned_data[field] = check(form, rules.money_currency, field, form.cleaned_data[field],
                                         form.cleaned_data.get(amount))


def _period(form):
    start, end = form.cleaned_data.get("start"), form.cleaned_data.get("end")
    if start and end and end < start:
        form.add_error("end", _("The end date must not be before the start date."))


class ProgrammeForm(PlainTextForm, forms.ModelForm):
    indicators = forms.MultipleChoiceField(label=gettext_lazy("Programme indicators it tracks"), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    goals = forms.CharField(label=gettext_lazy("Yearly targets"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=gettext_lazy("One per line: indicator year: value, e.g. "
                                                   "items_refurbished 2021: 1000"))

    class Meta:
        model = Programme
        fields = ["slug", "city", "name_en", "name_zh", "description_en", "description_zh", "funder", "budget",
                  "currency", "start", "end", "indicators", "source"]
        labels = {"slug": gettext_lazy("Short name for addresses (letters, digits, hyphens)"),
                  "city": gettext_lazy("City (empty: coalition-wide)"), "name_en": gettext_lazy("Name (English)"),
                  "name_zh": gettext_lazy("Name (Chinese)"), "description_en": gettext_lazy("Description (English)"),
                  "description_zh": gettext_lazy("Description (Chinese)"), "funder": gettext_lazy("Funder"),
                  "budget": gettext_lazy("Budget"), "currency": gettext_lazy("Currency (ISO 4217)"),
                  "start": gettext_lazy("Start"), "end": gettext_lazy("End"), "source": gettext_lazy("Source")}
        widgets = {"start": DATE, "end": DATE, "description_en": forms.Textarea(attrs={"rows": 3}),
                   "description_zh": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"city": "", "currency": ""}

    field_order = ["slug", "city", "name_en", "name_zh", "description_en", "description_zh", "funder", "budget",
                   "currency", "start", "end", "indicators", "goals", "source"]

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
        _currency(self)
        _period(self)
        try:
            data["goals"] = parse_goals(data.get("goals", ""), list(data.get("indicators") or []))
        except ValueError as exc:
            self.add_error("goals", str(exc))
        return data


class ProjectForm(PlainTextForm, forms.ModelForm):
    owner_names = forms.CharField(label=gettext_lazy("Owner users (user names, comma-separated)"), required=False)

    class Meta:
        model = Project
        fields = ["code", "title_en", "title_zh", "description_en", "description_zh", "organisation", "start",
                  "end", "grant", "currency", "reports_quarterly", "source"]
        labels = {"code": gettext_lazy("Code (used in progress files and the API)"),
                  "title_en": gettext_lazy("Title (English)"), "title_zh": gettext_lazy("Title (Chinese)"),
                  "description_en": gettext_lazy("Description (English)"),
                  "description_zh": gettext_lazy("Description (Chinese)"),
                  "organisation": gettext_lazy("Owner organisation"), "start": gettext_lazy("Start"),
                  "end": gettext_lazy("End"), "grant": gettext_lazy("Budget"),
                  "currency": gettext_lazy("Currency (ISO 4217)"),
                  "reports_quarterly": gettext_lazy("Reports progress every quarter"), "source": gettext_lazy("Source")}
        widgets = {"start": DATE, "end": DATE, "description_en": forms.Textarea(attrs={"rows": 3}),
                   "description_zh": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": "", "currency": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].label_from_instance = lambda p: p.t("name")
        if self.instance.pk:
            self.fields["owner_names"].initial = ", ".join(u.username for u in self.instance.owners.all())
            self.fields["code"].disabled = True

    def clean_owner_names(self):
        try:
            return users_named(self.cleaned_data.get("owner_names", ""))
        except ValidationError:
            raise forms.ValidationError(_("No user with one of these names: %(names)s.")
                                        % {"names": self.cleaned_data.get("owner_names", "")}) from None

    def clean(self):
        data = super().clean()
        _currency(self, amount="grant")
        _period(self)
        return data

    def save(self, commit=True):
        project = super().save(commit)
        if commit:
            project.owners.set(self.cleaned_data["owner_names"])
        return project


class ProjectDescriptionForm(PlainTextForm, forms.ModelForm):
    """What a project's own owners may change."""

    class Meta:
        model = Project
        fields = ["description_en", "description_zh"]
        labels = {"description_en": gettext_lazy("Description (English)"),
                  "description_zh": gettext_lazy("Description (Chinese)")}
        widgets = {"description_en": forms.Textarea(attrs={"rows": 5}),
                   "description_zh": forms.Textarea(attrs={"rows": 5})}
