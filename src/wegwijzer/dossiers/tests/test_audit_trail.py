"""Every case action writes exactly the audit rows it should: who, when, what and from which IP, never
content. Enumerated action by action, through the pages (as a user would) with a fixed client IP."""

import pytest
from django.urls import reverse
from django.utils import timezone

from wegwijzer.audit.models import AppendOnly, AuditEvent
from wegwijzer.dossiers import actions
from wegwijzer.dossiers.models import Case

IP = "192.0.2.44"
SIGNAL = {"signal": "geen-eigen-paspoort", "date": "2026-11-20", "place": "Zwolle", "source": "zelf-gezien",
          "facts": "GEHEIM-FEIT"}


@pytest.fixture
def owner(people):
    return people[("own", "professional")]


@pytest.fixture
def client_(login, owner):
    c = login(owner)
    c.defaults["REMOTE_ADDR"] = IP
    return c


def new_rows(since_id):
    return list(AuditEvent.objects.filter(id__gt=since_id).order_by("id")
                .values_list("event", "actor__username", "case_code", "what", "ip"))


def last_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def run(client, method, url, data=None):
    start = last_id()
    response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), (url, response.status_code)
    return new_rows(start)


def test_every_case_action_writes_its_audit_row(client_, owner, people, catalogue):
    start = last_id()
    response = client_.post(reverse("dossiers:new"), {"age_group": "meerderjarig", "pseudonym": "A.B.",
                                                       "identifying": "GEHEIM-NAAM"})
    code = response["Location"].rstrip("/").split("/")[-1]
    assert new_rows(start) == [("create", "own-professional", code, "dossier", IP)]
    case = Case.objects.get(code=code)
    u = lambda name, **kw: reverse(f"dossiers:{name}", kwargs={"code": code, **kw})  # noqa: E731

    assert run(client_, "get", u("case")) == [("view", "own-professional", code, "dossier", IP)]
    rows = run(client_, "post", u("entry", kind="signal"), SIGNAL)
    entry = case.entries.get(kind="signal")
    assert rows == [("change", "own-professional", code, f"vastlegging {entry.id} (signal)", IP)]
    rows = run(client_, "post", u("entry", kind="signal") + f"?corrigeer={entry.id}", dict(SIGNAL, place="Deventer"))
    fix = case.entries.get(corrects=entry)
    assert rows == [("change", "own-professional", code, f"vastlegging {fix.id} (signal), correctie van {entry.id}",
                     IP)]
    case.refresh_from_db()
    rows = run(client_, "post", u("entry", kind="afweging"),
               {"answer": "ja", "reasoning": "r", "version": case.version})
    assert rows[0][0] == "change" and "(afweging)" in rows[0][3]
    assert run(client_, "get", u("pdf")) == [("export", "own-professional", code, "pdf (dossier)", IP)]
    assert run(client_, "get", u("pdf") + "?voor=veilig-thuis") == [
        ("export", "own-professional", code, "pdf (veilig-thuis)", IP)]
    aandacht = people[("own", "aandachtsfunctionaris")]
    rows = run(client_, "post", u("share"), {"user": str(aandacht.id), "days": "7"})
    assert len(rows) == 1 and rows[0][0] == "share" and "own-aandachtsfunctionaris" in rows[0][3]
    share = case.shares.get()
    assert run(client_, "post", u("unshare", share_id=share.id)) == [
        ("unshare", "own-professional", code, "delen met own-aandachtsfunctionaris", IP)]
    assert run(client_, "post", u("reveal"), {"reason": "melding voorbereiden"}) == [
        ("reveal", "own-professional", code, "identificerende gegevens", IP)]
    reveal = AuditEvent.objects.get(event="reveal")
    assert reveal.detail == "melding voorbereiden"  # the reason, encrypted at rest like all free text
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT detail FROM audit_auditevent WHERE id = %s", [reveal.id])
        assert cursor.fetchone()[0].startswith("gAAAA")
    version = lambda: Case.objects.get(pk=case.pk).version  # noqa: E731
    assert run(client_, "post", u("close"), {"reason": "GEHEIME-REDEN", "version": version()}) == [
        ("close", "own-professional", code, "close", IP)]
    assert run(client_, "post", u("reopen"), {"reason": "opnieuw", "version": version()}) == [
        ("reopen", "own-professional", code, "reopen", IP)]
    # Nothing of the content reaches the audit trail.
    everything = " ".join(str(v) for row in AuditEvent.objects.values_list() for v in row)
    for secret in ("GEHEIM-FEIT", "GEHEIM-NAAM", "GEHEIME-REDEN", "A.B."):
        assert secret not in everything


def test_a_shared_readers_view_and_export_are_audited_as_theirs(owner, people, login, catalogue):
    case = actions.create_case(owner)
    reader = people[("own", "aandachtsfunctionaris")]
    actions.share_case(owner, case, reader, 3)
    client = login(reader)
    client.defaults["REMOTE_ADDR"] = IP
    assert run(client, "get", reverse("dossiers:case", kwargs={"code": case.code})) == [
        ("view", "own-aandachtsfunctionaris", case.code, "dossier", IP)]
    assert run(client, "get", reverse("dossiers:pdf", kwargs={"code": case.code}))[0][0] == "export"


def test_refused_actions_write_no_change_row(owner, people, login, catalogue):
    case = actions.create_case(owner)
    client = login(owner)
    start = last_id()
    client.post(reverse("dossiers:entry", kwargs={"code": case.code, "kind": "signal"}), {"facts": "x" * 5000})
    assert [r[0] for r in new_rows(start)] == []


def test_audit_rows_cannot_be_changed_or_deleted(owner):
    row = AuditEvent.objects.create(event="view", actor=owner, at=timezone.now())
    row.what = "anders"
    with pytest.raises(AppendOnly):
        row.save()
    with pytest.raises(AppendOnly):
        row.delete()
