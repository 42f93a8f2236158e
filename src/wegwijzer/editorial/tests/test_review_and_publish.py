"""Drafts, four-eyes review and publishing through the actions layer: who may do what, the conflict when
someone published in between, a refused publish that changes nothing, the audit rows, rollback, diff."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wegwijzer.audit.models import AuditEvent, Event
from wegwijzer.catalogue import queries as q
from wegwijzer.catalogue.schema import ContentInvalid
from wegwijzer.domain.editorial import NotAllowed
from wegwijzer.editorial import actions, documents
from wegwijzer.editorial.models import EditorRole

IJ = "regions/ijsselland.yaml"
OLD, NEW = 'phone: "06-11414026"', 'phone: "06-12345678"'


@pytest.fixture
def people(db):
    call_command("load_content", verbosity=0)
    make = get_user_model().objects.create
    users = {name: make(username=name) for name in ("redacteur", "eind", "eind2", "twente", "landelijk")}
    for name, role, scope in [("redacteur", "redacteur", "ijsselland"), ("eind", "eindredacteur", "ijsselland"),
                              ("eind2", "eindredacteur", "ijsselland"), ("twente", "eindredacteur", "twente"),
                              ("landelijk", "eindredacteur", "landelijk")]:
        EditorRole.objects.create(user=users[name], role=role, scope=scope)
    return users


def _phone():
    return q.contact(q.region_or_none("ijsselland"), "zorgcoordinator").phone


def _submitted(people, author="redacteur"):
    draft = actions.create_draft(people[author], IJ)
    assert actions.save_draft(people[author], draft, draft.text.replace(OLD, NEW)) == []
    assert actions.submit(people[author], draft) == []
    return draft


def test_draft_review_publish_and_the_audit_rows(people):
    draft = _submitted(people)
    revision = actions.publish(people["eind"], draft, "klopt, nagebeld")
    assert _phone() == "06-12345678" and revision.number == 2 and revision.author == people["redacteur"]
    draft.refresh_from_db()
    assert draft.status == "gepubliceerd" and draft.reviewer == people["eind"]
    events = list(AuditEvent.objects.order_by("id").values_list("event", "actor_name", "what"))
    assert [(e, a) for e, a, _w in events] == [
        (Event.CONTENT_DRAFT, "redacteur"), (Event.CONTENT_DRAFT, "redacteur"), (Event.CONTENT_SUBMIT, "redacteur"),
        (Event.CONTENT_PUBLISH, "eind")]
    assert all(IJ in w for _e, _a, w in events) and not any("06-" in w for _e, _a, w in events)


@pytest.mark.parametrize("who,action", [
    ("redacteur", "publish"),  # a redacteur does not publish
    ("twente", "publish"),  # another region's eindredacteur
    ("landelijk", "publish"),  # the national editor is not IJsselland's
    ("twente", "reject"),
])
def test_who_may_not_review(people, who, action):
    draft = _submitted(people)
    with pytest.raises(NotAllowed):
        getattr(actions, action)(people[who], draft, "x")
    assert _phone() == "06-11414026"


def test_nobody_approves_their_own_change_also_not_an_eindredacteur(people):
    draft = _submitted(people, author="eind")
    with pytest.raises(NotAllowed) as exc:
        actions.publish(people["eind"], draft)
    assert "vier ogen" in exc.value.message_nl
    actions.publish(people["eind2"], draft)
    assert _phone() == "06-12345678"


def test_another_regions_editor_cannot_even_start_a_draft(people):
    with pytest.raises(NotAllowed):
        actions.create_draft(people["twente"], IJ)
    with pytest.raises(NotAllowed):
        actions.create_draft(people["redacteur"], "national/contacts.yaml")


def test_a_rejected_draft_comes_back_to_its_author_with_the_comment_and_can_be_submitted_again(people):
    draft = _submitted(people)
    actions.reject(people["eind"], draft, "Welk nummer is dit? Graag de bron.")
    draft.refresh_from_db()
    assert draft.status == "afgewezen" and draft.review_comment == "Welk nummer is dit? Graag de bron."
    assert actions.submit(people["redacteur"], draft) == []
    actions.publish(people["eind"], draft)
    assert _phone() == "06-12345678"


def test_publishing_after_someone_else_published_is_refused_and_nothing_is_overwritten(people):
    first, second = _submitted(people), actions.create_draft(people["redacteur"], IJ)
    actions.publish(people["eind"], first)
    actions.save_draft(people["redacteur"], second, second.text.replace("mensenhandel@vtij.nl", "info@vtij.nl"))
    actions.submit(people["redacteur"], second)
    with pytest.raises(actions.Conflict) as exc:
        actions.publish(people["eind"], second)
    assert exc.value.live.number == 2  # the new live version, to merge by hand
    assert _phone() == "06-12345678" and documents.live()[IJ].number == 2


def test_invalid_content_is_kept_as_typed_and_cannot_be_submitted_or_published(people):
    draft = actions.create_draft(people["redacteur"], IJ)
    broken = draft.text.replace(OLD, "phone: [kapot")
    errors = actions.save_draft(people["redacteur"], draft, broken)
    assert errors and "content/regions/ijsselland.yaml" in str(errors[0])
    draft.refresh_from_db()
    assert draft.text == broken  # nothing typed is lost
    assert actions.submit(people["redacteur"], draft)  # refused with the same errors
    assert draft.status == "concept" and _phone() == "06-11414026"


def test_a_failing_publish_leaves_the_live_content_intact(people, monkeypatch):
    draft = _submitted(people)
    version = q.content_version()

    def fail(*args, **kwargs):
        raise ContentInvalid([])

    monkeypatch.setattr(documents, "load_documents", fail)
    with pytest.raises(ContentInvalid):
        actions.publish(people["eind"], draft)
    draft.refresh_from_db()
    assert draft.status == "ter-beoordeling" and q.content_version() == version and _phone() == "06-11414026"
    assert not AuditEvent.objects.filter(event=Event.CONTENT_PUBLISH).exists()


def test_rollback_publishes_the_old_text_as_a_new_version(people):
    actions.publish(people["eind"], _submitted(people))
    back = actions.rollback(people["redacteur"], IJ, 1)
    actions.submit(people["redacteur"], back)
    revision = actions.publish(people["eind"], back, "terug naar versie 1")
    assert revision.number == 3 and _phone() == "06-11414026"
    assert AuditEvent.objects.filter(event=Event.CONTENT_ROLLBACK).count() == 1


def test_the_diff_says_in_words_what_was_removed_and_added():
    lines = actions.diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nC\nd\ne\nf\ng\nH\n", context=1)
    kinds = [(line.kind, line.text) for line in lines]
    assert ("verwijderd", "c") in kinds and ("toegevoegd", "C") in kinds
    assert ("overgeslagen", "…") in kinds and ("gelijk", "a") not in kinds
