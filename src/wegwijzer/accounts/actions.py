"""User management by a beheerder, for their own organisation only. Each change is audited."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from wegwijzer.audit.log import record
from wegwijzer.audit.models import Event

from .models import Membership, Role


class MemberError(Exception):
    def __init__(self, message_nl: str, message_en: str, field: str | None = None):
        super().__init__(message_nl)
        self.message_nl, self.message_en, self.field = message_nl, message_en, field


@transaction.atomic
def add_member(admin, username: str, role: str, *, ip=None) -> tuple[Membership, str]:
    """A new user in the beheerder's organisation, with a one-time password to hand over in person. At the
    first login they must set up their second factor before they see anything."""
    if role not in Role.values:
        raise MemberError("kies een rol", "choose a role", "role")
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise MemberError("deze gebruikersnaam bestaat al", "this user name already exists", "username")
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(username=username, password=password)
    membership = Membership.objects.create(user=user, organisation=admin.membership.organisation, role=role)
    record(Event.CHANGE, actor=admin, ip=ip, what=f"gebruiker {username} toegevoegd ({role})")
    return membership, password


@transaction.atomic
def deactivate_member(admin, membership: Membership, *, ip=None) -> None:
    if membership.organisation_id != admin.membership.organisation_id or membership.user_id == admin.id:
        raise MemberError("dat kan niet", "that is not possible")
    user = membership.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    membership.session_epoch += 1  # ends their sessions
    membership.save(update_fields=["session_epoch"])
    record(Event.CHANGE, actor=admin, ip=ip, what=f"gebruiker {user.get_username()} uitgeschakeld")
