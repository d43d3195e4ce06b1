"""Settings for the test suite: a throwaway data directory, fast hashing."""

import os
import tempfile

os.environ.setdefault("CIRCULARCITIES_HOME", tempfile.mkdtemp(prefix="cc-test-"))

from circularcities.site.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
JOBS_INLINE = True
# The suite sends thousands of API requests from one address within a minute; the
# rate-limit tests set their own small limits.
API_RATE_LIMITS = {"requests": (1_000_000, 60), "auth_failures": (1_000_000, 60)}

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, as in production, rather than the shared in-memory database: there
    # concurrent writers fail at once with "database table is locked" instead of
    # waiting their turn, so the concurrency tests could not run real threads.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
