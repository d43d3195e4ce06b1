"""Settings for the test suite: a throwaway data directory, fast hashing."""

import os
import tempfile

os.environ.setdefault("CIRCULARCITIES_HOME", tempfile.mkdtemp(prefix="cc-test-"))

from circularcities.site.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
JOBS_INLINE = True
