"""Public pages. Server-rendered, no JavaScript needed, no cookies, no session: the region lives in the
URL. Every page goes through :func:`caching.public_page` for ETag / 304 / Cache-Control."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wegwijzer.catalogue import models as m
from wegwijzer.catalogue import queries as q

from .caching import public_page

INFO_PAGES = {
    "kwetsbare-groepen": "kwetsbare-groepen",
    "hulp": "hulp",
    "sekswerkers": "sekswerkers",
}


def region_or_404(slug: str) -> m.Region:
    region = q.region_or_none(slug)
    if region is None:
        raise Http404("onbekende regio")
    return region


def form_or_404(slug: str) -> m.Form:
    form = m.Form.objects.filter(slug=slug).first()
    if form is None:
        raise Http404("onbekende vorm")
    return form


def render_page(request, template: str, region: m.Region | None, **context):
    context.update(region=region, regions=q.regions(), forms=q.forms(), content_version=q.content_version(),
                   regional_gap=q.regional_gap(region))
    return render(request, template, context)


@public_page()
def home(request):
    names = sorted({name for row in m.Municipality.objects.only("search_names") for name in row.search_names})
    return render_page(request, "public/home.html", None, municipality_names=names)


def _find_state(request):
    return request.GET.urlencode(), settings.PUBLIC_MAX_AGE


@public_page(state=_find_state)
def choose_region(request):
    """The home page's GET form: "In welke gemeente werk je?" One municipality meant: straight to its most
    specific region's page. Several: a short list to pick from. None: a clear message and every region.
    (``?regio=<slug>`` from the region list still works.) The choice lives in the URL, never in a cookie."""
    from wegwijzer.domain.municipalities import QUERY_MAX, choose

    slug = request.GET.get("regio", "")
    if slug and q.region_or_none(slug) is not None:
        return HttpResponseRedirect(reverse("region", kwargs={"region": slug}))
    text = (request.GET.get("gemeente") or "").strip()
    problem = ""
    found = []
    if slug and not text:
        problem = _("Onbekende regio “%(slug)s”. Kies je regio uit de lijst.") % {"slug": slug[:QUERY_MAX]}
    elif not text:
        problem = _("Vul de naam van een gemeente in.")
    elif len(text) > QUERY_MAX:
        problem = _("Gebruik hoogstens %(n)s tekens.") % {"n": QUERY_MAX}
    else:
        found = q.find_municipalities(text)
        chosen = choose([match for _row, match in found])
        if chosen is not None:
            row = next(row for row, match in found if match is chosen)
            if row.region is not None:
                return HttpResponseRedirect(reverse("region", kwargs={"region": row.region.slug}))
        if not found:
            problem = _("Geen gemeente gevonden die lijkt op “%(text)s”. Kies je regio uit de lijst.") % {"text": text}
    return render_page(request, "public/find_region.html", None, query=text[:QUERY_MAX], found=found,
                       problem=problem)


@public_page()
def regions_overview(request):
    """How complete each region is: public, no personal data; what the content editors work from."""
    return render_page(request, "public/regions_overview.html", None, rows=q.completeness(), dataset=q.dataset())


@public_page()
def region_home(request, region):
    region_obj = region_or_404(region)
    return render_page(request, "public/region.html", region_obj, municipalities=q.municipalities_of(region_obj),
                       parts=list(region_obj.parts.all()))


@public_page()
def form_page(request, region, form):
    region_obj = region_or_404(region)
    form_obj = form_or_404(form)
    tips_do, tips_dont = q.tips_by_kind(form_obj)
    return render_page(
        request,
        "public/form.html",
        region_obj,
        form=form_obj,
        themes=q.signals_by_theme(form_obj),
        tips_do=tips_do,
        tips_dont=tips_dont,
        steps=q.steps(region_obj),
    )


@public_page()
def steps_page(request, region):
    region_obj = region_or_404(region)
    return render_page(request, "public/steps.html", region_obj, steps=q.steps(region_obj))


def reach_state(reaches, now) -> tuple[str, int]:
    """ETag part and max-age for a page that shows "nu open tot …": it changes when any contact opens or
    closes, and at midnight (texts such as "opent vandaag om 20:00" change then)."""
    states, max_age = [], None
    for reach in reaches:
        states.append(reach.text)
        change = reach.availability.next_change if reach.availability else None
        if change is not None:
            seconds = int((change - now).total_seconds())
            max_age = seconds if max_age is None else min(max_age, seconds)
    local = now.astimezone(timezone.get_default_timezone())
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    until_midnight = int((midnight - local).total_seconds())
    max_age = min(max_age if max_age is not None else settings.PUBLIC_MAX_AGE, until_midnight)
    return "|".join(states) + local.date().isoformat(), max_age


def _contacts_state(request, region):
    region_obj = q.region_or_none(region)
    if region_obj is None:
        return "", 0
    now = timezone.now()
    return reach_state((q.reachability(contact, now) for contact in q.contacts(region_obj)), now)


@public_page(state=_contacts_state)
def contacts_page(request, region):
    region_obj = region_or_404(region)
    now = timezone.now()
    rows = [(c, q.reachability(c, now)) for c in q.contacts(region_obj)]
    return render_page(request, "public/contacts.html", region_obj, rows=rows, now=now)


@public_page()
def info_page(request, region, page):
    region_obj = region_or_404(region)
    return render_page(request, f"public/{INFO_PAGES[page]}.html", region_obj, sections=q.sections(region_obj, page),
                   page=page)


# ------------------------------------------------------------------- accessibility and privacy statements


def _statement_state(path_setting):
    def state(request, *args, **kwargs):
        from .statements import file_state

        owner = "|".join([settings.SITE_OWNER, settings.ACCESSIBILITY_CONTACT, settings.PRIVACY_CONTACT])
        return file_state(getattr(settings, path_setting)) + "|" + owner, settings.PUBLIC_MAX_AGE

    return state


@public_page(state=_statement_state("ACCESSIBILITY_EVALUATION"))
def accessibility(request):
    """The toegankelijkheidsverklaring, generated from the WCAG-EM evaluation in docs/accessibility/."""
    from .statements import accessibility_report, not_filled_in

    report = accessibility_report()
    return render_page(
        request, "public/accessibility.html", None, report=report, counts=report.counts(),
        open_criteria=report.open_criteria, lang=(get_language() or "nl")[:2],
        site_owner=settings.SITE_OWNER, contact=settings.ACCESSIBILITY_CONTACT,
        not_filled_in=not_filled_in(),
    )


@public_page(state=_statement_state("PRIVACY_STATEMENT"))
def privacy(request):
    """The privacy statement, generated from docs/privacy/statement.yaml and this installation's settings."""
    from .statements import privacy_statement, privacy_values

    statement = privacy_statement()
    lang = (get_language() or "nl")[:2]
    values = privacy_values()
    parts = [(part.heading.get(lang), [p.get(lang).format_map(values) for p in part.paragraphs])
             for part in statement.parts]
    return render_page(request, "public/privacy.html", None, statement=statement, lang=lang,
                       title=statement.title.get(lang), intro=statement.intro.get(lang), parts=parts)
