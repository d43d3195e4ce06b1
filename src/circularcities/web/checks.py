"""System checks with IDs, so misconfiguration is reported by ``manage.py check``."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Info, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_https(app_configs, **kwargs):
    if not settings.HTTPS:
        return [Warning(
            "CIRCULARCITIES_HTTPS is not set: cookies are not marked secure and HTTPS is not enforced.",
            hint="Set CIRCULARCITIES_HTTPS=1 when the platform is served over HTTPS.",
            id="circularcities.W001",
        )]
    return []


@register()
def check_database(app_configs, **kwargs):
    engine = settings.DATABASES["default"]["ENGINE"]
    if not (engine.endswith("sqlite3") or engine.endswith("postgresql")):
        return [Warning(
            f"Database engine {engine} is not tested with this platform.",
            hint="Use SQLite (default) or PostgreSQL through DATABASE_URL.",
            id="circularcities.W002",
        )]
    return []


@register(deploy=True)
def check_cjk_font(app_configs, **kwargs):
    from circularcities.core.pdf_fonts import find_cjk_font

    if find_cjk_font() is None:
        return [Info(
            "No CJK font found: Chinese text in PDF reports falls back to a built-in CID font.",
            hint="Install Debian's fonts-wqy-zenhei (TrueType outlines, embeddable in PDF).",
            id="circularcities.I003",
        )]
    return []
