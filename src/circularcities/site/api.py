"""The JSON API (django-ninja), with its OpenAPI schema at /api/openapi.json.

Each app contributes a router from its ``api`` module; errors are answered by
the shared handlers of :mod:`circularcities.web.api`.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from ninja import NinjaAPI

from circularcities.web.api import FiniteJSON, install_error_handlers
from circularcities.web.fielderrors import PlainTextParser
from circularcities.web.ratelimit import RequestRate

api = NinjaAPI(
    title="Circular Cities Platform API",
    version="1",
    description="Cities, thematic areas, working groups, events, the case library and the "
    "capabilities built on them. Units: tonnes, kg CO2e, km, ISO 4217 currencies, WGS84.",
    urls_namespace="api",
    parser=PlainTextParser(),
    renderer=FiniteJSON(),
    throttle=[RequestRate()],
)
install_error_handlers(api)

API_APPS = ["coalition", "knowledge", "diagnosis", "planning", "marketplace", "logistics", "buildings", "jobs", "waste",
            "procurement", "reuse", "systems"]

for _app in API_APPS:
    if find_spec(f"circularcities.{_app}.api") is not None:
        module = import_module(f"circularcities.{_app}.api")
        api.add_router(getattr(module, "PREFIX", f"/{_app}/"), module.router)
