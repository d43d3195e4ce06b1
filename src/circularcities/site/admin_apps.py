"""``django.contrib.admin`` with the secretariat-only site
(:class:`circularcities.site.admin_site.SecretariatAdminSite`) as ``admin.site``.

Only the platform's own apps' ``admin`` modules are loaded: third-party ones (django-leaflet
needs GDAL; Django's user admin would let a user set ``is_superuser``) would be a way around
the role rules. Kept apart from ``admin_site`` because an app config is imported before
models load."""

from importlib import import_module
from importlib.util import find_spec

from django.contrib.admin.apps import SimpleAdminConfig

PLATFORM_APPS = ("accounts", "coalition", "knowledge", "diagnosis", "planning", "marketplace",
                 "logistics", "jobs", "buildings", "waste", "procurement")


class SecretariatAdminConfig(SimpleAdminConfig):
    default_site = "circularcities.site.admin_site.SecretariatAdminSite"

    def ready(self):
        super().ready()
        for app in PLATFORM_APPS:
            if find_spec(f"circularcities.{app}.admin") is not None:
                import_module(f"circularcities.{app}.admin")
