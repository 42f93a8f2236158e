"""The editors' pages (/redactie/): their documents, drafts, review with a readable diff, history and
rollback. Same two-factor login as the dossier; nothing here is public or cached; every change goes through
:mod:`wegwijzer.editorial.actions`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wegwijzer.catalogue.schema import ContentInvalid
from wegwijzer.domain.editorial import NATIONAL, NotAllowed, scope_of
from wegwijzer.public.access import verified_view
from wegwijzer.public.forms import FieldError

from . import actions, documents
from .models import ContentDraft, ContentRevision

COMMENT_MAX = 2000


def _lang() -> str:
    return (get_language() or "nl")[:2]


def editor_view(view):
    """Signed in, second factor verified, and an editor of at least one region or the national content."""
    return verified_view(lambda user: bool(actions.grants(user)))(view)


def _page(request, template, **context):
    context.update(grants=actions.grants(request.user), lang=_lang(), region=None)
    return render(request, template, context)


def _refused(request, exc: NotAllowed):
    messages.error(request, exc.message_en if _lang() == "en" else exc.message_nl)


def _in_scope(request, path: str) -> bool:
    return scope_of(path) in {g.scope for g in actions.grants(request.user)}


@editor_view
def start(request):
    grants = actions.grants(request.user)
    scopes = {g.scope for g in grants}
    reviewing = {g.scope for g in grants if g.role == "eindredacteur"}
    live = documents.live()
    docs = [rev for path, rev in sorted(live.items()) if scope_of(path) in scopes]
    drafts = ContentDraft.objects.filter(author=request.user, status__in=["concept", "ter-beoordeling", "afgewezen"])
    to_review = [d for d in ContentDraft.objects.filter(status="ter-beoordeling").exclude(author=request.user)
                 .select_related("author") if scope_of(d.path) in reviewing]
    return _page(request, "editorial/start.html", documents=docs, drafts=drafts, to_review=to_review,
                 national=NATIONAL)


@editor_view
def document(request, path):
    if not _in_scope(request, path) or path not in documents.live():
        raise Http404
    history = ContentRevision.objects.filter(path=path).select_related("author").order_by("-number")
    return _page(request, "editorial/document.html", path=path, live=documents.live()[path], history=history)


@require_POST
@editor_view
def new_draft(request, path):
    try:
        number = request.POST.get("versie")
        draft = actions.rollback(request.user, path, int(number), request=request) if number and number.isdigit() \
            else actions.create_draft(request.user, path, request=request)
    except NotAllowed as exc:
        _refused(request, exc)
        return redirect("editorial:start")
    return redirect("editorial:draft", pk=draft.pk)


def _errors_for_summary(errors) -> list[FieldError]:
    return [FieldError("tekst", str(e), "tekst") for e in errors]


@editor_view
def draft(request, pk):
    draft = get_object_or_404(ContentDraft.objects.select_related("author", "reviewer", "base"), pk=pk)
    if not _in_scope(request, draft.path) or draft.status == "verwijderd":
        raise Http404
    errors, status = [], 200
    if request.method == "POST":
        action = request.POST.get("actie", "")
        try:
            if action in ("bewaren", "aanbieden"):
                text = request.POST.get("tekst", "")
                errors = actions.save_draft(request.user, draft, text, request=request)
                if action == "aanbieden" and not errors:
                    errors = actions.submit(request.user, draft, request=request)
                    if not errors:
                        messages.success(request, _("Aangeboden ter beoordeling."))
                        return redirect("editorial:draft", pk=draft.pk)
                if not errors:
                    messages.success(request, _("Bewaard."))
                    return redirect("editorial:draft", pk=draft.pk)
                status = 400
            elif action in ("publiceren", "afwijzen"):
                comment = (request.POST.get("toelichting") or "").strip()
                if len(comment) > COMMENT_MAX:
                    raise NotAllowed(f"de toelichting is langer dan {COMMENT_MAX} tekens",
                                     f"the comment is longer than {COMMENT_MAX} characters")
                if action == "afwijzen":
                    if not comment:
                        raise NotAllowed("zeg bij afwijzen waarom", "say why when you reject")
                    actions.reject(request.user, draft, comment, request=request)
                    messages.success(request, _("Afgewezen; de auteur ziet je toelichting."))
                else:
                    revision = actions.publish(request.user, draft, comment, request=request)
                    messages.success(request, _("Gepubliceerd als versie %(n)s.") % {"n": revision.number})
                return redirect("editorial:draft", pk=draft.pk)
            elif action == "verwijderen":
                actions.delete_draft(request.user, draft, request=request)
                messages.success(request, _("Concept verwijderd."))
                return redirect("editorial:start")
            else:
                raise NotAllowed("onbekende handeling", "unknown action")
        except NotAllowed as exc:
            _refused(request, exc)
            status = 400
        except actions.Conflict as exc:
            messages.error(request, _("Iemand anders publiceerde dit document intussen (versie %(n)s). Er is niets "
                                      "overschreven: neem je wijziging over in een nieuw concept.")
                           % {"n": exc.live.number})
            status = 409
        except ContentInvalid as exc:
            errors, status = exc.errors, 400
        draft.refresh_from_db()
    live = documents.live().get(draft.path)
    is_author = draft.author_id == request.user.id
    reviewer = any(g.role == "eindredacteur" and g.scope == scope_of(draft.path) for g in actions.grants(
        request.user))
    text = request.POST.get("tekst", draft.text) if errors and request.method == "POST" else draft.text
    response = _page(
        request, "editorial/draft.html", draft=draft, live=live, text=text,
        diff=actions.diff(live.text if live else "", draft.text), conflict=bool(live and draft.base_id != live.id),
        can_edit=is_author and draft.status in ("concept", "afgewezen"),
        can_review=reviewer and not is_author and draft.status == "ter-beoordeling",
        error_summary=_errors_for_summary(errors), errors=errors,
    )
    response.status_code = status
    return response
