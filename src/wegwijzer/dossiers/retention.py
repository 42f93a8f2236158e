"""Retention: a closed case is deleted when its organisation's retention period after closing has
passed. What remains is a DeletionRecord (code, organisation, dates, number of entries: no content) and
the audit rows, which hold no content either. Run daily: `manage.py apply_retention`."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from wegwijzer.accounts.models import Organisation
from wegwijzer.audit.log import record
from wegwijzer.audit.models import DeletionRecord, Event

from .models import Case


def expired_cases(now=None):
    now = now or timezone.now()
    for organisation in Organisation.objects.all():
        cutoff = now - timedelta(days=organisation.retention_days)
        yield from Case.objects.filter(organisation=organisation, closed_at__isnull=False, closed_at__lt=cutoff)


def apply_retention(now=None, dry_run: bool = False) -> list[str]:
    now = now or timezone.now()
    removed = []
    for case in list(expired_cases(now)):
        if dry_run:
            removed.append(case.code)
            continue
        with transaction.atomic():
            locked = Case.objects.select_for_update().filter(pk=case.pk, closed_at__isnull=False).first()
            if locked is None or locked.closed_at >= now - timedelta(days=locked.organisation.retention_days):
                continue  # reopened meanwhile
            entries = locked.entries.count()
            DeletionRecord.objects.create(case_code=locked.code, organisation=locked.organisation,
                                          closed_at=locked.closed_at, deleted_at=now, entries=entries)
            locked.shares.all().delete()
            locked.entries.update(corrects=None)
            locked.entries.all().delete()
            locked.delete()
            record(Event.DELETE, organisation=case.organisation, case_code=case.code, what="bewaartermijn verlopen")
        removed.append(case.code)
    return removed
