"""The one bridge from a core :class:`~circularcities.core.rules.FieldError` to
what a person sees: a form error beside the field, or the API's 422 body, in
the language of the request and with the same sentence on both paths."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language

from circularcities.core.rules import FieldError


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
