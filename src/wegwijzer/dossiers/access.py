"""Who may see which case. A case is visible to its owner (read and write) and to people it is shared
with until the share expires or is revoked (read only). Nobody else, whatever their role or
organisation: a case you may not see does not exist for you (404)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from .models import Case, Share


@dataclass
class CaseAccess:
    case: Case
    can_write: bool
    share: Share | None = None


def active_shares(now=None):
    now = now or timezone.now()
    return Share.objects.filter(revoked_at__isnull=True, expires_at__gt=now)


def visible_cases(user, now=None):
    if not getattr(user, "is_authenticated", False) or not hasattr(user, "membership"):
        return Case.objects.none()
    shared = active_shares(now).filter(user=user).values("case_id")
    own = Q(owner=user, organisation_id=user.membership.organisation_id)
    return Case.objects.filter(own | Q(id__in=shared))


def case_for(user, code: str, write: bool = False, now=None) -> CaseAccess:
    """The case with ``code`` if ``user`` may see it (and change it, with ``write``); 404 otherwise —
    also for a read-only share asked to write, so that nothing tells whether a case exists."""
    if not getattr(user, "is_authenticated", False) or not hasattr(user, "membership"):
        raise Http404
    case = Case.objects.select_related("organisation", "owner").filter(code=code).first()
    if case is None:
        raise Http404
    if case.owner_id == user.id and case.organisation_id == user.membership.organisation_id:
        return CaseAccess(case, True)
    share = active_shares(now).filter(case=case, user=user).first()
    if share is not None and not write:
        return CaseAccess(case, False, share)
    raise Http404
