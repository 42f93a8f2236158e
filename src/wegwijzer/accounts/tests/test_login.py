"""Login with a mandatory second factor, lockout after repeated failures, Argon2, the idle timeout of
dossier pages and "log out everywhere" — each audited."""

import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.accounts.models import Membership, Organisation, Role
from wegwijzer.audit.models import AuditEvent

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def user(db):
    org = Organisation.objects.create(name="Wijkteam", region_slug="ijsselland")
    user = get_user_model().objects.create(username="prof", password=make_password(PASSWORD, hasher="md5"))
    Membership.objects.create(user=user, organisation=org, role=Role.PROFESSIONAL)
    return user


@pytest.fixture
def device(user):
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def token(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def password_step(client, username="prof", password=PASSWORD):
    return client.post("/account/login/", {"auth-username": username, "auth-password": password,
                                           "login_view-current_step": "auth"}, REMOTE_ADDR="192.0.2.7")


def events(*names):
    return list(AuditEvent.objects.filter(event__in=names).order_by("id").values_list("event", "actor_name", "ip"))


def test_password_and_totp_lead_to_the_dossier_and_are_audited(user, device):
    client = Client()
    response = password_step(client)
    assert response.status_code == 200 and "token-otp_token" in response.content.decode()
    assert client.get("/dossier/").status_code == 302  # not logged in before the second factor
    response = client.post("/account/login/", {"token-otp_token": token(device), "login_view-current_step": "token"},
                           REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 302
    assert client.get("/dossier/").status_code == 200
    assert events("login") == [("login", "prof", "192.0.2.7")]
    user.refresh_from_db()
    assert user.password.startswith("argon2$")  # re-hashed with the first hasher on login
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_wrong_totp_code_does_not_log_in(user, device):
    client = Client()
    password_step(client)
    response = client.post("/account/login/", {"token-otp_token": "000000", "login_view-current_step": "token"})
    assert response.status_code == 200 and client.get("/dossier/").status_code == 302


def test_a_user_without_a_second_factor_must_set_it_up_before_any_case_data(user):
    client = Client()
    response = password_step(client)
    assert response.status_code == 302
    response = client.get("/dossier/")
    assert response.status_code == 302 and response["Location"] == reverse("two_factor:setup")


def test_setting_up_totp_is_audited(user):
    TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    assert events("2fa_setup") == [("2fa_setup", "prof", None)]


def test_failed_logins_are_audited_and_lock_the_account(user, device):
    client = Client()
    statuses = [password_step(client, password="fout").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]  # the last failure locks
    assert len(events("login_failed")) == settings.AXES_FAILURE_LIMIT
    assert events("login_failed")[0] == ("login_failed", "prof", "192.0.2.7")
    response = password_step(client)  # the right password, but locked
    assert response.status_code == 429 and "tijdelijk geblokkeerd" in response.content.decode()


def test_an_unknown_user_name_is_audited_without_the_name(db):
    password_step(Client(), username="mijn-wachtwoord-per-ongeluk")
    assert events("login_failed") == [("login_failed", "", "192.0.2.7")]


def verified(user, device):
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # a code is accepted once: allow a 2nd login
    client = Client()
    password_step(client)
    client.post("/account/login/", {"token-otp_token": token(device), "login_view-current_step": "token"})
    return client


def test_dossier_pages_log_out_after_15_idle_minutes(user, device, monkeypatch):
    client = verified(user, device)
    assert client.get("/dossier/").status_code == 200
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + settings.DOSSIER_IDLE_MINUTES * 60 + 5)
    response = client.get("/dossier/")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
    monkeypatch.setattr(time, "time", real)
    assert client.get("/dossier/").status_code == 302  # the session is gone


def test_activity_keeps_the_session(user, device, monkeypatch):
    client = verified(user, device)
    real = time.time
    for minutes in (10, 20, 30):
        monkeypatch.setattr(time, "time", lambda m=minutes: real() + m * 60)
        assert client.get("/dossier/").status_code == 200


def test_logout_everywhere_ends_every_session(user, device):
    first, second = verified(user, device), verified(user, device)
    assert second.get("/dossier/").status_code == 200
    assert first.post(reverse("dossiers:logout-everywhere")).status_code == 302
    assert second.get("/dossier/").status_code == 302
    assert first.get("/dossier/").status_code == 302
    assert events("logout_everywhere") == [("logout_everywhere", "prof", "127.0.0.1")]


def test_public_pages_set_no_cookie_even_for_a_logged_in_professional(user, device, catalogue):
    client = verified(user, device)
    for path in ("/", "/ijsselland/", "/ijsselland/route/", "/jouw-rechten/pl/"):
        response = client.get(path)
        assert response.status_code == 200 and not response.cookies, path


def test_two_factor_cannot_be_switched_off(user, device):
    client = verified(user, device)
    assert client.get("/account/two_factor/disable/").status_code == 404
    assert client.post("/account/two_factor/disable/", {"understand": "on"}).status_code == 404
    assert TOTPDevice.objects.filter(user=user).exists()


def test_a_backup_code_logs_in_once(user, device):
    from django_otp.plugins.otp_static.models import StaticDevice

    static = StaticDevice.objects.create(user=user, name="backup")
    static.token_set.create(token="abcd1234")
    for attempt in range(2):
        client = Client()
        password_step(client)
        client.post("/account/login/", {"wizard_goto_step": "backup", "login_view-current_step": "token"})
        client.post("/account/login/", {"backup-otp_token": "abcd1234", "login_view-current_step": "backup"})
        assert client.get("/dossier/").status_code == (200 if attempt == 0 else 302)
    assert not static.token_set.exists()


def test_a_session_ends_after_8_hours_however_active(user, device, monkeypatch):
    client = verified(user, device)
    real = time.time
    for minutes in range(10, 8 * 60, 10):  # a request every 10 minutes
        monkeypatch.setattr(time, "time", lambda m=minutes: real() + m * 60)
        assert client.get("/dossier/").status_code == 200
    monkeypatch.setattr(time, "time", lambda: real() + 8 * 3600 + 5)
    assert client.get("/dossier/").status_code == 302


def test_two_factor_pages_follow_the_idle_timeout_too(user, device, monkeypatch):
    client = verified(user, device)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + settings.DOSSIER_IDLE_MINUTES * 60 + 5)
    response = client.get("/account/two_factor/backup/tokens/")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


def test_a_forged_forwarded_for_header_does_not_break_the_audit(user, device, settings):
    from wegwijzer.audit.log import client_ip

    settings.AUDIT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    class Request:
        META = {"HTTP_X_FORWARDED_FOR": "<script>, 10.0.0.1", "REMOTE_ADDR": "192.0.2.9"}

    assert client_ip(Request()) == "192.0.2.9"
    Request.META = {"HTTP_X_FORWARDED_FOR": "203.0.113.5, 10.0.0.1", "REMOTE_ADDR": "127.0.0.1"}
    assert client_ip(Request()) == "203.0.113.5"
    response = password_step(Client(HTTP_X_FORWARDED_FOR="niet-een-adres"), password="fout")
    assert response.status_code == 200 and events("login_failed")[0][2] == "192.0.2.7"
