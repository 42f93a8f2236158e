"""Encryption at rest (free text and identifying details are ciphertext in the database; keys rotate) and
retention (expired closed cases are deleted by the daily command, leaving a content-free log)."""

from datetime import datetime, timedelta

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from wegwijzer.audit.models import AuditEvent, DeletionRecord
from wegwijzer.domain.hours import AMSTERDAM
from wegwijzer.dossiers import actions
from wegwijzer.dossiers.crypto import _fernet
from wegwijzer.dossiers.models import Case, Entry

SECRET = "Geheime Naam, Dorpsstraat 1"


def raw(table, column, row_id):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [row_id])
        return cursor.fetchone()[0]


@pytest.fixture
def owner(people):
    return people[("own", "professional")]


def make_case(owner):
    case = actions.create_case(owner, pseudonym="X.Y.", identifying=SECRET)
    entry = actions.add_entry(owner, case, "consultation", {"with_role": "collega", "advice": "GEHEIM ADVIES",
                                                            "date": "2026-11-20"})
    return case, entry


def test_free_text_and_identifying_details_are_ciphertext_in_the_database(owner):
    case, entry = make_case(owner)
    for value in (raw("dossiers_case", "identifying", case.id), raw("dossiers_case", "pseudonym", case.id),
                  raw("dossiers_entry", "data", entry.id)):
        assert value.startswith("gAAAA")  # a Fernet token
        assert "Geheime" not in value and "GEHEIM" not in value and "X.Y." not in value
    assert Case.objects.get(pk=case.pk).identifying == SECRET
    assert Entry.objects.get(pk=entry.pk).data["advice"] == "GEHEIM ADVIES"


def test_key_rotation(owner, settings, capsys):
    old_key = settings.DOSSIER_ENCRYPTION_KEYS[0]
    case, entry = make_case(owner)
    actions.reveal_identifying(owner, case, "melding voorbereiden")
    reveal = AuditEvent.objects.get(event="reveal")
    before = raw("dossiers_case", "identifying", case.id)
    new_key = Fernet.generate_key().decode()
    settings.DOSSIER_ENCRYPTION_KEYS = [new_key, old_key]
    _fernet.cache_clear()
    call_command("rotate_dossier_keys")
    assert "opnieuw versleuteld" in capsys.readouterr().out
    after = raw("dossiers_case", "identifying", case.id)
    assert after != before
    settings.DOSSIER_ENCRYPTION_KEYS = [new_key]  # the old key is gone: everything still reads
    _fernet.cache_clear()
    assert Case.objects.get(pk=case.pk).identifying == SECRET
    assert Entry.objects.get(pk=entry.pk).data["advice"] == "GEHEIM ADVIES"
    assert AuditEvent.objects.get(pk=reveal.pk).detail == "melding voorbereiden"
    settings.DOSSIER_ENCRYPTION_KEYS = [old_key]  # and the old key alone no longer reads it
    _fernet.cache_clear()
    with pytest.raises(Exception, match="cannot be read"):
        Case.objects.get(pk=case.pk)
    _fernet.cache_clear()


def test_a_bad_key_in_configuration_is_a_clear_error(settings):
    settings.DOSSIER_ENCRYPTION_KEYS = ["geen-sleutel"]
    _fernet.cache_clear()
    from wegwijzer.dossiers.crypto import encrypt

    with pytest.raises(Exception, match="not a Fernet key"):
        encrypt("x")
    _fernet.cache_clear()


def test_retention_deletes_expired_closed_cases_and_keeps_a_log_without_content(owner, orgs):
    orgs["own"].retention_days = 30
    orgs["own"].save()
    with time_machine.travel(datetime(2026, 1, 1, 12, tzinfo=AMSTERDAM), tick=False):
        old, _ = make_case(owner)
        actions.close_case(owner, old, "afgerond")
        kept_open, _ = make_case(owner)
        recent, _ = make_case(owner)
    with time_machine.travel(datetime(2026, 1, 25, 12, tzinfo=AMSTERDAM), tick=False):
        actions.close_case(owner, recent, "afgerond")
    with time_machine.travel(datetime(2026, 2, 1, 12, tzinfo=AMSTERDAM), tick=False):  # 31 days after closing
        call_command("apply_retention", "--dry-run")
        assert Case.objects.filter(pk=old.pk).exists()
        call_command("apply_retention")
    assert not Case.objects.filter(pk=old.pk).exists()
    assert not Entry.objects.filter(case_id=old.pk).exists()
    assert Case.objects.filter(pk__in=[kept_open.pk, recent.pk]).count() == 2
    [log] = DeletionRecord.objects.all()
    assert (log.case_code, log.entries) == (old.code, 2)  # the consultation and the close entry
    assert AuditEvent.objects.filter(event="delete", case_code=old.code).count() == 1
    fields = [str(v) for v in DeletionRecord.objects.values_list()[0]]
    assert not any("GEHEIM" in f or "Geheime" in f or "afgerond" in f for f in fields)


def test_a_reopened_case_is_not_deleted(owner, orgs):
    orgs["own"].retention_days = 1
    orgs["own"].save()
    with time_machine.travel(datetime(2026, 1, 1, 12, tzinfo=AMSTERDAM), tick=False):
        case, _ = make_case(owner)
        actions.close_case(owner, case, "klaar")
    with time_machine.travel(datetime(2026, 1, 10, 12, tzinfo=AMSTERDAM), tick=False):
        actions.reopen_case(owner, Case.objects.get(pk=case.pk), "nieuwe signalen")
        call_command("apply_retention")
    assert Case.objects.filter(pk=case.pk).exists()


def test_retention_period_is_per_organisation(people, orgs):
    orgs["other"].retention_days = 400
    orgs["other"].save()
    other_owner = people[("other", "professional")]
    with time_machine.travel(datetime(2026, 1, 1, 12, tzinfo=AMSTERDAM), tick=False):
        case, _ = make_case(other_owner)
        actions.close_case(other_owner, case, "klaar")
    with time_machine.travel(datetime(2026, 1, 1, 12, tzinfo=AMSTERDAM) + timedelta(days=399), tick=False):
        call_command("apply_retention")
        assert Case.objects.filter(pk=case.pk).exists()
    with time_machine.travel(datetime(2026, 1, 1, 12, tzinfo=AMSTERDAM) + timedelta(days=401), tick=False):
        call_command("apply_retention")
        assert not Case.objects.filter(pk=case.pk).exists()
