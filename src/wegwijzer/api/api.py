"""Read-only JSON API (open data) under /api/v1/. The OpenAPI document is generated from these
declarations at /api/v1/openapi.json. Texts are Dutch by default; ``?lang=en`` gives English.
Bad input answers 400 and an unknown slug 404, each with ``{"error": ..., "field": ...}``."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import NinjaAPI, Query, Schema
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


def _field_name(loc) -> str:
    loc = list(loc)
    if loc and loc[0] == "body":
        loc = loc[2:]  # ("body", <parameter name>, ...) -> the field inside the JSON body
    elif loc:
        loc = loc[1:]  # ("query", name)
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out or "body"


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    fields = [_field_name(e.get("loc", [])) for e in exc.errors]
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
    level: Literal["veiligheidsregio", "deelregio", "landelijk"]
    code: str | None = None  # CBS code of a veiligheidsregio (VR01..VR25)
    parent: str | None = None  # the slug of the region it lies in
    municipalities: list[str]  # CBS codes of the municipalities it lists (GMxxxx)
    own_coordinator: bool  # whether its own zorgcoördinator mensenhandel is in the catalogue


class MunicipalityOut(Schema):
    name: str
    code: str
    region: str | None  # the slug of its most specific region
    matched: str  # the name that matched (an alias or a municipality merged into it)


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


@api.get("/regions", response=list[RegionOut], summary="Regio's met hun gemeenten / regions with their municipalities")
def list_regions(request):
    return [{"slug": r.slug, "name": r.name, "level": r.level, "code": r.code or None,
             "parent": r.parent.slug if r.parent else None, "municipalities": list(r.municipality_codes),
             "own_coordinator": q.has_own_coordinator(r)} for r in q.regions()]


@api.get("/municipalities", response={200: list[MunicipalityOut], 400: ErrorOut},
         summary="Gemeente zoeken / find a municipality")
def find_municipalities(request, q_: str = Query(..., alias="q")):
    """Best match first: case, accents, hyphens, "'s-" and small typos do not matter; old names of merged
    municipalities (Weesp) find the municipality they are part of now. An empty list when nothing matches."""
    from wegwijzer.domain.municipalities import QUERY_MAX

    text = q_.strip()
    if not text:
        raise ApiError(400, "q mag niet leeg zijn", "q must not be empty", "q")
    if len(text) > QUERY_MAX:
        raise ApiError(400, f"q is langer dan {QUERY_MAX} tekens", f"q is longer than {QUERY_MAX} characters", "q")
    return [{"name": row.name, "code": row.code, "region": row.region.slug if row.region else None,
             "matched": match.matched} for row, match in q.find_municipalities(text)]


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


# ----------------------------------------------------------------------------------- assessments


class AnswerIn(Schema):
    signal: str
    answer: str
    source: str | None = None
    note: str | None = None


class AssessmentIn(Schema):
    region: str
    age_group: str = "onbekend"
    acute_danger: bool = False
    answers: list[AnswerIn] = []


class ReachOut(Schema):
    slug: str
    name: str
    phone: str | None
    email: str | None
    url: str | None
    open: bool | None
    next_change: datetime | None
    status: str


class FormResultOut(Schema):
    slug: str
    name: str
    signals: list[str]


class StepResultOut(Schema):
    number: int
    title: str
    contacts: list[ReachOut]


class RouteOut(Schema):
    slug: str
    title: str
    text: str
    contacts: list[ReachOut]


class TipResultOut(Schema):
    form: str
    kind: Literal["do", "dont"]
    text: str


class ObservationOut(Schema):
    signal: str
    text: str
    source: str | None
    note: str


class AssessmentOut(Schema):
    region: str
    age_group: str
    acute_danger: bool
    content_version: str
    notice: str
    observed: list[ObservationOut]
    forms: list[FormResultOut]
    elements: dict[str, list[str]]
    means_required: bool
    minor_route: bool
    foreign_national_cue: bool
    next_steps: list[StepResultOut]
    routes: list[RouteOut]
    conversation_tips: list[TipResultOut]


def _reach_out(contact, reach) -> dict:
    avail = reach.availability if reach else None
    return {"slug": contact.slug, "name": contact.name, "phone": contact.phone or None,
            "email": contact.email or None, "url": contact.url or None,
            "open": avail.open if avail else None, "next_change": avail.next_change if avail else None,
            "status": reach.text if reach else ""}


@api.post("/assessments", response={200: AssessmentOut, 400: ErrorOut},
          summary="Signaleringshulp: observed signals to next steps; stores nothing")
def create_assessment(request, payload: AssessmentIn, lang: Lang | None = None):
    """Nothing is stored or logged: the answer is computed and returned. Each answer is
    `waargenomen`, `niet-waargenomen` or `onbekend`; a source is `zelf-gezien`, `verteld-door-persoon` or
    `via-derden`; a note is at most 500 characters. `age_group` is `minderjarig`, `meerderjarig` or
    `onbekend`. Signals left out count as `onbekend`."""
    from wegwijzer.check.service import CheckInput, build_result
    from wegwijzer.domain.assessment import AGE_GROUPS, Problem, Situation, parse_answer

    with translation.override(_check_lang(request)):
        region = q.region_or_none(payload.region)
        if region is None:
            raise ApiError(400, f"onbekende regio {payload.region!r}", f"unknown region {payload.region!r}", "region")
        if payload.age_group not in AGE_GROUPS:
            raise ApiError(400, f"onbekende leeftijdsgroep {payload.age_group!r}; kies uit {', '.join(AGE_GROUPS)}",
                           f"unknown age_group {payload.age_group!r}; choose from {', '.join(AGE_GROUPS)}",
                           "age_group")
        known = set(m.Signal.objects.values_list("key", flat=True))
        answers = {}
        for i, item in enumerate(payload.answers):
            field = f"answers[{i}]"
            if item.signal not in known:
                raise ApiError(400, f"onbekend signaal {item.signal!r}", f"unknown signal {item.signal!r}",
                               f"{field}.signal")
            if item.signal in answers:
                raise ApiError(400, f"signaal {item.signal!r} staat er dubbel in",
                               f"signal {item.signal!r} is given twice", f"{field}.signal")
            problems: list[Problem] = []
            answers[item.signal] = parse_answer(field, item.answer, item.source, item.note, problems)
            if problems:
                p = problems[0]
                raise ApiError(400, p.message_nl, p.message_en, p.field)
        check = CheckInput(region, Situation(payload.age_group, "ja" if payload.acute_danger else "nee"), answers)
        view = build_result(check)
        sections = [view.sections[s] for s in view.result.sections if s in view.sections]
        notice = view.route_sections[0].section.body if view.route_sections else ""
        return {
            "region": region.slug,
            "age_group": payload.age_group,
            "acute_danger": view.result.acute_danger,
            "content_version": view.content_version,
            "notice": notice,
            "observed": [{"signal": o.signal.key, "text": o.signal.text, "source": o.answer.source,
                          "note": o.answer.note} for o in view.observed],
            "forms": [{"slug": f.slug, "name": f.name, "signals": [s.key for s in signals]}
                      for f, signals in view.forms],
            "elements": {element: [s.key for s in signals] for element, signals in view.elements},
            "means_required": view.result.means_required,
            "minor_route": view.result.minor_route,
            "foreign_national_cue": view.result.foreign_national_cue,
            "next_steps": [{"number": st.step.number, "title": st.step.title,
                            "contacts": [_reach_out(c, view.reachability.get(c.slug)) for c in st.contacts]}
                           for st in view.steps],
            "routes": [{"slug": s.section.slug, "title": s.section.title, "text": s.section.body,
                        "contacts": [_reach_out(c, view.reachability.get(c.slug)) for c in s.contacts]}
                       for s in sections],
            "conversation_tips": [{"form": f.slug, "kind": t.kind, "text": t.text}
                                  for f, do, dont in view.tips for t in [*do, *dont]],
        }


# ------------------------------------------------------------------------------------------- wegwijzer


class WhenOut(Schema):
    age_group: list[str] = []
    nationality: list[str] = []
    legal_residence: list[str] = []
    form: list[str] = []
    aangifte: bool | None = None
    shelter_needed: bool | None = None


class RightOut(Schema):
    slug: str
    kind: Literal["recht", "regeling"]
    title: str
    text: str
    when: WhenOut
    verified: bool
    last_checked: str


class RefOut(Schema):
    slug: str
    when: WhenOut


class PhaseStepOut(Schema):
    slug: str
    title: str
    for_person: str
    when: WhenOut
    shelter: bool
    rights: list[RefOut]
    organisations: list[RefOut]


class PhaseOut(Schema):
    slug: str
    name: str
    summary: str
    steps: list[PhaseStepOut]
    rights: list[RightOut]


class OrganisationOut(Schema):
    slug: str
    name: str
    types: list[str]
    serves: list[str]
    region: str | None
    description: str
    url: str | None
    contacts: list[ReachOut]
    open: bool | None
    verified: bool
    last_checked: str | None


def _right_out(r: m.Right) -> dict:
    return {"slug": r.slug, "kind": r.kind, "title": r.title, "text": r.text, "when": r.conditions,
            "verified": r.verified, "last_checked": r.last_checked.isoformat()}


def _organisation_out(view: q.OrganisationView) -> dict:
    org = view.organisation
    return {"slug": org.slug, "name": org.name, "types": org.types, "serves": org.serves,
            "region": org.region.slug if org.region_id else None, "description": org.description,
            "url": org.url or None, "contacts": [_reach_out(c, r) for c, r in view.contacts], "open": view.open,
            "verified": org.verified, "last_checked": org.last_checked.isoformat() if org.last_checked else None}


@api.get("/phases", response={200: list[PhaseOut], 400: ErrorOut},
         summary="Wegwijzer: de vier fasen met stappen, rechten en organisaties / phases with steps and rights")
def list_phases(request, lang: Lang | None = None):
    """Each step lists its rights and organisations by slug, each with the conditions (`when`) under which
    it applies at this step; `rights` of a phase holds the full text of every right its steps name.
    Organisation slugs resolve with `GET /organisations?region=`."""
    with translation.override(_check_lang(request)):
        rights = q.rights()
        result = []
        for phase in q.phases():
            steps = list(phase.steps.all())
            slugs = dict.fromkeys(r["slug"] for s in steps for r in s.rights)
            result.append({
                "slug": phase.slug, "name": phase.name, "summary": phase.summary,
                "steps": [{"slug": s.slug, "title": s.title, "for_person": s.for_person, "when": s.conditions,
                           "shelter": s.shelter, "rights": s.rights, "organisations": s.organisations}
                          for s in steps],
                "rights": [_right_out(rights[slug]) for slug in slugs if slug in rights],
            })
        return result


@api.get("/organisations", response={200: list[OrganisationOut], 400: ErrorOut},
         summary="Organisaties per regio, te filteren op soort en doelgroep / the organisation directory")
def list_organisations(request, region: str | None = None, type: str | None = None, serves: str | None = None,
                       lang: Lang | None = None):
    """Without `region`: national organisations only. `type` is one of zorgcoordinatie, melden, opvang,
    medische-en-psychische-zorg, juridische-hulp, slachtofferhulp, uitstapprogramma, politie-inspectie;
    `serves` one of minderjarigen, vrouwen, mannen, buitenlanders, sekswerkers (organisations for everyone
    are included). `open` is whether one of its contacts is reachable now (null: no hours known)."""
    from wegwijzer.catalogue.schema import ORGANISATION_TYPES, SERVES
    from wegwijzer.guide.service import matches_filter

    with translation.override(_check_lang(request)):
        region_obj = _region(region)
        if type and type not in ORGANISATION_TYPES:
            raise ApiError(400, f"onbekend type {type!r}; kies uit {', '.join(ORGANISATION_TYPES)}",
                           f"unknown type {type!r}; choose from {', '.join(ORGANISATION_TYPES)}", "type")
        if serves and serves not in SERVES:
            raise ApiError(400, f"onbekende doelgroep {serves!r}; kies uit {', '.join(SERVES)}",
                           f"unknown group {serves!r}; choose from {', '.join(SERVES)}", "serves")
        rows = [o for o in q.organisations(region_obj) if matches_filter(o, type or "", serves or "")]
        return [_organisation_out(v) for v in q.organisation_views(region_obj, rows=rows)]


class RouteIn(Schema):
    region: str
    age_group: str = "onbekend"
    nationality: str = "onbekend"
    legal_residence: str = "onbekend"
    form: str | None = None
    aangifte: bool = False
    shelter_needed: bool = False


class RouteRightOut(Schema):
    slug: str
    title: str
    text: str
    last_checked: str
    verified: bool
    depends_on: list[str]


class RouteOrganisationOut(Schema):
    slug: str
    name: str
    open: bool | None
    contacts: list[ReachOut]
    depends_on: list[str]


class RouteStepOut(Schema):
    phase: str
    slug: str
    title: str
    for_person: str
    urgent: bool
    depends_on: list[str]
    rights: list[RouteRightOut]
    organisations: list[RouteOrganisationOut]


class FirstCallOut(Schema):
    organisation: RouteOrganisationOut
    reason: str


class RouteResultOut(Schema):
    region: str
    situation: RouteIn
    content_version: str
    first_contacts: list[FirstCallOut]
    steps: list[RouteStepOut]


def _route_org(view: q.OrganisationView, match) -> dict:
    return {"slug": view.slug, "name": view.organisation.name, "open": view.open,
            "contacts": [_reach_out(c, r) for c, r in view.contacts], "depends_on": list(match.uncertain)}


@api.post("/routes", response={200: RouteResultOut, 400: ErrorOut},
          summary="Route voor deze persoon: stappen, rechten en organisaties; slaat niets op")
def create_route(request, payload: RouteIn, lang: Lang | None = None):
    """The route for one situation; nothing is stored or logged. `age_group`: minderjarig, meerderjarig,
    onbekend; `nationality`: nl, eu, non-eu, onbekend; `legal_residence`: ja, nee, onbekend; `form`: a form
    slug (or null when unknown). Items whose conditions depend on an unknown answer are included, with
    `depends_on` naming those answers. Steps come in the order of the phases; `urgent` marks the shelter
    step when shelter is needed now."""
    from wegwijzer.domain.route import RouteSituation, validate
    from wegwijzer.guide.service import build_route

    with translation.override(_check_lang(request)):
        region = _region(payload.region)
        if region is None:
            raise ApiError(400, "region is verplicht", "region is required", "region")
        situation = RouteSituation(region.slug, payload.age_group, payload.nationality, payload.legal_residence,
                                   payload.form or "", payload.aangifte, payload.shelter_needed)
        problems = validate(situation, [f.slug for f in q.forms()])
        if problems:
            p = problems[0]
            raise ApiError(400, p.message_nl, p.message_en, p.field)
        view = build_route(region, situation)
        return {
            "region": region.slug,
            "situation": payload.dict(),
            "content_version": view.content_version,
            "first_contacts": [{"organisation": _route_org(c.view, c.match), "reason": c.reason}
                               for c in view.first_calls],
            "steps": [
                {"phase": phase.slug, "slug": item.step.slug, "title": item.step.title,
                 "for_person": item.step.for_person, "urgent": item.urgent,
                 "depends_on": list(item.match.uncertain),
                 "rights": [{"slug": r.right.slug, "title": r.right.title, "text": r.right.text,
                             "last_checked": r.right.last_checked.isoformat(), "verified": r.right.verified,
                             "depends_on": list(r.match.uncertain)} for r in item.rights],
                 "organisations": [_route_org(o.view, o.match) for o in item.organisations]}
                for phase, items in view.phases for item in items
            ],
        }
