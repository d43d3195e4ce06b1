"""The one bridge from a core :class:`~circularcities.core.rules.FieldError` to
what a person sees: a form error beside the field, or the API's 422 body, in
the language of the request and with the same sentence on both paths."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.utils.translation import get_language

from circularcities.core import rules
from circularcities.core.errors import CircularCitiesError
from circularcities.core.rules import FieldError
from circularcities.web.api_support import StrictJSON


def lang() -> str:
    return get_language() or "en"


def message(exc: FieldError) -> str:
    """The translated sentence without the field name (what a form shows)."""
    return exc.text(lang())


def full_message(exc: FieldError) -> str:
    """The translated sentence naming the field (what the API's ``detail`` says)."""
    return exc.full(lang())


def as_form_error(exc: FieldError) -> forms.ValidationError:
    """For a ``clean_<field>`` method: ``raise as_form_error(exc) from exc``."""
    return forms.ValidationError(message(exc), code="invalid")


def add_to_form(form: forms.BaseForm, exc: FieldError, *, fields: dict[str, str] | None = None) -> None:
    """Put the error beside its field (``fields`` maps service names to form names);
    a field the form does not show gets the full sentence at the top."""
    name = (fields or {}).get(exc.field, exc.field)
    if name in form.fields:
        form.add_error(name, message(exc))
    else:
        form.add_error(None, full_message(exc))


@contextmanager
def form_errors(form: forms.BaseForm, *, fields: dict[str, str] | None = None) -> Iterator[None]:
    """Around a service call for a form: a FieldError goes beside its field (see
    :func:`add_to_form`), any other domain error to the top of the form, and the
    code after the ``with`` block runs (typically: show the form again)."""
    try:
        yield
    except FieldError as exc:
        add_to_form(form, exc, fields=fields)
    except CircularCitiesError as exc:
        form.add_error(None, str(exc))


def api_body(exc: FieldError) -> dict:
    """The 422 body: ``detail`` names the field; ``errors`` lists it for scripts."""
    return {"detail": full_message(exc), "errors": [{"field": exc.field, "message": message(exc)}]}


def check(form: forms.BaseForm, rule, field: str, *args, **kwargs):
    """Run a core rule on a form field's cleaned value: the cleaned result, or the
    translated error added beside the field (and ``None``)."""
    try:
        return rule(field, *args, **kwargs)
    except FieldError as exc:
        add_to_form(form, exc)
        return None


def check_plain(value, field: str = "") -> None:
    """Raise FieldError for a control character in any string of a JSON value; line
    breaks and tabs pass (single-line fields are checked by their entity's service)."""
    if isinstance(value, str):
        if not rules.plain(value):
            rules.text(field or "input", value, max_length=len(value))
    elif isinstance(value, dict):
        for key, item in value.items():
            check_plain(item, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_plain(item, f"{field}.{i}" if field else str(i))


class PlainTextParser(StrictJSON):
    """The API's JSON parser: bodies are JSON objects with finite numbers (see
    StrictJSON), and control characters are refused in every body, on every
    endpoint, before anything reaches a service (they would break exports later)."""

    def parse_body(self, request):
        data = super().parse_body(request)
        check_plain(data)
        return data


class PlainTextForm:
    """Form mixin: every text input refuses control characters with the rules' message;
    a one-line input also refuses line breaks, a text area keeps them (``\\r\\n`` -> ``\\n``).

    For the forms whose entity has no service of its own yet; the services check the
    same rules for the others.
    """

    def _clean_fields(self):
        super()._clean_fields()  # type: ignore[misc]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            value = self.cleaned_data.get(name)  # type: ignore[attr-defined]
            if not isinstance(value, str) or not isinstance(field, forms.CharField):
                continue
            rule = rules.text if isinstance(field.widget, forms.Textarea) else rules.name
            try:
                self.cleaned_data[name] = rule(name, value,  # type: ignore[attr-defined]
                                               max_length=field.max_length or 10**7)
            except FieldError as exc:
                self.add_error(name, message(exc))  # type: ignore[attr-defined]
