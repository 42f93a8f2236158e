"""The signaleringshulp between the web layers (pages, PDF, API) and :mod:`wegwijzer.domain.assessment`.

Nothing here writes: not to the database, not to files, not to logs. Answers arrive in a POST body (or
a JSON body for the API) and leave as a rendered page, a PDF or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from wegwijzer.catalogue import models as m
from wegwijzer.catalogue import queries as q
from wegwijzer.domain.assessment import (
    AGE_GROUPS,
    DANGER,
    Answer,
    Problem,
    Result,
    SignalInfo,
    Situation,
    assess,
    parse_answer,
)

CASE_REF_MAX = 60


@dataclass
class CheckInput:
    region: m.Region | None
    situation: Situation
    answers: dict[str, Answer]
    case_reference: str = ""
    problems: list[Problem] = field(default_factory=list)


def signal_infos(signals: list[m.Signal]) -> list[SignalInfo]:
    return [SignalInfo(s.key, tuple(f.slug for f in s.forms.all()), s.element, tuple(s.cues)) for s in signals]


def parse_form(data, default_region: m.Region | None) -> CheckInput:
    """Read the check form's POST data. Every problem is collected with its field name; nothing raises."""
    problems: list[Problem] = []
    region_slug = data.get("regio") or (default_region.slug if default_region else "")
    region = q.region_or_none(region_slug)
    if region is None:
        problems.append(Problem("regio", f"onbekende regio {region_slug!r}", f"unknown region {region_slug!r}"))
        region = default_region
    age = data.get("leeftijd") or "onbekend"
    if age not in AGE_GROUPS:
        problems.append(Problem("leeftijd", "kies een leeftijdsgroep", "choose an age group"))
        age = "onbekend"
    danger = data.get("gevaar") or "onbekend"
    if danger not in DANGER:
        problems.append(Problem("gevaar", "geef aan of er nu direct gevaar is", "say whether there is direct danger"))
        danger = "onbekend"
    answers = {}
    for key in m.Signal.objects.values_list("key", flat=True):
        answers[key] = parse_answer(f"s-{key}", data.get(f"s-{key}"), data.get(f"bron-{key}"),
                                    data.get(f"notitie-{key}"), problems)
    case_reference = (data.get("kenmerk") or "").strip()
    if len(case_reference) > CASE_REF_MAX:
        problems.append(Problem("kenmerk", f"het kenmerk is langer dan {CASE_REF_MAX} tekens",
                                f"the reference is longer than {CASE_REF_MAX} characters"))
        case_reference = case_reference[:CASE_REF_MAX]
    return CheckInput(region, Situation(age, danger), answers, case_reference, problems)


@dataclass
class ObservedSignal:
    signal: m.Signal
    answer: Answer


@dataclass
class ResultView:
    """Everything the result page, the summary and the PDF show."""

    result: Result
    region: m.Region
    situation: Situation
    at: datetime
    content_version: str
    observed: list[ObservedSignal]
    forms: list[tuple[m.Form, list[m.Signal]]]
    elements: list[tuple[str, list[m.Signal]]]
    steps: list
    reachability: dict[str, q.Reachability]
    sections: dict[str, q.SectionView]
    tips: list[tuple[m.Form, list[m.Tip], list[m.Tip]]]
    case_reference: str = ""
    not_observed: list[str] = field(default_factory=list)

    def _pick(self, *slugs: str) -> list[q.SectionView]:
        """The applicable sections among ``slugs``, in the order the assessment gave them."""
        return [self.sections[s] for s in self.result.sections if s in slugs and s in self.sections]

    @property
    def top_sections(self):
        return self._pick("acuut-gevaar")

    @property
    def route_sections(self):
        return self._pick("aanwijzingen", "geen-signalen")

    @property
    def minor_sections(self):
        return self._pick("middel-niet-nodig", "route-minderjarigen", "b8-bedenktijd")

    @property
    def help_sections(self):
        return self._pick("opvang-cosm", "opvang-minderjarigen", "uitstappen", "zorg")


def build_result(check: CheckInput, at: datetime | None = None) -> ResultView:
    at = at or timezone.now()
    region = check.region
    signals = q.signals()
    by_key = {s.key: s for s in signals}
    forms = q.forms()
    result = assess(signal_infos(signals), check.answers, check.situation, [f.slug for f in forms])
    form_by_slug = {f.slug: f for f in forms}
    steps = q.steps(region)
    contacts = {c.slug: c for step in steps for c in step.contacts}
    sections = {s.section.slug: s for s in q.sections(region, "signaleringshulp")}
    for view in sections.values():
        contacts.update({c.slug: c for c in view.contacts})
    reach = {slug: q.reachability(contact, at) for slug, contact in contacts.items()}
    tips = []
    for slug in result.forms:
        tips.append((form_by_slug[slug], *q.tips_by_kind(form_by_slug[slug])))
    return ResultView(
        result=result,
        region=region,
        situation=check.situation,
        at=at,
        content_version=q.content_version(),
        observed=[ObservedSignal(by_key[k], check.answers[k]) for k in result.observed],
        forms=[(form_by_slug[slug], [by_key[k] for k in keys]) for slug, keys in result.forms.items()],
        elements=[(element, [by_key[k] for k in keys]) for element, keys in result.elements.items()],
        steps=steps,
        reachability=reach,
        sections=sections,
        tips=tips,
        case_reference=check.case_reference,
        not_observed=[k for k, a in check.answers.items() if a.answer == "niet-waargenomen"],
    )
