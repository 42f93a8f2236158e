"""Production settings pass `manage.py check --deploy` without warnings, and every response carries the
security headers: a CSP without 'unsafe-inline', frame-ancestors 'none', HSTS (over HTTPS in
production), Referrer-Policy and Permissions-Policy."""

import os
import subprocess
import sys

import pytest
from django.conf import settings


def test_check_deploy_with_production_settings_gives_no_warnings():
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by conftest for tests
    env = {**env, "DJANGO_SETTINGS_MODULE": "wegwijzer.conf.production", "SECRET_KEY": "x" * 60 + "-prod",
           "DOSSIER_ENCRYPTION_KEYS": Fernet.generate_key().decode(), "ALLOWED_HOSTS": "wegwijzer.example.nl",
           "PYTHONPATH": str(settings.BASE_DIR / "src")}
    result = subprocess.run([sys.executable, str(settings.BASE_DIR / "manage.py"), "check", "--deploy",
                             "--fail-level", "WARNING"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_the_development_keys():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DOSSIER_ENCRYPTION_KEYS",
                                                           "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(DJANGO_SETTINGS_MODULE="wegwijzer.conf.production", PYTHONPATH=str(settings.BASE_DIR / "src"))
    result = subprocess.run([sys.executable, str(settings.BASE_DIR / "manage.py"), "check"], capture_output=True,
                            text=True, env=env)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    env["SECRET_KEY"] = "y" * 60
    result = subprocess.run([sys.executable, str(settings.BASE_DIR / "manage.py"), "check"], capture_output=True,
                            text=True, env=env)
    assert result.returncode != 0 and "DOSSIER_ENCRYPTION_KEYS" in result.stderr


@pytest.mark.parametrize("path", ["/", "/ijsselland/", "/account/login/", "/dossier/", "/api/v1/regions"])
def test_security_headers_on_every_kind_of_page(client, catalogue, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_over_https(client, catalogue, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_login_page_sets_only_secure_style_cookies(client, settings, db):
    response = client.get("/account/login/")
    assert response.status_code == 200
    csrf = response.cookies.get(settings.CSRF_COOKIE_NAME)
    assert csrf is not None and csrf["httponly"] and csrf["samesite"] == "Lax"
