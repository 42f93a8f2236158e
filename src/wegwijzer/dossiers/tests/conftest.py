"""Fixtures for the dossier: two organisations in two regions, a user per role in each, and clients that
are logged in with a verified second factor."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.accounts.models import Membership, Organisation, Role
from wegwijzer.accounts.testing import verified_client

ROLES = [Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS, Role.ZORGCOORDINATOR, Role.BEHEERDER]


def make_user(username, organisation, role, password="een-lang-wachtwoord-2026"):
    # MD5 keeps fixtures fast; Argon2 is the first hasher, so a real login re-hashes with Argon2 (tested)
    user = get_user_model().objects.create(username=username, password=make_password(password, hasher="md5"))
    Membership.objects.create(user=user, organisation=organisation, role=role)
    TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    return user


@pytest.fixture
def orgs(db):
    return {
        "own": Organisation.objects.create(name="Wijkteam Zwolle", region_slug="ijsselland"),
        "other": Organisation.objects.create(name="GGD Tilburg", region_slug="hart-van-brabant"),
    }


@pytest.fixture
def people(orgs):
    """people[(org key, role)] -> user; plus a second professional in the own organisation."""
    result = {(key, role): make_user(f"{key}-{role}", org, role) for key, org in orgs.items() for role in ROLES}
    result[("own", "professional-2")] = make_user("own-professional-2", orgs["own"], Role.PROFESSIONAL)
    return result


@pytest.fixture
def login(client):
    return verified_client


@pytest.fixture(autouse=True)
def dutch():
    """reverse() follows the active language: the Dutch URLs (no prefix) unless a test asks for /en/."""
    from django.utils import translation

    with translation.override("nl"):
        yield
