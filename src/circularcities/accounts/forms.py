from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from circularcities.accounts.models import Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Role"), choices=[c for c in Role.choices if c[0] != Role.PUBLIC])
    # Cities and partners are named by app label, as the models' foreign keys do:
    # accounts sits below coalition in the house and does not import it.
    cities: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(queryset=None, required=False,
                                            label=_("Cities they edit"))
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(queryset=None, required=False,
                                          label=_("Organisation"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cities"].queryset = apps.get_model("coalition", "City").objects.all()
        self.fields["organisation"].queryset = apps.get_model("coalition", "Partner").objects.all()

    def clean(self):
        data = super().clean()
        role = data.get("role")
        if role == Role.CITY and not data.get("cities"):
            self.add_error("cities", _("A city official needs at least one city."))
        if role in (Role.BUSINESS, Role.PARTNER) and not data.get("organisation"):
            self.add_error("organisation", _("A business or partner account needs its organisation."))
        email = data.get("email")
        if email and get_user_model().objects.filter(email__iexact=email).exists():
            self.add_error("email", _("There is already an account with this e-mail."))
        return data


class AcceptInvitationForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    first_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    def clean_username(self):
        name = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("This user name is taken."))
        return name

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80, required=False)
    # Left out (an older page or a script): the default lifetime.
    days = forms.TypedChoiceField(label=_("Expires after"), coerce=int, choices=[],
                                  required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        from circularcities.accounts.services import DEFAULT_TOKEN_DAYS, TOKEN_DAYS

        super().__init__(*args, **kwargs)
        self.fields["days"].choices = TOKEN_DAYS
        self.fields["days"].initial = DEFAULT_TOKEN_DAYS

    def clean_days(self):
        from circularcities.accounts.services import DEFAULT_TOKEN_DAYS

        return self.cleaned_data["days"] or DEFAULT_TOKEN_DAYS


class AuditFilterForm(forms.Form):
    user = forms.CharField(label=_("User name"), max_length=150, required=False)
    kind = forms.ChoiceField(label=_("Event"), required=False)
    date_from = forms.DateField(label=pgettext_lazy("start of a date range", "From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=pgettext_lazy("end of a date range", "To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        from circularcities.accounts.models import AuditEvent

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All events")), *AuditEvent.Kind.choices]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        return data
