"""Keep search in step with every write to what it indexes (see ``search.record_changes``).

Signals catch saves through the ORM, forms, admin, API and commands alike.
Bulk writes (``bulk_create``, ``QuerySet.update``) send no signals: code that
writes cases that way calls :func:`circularcities.knowledge.search.record_changes`.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from circularcities.coalition.models import City
from circularcities.knowledge.models import Case, KeyFigure


def _case_saved(sender, instance, raw=False, **kwargs):
    from circularcities.knowledge.search import record_changes

    record_changes([instance.pk])


def _figure_changed(sender, instance, raw=False, **kwargs):
    from circularcities.knowledge.search import record_changes

    # The case's text changed: a new updated_at makes its stored terms stale.
    Case.objects.filter(pk=instance.case_id).update(updated_at=timezone.now())
    record_changes([instance.case_id])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from circularcities.knowledge.search import record_changes

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        record_changes([instance.pk])
    else:
        record_changes(pk_set if pk_set else None)


def _city_saved(sender, instance, raw=False, created=False, **kwargs):
    from circularcities.knowledge.search import record_changes

    if created:
        return
    cases = Case.objects.filter(city_id=instance.pk)
    ids = list(cases.values_list("pk", flat=True))
    if ids:
        # City names are part of each case's text (the place field).
        cases.update(updated_at=timezone.now())
        record_changes(ids)


def _case_text_saved(sender, instance, raw=False, **kwargs):
    """A translation row of a case saved on its own (not through the case)."""
    from circularcities.knowledge.search import record_changes

    Case.objects.filter(pk=instance.master_id).update(updated_at=timezone.now())
    record_changes([instance.master_id])


def _figure_text_saved(sender, instance, raw=False, **kwargs):
    from circularcities.knowledge.search import record_changes

    case_id = KeyFigure.objects.filter(pk=instance.master_id).values_list("case_id", flat=True).first()
    if case_id is not None:
        Case.objects.filter(pk=case_id).update(updated_at=timezone.now())
        record_changes([case_id])


def _city_text_saved(sender, instance, raw=False, created=False, **kwargs):
    city = City(pk=instance.master_id)
    _city_saved(sender, city, raw=raw, created=False)


def connect() -> None:
    for model, handler, name in ((Case, _case_text_saved, "case"), (KeyFigure, _figure_text_saved, "figure"),
                                 (City, _city_text_saved, "city")):
        translation = model._parler_meta.root_model
        post_save.connect(handler, sender=translation, dispatch_uid=f"search-{name}-text-saved")
        post_delete.connect(handler, sender=translation, dispatch_uid=f"search-{name}-text-deleted")
    post_save.connect(_case_saved, sender=Case, dispatch_uid="search-case-saved")
    post_delete.connect(_case_saved, sender=Case, dispatch_uid="search-case-deleted")
    post_save.connect(_figure_changed, sender=KeyFigure, dispatch_uid="search-figure-saved")
    post_delete.connect(_figure_changed, sender=KeyFigure, dispatch_uid="search-figure-deleted")
    m2m_changed.connect(_tags_changed, sender=Case.areas.through, dispatch_uid="search-case-areas")
    m2m_changed.connect(_tags_changed, sender=Case.r_strategies.through, dispatch_uid="search-case-r")
    post_save.connect(_city_saved, sender=City, dispatch_uid="search-city-saved")
