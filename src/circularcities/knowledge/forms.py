from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.coalition.forms import add_text_fields
from circularcities.coalition.models import City, RStrategy, ThematicArea

CASE_TEXT = {"title": (_("Title"), False), "summary": (_("Summary"), True), "keywords": (_("Keywords"), False)}
FIGURE_TEXT = {"label": (_("Figure"), False), "note": (_("Note"), False)}


class CaseForm(forms.Form):
    slug = forms.SlugField(label=_("Short name (in addresses)"), max_length=120)
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.prefetch_related("translations"))
    areas = forms.ModelMultipleChoiceField(label=_("Thematic areas"), required=False,
                                           queryset=ThematicArea.objects.prefetch_related("translations"),
                                           widget=forms.CheckboxSelectMultiple)
    r_strategies = forms.ModelMultipleChoiceField(label=_("R-strategies"), required=False,
                                                  queryset=RStrategy.objects.prefetch_related("translations"),
                                                  widget=forms.CheckboxSelectMultiple)
    source_document = forms.CharField(label=_("Source"), max_length=120, required=False)
    sources = forms.CharField(label=_("Further sources (one a line)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    comment = forms.CharField(label=_("What changed (kept in the history)"), max_length=200, required=False)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        fields = dict(self.fields)
        self.fields.clear()
        self.fields["slug"] = fields.pop("slug")
        add_text_fields(self, CASE_TEXT, case, required=("title", "summary"))
        for key in [k for k in self.fields if k.startswith("summary_") and not k.endswith("_en")]:
            self.fields[key].required = False
        self.fields.update(fields)
        self.fields["city"].label_from_instance = lambda c: c.t("name")
        self.fields["areas"].label_from_instance = lambda a: a.t("name")
        self.fields["r_strategies"].label_from_instance = lambda r: r.t("name")
        for key in [k for k in self.fields if k.startswith("keywords_")]:
            self.fields[key].help_text = _("Separated by commas.")
            if case is not None:
                self.fields[key].initial = ", ".join(getattr(case, key) or [])
        if case is not None:
            del self.fields["slug"]
            self.fields["city"].initial = case.city_id
            self.fields["areas"].initial = [a.pk for a in case.areas.all()]
            self.fields["r_strategies"].initial = [r.pk for r in case.r_strategies.all()]
            self.fields["source_document"].initial = case.source_document
            self.fields["sources"].initial = "\n".join(case.sources or [])

    def changes(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("comment", None)
        data["sources"] = [s.strip() for s in (data.get("sources") or "").splitlines() if s.strip()]
        return data


class FigureForm(forms.Form):
    value = forms.FloatField(label=_("Value"))
    unit = forms.CharField(label=_("Unit"), max_length=40)
    year = forms.IntegerField(label=_("Year"), required=False)
    source = forms.CharField(label=_("Source"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = dict(self.fields)
        self.fields.clear()
        add_text_fields(self, FIGURE_TEXT, None, required=("label",))
        self.fields.update(fields)


FigureFormSet = forms.formset_factory(FigureForm, extra=2, can_delete=True, max_num=60, validate_max=True)


def figure_initial(case) -> list[dict]:
    from circularcities.web.content import LEGACY_SUFFIXES

    out = []
    for f in case.figures.prefetch_related("translations"):
        row = {"value": f.value, "unit": f.unit, "year": f.year, "source": f.source}
        for sfx in LEGACY_SUFFIXES:
            row[f"label_{sfx}"] = getattr(f, f"label_{sfx}")
            row[f"note_{sfx}"] = getattr(f, f"note_{sfx}")
        out.append(row)
    return out


class ImageForm(forms.Form):
    image = forms.ImageField(label=_("Image"))
    alt_text = forms.CharField(label=_("Alternative text (what the image shows)"), max_length=300)
    credit = forms.CharField(label=_("Credit"), max_length=200, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx or .csv)"))
