"""Data migrations from two-language columns (``<field>_en``, ``<field>_zh``) to
django-parler translation rows, in the three steps of a safe schema change:
the migration creates the translation table, copies with :func:`to_translations`
and only then removes the old columns. The reverse copies English and Chinese back.

    migrations.RunPython(*to_translations("logistics", "Scenario", ["description"]))
"""

from __future__ import annotations

from django.db.migrations.operations.base import Operation

# The languages the old columns held, by column suffix.
COLUMNS = {"en": "en", "zh": "zh-hans"}


def to_translations(app_label: str, model_name: str, fields: list[str]):
    """``(forward, backward)`` functions for ``migrations.RunPython``."""

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        translation = apps.get_model(app_label, f"{model_name}Translation")
        rows = []
        for obj in model.objects.all().iterator():
            for suffix, code in COLUMNS.items():
                values = {f: getattr(obj, f"{f}_{suffix}", "") or "" for f in fields}
                # English is always written (the fallback); another language only when it has text.
                if code == "en" or any(values.values()):
                    rows.append(translation(master_id=obj.pk, language_code=code, **values))
        translation.objects.bulk_create(rows, batch_size=500)

    def backward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        translation = apps.get_model(app_label, f"{model_name}Translation")
        for t in translation.objects.filter(language_code__in=COLUMNS.values()).iterator():
            suffix = next(s for s, c in COLUMNS.items() if c == t.language_code)
            model.objects.filter(pk=t.master_id).update(**{f"{f}_{suffix}": getattr(t, f) for f in fields})

    return forward, backward


class MakeTranslatable(Operation):
    """State only: the existing model ``model_name`` now inherits parler's
    ``TranslatableModelMixin`` (parler refuses a translation table for a model without
    it, and Django has no operation that changes a model's bases). No SQL."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name: str):
        self.model_name = model_name

    def deconstruct(self):
        return (self.__class__.__qualname__, [self.model_name], {})

    def state_forwards(self, app_label, state):
        from django.db import models
        from parler.models import TranslatableModelMixin

        key = (app_label, self.model_name.lower())
        state.models[key].bases = (TranslatableModelMixin, models.Model)
        state.reload_model(*key, delay=True)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return f"Make {self.model_name} translatable (django-parler)"
