"""Writing audit rows. Who, when, what (never content: an event, a case code, an entry number) and from
which IP. Called by the actions layer inside its transaction, and by the login signal handlers."""

from __future__ import annotations

import ipaddress

from django.conf import settings

from .models import AuditEvent


def client_ip(request) -> str | None:
    """The client's address. Behind a proxy (nginx) set AUDIT_IP_HEADER, e.g. HTTP_X_FORWARDED_FOR: its
    first address is used. Otherwise REMOTE_ADDR."""
    if request is None:
        return None
    header = getattr(settings, "AUDIT_IP_HEADER", "")
    for value in ((request.META.get(header, "") if header else "").split(",")[0].strip(),
                  request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(value))
        except ValueError:
            continue  # not an address (a forged or missing header): try the next source
    return None


def record(event: str, *, actor=None, request=None, ip: str | None = None, organisation=None, case_code: str = "",
           what: str = "", actor_name: str = "", detail: str = "") -> AuditEvent:
    if actor is not None and getattr(actor, "is_authenticated", False):
        membership = getattr(actor, "membership", None)
        organisation = organisation or (membership.organisation if membership else None)
        actor_name = actor.get_username()
    else:
        actor = None
    return AuditEvent.objects.create(
        actor=actor, actor_name=actor_name[:150], organisation=organisation, event=event,
        case_code=case_code, what=what[:200], detail=detail, ip=ip if ip is not None else client_ip(request),
    )
