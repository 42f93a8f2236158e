"""The test suite (pytest). DATABASE_URL selects SQLite (default) or PostgreSQL."""

from .dev import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
