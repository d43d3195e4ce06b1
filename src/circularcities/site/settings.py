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
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from circularcities.web.env import (
    data_dir,
    env_bool,
    env_int,
    env_list,
    secret_key,
    sqlite_private,
    tile_origin,
)

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
    # django.contrib.admin with the secretariat-only site: a second door on the same services.
    "circularcities.site.admin_apps.SecretariatAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "parler",  # content written per language (one translation row per language)
    "reversion",  # every change to curated content kept, with who and when, and a way back
    "django_htmx",
    "axes",  # sign-in rate limiting (lock-out per user name and address)
    "leaflet",
    "ninja",  # serves Swagger UI from its own static files, not a CDN
    "circularcities.web",
    "circularcities.accounts",
    "circularcities.coalition",
    "circularcities.knowledge",
    "django_tasks",
    "django_tasks_db",
    "circularcities.jobs",
    "circularcities.diagnosis",
    "circularcities.planning",
    "circularcities.marketplace",
    "circularcities.logistics",
    "circularcities.buildings",
    "circularcities.waste",
    "circularcities.procurement",
    "circularcities.reuse",
    "circularcities.systems",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # outside the others, so error pages carry the policy too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "circularcities.web.language.PreferredLanguageMiddleware",  # Django's LocaleMiddleware, and more
    "circularcities.web.middleware.ApiLanguageMiddleware",
    "circularcities.web.uploads.UploadSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "circularcities.accounts.audit.AuditContextMiddleware",  # who did it, for the audit log
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "circularcities.web.api_support.RejectNulInApiPaths",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "circularcities.site.urls"
WSGI_APPLICATION = "circularcities.site.wsgi.application"

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
                "circularcities.accounts.context_processors.inbox",
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
    if DATABASES["default"]["NAME"] not in ("", ":memory:") and not str(DATABASES["default"]["NAME"]).startswith("file:"):
        sqlite_private(Path(DATABASES["default"]["NAME"]))
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
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user name + address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force limit: after AXES_FAILURE_LIMIT wrong passwords for one user name from one
# address, that pair is refused for the cool-off time, whether or not the account exists.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "circularcities.accounts.lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins go to the platform's own audit log
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "circularcities.accounts.lockout.client_ip"
BEHIND_PROXY = env_bool("BEHIND_PROXY")
# API rate limits per client address and per token (web/ratelimit.py): requests per
# minute, and failed token checks per minute before the address or token must wait.
API_RATE_LIMITS = {"requests": (env_int("API_REQUESTS_PER_MINUTE", 600), 60),
                   "auth_failures": (env_int("API_AUTH_FAILURES_PER_MINUTE", 10), 60)}

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
# The platform's languages are a setting: adding one needs its translations (the apps'
# locale/ catalogues, core/rules.py messages), never a schema change, because the
# content people write is stored per language by django-parler (one row per language).
PLATFORM_LANGUAGES = {"en": "English", "zh-hans": "简体中文", "ja": "日本語", "ko": "한국어"}
_language_codes = [c.strip().lower() for c in os.environ.get(
    "CIRCULARCITIES_LANGUAGES", "en,zh-hans,ja,ko").split(",") if c.strip()]
if not _language_codes or _language_codes[0] != "en" or not set(_language_codes) <= set(PLATFORM_LANGUAGES):
    raise ValueError("CIRCULARCITIES_LANGUAGES must start with 'en' and name only "
                     f"{', '.join(PLATFORM_LANGUAGES)}; got {_language_codes!r}.")
LANGUAGES = [(code, PLATFORM_LANGUAGES[code]) for code in _language_codes]
# Content in a language nobody has written yet falls back to English, visibly
# (web/translated.py marks it "not yet translated").
PARLER_DEFAULT_LANGUAGE_CODE = "en"
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": ["en"], "hide_untranslated": False},
}
# Pages prefetch translations; parler's own cache would sit in the database cache
# and cost a query per lookup.
PARLER_ENABLE_CACHING = False
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
# Uploaded and generated files go through Django's storage API. CIRCULARCITIES_STORAGE=s3
# puts them in an S3-compatible bucket through django-storages (pip install
# 'circularcities[s3]'; AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY, AWS_S3_REGION_NAME); the default is a local directory.
_default_storage: dict[str, Any]
STORAGE_KIND = os.environ.get("CIRCULARCITIES_STORAGE", "local").strip().lower() or "local"
if STORAGE_KIND == "local":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif STORAGE_KIND == "s3":
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "default_acl": None, "querystring_auth": True, "file_overwrite": False}}
else:
    raise ValueError(f"Expected CIRCULARCITIES_STORAGE to be 'local' or 's3'; got {STORAGE_KIND!r}.")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed packages, so a fresh install needs no
