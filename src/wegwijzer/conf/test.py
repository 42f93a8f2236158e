"""The test suite (pytest). DATABASE_URL selects SQLite (default) or PostgreSQL."""

from .dev import *  # noqa: F401,F403
from .dev import DATABASES

DEBUG = False
ALLOWED_HOSTS = ["*"]
# Argon2 stays first, as in production (a test checks it); MD5 keeps fixtures' passwords fast to set.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher", "django.contrib.auth.hashers.MD5PasswordHasher"]

# No persistent connections in tests: a live-server thread must not keep the test database open.
DATABASES["default"]["CONN_MAX_AGE"] = 0
