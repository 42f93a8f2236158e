"""Read-only JSON API (open data) under /api/v1/. The OpenAPI document is generated from these
declarations at /api/v1/openapi.json. Texts are Dutch by default; ``?lang=en`` gives English.
Bad input answers 400 and an unknown slug 404, each with ``{"error": ..., "field": ...}``."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

from wegwijzer.catalogue import models as m
from wegwijzer.catalogue import queries as q
from wegwijzer.domain.hours import AMSTERDAM

api = NinjaAPI(
    title="Wegwijzer mensenhandel — open data",
    version="1",
    description=(
        "Signalen, gesprekstips, meldcodestappen en contacten per regio. Teksten zijn Nederlands; "
        "`?lang=en` geeft Engels. Signals, conversation tips, meldcode steps and contacts per region."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)

Lang = Literal["nl", "en"]


class ApiError(Exception):
    def __init__(self, status: int, message_nl: str, message_en: str, field: str | None = None):
        self.status, self.message_nl, self.message_en, self.field = status, message_nl, message_en, field


def _lang(request: HttpRequest) -> str:
    return "en" if request.GET.get("lang") == "en" else "nl"


@api.exception_handler(ApiError)
def api_error(request, exc: ApiError):
    message = exc.message_en if _lang(request) == "en" else exc.message_nl
    body = {"error": message}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    fields = [".".join(str(p) for p in e.get("loc", [])[1:]) or str(e.get("loc")) for e in exc.errors]
    nl = f"Ongeldige invoer: {', '.join(fields)}"
    en = f"Invalid input: {', '.join(fields)}"
    return api.create_response(
        request, {"error": en if _lang(request) == "en" else nl, "field": fields[0] if fields else None}, status=400
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)


def _check_lang(request):
    lang = request.GET.get("lang")
    if lang not in (None, "nl", "en"):
        raise ApiError(400, "lang moet 'nl' of 'en' zijn", "lang must be 'nl' or 'en'", "lang")
    return lang or "nl"


def _region(slug: str | None, field: str = "region") -> m.Region | None:
    if slug in (None, ""):
        return None
    region = q.region_or_none(slug)
    if region is None:
        raise ApiError(400, f"onbekende regio {slug!r}", f"unknown region {slug!r}", field)
    return region


def _form(slug: str | None) -> m.Form | None:
    if slug in (None, ""):
        return None
    form = m.Form.objects.filter(slug=slug).first()
    if form is None:
        raise ApiError(400, f"onbekende vorm {slug!r}", f"unknown form {slug!r}", "form")
    return form


# ----------------------------------------------------------------------------------------- schemas


class FormOut(Schema):
    slug: str
    name: str
    description: str


class SignalOut(Schema):
    id: str
    forms: list[str]
    theme: str
    element: Literal["act", "means", "purpose"]
    text: str
    source: str


class RegionOut(Schema):
    slug: str
    name: str


class HoursOut(Schema):
    always: bool = False
    weekly: dict[str, list[str]] = {}
    holiday: list[str] | None = None
    holidays: list[str] = []


class ContactOut(Schema):
    slug: str
    name: str
    role: str
    phone: str | None
    email: str | None
    url: str | None
    hours: HoursOut | None
    verified: bool
    region: str | None


class TipOut(Schema):
    kind: Literal["do", "dont"]
    text: str


class StepOut(Schema):
    number: int
    title: str
    do: str
    record: str
    contacts: list[ContactOut]


class AvailabilityOut(Schema):
    open: bool
    next_change: datetime | None


class ErrorOut(Schema):
    error: str
    field: str | None = None


# ----------------------------------------------------------------------------------------- helpers


def _contact_out(c: m.Contact) -> dict:
    return {
        "slug": c.slug,
        "name": c.name,
        "role": c.role,
        "phone": c.phone or None,
        "email": c.email or None,
        "url": c.url or None,
        "hours": c.hours,
        "verified": c.verified,
        "region": c.region.slug if c.region_id else None,
    }


def _source_text(sources: list[dict], docs: dict[str, str]) -> str:
    return "; ".join(docs.get(s["doc"], s["doc"]) for s in sources)


# ----------------------------------------------------------------------------------------- endpoints


@api.get("/forms", response=list[FormOut], summary="Vormen van uitbuiting / forms of exploitation")
def list_forms(request, lang: Lang | None = None):
    with translation.override(_check_lang(request)):
        return [{"slug": f.slug, "name": f.name, "description": f.description} for f in q.forms()]


@api.get("/signals", response={200: list[SignalOut], 400: ErrorOut},
         summary="Signalen, te filteren op vorm en regio / signals, filtered by form and region")
def list_signals(request, form: str | None = None, region: str | None = None, lang: Lang | None = None):
    with translation.override(_check_lang(request)):
        _region(region)  # signals are national; a region is validated so a typo is not silently ignored
        docs = dict(m.Document.objects.values_list("key", "title"))
        return [
            {"id": s.key, "forms": [f.slug for f in s.forms.all()], "theme": s.theme.slug, "element": s.element,
             "text": s.text, "source": _source_text(s.sources, docs)}
            for s in q.signals(_form(form))
        ]


@api.get("/regions", response=list[RegionOut], summary="Regio's / regions")
def list_regions(request):
    return [{"slug": r.slug, "name": r.name} for r in q.regions()]


@api.get("/regions/{slug}/contacts", response={200: list[ContactOut], 404: ErrorOut},
         summary="Landelijke en regionale contacten / national and regional contacts")
def region_contacts(request, slug: str, lang: Lang | None = None):
    with translation.override(_check_lang(request)):
        region = q.region_or_none(slug)
        if region is None:
            raise ApiError(404, f"onbekende regio {slug!r}", f"unknown region {slug!r}", "slug")
        return [_contact_out(c) for c in q.contacts(region)]


@api.get("/conversation-tips", response={200: list[TipOut], 400: ErrorOut},
         summary="Wat helpt en wat belemmert in het gesprek / conversation guidance")
def conversation_tips(request, form: str | None = None, lang: Lang | None = None):
    with translation.override(_check_lang(request)):
        return [{"kind": t.kind, "text": t.text} for t in q.tips(_form(form))]


@api.get("/steps", response={200: list[StepOut], 400: ErrorOut},
         summary="De vijf meldcodestappen met hun contacten / the five meldcode steps with their contacts")
def list_steps(request, region: str | None = None, lang: Lang | None = None):
    with translation.override(_check_lang(request)):
        return [
            {"number": s.step.number, "title": s.step.title, "do": s.step.do, "record": s.step.record,
             "contacts": [_contact_out(c) for c in s.contacts]}
            for s in q.steps(_region(region))
        ]


def parse_at(value: str | None) -> datetime:
    if value in (None, ""):
        return timezone.now()
    try:
        at = datetime.fromisoformat(value.strip().replace(" ", "+", 1) if "T" in value and " " in value else value)
    except ValueError:
        raise ApiError(
            400,
            f"'at' is geen geldige ISO 8601-datum en -tijd: {value!r} (voorbeeld: 2026-11-23T21:30:00+01:00)",
            f"'at' is not a valid ISO 8601 date-time: {value!r} (example: 2026-11-23T21:30:00+01:00)",
            "at",
        ) from None
    if at.tzinfo is None:  # a time without offset is Dutch local time
        at = at.replace(tzinfo=AMSTERDAM)
    return at


@api.get("/contacts/{slug}/availability", response={200: AvailabilityOut, 400: ErrorOut, 404: ErrorOut},
         summary="Is dit contact nu bereikbaar? / is this contact reachable at a moment?")
def contact_availability(request, slug: str, at: str | None = None, region: str | None = None):
    """`at` is ISO 8601 (default: now; without an offset it is Dutch time). `next_change` is when the
    contact next opens or closes, with its offset, or null when it is always open. National contacts
    need no region; a regional contact (such as `zorgcoordinator`) needs `?region=`."""
    moment = parse_at(at)
    region_obj = _region(region)
    contact = q.contact(region_obj, slug)
    if contact is None:
        if region_obj is None and m.Contact.objects.filter(slug=slug).exists():
            raise ApiError(404, f"{slug!r} is een regionaal contact: geef ?region=",
                           f"{slug!r} is a regional contact: pass ?region=", "region")
        raise ApiError(404, f"onbekend contact {slug!r}", f"unknown contact {slug!r}", "slug")
    reach = q.reachability(contact, moment)
    if reach.availability is None:
        raise ApiError(404, f"voor {slug!r} zijn geen openingstijden bekend",
                       f"no opening hours are known for {slug!r}", "slug")
    return {"open": reach.availability.open, "next_change": reach.availability.next_change}
