"""Forms and services for content stored per language with django-parler.

A form shows one field per configured language (``description__en``,
``description__ja``, ...): the platform's languages are a setting, so the form
grows with it and no code names a language. A service saves what was sent with
:func:`save_translations`, which never touches a language that was not sent
(a PATCH that carries only the Korean text keeps the others).

    class ScenarioForm(TranslatedFieldsForm, forms.ModelForm):
        translated_fields = {"description": forms.Textarea(attrs={"rows": 3})}
    ...
    services.scenario_update(scenario, translations=form.translations())
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from circularcities.web.language import name as language_name


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def field_name(field: str, language: str) -> str:
    return f"{field}__{language.replace('-', '_')}"


class TranslatedFieldsForm:
    """Mixin: ``translated_fields = {"name": widget or None}`` adds one form field per
    language (English required when ``required_english`` names it)."""

    translated_fields: dict[str, forms.Widget | None] = {}
    translated_labels: dict[str, Any] = {}  # str or a lazy translation
    required_english: tuple[str, ...] = ()
    max_lengths: dict[str, int] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        instance = getattr(self, "instance", None)
        for field, widget in self.translated_fields.items():
            label = self.translated_labels.get(field, field.replace("_", " ").capitalize())
            for code in language_codes():
                initial = ""
                if instance is not None and instance.pk and instance.has_translation(code):
                    initial = getattr(instance.get_translation(code), field, "") or ""
                self.fields[field_name(field, code)] = forms.CharField(  # type: ignore[attr-defined]
                    label=_("%(field)s (%(language)s)") % {"field": label, "language": language_name(code)},
                    required=(code == settings.LANGUAGE_CODE and field in self.required_english),
                    max_length=self.max_lengths.get(field), widget=widget or forms.TextInput,
                    initial=initial)

    def translations(self) -> dict[str, dict[str, str]]:
        """``{field: {language: text}}`` of the cleaned data (only the fields sent)."""
        out: dict[str, dict[str, str]] = {}
        for field in self.translated_fields:
            for code in language_codes():
                key = field_name(field, code)
                if key in self.cleaned_data:  # type: ignore[attr-defined]
                    out.setdefault(field, {})[code] = self.cleaned_data[key] or ""  # type: ignore[attr-defined]
        return out


def save_translations(obj, translations: dict[str, dict[str, str]]) -> None:
    """Write ``{field: {language: text}}`` onto a saved parler object, language by language.

    Languages not named are left as they are; an empty text stores an empty field
    (so the reader sees the English with "not yet translated").
    """
    languages = {code for texts in translations.values() for code in texts}
    unknown = languages - set(language_codes())
    if unknown:
        raise ValueError(f"Expected languages among {', '.join(language_codes())}; got {', '.join(sorted(unknown))}.")
    current = obj.get_current_language()
    for code in sorted(languages):
        obj.set_current_language(code)
        for field, texts in translations.items():
            if code in texts:
                setattr(obj, field, texts[code])
    obj.set_current_language(current)
    obj.save_translations()
