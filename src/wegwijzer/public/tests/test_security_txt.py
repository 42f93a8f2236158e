"""/.well-known/security.txt (RFC 9116): served only with a valid contact from the settings, never invented."""

import importlib
import logging
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

URL = "/.well-known/security.txt"
CONTACTS = ["mailto:security@example.org", "https://example.org/security", "tel:+31-20-123-4567"]


def fields(response) -> dict[str, list[str]]:
    """The "Name: value" lines of a security.txt, comments left out; each line must be one or the other."""
    found: dict[str, list[str]] = {}
    for line in response.content.decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition(": ")
        assert sep and name and value, f"not a field line: {line!r}"
        found.setdefault(name, []).append(value)
    return found


def parse_expires(value: str) -> datetime:
    assert value.endswith("Z"), value
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


@pytest.fixture
def configured(settings):
    settings.SECURITY_CONTACT = CONTACTS
    settings.SECURITY_TXT_EXPIRES_DAYS = 180
    settings.SECURITY_POLICY_URL = ""
    settings.SECURITY_PREFERRED_LANGUAGES = ["nl", "en"]
    return settings


def test_settings_come_from_the_environment_without_a_built_in_contact(monkeypatch):
    from wegwijzer.conf import base

    names = ["SECURITY_CONTACT", "SECURITY_TXT_EXPIRES_DAYS", "SECURITY_POLICY_URL", "SECURITY_PREFERRED_LANGUAGES"]
    try:
        for name in names:
            monkeypatch.delenv(name, raising=False)
        importlib.reload(base)
        assert base.SECURITY_CONTACT == []
        assert base.SECURITY_TXT_EXPIRES_DAYS == 180
        assert base.SECURITY_POLICY_URL == ""
        assert base.SECURITY_PREFERRED_LANGUAGES == ["nl", "en"]

        monkeypatch.setenv("SECURITY_CONTACT", " mailto:security@example.org, ,https://example.org/security ")
        monkeypatch.setenv("SECURITY_TXT_EXPIRES_DAYS", "90")
        monkeypatch.setenv("SECURITY_POLICY_URL", "https://example.org/policy")
        monkeypatch.setenv("SECURITY_PREFERRED_LANGUAGES", "en")
        importlib.reload(base)
        assert base.SECURITY_CONTACT == ["mailto:security@example.org", "https://example.org/security"]
        assert base.SECURITY_TXT_EXPIRES_DAYS == 90
        assert base.SECURITY_POLICY_URL == "https://example.org/policy"
        assert base.SECURITY_PREFERRED_LANGUAGES == ["en"]
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_without_a_contact_the_file_is_not_served(client, settings):
    settings.SECURITY_CONTACT = []
    response = client.get(URL)
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "SECURITY_CONTACT is not set" in text
    assert "Contact:" not in text and "Expires:" not in text
    assert "public" not in response.get("Cache-Control", "")
    assert not response.cookies


def test_with_a_contact_every_field_is_there(client, configured):
    before = datetime.now(UTC)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().endswith("\n")
    found = fields(response)
    assert found["Contact"] == CONTACTS
    assert found["Preferred-Languages"] == ["nl, en"]
    assert "Policy" not in found  # not set
    assert "Canonical" not in found  # plain HTTP: the https URL is not known
    [expires] = found["Expires"]
    moment = parse_expires(expires)
    assert before < moment < before + timedelta(days=365)
    assert set(found) == {"Contact", "Expires", "Preferred-Languages"}


def test_caching_and_no_cookie(client, configured):
    response = client.get(URL)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=86400"}
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_expires_is_the_response_date_plus_the_configured_days(client, configured):
    with time_machine.travel(datetime(2026, 11, 30, 13, 45, 7, 654321, tzinfo=UTC), tick=False):
        assert fields(client.get(URL))["Expires"] == ["2027-05-29T13:45:07Z"]  # + 180 days
        configured.SECURITY_TXT_EXPIRES_DAYS = 30
        assert fields(client.get(URL))["Expires"] == ["2026-12-30T13:45:07Z"]


def test_expires_moves_with_the_date(client, configured):
    with time_machine.travel(datetime(2027, 3, 1, 0, 0, tzinfo=UTC), tick=False):
        assert fields(client.get(URL))["Expires"] == ["2027-08-28T00:00:00Z"]


def test_policy_and_languages_from_the_settings(client, configured):
    configured.SECURITY_POLICY_URL = "https://example.org/responsible-disclosure"
    configured.SECURITY_PREFERRED_LANGUAGES = ["en"]
    found = fields(client.get(URL))
    assert found["Policy"] == ["https://example.org/responsible-disclosure"]
    assert found["Preferred-Languages"] == ["en"]


def test_the_setting_may_be_a_comma_separated_string(client, configured):
    configured.SECURITY_CONTACT = "mailto:security@example.org, tel:+31201234567"
    configured.SECURITY_PREFERRED_LANGUAGES = "nl, en"
    found = fields(client.get(URL))
    assert found["Contact"] == ["mailto:security@example.org", "tel:+31201234567"]
    assert found["Preferred-Languages"] == ["nl, en"]


def test_canonical_over_https(client, configured):
    found = fields(client.get(URL, secure=True))
    assert found["Canonical"] == ["https://testserver/.well-known/security.txt"]


@pytest.mark.parametrize("contact", [
    "foo",
    "security@example.org",  # an address without mailto:
    "mailto:not-an-address",
    "http://example.org/security",  # RFC 9116: web URIs must be https
    "https://",
    "tel:020-1234567",  # not a global number
    "ftp://example.org",
])
def test_an_invalid_contact_is_not_served(client, configured, contact, caplog):
    configured.SECURITY_CONTACT = ["mailto:security@example.org", contact]
    with caplog.at_level(logging.WARNING, logger="wegwijzer.public.security_txt"):
        response = client.get(URL)
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "SECURITY_CONTACT must be comma-separated mailto:, https: or tel: URIs" in text
    assert "Contact:" not in text
    assert "SECURITY_CONTACT" in caplog.text  # the operator learns it from the log too


@pytest.mark.parametrize(("setting", "value", "message"), [
    ("SECURITY_TXT_EXPIRES_DAYS", 0, "SECURITY_TXT_EXPIRES_DAYS"),
    ("SECURITY_TXT_EXPIRES_DAYS", 365, "SECURITY_TXT_EXPIRES_DAYS"),  # RFC 9116: less than a year
    ("SECURITY_POLICY_URL", "http://example.org/policy", "SECURITY_POLICY_URL"),
    ("SECURITY_POLICY_URL", "policy", "SECURITY_POLICY_URL"),
    ("SECURITY_PREFERRED_LANGUAGES", ["Nederlands"], "SECURITY_PREFERRED_LANGUAGES"),
])
def test_other_invalid_settings_are_not_served(client, configured, setting, value, message):
    setattr(configured, setting, value)
    response = client.get(URL)
    assert response.status_code == 404
    assert message in response.content.decode()


def test_the_longest_allowed_expiry_is_less_than_a_year(client, configured):
    configured.SECURITY_TXT_EXPIRES_DAYS = 364
    before = datetime.now(UTC)
    moment = parse_expires(fields(client.get(URL))["Expires"][0])
    assert before + timedelta(days=363) < moment < before + timedelta(days=365)


def test_only_get_and_head(client, configured):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


def test_not_under_a_language_prefix():
    from django.urls import reverse

    assert reverse("security-txt") == URL
