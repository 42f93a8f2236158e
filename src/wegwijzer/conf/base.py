"""Settings shared by every environment. Every value comes from a documented environment variable
(see docs/configuration.md); the defaults are safe for local development."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parents[3]  # the repository root
SRC_DIR = BASE_DIR / "src" / "wegwijzer"


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, str(default)).lower() in {"1", "true", "yes", "on"}


# SECRET_KEY: required in production; a fixed development key otherwise.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "wegwijzer.accounts",  # before two_factor: its templates override two_factor's (CDN Bootstrap, fails axe)
    "two_factor",
    "axes",
    "django.contrib.sitemaps",
    "ninja",
    "wegwijzer.catalogue",
    "wegwijzer.editorial",
    "wegwijzer.public",
    "wegwijzer.check",
    "wegwijzer.guide",
    "wegwijzer.api",
    "wegwijzer.audit",
    "wegwijzer.dossiers",
]

# Sessions, CSRF and authentication are only *used* by the dossier (accounts) pages: public pages never
# touch the session or a CSRF token, so they still set no cookie (tested).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wegwijzer.accounts.middleware.DossierSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wegwijzer.urls"
WSGI_APPLICATION = "wegwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "wegwijzer.public.context.site",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# DATABASE_URL: sqlite:///path or postgres://user@host:port/name. Default: an embedded SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'wegwijzer.sqlite3'}"), conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [SRC_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# CONTENT_DIR: where the catalogue's YAML files live.
CONTENT_DIR = Path(env("CONTENT_DIR", str(BASE_DIR / "content")))
# QUICK_EXIT_URL: the neutral site the "Snel weg" control leaves for.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", "https://www.google.nl/search?q=weerbericht")
# PUBLIC_MAX_AGE: seconds a public page may be cached (Cache-Control max-age).
PUBLIC_MAX_AGE = int(env("PUBLIC_MAX_AGE", "300"))
# The accessibility statement (/toegankelijkheid) and the privacy statement (/privacy) are generated from
# these files (docs/accessibility/, docs/privacy/). The organisation that publishes the site fills in who
# it is and how to reach it: SITE_OWNER (its name), ACCESSIBILITY_CONTACT (where to report an accessibility
# problem: an e-mail address, a phone number or a web address) and PRIVACY_CONTACT (its privacy officer /
# functionaris gegevensbescherming). Unset, the pages say plainly that this is not filled in yet.
ACCESSIBILITY_EVALUATION = Path(env("ACCESSIBILITY_EVALUATION", str(BASE_DIR / "docs" / "accessibility" /
                                                                     "evaluation.yaml")))
PRIVACY_STATEMENT = Path(env("PRIVACY_STATEMENT", str(BASE_DIR / "docs" / "privacy" / "statement.yaml")))
SITE_OWNER = env("SITE_OWNER", "").strip()
ACCESSIBILITY_CONTACT = env("ACCESSIBILITY_CONTACT", "").strip()
PRIVACY_CONTACT = env("PRIVACY_CONTACT", "").strip()
# /.well-known/security.txt (RFC 9116; public/security_txt.py, SECURITY.md). SECURITY_CONTACT: comma-separated
# mailto:, https: or tel: URIs of the organisation that runs the application; there is no default, and without
# it the file answers 404. SECURITY_TXT_EXPIRES_DAYS: Expires is the response date plus this many days (1-364).
# SECURITY_POLICY_URL: optional https: URL of the disclosure policy. SECURITY_PREFERRED_LANGUAGES: language tags.
SECURITY_CONTACT = [c.strip() for c in env("SECURITY_CONTACT", "").split(",") if c.strip()]
SECURITY_TXT_EXPIRES_DAYS = int(env("SECURITY_TXT_EXPIRES_DAYS", "180"))
SECURITY_POLICY_URL = env("SECURITY_POLICY_URL", "").strip()
SECURITY_PREFERRED_LANGUAGES = [
    t.strip() for t in env("SECURITY_PREFERRED_LANGUAGES", "nl, en").split(",") if t.strip()
]

# Security headers. Public pages set no cookies; nothing is loaded from another host.
# same-origin: other sites never see a referrer; this site gets one, which Chromium needs for a CSRF-checked
# form POST (with no-referrer it sends "Origin: null" and Django refuses the login form).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

PERMISSIONS_POLICY = {
    "accelerometer": [], "camera": [], "geolocation": [], "gyroscope": [], "magnetometer": [],
    "microphone": [], "payment": [], "usb": [], "interest-cohort": [],
}

NINJA_PAGINATION_PER_PAGE = 1000

# ------------------------------------------------------------------------------ accounts and dossiers
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "dossiers:overview"
TWO_FACTOR_PATCH_ADMIN = False
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
OTP_TOTP_ISSUER = "Wegwijzer mensenhandel"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600  # a working day at most, however active
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# AXES_FAILURE_LIMIT: failed logins (per user name and IP) before the account is locked;
# AXES_COOLOFF_MINUTES: how long it stays locked.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Successful logins are in our own audit trail; axes need not keep a second log of them (privacy by design).
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_USERNAME_FORM_FIELD = "auth-username"
AXES_USERNAME_CALLABLE = "wegwijzer.accounts.signals.axes_username"
# DOSSIER_IDLE_MINUTES: after this long without a request, a dossier page asks to log in again.
DOSSIER_IDLE_MINUTES = int(env("DOSSIER_IDLE_MINUTES", "15"))
# DOSSIER_STALE_DAYS: a case whose current step has been open longer than this stands out.
DOSSIER_STALE_DAYS = int(env("DOSSIER_STALE_DAYS", "14"))
# DOSSIER_ENCRYPTION_KEYS: comma-separated Fernet keys; the first encrypts, all decrypt (key rotation,
# docs/security.md). Required in production; development uses a fixed, public key.
DOSSIER_ENCRYPTION_KEYS = [k.strip() for k in env(
    "DOSSIER_ENCRYPTION_KEYS", "ZGV2LW9ubHkta2V5LW5ldmVyLWZvci1yZWFsLWRhdGE="
).split(",") if k.strip()]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
LOGIN_URL_PATH = "/account/login/"
LOGOUT_REDIRECT_URL = LOGIN_URL_PATH