# collectstatic step; production may still run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or DATA_DIR / "media")
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # larger uploads go to a temporary file
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2_000
# Imports (see circularcities.web.uploads and core.tables.Limits): bodies above
# IMPORT_MAX_UPLOAD_MB get 413 unread; the reader stops at the first limit exceeded.
IMPORT_MAX_UPLOAD_MB = env_int("IMPORT_MAX_UPLOAD_MB", 20)
IMPORT_MAX_EXPANDED_MB = env_int("IMPORT_MAX_EXPANDED_MB", 200)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 100_000)
IMPORT_MAX_COLUMNS = env_int("IMPORT_MAX_COLUMNS", 200)
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 2_000_000)
IMPORT_JOB_ROWS = env_int("IMPORT_JOB_ROWS", 2_000)

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

# Background jobs: a queue in the database (django-tasks with its database backend),
# run by `circularcities worker` processes on this or other machines; `demo` and
# `serve` start one beside the web server. CIRCULARCITIES_JOBS_INLINE=1 runs each
# job in the caller instead (tests, scripts).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


_TILES = tile_origin(os.environ.get("CIRCULARCITIES_TILE_URL", ""))
# Content-Security-Policy (django-csp): scripts only from the platform's own static files, so a
# stored text that slipped through escaping still cannot run (issue #11). No inline script and
# no inline event handler anywhere: pages pass data with json_script or data- attributes.
# Inline styles stay allowed: Leaflet, Plotly, htmx and Swagger UI set style attributes and
# add <style> elements. No 'unsafe-eval': the plotly.min.js served (plotly.js 4.1 from the
# plotly package) calls Function/eval in three places only, none reached by our pages: the
# function-bind polyfill (browsers have a native bind), a globalThis fallback (guarded by
# typeof globalThis) and MapLibre's worker script loader (map traces, which we do not use).
# The browser tests (tests/e2e/test_stored_xss.py) draw every chart under this policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", *([_TILES] if _TILES else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Background jobs: run in a thread of the web process unless a worker is configured.
JOBS_INLINE = env_bool("CIRCULARCITIES_JOBS_INLINE", False)
JOBS_MAX_ATTEMPTS = env_int("CIRCULARCITIES_JOBS_MAX_ATTEMPTS", 3)  # per job, first run included
JOBS_RETRY_BACKOFF = env_int("CIRCULARCITIES_JOBS_RETRY_BACKOFF", 30)  # s before attempt 2; doubles
JOBS_RETRY_BACKOFF_MAX = env_int("CIRCULARCITIES_JOBS_RETRY_BACKOFF_MAX", 3600)
JOBS_HEARTBEAT = env_int("CIRCULARCITIES_JOBS_HEARTBEAT", 5)  # s between a running job's signs of life
JOBS_LEASE = env_int("CIRCULARCITIES_JOBS_LEASE", 60)  # s without one: the worker is taken for dead
JOBS_KEEP_DAYS = env_int("CIRCULARCITIES_JOBS_KEEP_DAYS", 30)  # finished queue entries kept
JOBS_HOUSEKEEPING = env_int("CIRCULARCITIES_JOBS_HOUSEKEEPING", 10)  # s between schedule/lease checks
# Recurring jobs, run by whichever worker looks first (one per occurrence, guarded in
# the database). `every` and `at` are seconds; `at` is the offset from midnight UTC.
# Digests and recurring listings go here too, as further entries.
JOBS_SCHEDULE = [
    {"name": "plans-remind", "kind": "plans.remind", "title": "Overdue reminders",
     "func": "circularcities.planning.review.reminders_job", "every": 86400,
     "at": env_int("CIRCULARCITIES_REMINDERS_AT", 6 * 3600)},
    {"name": "events-remind", "kind": "events.remind", "title": "Event reminders",
     "func": "circularcities.coalition.events.reminders_job", "every": 86400, "at": 7 * 3600},
    {"name": "follows-digest", "kind": "follows.digest", "title": "Weekly digest",
     "func": "circularcities.coalition.follows.digest_job", "every": 7 * 86400, "at": 8 * 3600},
    {"name": "lending-remind", "kind": "reuse.remind", "title": "Overdue loan reminders",
     "func": "circularcities.reuse.services.reminders_job", "every": 86400,
     "at": env_int("CIRCULARCITIES_REMINDERS_AT", 6 * 3600)},
    {"name": "jobs-prune", "kind": "jobs.prune", "title": "Tidy the job queue",
     "func": "circularcities.jobs.scheduled.prune_queue", "every": 86400, "at": 3 * 3600},
] if env_bool("CIRCULARCITIES_SCHEDULE", True) else []

# Several web processes share state only through the database (sessions, cache)
# and the file storage, so any number of them can run on any number of machines.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                      "LOCATION": "circularcities_cache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # A refused edit (403) or a missing page (404) is the platform working as meant, not
    # something an operator must read; server errors (5xx) are still logged.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
                # Failed sign-ins and lock-outs are written to the audit log instead.
                "axes": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
