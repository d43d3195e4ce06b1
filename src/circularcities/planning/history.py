"""Measure status history: every change of a measure's status is recorded (who, when, old -> new)."""

from __future__ import annotations

from circularcities.planning.models import Measure, MeasureStatusChange


def record_status(measure: Measure, old: str, user=None, via: str = "page") -> bool:
    """Record a change from ``old`` to the measure's current status; returns whether there was one."""
    if old == measure.status:
        return False
    MeasureStatusChange.objects.create(measure=measure, old=old, new=measure.status,
                                       changed_by=user if getattr(user, "is_authenticated", False) else None,
                                       via=via)
    return True


def set_status(measure: Measure, status: str, user=None, via: str = "page") -> bool:
    """Change a measure's status and record it; the same status again changes nothing."""
    old = measure.status
    if old == status:
        return False
    measure.status = status
    measure.save(update_fields=["status", "updated_at"])
    return record_status(measure, old, user, via)
