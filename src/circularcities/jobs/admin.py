"""Jobs in the secretariat's admin, read-only: a job is started by
:func:`circularcities.jobs.runner.start` and advanced by its worker; changing its row by
hand would make the page disagree with the worker."""

from __future__ import annotations

from django.contrib import admin

from circularcities.jobs import models as m
from circularcities.web.admin_base import ReadOnlyAdmin


@admin.register(m.Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "status", "owner")
    list_filter = ("status", "kind")


admin.site.register(m.ScheduledRun, ReadOnlyAdmin)
