"""Django settings, read from environment variables only.

DATABASE_URL      database (default: SQLite in the data directory)
SECRET_KEY        signing key (default: random, kept in the data directory)
DEBUG             off unless set to 1
ALLOWED_HOSTS     comma-separated (default: localhost names)
CIRCULARCITIES_HOME   data directory (default ~/.local/share/circularcities)
CIRCULARCITIES_HTTPS  1 when served over HTTPS (secure cookies, HSTS, redirect)
EMAIL_URL-free e-mail: EMAIL_HOST etc.; console back end unless EMAIL_HOST is set
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from circularcities.web.env import data_dir, env_bool, env_int, env_list, secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()

DEBUG = env_bool("DEBUG", False)
DEMO_MODE = env_bool("CIRCULARCITIES_DEMO", False)
SECRET_KEY = secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

HTTPS = env_bool("CIRCULARCITIES_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "leaflet",
    "ninja",  # serves Swagger UI from its own static files, not a CDN
    "circularcities.web",
    "circularcities.accounts",
    "circularcities.coalition",
    "circularcities.knowledge",
    "circularcities.jobs",
    "circularcities.diagnosis",
    "circularcities.planning",
    "circularcities.marketplace",
    "circularcities.logistics",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "circularcities.web.api_support.RejectNulInApiPaths",
]

ROOT_URLCONF = "circularcities.web.urls"
WSGI_APPLICATION = "circularcities.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "circularcities.web.context_processors.platform",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'circularcities.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers work while a writer commits; the timeout makes writers
    # wait for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE",
         "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS: list = []  # each app keeps its own locale/ directory
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or DATA_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "circularcities.web.staticfinders.PackageAssetFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed packages, so a fresh install needs no
# collectstatic step; production may still run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Circular Cities Platform <noreply@localhost>")

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (35.0, 40.0),
    "DEFAULT_ZOOM": 2,
    "MIN_ZOOM": 1,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    # No tile layer by default: pages must work offline. Set
    # CIRCULARCITIES_TILE_URL to a tile server you are allowed to use.
    "TILES": [("Map", os.environ["CIRCULARCITIES_TILE_URL"], {"attribution": os.environ.get("CIRCULARCITIES_TILE_ATTRIBUTION", "")})]
    if os.environ.get("CIRCULARCITIES_TILE_URL") else [],
    "ATTRIBUTION_PREFIX": "",
}

# Background jobs: run in a thread of the web process unless a worker is configured.
JOBS_INLINE = env_bool("CIRCULARCITIES_JOBS_INLINE", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # A refused edit (403) or a missing page (404) is the platform working as meant, not
    # something an operator must read; server errors (5xx) are still logged.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
