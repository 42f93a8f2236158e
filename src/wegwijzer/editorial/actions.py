"""Every change an editor makes goes through one function here: the permission check (domain/editorial.py),
the change itself and its audit row, in one transaction. Content text never goes into the audit trail:
only the document and the draft number."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db import transaction

from wegwijzer.audit.log import record
from wegwijzer.audit.models import Event
from wegwijzer.catalogue.schema import ContentError, ContentInvalid, validate_documents
from wegwijzer.domain.editorial import Grant, NotAllowed, check, next_status

from . import documents
from .models import ContentDraft, ContentRevision, EditorRole

TEXT_MAX = 400_000  # characters in one document (the largest today is about 60,000)


class Conflict(Exception):
    """Someone published the document after the draft was started."""

    def __init__(self, live: ContentRevision):
        self.live = live
        super().__init__(f"{live.path} #{live.number}")


def grants(user) -> list[Grant]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [Grant(r.role, r.scope) for r in EditorRole.objects.filter(user=user)]


def validate_draft(path: str, text: str) -> list[ContentError]:
    """The errors of the whole content with this document as the draft has it ([] when valid)."""
    if len(text) > TEXT_MAX:
        return [ContentError(f"content/{path}", "", None, f"het document is langer dan {TEXT_MAX} tekens")]
    docs = documents.live_documents()
    docs[path] = text.encode("utf-8")
    try:
        validate_documents(docs)
    except ContentInvalid as exc:
        return exc.errors
    return []


def _audit(event, user, draft: ContentDraft, request=None, what: str = ""):
    record(event, actor=user, request=request, what=(what or f"{draft.path}, concept {draft.pk}")[:200])


def create_draft(user, path: str, *, text: str | None = None, request=None, event=Event.CONTENT_DRAFT) -> ContentDraft:
    check(grants(user), "create", path)
    live = documents.live().get(path)
    if live is None:
        raise NotAllowed(f"onbekend document {path}", f"unknown document {path}")
    with transaction.atomic():
        draft = ContentDraft.objects.create(path=path, text=live.text if text is None else text, base=live,
                                            author=user)
        _audit(event, user, draft, request)
    return draft


def save_draft(user, draft: ContentDraft, text: str, *, request=None) -> list[ContentError]:
    """Keep what was typed, always; return the validation errors of the whole content with it."""
    check(grants(user), "save", draft.path, is_author=draft.author_id == user.id, status=draft.status)
    text = text.replace("\r\n", "\n")
    with transaction.atomic():
        draft.text, draft.status = text, next_status("save")
        draft.save(update_fields=["text", "status", "changed_at"])
        _audit(Event.CONTENT_DRAFT, user, draft, request)
    return validate_draft(draft.path, text)


def submit(user, draft: ContentDraft, *, request=None) -> list[ContentError]:
    check(grants(user), "submit", draft.path, is_author=draft.author_id == user.id, status=draft.status)
    errors = validate_draft(draft.path, draft.text)
    if errors:
        return errors
    with transaction.atomic():
        draft.status = next_status("submit")
        draft.save(update_fields=["status", "changed_at"])
        _audit(Event.CONTENT_SUBMIT, user, draft, request)
    return []


def reject(user, draft: ContentDraft, comment: str, *, request=None) -> None:
    check(grants(user), "reject", draft.path, is_author=draft.author_id == user.id, status=draft.status)
    with transaction.atomic():
        draft.status, draft.reviewer, draft.review_comment = next_status("reject"), user, comment.strip()
        draft.save(update_fields=["status", "reviewer", "review_comment", "changed_at"])
        _audit(Event.CONTENT_REJECT, user, draft, request)


def publish(user, draft: ContentDraft, comment: str = "", *, request=None) -> ContentRevision:
    """Approve and publish: refused when someone published the document after the draft was started
    (:class:`Conflict`, nothing changes) or when the content would not be valid (``ContentInvalid``)."""
    check(grants(user), "publish", draft.path, is_author=draft.author_id == user.id, status=draft.status)
    with transaction.atomic():
        live = documents.live().get(draft.path)
        if live is not None and draft.base_id != live.id:
            raise Conflict(live)
        documents.publish({draft.path: draft.text.encode("utf-8")}, author=draft.author,
                          comment=comment.strip() or f"concept {draft.pk}")
        revision = documents.live()[draft.path]
        draft.status, draft.reviewer, draft.review_comment = next_status("publish"), user, comment.strip()
        draft.published = revision
        draft.save(update_fields=["status", "reviewer", "review_comment", "published", "changed_at"])
        _audit(Event.CONTENT_PUBLISH, user, draft, request, f"{draft.path} #{revision.number}, concept {draft.pk}")
    return revision


def delete_draft(user, draft: ContentDraft, *, request=None) -> None:
    check(grants(user), "delete", draft.path, is_author=draft.author_id == user.id, status=draft.status)
    with transaction.atomic():
        draft.status = next_status("delete")
        draft.save(update_fields=["status", "changed_at"])
        _audit(Event.CONTENT_DELETE, user, draft, request)


def rollback(user, path: str, number: int, *, request=None) -> ContentDraft:
    """A draft with the text of an old version: it is reviewed and published like any change, as a new
    version (history only grows)."""
    old = ContentRevision.objects.filter(path=path, number=number, status="gepubliceerd").first()
    if old is None:
        raise NotAllowed(f"versie {number} van {path} bestaat niet", f"version {number} of {path} does not exist")
    return create_draft(user, path, text=old.text, request=request, event=Event.CONTENT_ROLLBACK)


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "verwijderd", "toegevoegd", "gelijk", "overgeslagen"
    old: int | None
    new: int | None
    text: str


def diff(old: str, new: str, context: int = 2) -> list[DiffLine]:
    """Line by line, with words for what changed (not colour alone); unchanged stretches are skipped."""
    a, b = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("overgeslagen", None, None, "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("gelijk", i1 + k + 1, j1 + k + 1, a[i1 + k]) for k in range(i2 - i1)]
                continue
            lines += [DiffLine("verwijderd", i + 1, None, a[i]) for i in range(i1, i2)]
            lines += [DiffLine("toegevoegd", None, j + 1, b[j]) for j in range(j1, j2)]
    return lines
