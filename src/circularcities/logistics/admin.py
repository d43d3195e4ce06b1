"""Logistics in the secretariat's admin, read-only: scenarios come from their import,
runs are started by :func:`~circularcities.logistics.services.start_run` as jobs, so
nothing here is written by hand."""

from __future__ import annotations

from django.contrib import admin

from circularcities.logistics import models as m
from circularcities.web.admin_base import ReadOnlyAdmin

for _model in (m.Scenario, m.CollectionPoint, m.Depot, m.Facility, m.VehicleType, m.Plan, m.Run):
    admin.site.register(_model, ReadOnlyAdmin)
