"""Signaleringshulp pages. The empty check is a cacheable public page; everything with answers travels
by POST only and answers with ``Cache-Control: no-store``. Nothing is stored, nothing is logged.

CSRF: these POST views change no state and set no cookie (a CSRF token would need one); a forged POST
can only make a browser render a result its attacker cannot read. They are exempt on purpose
(docs/adr/0008-signaleringshulp-stores-nothing.md)."""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wegwijzer.catalogue import models as m
from wegwijzer.catalogue import queries as q
from wegwijzer.domain.assessment import AGE_GROUPS, DANGER, NOTE_MAX, SOURCES, Answer
from wegwijzer.domain.hours import summarise
from wegwijzer.public.caching import no_store, public_page
from wegwijzer.public.forms import by_field, from_problems
from wegwijzer.public.views import form_or_404, region_or_404

from .pdf import render_pdf
from .service import CASE_REF_MAX, build_result, parse_form


def _common(region):
    return {"region": region, "regions": q.regions(), "forms": q.forms(), "content_version": q.content_version()}


def form_context(region, check=None, form_filter="", theme_filter=""):
    signals = q.signals()
    answers = check.answers if check else {}
    groups: dict[int, tuple[m.Theme, list]] = {}
    for signal in signals:
        slugs = [f.slug for f in signal.forms.all()]
        visible = (not form_filter or form_filter in slugs) and (not theme_filter or signal.theme.slug == theme_filter)
        groups.setdefault(signal.theme_id, (signal.theme, []))[1].append(
            {"signal": signal, "forms": slugs, "answer": answers.get(signal.key, Answer()), "visible": visible}
        )
    errors = check_errors(check.problems if check else [], {s.key: s for s in signals})
    return {
        **_common(region),
        "groups": [(theme, items, any(i["visible"] for i in items))
                   for theme, items in sorted(groups.values(), key=lambda g: g[0].order)],
        "themes": [g[0] for g in sorted(groups.values(), key=lambda g: g[0].order)],
        "situation": check.situation if check else None,
        "selected_region": check.region if check and check.region else region,
        "error_summary": errors,
        "veilig_thuis": q.contact(region, "veilig-thuis"),
        "field_errors": by_field(errors),
        "form_filter": form_filter,
        "theme_filter": theme_filter,
        "age_groups": AGE_GROUPS,
        "danger_choices": DANGER,
        "sources": SOURCES,
        "note_max": NOTE_MAX,
        "case_ref_max": CASE_REF_MAX,
        "lang": (get_language() or "nl")[:2],
    }


def check_errors(problems, signals: dict) -> list:
    """The check's problems for the error summary: each names its field (which signal, which part) and
    links to the control, in the page's language."""
    legends = {"gevaar": _("Is er nu direct gevaar?"), "leeftijd": _("Leeftijd van de persoon")}

    def place(field):
        if field.startswith("s-"):
            key, _dot, part = field[2:].partition(".")
            signal = signals.get(key)
            name = _("Signaal “%(text)s”") % {"text": signal.text if signal else key}
            if part == "note":
                return f"notitie-{key}", f"notitie-{key}", f"{name}, {_('notitie')}"
            if part == "source":
                return f"bron-{key}", f"bron-{key}", f"{name}, {_('bron')}"
            return f"s-{key}-waargenomen", f"signaal-{key}", name
        if field in legends:
            first = (DANGER if field == "gevaar" else AGE_GROUPS)[0]
            return f"{field}-{first}", field, str(legends[field])
        if field == "regio":
            return "regio", "regio", str(_("Regio"))
        return "check-form", "", str(_("Eigen kenmerk")) if field == "kenmerk" else ""

    return from_problems(problems, (get_language() or "nl")[:2], place)


@public_page()
def _empty_check(request, region):
    return render(request, "check/form.html", form_context(region_or_404(region)))


@sensitive_post_parameters()
@csrf_exempt
def check_form(request, region):
    """GET: the empty check (cacheable). POST: the check again with the answers kept — after a filter
    without JavaScript, or "back to the questions" from the result."""
    if request.method != "POST":
        return _empty_check(request, region=region)
    region_obj = region_or_404(region)
    check = parse_form(request.POST, region_obj)
    form_filter = request.POST.get("vorm", "")
    theme_filter = request.POST.get("thema", "")
    context = form_context(region_obj, check, form_filter if form_filter in {f.slug for f in q.forms()} else "",
                            theme_filter if m.Theme.objects.filter(slug=theme_filter).exists() else "")
    return no_store(render(request, "check/form.html", context))


def _result_or_form(request, region):
    """(result view, None) for valid answers; (None, the form again with messages, status 400) otherwise."""
    region_obj = region_or_404(region)
    check = parse_form(request.POST, region_obj)
    if check.problems:
        return None, no_store(render(request, "check/form.html", form_context(region_obj, check), status=400))
    return build_result(check), None


def _result_context(view):
    fier = q.contact(view.region, "fier-chat")
    return {**_common(view.region), "view": view, "result": view.result, "region": view.region,
            "regional_gap": q.regional_gap(view.region),
            "chat": fier, "chat_hours": summarise(fier.hours if fier else None, (get_language() or "nl")[:2])}


def _result_page(request, region, template):
    if request.method != "POST":  # a result exists only as the answer to posted answers
        return HttpResponseRedirect(reverse("check", kwargs={"region": region}))
    view, error = _result_or_form(request, region)
    return error or no_store(render(request, template, _result_context(view)))


@sensitive_post_parameters()
@csrf_exempt
def check_result(request, region):
    return _result_page(request, region, "check/result.html")


@sensitive_post_parameters()
@csrf_exempt
def check_summary(request, region):
    return _result_page(request, region, "check/summary.html")


@sensitive_post_parameters()
@csrf_exempt
@require_POST
def check_pdf(request, region):
    view, error = _result_or_form(request, region)
    if error:
        return error
    pdf = render_pdf("check/summary_pdf.html", _result_context(view), request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="signaleringshulp.pdf"'
    return no_store(response)


@public_page()
def card_pdf(request, region, form):
    region_obj = region_or_404(region)
    form_obj = form_or_404(form)
    tips_do, tips_dont = q.tips_by_kind(form_obj)
    fier = q.contact(region_obj, "fier-chat")
    lang = (get_language() or "nl")[:2]
    context = {
        "region": region_obj,
        "form": form_obj,
        "themes": q.signals_by_theme(form_obj),
        "tips_do": tips_do,
        "tips_dont": tips_dont,
        "steps": q.steps(region_obj),
        "chat": fier,
        "chat_hours": summarise(fier.hours if fier else None, lang),
        "content_version": q.content_version(),
    }
    pdf = render_pdf("check/card_pdf.html", context, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="signalenkaart-{region_obj.slug}-{form_obj.slug}.pdf"'
    return response
