"""Helpers for tests that need someone logged in to the dossier or the redactie: a test client (or a
browser session cookie) with a verified second factor, as after the TOTP step. Used by tests only."""

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice


def verified_client(user, client_class=Client):
    client = client_class()
    client.force_login(user)
    session = client.session
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="default", confirmed=True)
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def login_browser(context, site: str, user) -> None:
    """Give a Playwright browser context the session of ``user`` (verified second factor)."""
    cookie = verified_client(user).cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site}])
