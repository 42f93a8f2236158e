"""``/.well-known/security.txt`` (RFC 9116): where to report a vulnerability in this installation.

Every value comes from a setting read from the environment (docs/configuration.md, SECURITY.md):
``SECURITY_CONTACT`` (required), ``SECURITY_TXT_EXPIRES_DAYS``, ``SECURITY_POLICY_URL`` and
``SECURITY_PREFERRED_LANGUAGES``. The project itself has no security contact: the organisation that
runs the application must publish its own. Until it does, or while a value is invalid, the URL answers
404 with a plain-text explanation; a made-up or broken contact is never served.
"""

import logging
import re
from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

MAX_AGE = 86400  # a day; the file changes only when the configuration does
CONTENT_TYPE = "text/plain; charset=utf-8"
MAX_EXPIRES_DAYS = 364  # RFC 9116 section 2.5.5: Expires should be less than a year into the future

_https_url = URLValidator(schemes=["https"])
_email = EmailValidator()
# RFC 3966 global number: "+", digits, and the visual separators "-", ".", "(" and ")".
_TEL = re.compile(r"^\+[0-9](?:[0-9().-]*[0-9])?$")
# A BCP 47 / RFC 5646 language tag (primary subtag and optional subtags), as RFC 9116 asks.
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _values(setting) -> list[str]:
    """A setting given as a comma-separated string or as a list."""
    if isinstance(setting, str):
        setting = setting.split(",")
    return [v.strip() for v in setting or [] if v and v.strip()]


def _https(value: str) -> bool:
    try:
        _https_url(value)
    except ValidationError:
        return False
    return True


def valid_contact(value: str) -> bool:
    """A Contact URI as RFC 9116 section 2.5.3 allows: mailto:, https: or tel:."""
    scheme, _, rest = value.partition(":")
    if scheme == "mailto":
        try:
            _email(rest)
        except ValidationError:
            return False
        return True
    if scheme == "https":
        return _https(value)
    if scheme == "tel":
        return bool(_TEL.match(rest))
    return False


def problems() -> list[str]:
    """What keeps the file from being served; empty when it can be."""
    found = []
    contacts = _values(settings.SECURITY_CONTACT)
    if not contacts:
        found.append(
            "SECURITY_CONTACT is not set. The organisation that runs this application must publish its own "
            "security contact (a mailto:, https: or tel: URI); this project has none to offer."
        )
    elif not all(valid_contact(c) for c in contacts):
        found.append("SECURITY_CONTACT must be comma-separated mailto:, https: or tel: URIs "
                     "(for example mailto:security@your-organisation.example or tel:+31201234567).")
    days = settings.SECURITY_TXT_EXPIRES_DAYS
    if not isinstance(days, int) or not 1 <= days <= MAX_EXPIRES_DAYS:
        found.append(f"SECURITY_TXT_EXPIRES_DAYS must be a whole number of days from 1 to {MAX_EXPIRES_DAYS}.")
    if settings.SECURITY_POLICY_URL and not _https(settings.SECURITY_POLICY_URL):
        found.append("SECURITY_POLICY_URL must be an https: URL.")
    if not all(_LANGUAGE.match(tag) for tag in _values(settings.SECURITY_PREFERRED_LANGUAGES)):
        found.append("SECURITY_PREFERRED_LANGUAGES must be comma-separated language tags, for example: nl, en.")
    return found


def expires(now, days: int) -> str:
    """The Expires value: ``now`` plus ``days``, as an RFC 3339 UTC date-time (RFC 9116 section 2.5.5)."""
    return (now + timedelta(days=days)).astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def render(request) -> str:
    lines = ["# Security contact for this installation of Wegwijzer mensenhandel (RFC 9116)."]
    lines += [f"Contact: {contact}" for contact in _values(settings.SECURITY_CONTACT)]
    lines.append(f"Expires: {expires(timezone.now(), settings.SECURITY_TXT_EXPIRES_DAYS)}")
    languages = _values(settings.SECURITY_PREFERRED_LANGUAGES)
    if languages:
        lines.append(f"Preferred-Languages: {', '.join(languages)}")
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    if request.is_secure():
        lines.append(f"Canonical: https://{request.get_host()}{request.path}")
    return "\n".join(lines) + "\n"


@require_safe
def security_txt(request):
    found = problems()
    if found:
        if _values(settings.SECURITY_CONTACT):  # configured, but wrongly: tell the operator in the log too
            logger.warning("security.txt is not served: %s", " ".join(found))
        response = HttpResponseNotFound(
            "security.txt is not available for this installation.\n\n" + "\n".join(found) + "\n",
            content_type=CONTENT_TYPE,
        )
        patch_cache_control(response, no_cache=True)
        return response
    response = HttpResponse(render(request), content_type=CONTENT_TYPE)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
