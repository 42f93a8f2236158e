"""Wegwijzer pages: the phases and their steps, the organisation directory, the route for one person
and "Jouw rechten" for victims. The phase pages, the directory and Jouw rechten are cacheable public
pages (no cookies). The route's answers travel by POST only and its result is ``no-store``; like the
signaleringshulp it changes nothing and sets no cookie, so it is CSRF-exempt on purpose
(docs/adr/0009-wegwijzer-route-stores-nothing.md)."""


from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wegwijzer.catalogue import queries as q
from wegwijzer.catalogue.schema import ORGANISATION_TYPES, SERVES
from wegwijzer.check.pdf import render_pdf
from wegwijzer.domain.hours import summarise
from wegwijzer.domain.route import AGE_GROUPS, NATIONALITIES, RESIDENCE
from wegwijzer.public.caching import no_store, public_page
from wegwijzer.public.forms import by_field, from_problems
from wegwijzer.public.views import reach_state, region_or_404, render_page

from .service import build_route, directory, parse_filter, parse_situation


def _lang():
    return (get_language() or "nl")[:2]


@public_page()
def overview(request, region):
    return render_page(request, "guide/overview.html", region_or_404(region), phases=q.phases())


@public_page()
def step_page(request, region, phase, step):
    region_obj = region_or_404(region)
    step_obj = q.phase_step(phase, step)
    if step_obj is None:
        raise Http404("onbekende stap")
    rights = q.rights()
    views = {v.slug: v for v in q.organisation_views(region_obj)}
    return render_page(
        request, "guide/step.html", region_obj, step=step_obj, phase=step_obj.phase, phases=q.phases(),
        rights=[(rights[r["slug"]], r["when"]) for r in step_obj.rights if r["slug"] in rights],
        organisations=[(views[o["slug"]], o["when"]) for o in step_obj.organisations if o["slug"] in views],
    )


def _directory_state(request, region):
    region_obj = q.region_or_none(region)
    if region_obj is None:
        return "", 0
    now = timezone.now()
    rows = directory(region_obj, parse_filter(request.GET), now)
    extra, max_age = reach_state((reach for view in rows for _, reach in view.contacts), now)
    return request.GET.urlencode() + "|" + extra, max_age


@public_page(state=_directory_state)
def organisations(request, region):
    region_obj = region_or_404(region)
    filters = parse_filter(request.GET)
    now = timezone.now()
    rows = directory(region_obj, filters, now)
    return render_page(
        request, "guide/organisations.html", region_obj, rows=rows, filters=filters, now=now,
        types=ORGANISATION_TYPES, serves=SERVES, lang=_lang(),
        error_summary=from_problems(filters.problems, _lang(),
                                    lambda f: (f, f, str(DIRECTORY_FIELDS.get(f, "")))),
    )


ROUTE_FIELDS = {  # field: (its choices, or () for a select; the question it answers)
    "leeftijd": (AGE_GROUPS, gettext_lazy("Leeftijd")),
    "nationaliteit": (NATIONALITIES, gettext_lazy("Nationaliteit")),
    "verblijf": (RESIDENCE, gettext_lazy("Rechtmatig verblijf in Nederland (bijvoorbeeld een verblijfsvergunning)")),
    "vorm": ((), gettext_lazy("Vorm van uitbuiting")),
    "aangifte": (("ja", "nee"), gettext_lazy("Is er aangifte gedaan?")),
    "opvang": (("ja", "nee"), gettext_lazy("Is opvang nu nodig?")),
}
DIRECTORY_FIELDS = {"zoek": gettext_lazy("Zoek"), "type": gettext_lazy("Soort hulp"), "voor": gettext_lazy("Voor wie")}


def _route_place(field):
    choices, question = ROUTE_FIELDS.get(field, ((), ""))
    anchor = f"{field}-{choices[0]}" if choices else field if field in ROUTE_FIELDS else "route-form"
    return anchor, field if field in ROUTE_FIELDS else "", str(question)


def _route_context(situation=None, problems=()):
    errors = from_problems(problems, _lang(), _route_place)
    return {
        "age_groups": AGE_GROUPS, "nationalities": NATIONALITIES, "residence": RESIDENCE, "yes_no": ("ja", "nee"),
        "situation": situation, "error_summary": errors, "field_errors": by_field(errors), "lang": _lang(),
    }


@public_page()
def _empty_route(request, region):
    return render_page(request, "guide/route_form.html", region_or_404(region), **_route_context())


@sensitive_post_parameters()
@csrf_exempt
def route_form(request, region):
    """GET: the empty questions (cacheable). POST: the questions again with the answers kept."""
    if request.method != "POST":
        return _empty_route(request, region=region)
    region_obj = region_or_404(region)
    situation, problems = parse_situation(request.POST, region_obj)
    return no_store(render_page(request, "guide/route_form.html", region_obj,
                             **_route_context(situation, problems)))


def _route_or_form(request, region):
    region_obj = region_or_404(region)
    situation, problems = parse_situation(request.POST, region_obj)
    if problems:
        response = render_page(request, "guide/route_form.html", region_obj,
                           **_route_context(situation, problems))
        response.status_code = 400
        return None, no_store(response)
    return build_route(region_obj, situation), None


def _route_page_context(view):
    fier = q.contact(view.region, "fier-chat")
    return {"view": view, "lang": _lang(), "chat": fier, "chat_hours": summarise(fier.hours if fier else None,
                                                                              _lang())}


@sensitive_post_parameters()
@csrf_exempt
def route_result(request, region):
    if request.method != "POST":  # a route exists only as the answer to posted answers
        return HttpResponseRedirect(reverse("route", kwargs={"region": region}))
    view, error = _route_or_form(request, region)
    if error:
        return error
    return no_store(render_page(request, "guide/route_result.html", view.region, **_route_page_context(view)))


@sensitive_post_parameters()
@csrf_exempt
@require_POST
def route_pdf(request, region):
    view, error = _route_or_form(request, region)
    if error:
        return error
    context = {**_route_page_context(view), "region": view.region, "content_version": view.content_version}
    pdf = render_pdf("guide/route_pdf.html", context, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="route-wegwijzer.pdf"'
    return no_store(response)


# ------------------------------------------------------------------------------------- jouw rechten


def _victim_page(lang):
    pages = q.victim_rights_pages()
    page = next((p for p in pages if p.lang == lang), None)
    if page is None:
        raise Http404("onbekende taal")
    return page, pages


@public_page()
def victim_rights(request, lang="nl"):
    page, pages = _victim_page(lang)
    fier = q.contact(None, "fier-chat")
    words = page.data["hours_words"]
    hours = summarise(fier.hours if fier else None, words=words)
    return render(request, "guide/jouw_rechten.html", {
        "page": page, "text": page.data, "pages": pages, "chat": fier, "chat_hours": hours,
        "content_version": q.content_version(), "region": None, "url_name": "jouw-rechten",
    })


@public_page()
def quick_exit_info(request, lang="nl"):
    """What the quick exit does and does not do, in every language of Jouw rechten."""
    page, pages = _victim_page(lang)
    return render(request, "guide/quick_exit_info.html", {
        "page": page, "text": page.data, "info": page.data["quick_exit_page"], "pages": pages,
        "content_version": q.content_version(), "region": None, "url_name": "quick-exit-info",
    })
