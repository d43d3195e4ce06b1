"""Knowledge in the secretariat's admin, read-only: cases and key figures come from the
case library import and the search index is rebuilt by its job, so nothing here is
written by hand (no service exists to write through)."""

from __future__ import annotations

from django.contrib import admin

from circularcities.knowledge import models as m
from circularcities.web.admin_base import ReadOnlyAdmin


@admin.register(m.Case)
class CaseAdmin(ReadOnlyAdmin):
    search_fields = ("slug", "translations__title")


for _model in (m.KeyFigure, m.CaseTerms, m.SearchState, m.SearchChange):
    admin.site.register(_model, ReadOnlyAdmin)
