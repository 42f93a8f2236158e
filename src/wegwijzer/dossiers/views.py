"""Dossier pages. Every view needs a signed-in member with a verified second factor; case views find the
case through :mod:`access` (404 when you may not see it) and change it only through :mod:`actions`.
Every page is ``no-store`` and audited where the issue asks: view, export, change, share, reveal."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wegwijzer.accounts.models import Membership, Role
from wegwijzer.audit.log import client_ip
from wegwijzer.audit.models import AuditEvent
from wegwijzer.catalogue import models as cm
from wegwijzer.catalogue import queries as q
from wegwijzer.check.pdf import render_pdf
from wegwijzer.domain.meldcode import Record as MeldRecord
from wegwijzer.domain.meldcode import derive_status, weigh_recorded
from wegwijzer.public.access import verified_view
from wegwijzer.public.forms import FieldError, from_form

from . import actions
from .access import case_for, visible_cases
from .forms import ENTRY_FORMS, CaseForm, HelpForm, ReasonForm, RevealForm, ShareForm, entry_data
from .models import Case

STEP_KINDS = {"signal": 1, "consultation": 2, "conversation": 3, "no_conversation": 3, "afweging": 4,
              "melding": 5, "help": 5, "comensha": 5}
# What can be recorded at each meldcode step (the steps' titles and guidance are content: catalogue.Step).
STEP_ACTIONS = {
    1: [("signal", gettext_lazy("Signaal vastleggen"))],
    2: [("consultation", gettext_lazy("Overleg vastleggen"))],
    3: [("conversation", gettext_lazy("Gesprek vastleggen")),
        ("no_conversation", gettext_lazy("Geen gesprek: reden vastleggen"))],
    4: [("afweging", gettext_lazy("Volgende afweging beantwoorden"))],
    5: [("melding", gettext_lazy("Melding vastleggen")), ("help", gettext_lazy("Hulp vastleggen")),
        ("comensha", gettext_lazy("Registratie bij CoMensha vastleggen"))],
}


def _steps():
    return [(step.number, step.title, step.record, STEP_ACTIONS[step.number])
            for step in cm.Step.objects.order_by("number")]


def _afwegingen():
    return {a.number: a for a in cm.Afweging.objects.all()}


def _lang():
    return (get_language() or "nl")[:2]


def member_view(roles: tuple[str, ...] | None = None):
    """Signed in, a member of an organisation, second factor verified (and one of ``roles``)."""

    def allowed(user):
        membership = getattr(user, "membership", None)
        if membership is None and hasattr(user, "editor_roles") and user.editor_roles.exists():
            return redirect("editorial:start")  # an editor without cases: after login, to the redactie
        return membership is not None and not (roles and membership.role not in roles)

    return verified_view(allowed)


def _page(request, template, **context):
    context.setdefault("region", None)
    form = context.get("form")
    if "error_summary" not in context and form is not None and form.is_bound and form.errors:
        context["error_summary"] = from_form(form)  # the title starts with "Fout:", the summary takes the focus
    context.update(membership=request.user.membership, content_version=q.content_version(), lang=_lang())
    return render(request, template, context)


def _error(request, exc: actions.ActionError):
    messages.error(request, exc.message_en if _lang() == "en" else exc.message_nl)


@member_view()
def overview(request):
    now = timezone.now()
    stale = now - timedelta(days=settings.DOSSIER_STALE_DAYS)
    cases = visible_cases(request.user, now).select_related("owner").order_by("closed_at", "-step_since")
    page = Paginator(cases, 50).get_page(request.GET.get("pagina"))
    return _page(request, "dossiers/overview.html", page=page, stale=stale, now=now,
                 stale_days=settings.DOSSIER_STALE_DAYS)


@sensitive_post_parameters()
@member_view(roles=(Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS))
def new_case(request):
    form = CaseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.create_case(request.user, ip=client_ip(request), **form.cleaned_data)
        except actions.ActionError as exc:
            form.add_error(exc.field, exc.message_en if _lang() == "en" else exc.message_nl)
        else:
            return redirect("dossiers:case", code=case.code)
    response = _page(request, "dossiers/new.html", form=form)
    if form.errors:
        response.status_code = 400
    return response


def _timeline(case: Case):
    entries = list(case.entries.select_related("created_by").order_by("created_at", "id"))
    corrected = {e.corrects_id: e for e in entries if e.corrects_id}
    signals = {s.key: s for s in q.signals()}
    orgs = {o.slug: o for o in q.organisations(q.region_or_none(case.organisation.region_slug))}
    return [{"entry": e, "corrected_by": corrected.get(e.id), "step": STEP_KINDS.get(e.kind),
             "signal": signals.get(e.data.get("signal")) if e.kind == "signal" else None,
             "orgs": [orgs[s] for s in e.data.get("organisations", []) if s in orgs]} for e in entries]


def _case_context(request, access):
    case = access.case
    timeline = _timeline(case)
    effective = actions.effective_entries(case.entries.order_by("created_at", "id"))
    status = derive_status(MeldRecord(e.kind, e.data) for e in effective)
    now = timezone.now()
    return {
        "case": case, "access": access, "timeline": timeline, "status": status, "steps": _steps(),
        "weighing": status.weighing, "afweging": _afwegingen().get(status.weighing.next),
        "stale": case.step_since < now - timedelta(days=settings.DOSSIER_STALE_DAYS),
        "shares": case.shares.select_related("user").filter(revoked_at__isnull=True, expires_at__gt=now)
        if access.can_write else [],
        "veilig_thuis": q.contact(q.region_or_none(case.organisation.region_slug), "veilig-thuis"),
    }


@member_view()
def case_page(request, code):
    access = case_for(request.user, code)
    actions.record_view(request.user, access.case, ip=client_ip(request))
    return _page(request, "dossiers/case.html", **_case_context(request, access))


@sensitive_post_parameters()
@member_view()
def add_entry(request, code, kind):
    access = case_for(request.user, code, write=True)
    case = access.case
    form_class = ENTRY_FORMS.get(kind)
    if form_class is None:
        raise Http404
    corrects = None
    raw = request.GET.get("corrigeer") or request.POST.get("corrigeer")
    if raw:
        corrects = case.entries.filter(id=int(raw), kind=kind).first() if raw.isdigit() else None
        if corrects is None:
            raise Http404
    kwargs = {"region": q.region_or_none(case.organisation.region_slug)} if form_class is HelpForm else {}
    initial = dict(corrects.data) if corrects else {}
    if kind == "afweging":
        initial["version"] = case.version
        if "answer" in initial:
            initial["answer"] = "ja" if initial["answer"] else "nee"
    form = form_class(request.POST if request.method == "POST" else None, initial=initial, **kwargs)
    weighing = weigh_recorded({int(e.data["number"]): bool(e.data["answer"])
                               for e in actions.effective_entries(case.entries.order_by("created_at", "id"))
                               if e.kind == "afweging"}) if kind == "afweging" else None
    number = int(corrects.data["number"]) if corrects and kind == "afweging" else (weighing.next if weighing else None)
    if request.method == "POST" and form.is_valid():
        data = entry_data(form)
        if kind == "afweging":
            data["number"] = number
            data["answer"] = data["answer"] == "ja"
        try:
            actions.add_entry(request.user, case, kind, data, ip=client_ip(request), corrects=corrects,
                              expected_version=form.cleaned_data.get("version"))
        except actions.Conflict as exc:
            _error(request, exc)
            return redirect("dossiers:case", code=case.code)
        except actions.ActionError as exc:
            form.add_error(None, exc.message_en if _lang() == "en" else exc.message_nl)
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect(reverse("dossiers:case", kwargs={"code": case.code}) + f"#stap-{STEP_KINDS[kind]}")
    response = _page(request, "dossiers/entry_form.html", case=case, form=form, kind=kind, corrects=corrects,
                     afweging_number=number, afweging=_afwegingen().get(number), weighing=weighing)
    if form.errors:
        response.status_code = 400
    return response


@sensitive_post_parameters()
@require_POST
@member_view()
def change_status(request, code, action):
    access = case_for(request.user, code, write=True)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden (hoogstens 2000 tekens)."))
        return redirect("dossiers:case", code=code)
    do = actions.close_case if action == "sluiten" else actions.reopen_case
    try:
        do(request.user, access.case, form.cleaned_data["reason"], ip=client_ip(request),
           expected_version=form.cleaned_data.get("version"))
    except actions.ActionError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Het dossier is gesloten.") if action == "sluiten" else
                         _("Het dossier is heropend."))
    return redirect("dossiers:case", code=code)


@sensitive_post_parameters()
@member_view()
def reveal(request, code):
    access = case_for(request.user, code, write=True)  # identifying details: the owner only
    form = RevealForm(request.POST if request.method == "POST" else None)
    identifying = None
    if request.method == "POST" and form.is_valid():
        try:
            identifying = actions.reveal_identifying(request.user, access.case, form.cleaned_data["reason"],
                                                     ip=client_ip(request))
        except actions.ActionError as exc:
            form.add_error("reason", exc.message_en if _lang() == "en" else exc.message_nl)
    response = _page(request, "dossiers/reveal.html", case=access.case, form=form, identifying=identifying)
    if form.errors:
        response.status_code = 400
    return response


def _share_candidates(case):
    """Who a case may be shared with (the same rule as actions.share_case): colleagues of the owner's
    organisation, and the zorgcoördinator of its region."""
    colleagues = Q(organisation_id=case.organisation_id, role__in=[Role.AANDACHTSFUNCTIONARIS, Role.PROFESSIONAL])
    coordinators = Q(role=Role.ZORGCOORDINATOR, organisation__region_slug=case.organisation.region_slug)
    rows = (Membership.objects.select_related("user").filter(colleagues | coordinators, user__is_active=True)
            .exclude(user_id=case.owner_id).order_by("user__username"))
    return [m.user for m in rows]


@member_view()
def share(request, code):
    access = case_for(request.user, code, write=True)
    users = _share_candidates(access.case)
    form = ShareForm(request.POST if request.method == "POST" else None, users=users)
    if request.method == "POST" and form.is_valid():
        user = next(u for u in users if str(u.id) == form.cleaned_data["user"])
        try:
            actions.share_case(request.user, access.case, user, form.cleaned_data["days"], ip=client_ip(request))
        except actions.ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None,
                           exc.message_en if _lang() == "en" else exc.message_nl)
        else:
            messages.success(request, _("Gedeeld."))
            return redirect("dossiers:case", code=code)
    response = _page(request, "dossiers/share.html", case=access.case, form=form)
    if form.errors:
        response.status_code = 400
    return response


@require_POST
@member_view()
def unshare(request, code, share_id):
    access = case_for(request.user, code, write=True)
    share_obj = access.case.shares.filter(id=share_id).first()
    if share_obj is None:
        raise Http404
    actions.revoke_share(request.user, share_obj, ip=client_ip(request))
    messages.success(request, _("Delen beëindigd."))
    return redirect("dossiers:case", code=code)


@member_view()
def case_pdf(request, code):
    access = case_for(request.user, code)
    context = {**_case_context(request, access), "content_version": q.content_version(), "now": timezone.now(),
               "purpose": request.GET.get("voor", "dossier")}
    if context["purpose"] not in ("dossier", "veilig-thuis", "zorgcoordinator"):
        context["purpose"] = "dossier"
    pdf = render_pdf("dossiers/case_pdf.html", context, request)
    actions.record_export(request.user, access.case, ip=client_ip(request), what=f"pdf ({context['purpose']})")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="dossier-{access.case.code}.pdf"'
    return response


@member_view(roles=(Role.BEHEERDER,))
def audit_log(request):
    events = AuditEvent.objects.filter(organisation=request.user.membership.organisation)
    page = Paginator(events, 100).get_page(request.GET.get("pagina"))
    return _page(request, "dossiers/audit.html", page=page)


@sensitive_post_parameters()
@member_view(roles=(Role.BEHEERDER,))
def members(request):
    from wegwijzer.accounts import actions as member_actions

    from .forms import MemberForm

    organisation = request.user.membership.organisation
    form = MemberForm(request.POST if request.method == "POST" and "username" in request.POST else None)
    new_password = None
    if request.method == "POST" and "deactivate" in request.POST:
        raw = request.POST["deactivate"]
        target = Membership.objects.filter(organisation=organisation, id=int(raw)).first() if raw.isdigit() else None
        if target is None:
            raise Http404
        try:
            member_actions.deactivate_member(request.user, target, ip=client_ip(request))
        except member_actions.MemberError as exc:
            _error(request, exc)
        return redirect("dossiers:members")
    if form.is_bound and form.is_valid():
        try:
            membership, new_password = member_actions.add_member(
                request.user, form.cleaned_data["username"], form.cleaned_data["role"], ip=client_ip(request))
        except member_actions.MemberError as exc:
            form.add_error(exc.field, exc.message_en if _lang() == "en" else exc.message_nl)
        else:
            form = MemberForm()
            new_password = (membership.user.get_username(), new_password)
    rows = Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__username")
    response = _page(request, "dossiers/members.html", rows=rows, organisation=organisation, form=form,
                     new_password=new_password)
    if form.errors:
        response.status_code = 400
    return response


@member_view(roles=(Role.ZORGCOORDINATOR,))
def statistics(request):
    region = request.user.membership.organisation.region_slug
    counts = (Case.objects.filter(organisation__region_slug=region).values("status")
              .annotate(n=Count("id")).order_by("status"))
    return _page(request, "dossiers/statistics.html", counts=list(counts), region=q.region_or_none(region))


@require_POST
@member_view()
def logout_everywhere(request):
    actions.logout_everywhere(request.user, ip=client_ip(request))
    logout(request)
    return redirect(settings.LOGIN_URL_PATH)


@sensitive_post_parameters()
@member_view()
def import_check(request, code):
    """Step 1 from the signaleringshulp: the same signal list; every signal marked "waargenomen" becomes a
    signal entry with its source and note, with the date and place given here."""
    from wegwijzer.check.service import parse_form
    from wegwijzer.check.views import form_context

    from .forms import ImportForm

    access = case_for(request.user, code, write=True)
    case = access.case
    region = q.region_or_none(case.organisation.region_slug)
    form = ImportForm(request.POST if request.method == "POST" else None)
    check = parse_form(request.POST, region) if request.method == "POST" else None
    context = form_context(region, check)
    errors = (from_form(form) if form.is_bound and form.errors else []) + context["error_summary"]
    observed = [k for k, a in check.answers.items() if a.answer == "waargenomen"] if check else []
    if request.method == "POST" and not observed:
        first = next(iter(check.answers), "")
        errors.append(FieldError(f"s-{first}-waargenomen", _("Markeer minstens één signaal als waargenomen.")))
    if request.method == "POST" and not errors:
        signals = [{"signal": key, "date": form.cleaned_data["date"].isoformat(), "place": form.cleaned_data["place"],
                    "source": check.answers[key].source or "zelf-gezien",
                    "facts": check.answers[key].note or _("(uit de signaleringshulp)"), "interpretation": "",
                    "other": ""} for key in observed]
        try:
            actions.import_signals(request.user, case, signals, ip=client_ip(request))
        except actions.ActionError as exc:
            _error(request, exc)
            return redirect("dossiers:case", code=code)
        messages.success(request, _("%(n)s signalen vastgelegd.") % {"n": len(observed)})
        return redirect(reverse("dossiers:case", kwargs={"code": code}) + "#stap-1")
    context.pop("region", None)
    context["error_summary"] = errors
    response = _page(request, "dossiers/import.html", case=case, form=form, **context)
    if request.method == "POST":
        response.status_code = 400
    return response
