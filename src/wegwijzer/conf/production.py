"""Production: PostgreSQL via DATABASE_URL, a real SECRET_KEY, static files collected."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import DOSSIER_ENCRYPTION_KEYS, SECRET_KEY, env, env_bool

if SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("Set SECRET_KEY in production.")
if "ZGV2LW9ubHkta2V5LW5ldmVyLWZvci1yZWFsLWRhdGE=" in DOSSIER_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("Set DOSSIER_ENCRYPTION_KEYS in production (the development key is public).")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "").split(",") if h.strip()]
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# AUDIT_IP_HEADER: behind nginx, the header with the client's address (e.g. HTTP_X_FORWARDED_FOR).
AUDIT_IP_HEADER = env("AUDIT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
