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


def connect() -> None:
    post_save.connect(_case_saved, sender=Case, dispatch_uid="search-case-saved")
    post_delete.connect(_case_saved, sender=Case, dispatch_uid="search-case-deleted")
    post_save.connect(_figure_changed, sender=KeyFigure, dispatch_uid="search-figure-saved")
    post_delete.connect(_figure_changed, sender=KeyFigure, dispatch_uid="search-figure-deleted")
    m2m_changed.connect(_tags_changed, sender=Case.areas.through, dispatch_uid="search-case-areas")
    m2m_changed.connect(_tags_changed, sender=Case.r_strategies.through, dispatch_uid="search-case-r")
    post_save.connect(_city_saved, sender=City, dispatch_uid="search-city-saved")
