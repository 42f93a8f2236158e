"""Encryption at rest for free text and identifying details: Fernet (AES-128-CBC + HMAC-SHA256) from
`cryptography`, with a MultiFernet over ``DOSSIER_ENCRYPTION_KEYS``: the first key encrypts, every key
decrypts. Rotating: put a new key first, keep the old one after it, run ``manage.py rotate_dossier_keys``
(re-encrypts every row with the new key), then drop the old key (docs/security.md, ADR 0010).

The key is separate from SECRET_KEY on purpose: rotating one must not make the other's data unreadable."""

from __future__ import annotations

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("DOSSIER_ENCRYPTION_KEYS is empty")
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(f"DOSSIER_ENCRYPTION_KEYS holds a key that is not a Fernet key: {exc}") from None


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.DOSSIER_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured("encrypted dossier data cannot be read with DOSSIER_ENCRYPTION_KEYS") from None


def rotate(token: str) -> str:
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; "" stays "" (no ciphertext for an empty field). Not searchable in SQL."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else ""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""


class EncryptedJSONField(models.TextField):
    """A JSON object stored encrypted."""

    def from_db_value(self, value, expression, connection):
        return json.loads(decrypt(value)) if value else {}

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        return json.loads(value) if value else {}

    def get_prep_value(self, value):
        return encrypt(json.dumps(value or {}, ensure_ascii=False, sort_keys=True))
