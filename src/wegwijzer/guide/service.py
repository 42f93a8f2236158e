"""The wegwijzer between the web layers (pages, PDF, API) and :mod:`wegwijzer.domain.route`.

Reads the catalogue for a region and turns it into what the pages show: the organisation directory with
its filters, and the route for one person. Nothing here writes: a situation arrives in a POST body (or
JSON for the API) and leaves as a page, a PDF or JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from wegwijzer.catalogue import models as m
from wegwijzer.catalogue import queries as q
from wegwijzer.catalogue.schema import ORGANISATION_TYPES, SERVES
from wegwijzer.domain.route import (
    Conditions,
    FirstContactRule,
    Match,
    Ref,
    RoutePlan,
    RouteProblem,
    RouteSituation,
    StepRule,
    plan_route,
    validate,
)

SEARCH_MAX = 100


# --------------------------------------------------------------------------------------- directory


@dataclass
class DirectoryFilter:
    text: str = ""
    type: str = ""
    serves: str = ""
    problems: tuple[RouteProblem, ...] = ()


def parse_filter(data: Mapping) -> DirectoryFilter:
    """Read the directory's GET filters. Unknown values are dropped, each with a message."""
    problems = []
    text = (data.get("zoek") or "").strip()
    if len(text) > SEARCH_MAX:
        problems.append(RouteProblem("zoek", f"zoek met hoogstens {SEARCH_MAX} tekens",
                                     f"search with at most {SEARCH_MAX} characters"))
        text = text[:SEARCH_MAX]
    kind = data.get("type") or ""
    if kind and kind not in ORGANISATION_TYPES:
        problems.append(RouteProblem("type", f"onbekend type {kind!r}", f"unknown type {kind!r}"))
        kind = ""
    serves = data.get("voor") or ""
    if serves and serves not in SERVES:
        problems.append(RouteProblem("voor", f"onbekende doelgroep {serves!r}", f"unknown group {serves!r}"))
        serves = ""
    return DirectoryFilter(text, kind, serves, tuple(problems))


def matches_filter(org: m.Organisation, kind: str = "", serves: str = "", text: str = "") -> bool:
    """``serves`` also matches an organisation that serves everyone (an empty list)."""
    if kind and kind not in org.types:
        return False
    if serves and org.serves and serves not in org.serves:
        return False
    if text:
        haystack = " ".join([org.name, org.description_nl, org.description_en, *org.types]).casefold()
        return all(word in haystack for word in text.casefold().split())
    return True


def directory(region: m.Region, filters: DirectoryFilter, at: datetime | None = None) -> list[q.OrganisationView]:
    rows = [o for o in q.organisations(region) if matches_filter(o, filters.type, filters.serves, filters.text)]
    return q.organisation_views(region, at, rows)


# ------------------------------------------------------------------------------------------- route

def _yes_no(value, name: str, problems: list[RouteProblem]) -> bool:
    if value in (None, "", "nee", "false", False):
        return False
    if value in ("ja", "true", True):
        return True
    problems.append(RouteProblem(name, f"{name}: kies ja of nee", f"{name}: choose yes or no"))
    return False


def parse_situation(data: Mapping, region: m.Region) -> tuple[RouteSituation, list[RouteProblem]]:
    """The route form's POST fields (Dutch names) into a situation; every problem names its field."""
    problems: list[RouteProblem] = []
    situation = RouteSituation(
        region=region.slug,
        age_group=data.get("leeftijd") or "onbekend",
        nationality=data.get("nationaliteit") or "onbekend",
        legal_residence=data.get("verblijf") or "onbekend",
        form=data.get("vorm") or "",
        aangifte=_yes_no(data.get("aangifte"), "aangifte", problems),
        shelter_needed=_yes_no(data.get("opvang"), "opvang", problems),
    )
    names = {"age_group": "leeftijd", "nationality": "nationaliteit", "legal_residence": "verblijf",
             "form": "vorm"}
    for problem in validate(situation, [f.slug for f in q.forms()]):
        problems.append(RouteProblem(names.get(problem.field, problem.field), problem.message_nl, problem.message_en))
    return situation, problems


@dataclass
class AppliedRight:
    right: m.Right
    match: Match


@dataclass
class AppliedOrganisation:
    view: q.OrganisationView
    match: Match


@dataclass
class AppliedStep:
    step: m.PhaseStep
    match: Match
    rights: list[AppliedRight]
    organisations: list[AppliedOrganisation]
    urgent: bool


@dataclass
class FirstCall:
    view: q.OrganisationView
    reason: str
    match: Match


@dataclass
class RouteView:
    region: m.Region
    situation: RouteSituation
    plan: RoutePlan
    phases: list[tuple[m.Phase, list[AppliedStep]]]
    first_calls: list[FirstCall]
    urgent: list[AppliedStep]
    form: m.Form | None
    at: datetime
    content_version: str


def _conditions(data: Mapping) -> Conditions:
    return Conditions.from_data(data)


def _refs(items: list[dict]) -> tuple[Ref, ...]:
    return tuple(Ref(item["slug"], _conditions(item.get("when"))) for item in items)


def build_route(region: m.Region, situation: RouteSituation, at: datetime | None = None) -> RouteView:
    at = at or timezone.now()
    phases = q.phases()
    rights = q.rights()
    views = {v.slug: v for v in q.organisation_views(region, at)}
    steps = {}
    rules = []
    for phase in phases:
        for step in phase.steps.all():
            key = f"{phase.slug}/{step.slug}"
            steps[key] = step
            rules.append(StepRule(key, phase.slug, _conditions(step.conditions), _refs(step.rights),
                                  _refs(step.organisations), step.shelter))
    firsts = q.first_contacts()
    plan = plan_route(
        situation,
        rules,
        {slug: _conditions(r.conditions) for slug, r in rights.items()},
        {slug: v.organisation.serves for slug, v in views.items()},
        [FirstContactRule(f.organisation_slug, _conditions(f.conditions)) for f in firsts],
    )
    applied: dict[str, list[AppliedStep]] = {}
    urgent = []
    for planned in plan.steps:
        item = AppliedStep(
            steps[planned.key], planned.match,
            [AppliedRight(rights[r.key], r.match) for r in planned.rights],
            [AppliedOrganisation(views[o.key], o.match) for o in planned.organisations],
            urgent=planned.urgent,
        )
        applied.setdefault(planned.phase, []).append(item)
        if item.urgent:
            urgent.append(item)
    first_calls = [FirstCall(views[f.key], firsts[f.rule].reason, f.match) for f in plan.first_contacts]
    form = m.Form.objects.filter(slug=situation.form).first() if situation.form else None
    return RouteView(region, situation, plan, [(p, applied[p.slug]) for p in phases if p.slug in applied],
                     first_calls, urgent, form, at, q.content_version())
