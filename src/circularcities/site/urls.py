"""URLs. Pages sit under a language prefix (none for English, /zh-hans/ for
Chinese) so a link always opens in the language it was shared in; the API and
static files do not."""

from importlib.util import find_spec

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import JavaScriptCatalog

from circularcities.site import views
from circularcities.site.api import api

# One app per capability; an app contributes pages once it has a urls module.
PAGE_APPS = [
    ("accounts", "accounts/"),
    ("knowledge", "cases/"),
    ("diagnosis", "diagnosis/"),
    ("planning", "plans/"),
    ("marketplace", "marketplace/"),
    ("logistics", "logistics/"),
    ("buildings", "buildings/"),
    ("waste", "waste/"),
    ("procurement", "procurement/"),
    ("reuse", "reuse/"),
    ("systems", "systems/"),
    ("jobs", "jobs/"),
    ("coalition", ""),
]

page_patterns: list[URLPattern | URLResolver] = [path("", views.home, name="home")]
for app, prefix in PAGE_APPS:
    if find_spec(f"circularcities.{app}.urls") is not None:
        page_patterns.append(path(prefix, include(f"circularcities.{app}.urls")))

urlpatterns = [
    path("api/", api.urls),
    # The secretariat's admin (circularcities.site.admin_site): same services, same rules.
    path("admin/", admin.site.urls),
    path("i18n/setlang/", views.switch_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
] + i18n_patterns(*page_patterns, prefix_default_language=False)

handler403 = "circularcities.site.views.permission_denied"
handler404 = "circularcities.site.views.page_not_found"
