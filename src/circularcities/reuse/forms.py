"""Forms of repair, reuse and lending: they parse what a person typed; every rule is
in the services (and core), which these forms' views call."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from circularcities.core import lending, refurbish
from circularcities.core import repair as ords
from circularcities.core.rules import CURRENCIES
from circularcities.reuse.models import CONDITION_LABELS, Place

DATE = forms.DateInput(attrs={"type": "date"})


def _currencies():
    return [("", "—")] + [(c, c) for c in CURRENCIES]


class PlaceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Place.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    takes = forms.CharField(label=_("What they take, repair or lend"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))
    opening_times = forms.CharField(label=_("Opening times"), required=False, max_length=300)
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    lat = forms.FloatField(label=_("Latitude"), help_text=_("Click the map to set it."))
    lon = forms.FloatField(label=_("Longitude"))
    email = forms.CharField(label=_("E-mail"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    website = forms.CharField(label=_("Website"), required=False, max_length=200)
    languages = forms.CharField(label=_("Languages spoken"), required=False, max_length=100,
                                help_text=_("Comma-separated, e.g. it, en"))
    city = forms.ChoiceField(label=_("City"), required=False)
    organisers = forms.CharField(label=_("Organisers"), required=False, max_length=1000,
                                 help_text=_("User names of the people who run this place, comma-separated; "
                                             "they can edit it and log its repairs and loans."))

    def __init__(self, *args, cities=(), with_organisers=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_organisers:
            del self.fields["organisers"]
        city_field = self.fields["city"]
        assert isinstance(city_field, forms.ChoiceField)
        city_field.choices = [("", "—")] + [(c.slug, str(c)) for c in cities]


class EventForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    group_identifier = forms.CharField(label=_("Group"), required=False, max_length=200,
                                       help_text=_("Written as ORDS group_identifier on each repair."))


class RepairForm(forms.Form):
    product_category = forms.ChoiceField(label=_("Product category"))
    brand = forms.CharField(label=_("Brand"), required=False, max_length=200)
    year_of_manufacture = forms.CharField(label=_("Year made"), required=False, max_length=4)
    product_age = forms.CharField(label=_("Age (years)"), required=False, max_length=10)
    repair_status = forms.ChoiceField(label=_("Repair status"), choices=[(s, s) for s in ords.STATUSES])
    repair_barrier_if_end_of_life = forms.ChoiceField(
        label=_("Barrier to repair (end of life)"), required=False,
        choices=[("", "—")] + [(b, b) for b in ords.BARRIERS])
    problem = forms.CharField(label=_("Problem"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["product_category"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(n, n) for _i, n in ords.ords_categories()]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("ORDS CSV file"))
    skip_invalid = forms.BooleanField(label=_("Import the valid rows even if some are refused"), required=False)


class IntakeForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), required=False, max_length=60,
                                help_text=_("Left empty, the platform numbers it."))
    donor = forms.CharField(label=_("Donor"), max_length=200)
    category = forms.CharField(label=_("Category"), max_length=100, help_text=_("e.g. CPU, monitor, printer"))
    mass_kg = forms.CharField(label=_("Mass (kg)"), max_length=20)
    date = forms.DateField(label=_("Date"), widget=DATE)


class StepForm(forms.Form):
    action = forms.ChoiceField(label=_("Step"))
    date = forms.DateField(label=_("Date"), widget=DATE)
    decision = forms.ChoiceField(label=_("Assessment decides"), required=False,
                                 choices=[("", "—"), ("refurbish", _("refurbish")), ("dismantle", _("dismantle"))])
    recipient = forms.CharField(label=_("Donated to / bought by"), required=False, max_length=200)
    price = forms.CharField(label=_("Auction price"), required=False, max_length=20)
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=_currencies)
    list_parts = forms.BooleanField(label=_("Offer the parts on the materials marketplace"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, state: str = refurbish.INTAKE, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {"assess": _("assess"), "refurbish": _("refurbish"), "dismantle": _("dismantle"),
                  "donate": _("donate"), "auction": _("auction")}
        field = self.fields["action"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(a, labels[a]) for a in refurbish.allowed_actions(state)]


class LendingItemForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=200)
    category = forms.CharField(label=_("Category"), required=False, max_length=100)
    condition = forms.ChoiceField(label=_("Condition"), choices=[(c, CONDITION_LABELS[c]) for c in lending.CONDITIONS])
    replacement_value = forms.CharField(label=_("Price new"), required=False, max_length=20,
                                        help_text=_("The purchase a loan avoids."))
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=_currencies)


class BorrowForm(forms.Form):
    due = forms.DateField(label=_("Return by"), widget=DATE)
    deposit = forms.CharField(label=_("Deposit"), required=False, max_length=20)
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=_currencies)
    borrower_name = forms.CharField(label=_("Borrower (organisers lending to someone else)"), required=False,
                                    max_length=200)
    borrower_email = forms.CharField(label=_("Borrower's e-mail"), required=False, max_length=254)


class ReturnForm(forms.Form):
    condition_in = forms.ChoiceField(label=_("Condition on return"),
                                     choices=[(c, CONDITION_LABELS[c]) for c in lending.CONDITIONS])
