"""Every change to a dossier goes through one function here. Each runs in a transaction, checks what it
must, writes the change and the audit row together, and re-derives the case's status from its entries
(domain.meldcode). Views, commands and tests call these; nobody saves a Case, Entry or Share directly.

Concurrency: adding an entry never conflicts (entries are appended). A status change (close, reopen)
and an afweging carry the version of the case the person saw; if someone else changed the case since,
the action refuses with a message instead of overwriting."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from wegwijzer.audit.log import record
from wegwijzer.audit.models import Event
from wegwijzer.domain.meldcode import ENTRY_KINDS, InvalidTransition, Record, check_afweging, derive_status

from .models import IDENTIFYING_MAX, PSEUDONYM_MAX, Case, Entry, Share

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone
SHARE_MAX_DAYS = 90


class ActionError(Exception):
    def __init__(self, message_nl: str, message_en: str, field: str | None = None):
        super().__init__(message_nl)
        self.message_nl, self.message_en, self.field = message_nl, message_en, field


class Conflict(ActionError):
    pass


def new_code() -> str:
    while True:
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        code = f"MH-{raw[:4]}-{raw[4:]}"
        if not Case.objects.filter(code=code).exists():
            return code


def effective_entries(entries) -> list[Entry]:
    """Entries that no later entry corrects, in order: what the case currently says."""
    entries = list(entries)
    corrected = {e.corrects_id for e in entries if e.corrects_id}
    return [e for e in entries if e.id not in corrected]


def _refresh(case: Case, now) -> None:
    entries = effective_entries(case.entries.order_by("created_at", "id"))
    status = derive_status(Record(e.kind, e.data) for e in entries)
    if status.code != case.status:
        case.step_since = now
    case.status = status.code
    case.closed_at = (case.closed_at or now) if status.closed else None
    case.version += 1
    case.save()


def _locked(case: Case, expected_version: int | None) -> Case:
    fresh = Case.objects.select_for_update().get(pk=case.pk)
    if expected_version is not None and fresh.version != expected_version:
        raise Conflict("iemand anders heeft dit dossier net gewijzigd; bekijk de nieuwe stand en probeer het opnieuw",
                       "someone else has just changed this case; look at the new state and try again")
    return fresh


def _check_length(value: str, limit: int, field: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ActionError(f"te lang: hoogstens {limit} tekens", f"too long: at most {limit} characters", field)
    return value


@transaction.atomic
def create_case(actor, *, ip=None, pseudonym="", identifying="", age_group="onbekend", has_children=False) -> Case:
    now = timezone.now()
    case = Case.objects.create(
        code=new_code(), organisation=actor.membership.organisation, owner=actor,
        pseudonym=_check_length(pseudonym, PSEUDONYM_MAX, "pseudonym"),
        identifying=_check_length(identifying, IDENTIFYING_MAX, "identifying"),
        age_group=age_group, has_children=has_children, created_at=now, step_since=now,
    )
    record(Event.CREATE, actor=actor, ip=ip, case_code=case.code, what="dossier")
    return case


@transaction.atomic
def add_entry(actor, case: Case, kind: str, data: dict, *, ip=None, corrects: Entry | None = None,
              expected_version: int | None = None) -> Entry:
    if kind not in ENTRY_KINDS or kind in ("close", "reopen"):
        raise ActionError(f"onbekend soort vastlegging {kind!r}", f"unknown kind of entry {kind!r}", "kind")
    needs_version = kind == "afweging"
    case = _locked(case, expected_version if needs_version else None)
    if case.closed_at is not None:
        raise ActionError("dit dossier is gesloten; heropen het eerst", "this case is closed; reopen it first")
    if corrects is not None and (corrects.case_id != case.id or corrects.kind != kind):
        raise ActionError("een correctie hoort bij een vastlegging van dezelfde soort in dit dossier",
                          "a correction belongs to an entry of the same kind in this case")
    if corrects is not None and corrects.corrections.exists():
        raise ActionError("deze vastlegging is al gecorrigeerd; corrigeer de nieuwste versie",
                          "this entry has already been corrected; correct the newest version")
    if kind == "afweging":
        entries = effective_entries(case.entries.order_by("created_at", "id"))
        answers = {int(e.data["number"]): bool(e.data["answer"]) for e in entries
                   if e.kind == "afweging" and (corrects is None or e.id != corrects.id)}
        if data.get("number") is None:
            raise Conflict("de weging is al afgerond; corrigeer een eerdere afweging als die niet klopt",
                           "the weighing is complete; correct an earlier afweging if it is wrong", "number")
        number = int(data["number"])
        if corrects is None:
            try:
                check_afweging(answers, number)
            except InvalidTransition as exc:
                raise Conflict(exc.message_nl, exc.message_en, "number") from None
        elif number != int(corrects.data["number"]):
            raise ActionError("een correctie van een afweging houdt hetzelfde nummer",
                              "a correction of an afweging keeps its number", "number")
    now = timezone.now()
    entry = Entry.objects.create(case=case, kind=kind, data=data, created_by=actor, created_at=now,
                                 corrects=corrects)
    _refresh(case, now)
    what = f"vastlegging {entry.id} ({kind})" + (f", correctie van {corrects.id}" if corrects else "")
    record(Event.CHANGE, actor=actor, ip=ip, case_code=case.code, what=what)
    return entry


@transaction.atomic
def import_signals(actor, case: Case, signals: list[dict], *, ip=None) -> list[Entry]:
    """Several signal entries at once (from the signaleringshulp): all of them, or none."""
    return [add_entry(actor, case, "signal", data, ip=ip) for data in signals]


def _status_entry(actor, case, kind, reason, event, ip, expected_version):
    reason = _check_length(reason, 2000, "reason")
    if not reason:
        raise ActionError("geef een reden", "give a reason", "reason")
    case = _locked(case, expected_version)
    is_closed = case.closed_at is not None
    if kind == "close" and is_closed:
        raise Conflict("dit dossier is al gesloten", "this case is already closed")
    if kind == "reopen" and not is_closed:
        raise Conflict("dit dossier is niet gesloten", "this case is not closed")
    now = timezone.now()
    Entry.objects.create(case=case, kind=kind, data={"reason": reason}, created_by=actor, created_at=now)
    _refresh(case, now)
    record(event, actor=actor, ip=ip, case_code=case.code, what=kind)
    return case


@transaction.atomic
def close_case(actor, case: Case, reason: str, *, ip=None, expected_version: int | None = None) -> Case:
    return _status_entry(actor, case, "close", reason, Event.CLOSE, ip, expected_version)


@transaction.atomic
def reopen_case(actor, case: Case, reason: str, *, ip=None, expected_version: int | None = None) -> Case:
    return _status_entry(actor, case, "reopen", reason, Event.REOPEN, ip, expected_version)


@transaction.atomic
def share_case(actor, case: Case, user, days: int, *, ip=None) -> Share:
    if user.id == case.owner_id:
        raise ActionError("je kunt een dossier niet met jezelf delen", "you cannot share a case with yourself", "user")
    membership = getattr(user, "membership", None)
    if membership is None or not user.is_active:
        raise ActionError("onbekende gebruiker", "unknown user", "user")
    same_org = membership.organisation_id == case.organisation_id
    coordinator = membership.role == "zorgcoordinator" and \
        membership.organisation.region_slug == case.organisation.region_slug
    if not (same_org and membership.role in ("aandachtsfunctionaris", "professional")) and not coordinator:
        raise ActionError("delen kan met een aandachtsfunctionaris of professional van je eigen organisatie, "
                          "of met de zorgcoördinator van je regio",
                          "a case can be shared with an aandachtsfunctionaris or professional of your own "
                          "organisation, or with your region's zorgcoördinator", "user")
    if not 1 <= days <= SHARE_MAX_DAYS:
        raise ActionError(f"kies 1 tot {SHARE_MAX_DAYS} dagen", f"choose 1 to {SHARE_MAX_DAYS} days", "days")
    now = timezone.now()
    share = Share.objects.create(case=case, user=user, granted_by=actor, created_at=now,
                                 expires_at=now + timedelta(days=days))
    record(Event.SHARE, actor=actor, ip=ip, case_code=case.code,
           what=f"gedeeld met {user.get_username()} tot {share.expires_at:%Y-%m-%d}")
    return share


@transaction.atomic
def revoke_share(actor, share: Share, *, ip=None) -> Share:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
    record(Event.UNSHARE, actor=actor, ip=ip, case_code=share.case.code, what=f"delen met {share.user.get_username()}")
    return share


@transaction.atomic
def reveal_identifying(actor, case: Case, reason: str, *, ip=None) -> str:
    reason = _check_length(reason, 500, "reason")
    if len(reason) < 5:
        raise ActionError("geef een reden (minstens 5 tekens)", "give a reason (at least 5 characters)", "reason")
    record(Event.REVEAL, actor=actor, ip=ip, case_code=case.code, what="identificerende gegevens", detail=reason)
    return case.identifying


def record_view(actor, case: Case, *, ip=None, what="dossier") -> None:
    record(Event.VIEW, actor=actor, ip=ip, case_code=case.code, what=what)


def record_export(actor, case: Case, *, ip=None, what="pdf") -> None:
    record(Event.EXPORT, actor=actor, ip=ip, case_code=case.code, what=what)


@transaction.atomic
def logout_everywhere(actor, *, ip=None) -> None:
    membership = actor.membership
    membership.session_epoch += 1
    membership.save(update_fields=["session_epoch"])
    record(Event.LOGOUT_EVERYWHERE, actor=actor, ip=ip)
