"""Reading the catalogue for one region: national content with the region's additions and overrides.

Every page and API endpoint reads through here, so the overlay rule lives in one place:
a regional row with the slug of a national row replaces it in that region; other regional rows are
added after the national ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language

from wegwijzer.domain.hours import Availability, Schedule, availability, describe

from . import models as m


def content_version() -> str:
    latest = m.ContentVersion.objects.order_by("-loaded_at", "-id").values_list("version", flat=True).first()
    return latest or "leeg"


def regions():
    return list(m.Region.objects.all())


def region_or_none(slug: str | None) -> m.Region | None:
    if not slug:
        return None
    return m.Region.objects.filter(slug=slug).first()


def _overlay(rows, region: m.Region | None, key=lambda r: r.slug):
    national = [r for r in rows if r.region_id is None]
    regional = [r for r in rows if region is not None and r.region_id == region.id]
    by_key = {key(r): r for r in regional}
    result = [by_key.pop(key(r), r) for r in national]
    return result + [r for r in regional if key(r) in by_key]


def contacts(region: m.Region | None) -> list[m.Contact]:
    rows = m.Contact.objects.filter(Q(region__isnull=True) | Q(region=region)) if region else \
        m.Contact.objects.filter(region__isnull=True)
    return _overlay(list(rows), region)


def contact(region: m.Region | None, slug: str) -> m.Contact | None:
    return next((c for c in contacts(region) if c.slug == slug), None)


@dataclass
class StepView:
    step: m.Step
    contacts: list[m.Contact]


def steps(region: m.Region | None) -> list[StepView]:
    by_slug = {c.slug: c for c in contacts(region)}
    links = m.StepContact.objects.filter(Q(region__isnull=True) | Q(region=region)) if region else \
        m.StepContact.objects.filter(region__isnull=True)
    per_step: dict[int, list[str]] = {}
    for link in links.order_by("order", "id"):
        per_step.setdefault(link.step_id, []).append(link.contact_slug)
    result = []
    for step in m.Step.objects.order_by("number"):
        slugs = dict.fromkeys(per_step.get(step.id, []))
        result.append(StepView(step, [by_slug[s] for s in slugs if s in by_slug]))
    return result


@dataclass
class SectionView:
    section: m.Section
    contacts: list[m.Contact]


def sections(region: m.Region | None, page: str) -> list[SectionView]:
    rows = m.Section.objects.filter(page=page).filter(Q(region__isnull=True) | Q(region=region)) if region else \
        m.Section.objects.filter(page=page, region__isnull=True)
    by_slug = {c.slug: c for c in contacts(region)}
    return [SectionView(s, [by_slug[c] for c in s.contact_slugs if c in by_slug]) for s in _overlay(list(rows), region)]


def forms():
    return list(m.Form.objects.all())


def signals(form: m.Form | None = None):
    qs = m.Signal.objects.select_related("theme").prefetch_related(Prefetch("forms", queryset=m.Form.objects.all()))
    if form is not None:
        qs = qs.filter(forms=form)
    return list(qs)


def signals_by_theme(form: m.Form):
    groups: dict[int, tuple[m.Theme, list[m.Signal]]] = {}
    for signal in signals(form):
        groups.setdefault(signal.theme_id, (signal.theme, []))[1].append(signal)
    return sorted(groups.values(), key=lambda g: g[0].order)


def tips(form: m.Form | None = None):
    qs = m.Tip.objects.prefetch_related("forms")
    if form is not None:
        qs = qs.filter(forms=form)
    return list(qs)


def tips_by_kind(form: m.Form) -> tuple[list[m.Tip], list[m.Tip]]:
    """(what helps, what hinders) for one form."""
    form_tips = tips(form)
    return [t for t in form_tips if t.kind == "do"], [t for t in form_tips if t.kind == "dont"]


def schedule(contact: m.Contact) -> Schedule | None:
    if not contact.hours:
        return None
    return Schedule.from_data(contact.hours, contact.hours.get("holidays", []))


@dataclass
class Reachability:
    availability: Availability | None
    text: str

    @property
    def open(self):
        return self.availability.open if self.availability else None


def reachability(contact: m.Contact, at: datetime | None = None) -> Reachability:
    at = at or timezone.now()
    sched = schedule(contact)
    lang = (get_language() or "nl")[:2]
    if sched is None:
        return Reachability(None, "geen openingstijden bekend" if lang == "nl" else "no opening hours known")
    avail = availability(sched, at)
    return Reachability(avail, describe(avail, at, lang))


# ------------------------------------------------------------------------------------------ wegwijzer


def organisations(region: m.Region | None) -> list[m.Organisation]:
    rows = m.Organisation.objects.filter(Q(region__isnull=True) | Q(region=region)) if region else \
        m.Organisation.objects.filter(region__isnull=True)
    return _overlay(list(rows), region)


@dataclass
class OrganisationView:
    organisation: m.Organisation
    contacts: list[tuple[m.Contact, Reachability]]

    @property
    def open(self) -> bool | None:
        """True when one of its contacts is open now; None when no opening hours are known."""
        states = [r.open for _, r in self.contacts if r.open is not None]
        return any(states) if states else None

    @property
    def slug(self) -> str:
        return self.organisation.slug


def organisation_views(region: m.Region | None, at: datetime | None = None,
                       rows: list[m.Organisation] | None = None) -> list[OrganisationView]:
    at = at or timezone.now()
    by_slug = {c.slug: c for c in contacts(region)}
    reach: dict[str, Reachability] = {}
    result = []
    for org in organisations(region) if rows is None else rows:
        found = [by_slug[s] for s in org.contact_slugs if s in by_slug]
        for contact in found:
            if contact.slug not in reach:
                reach[contact.slug] = reachability(contact, at)
        result.append(OrganisationView(org, [(c, reach[c.slug]) for c in found]))
    return result


def phases() -> list[m.Phase]:
    return list(m.Phase.objects.prefetch_related(Prefetch("steps", queryset=m.PhaseStep.objects.order_by("order"))))


def phase_step(phase_slug: str, step_slug: str) -> m.PhaseStep | None:
    return m.PhaseStep.objects.select_related("phase").filter(phase__slug=phase_slug, slug=step_slug).first()


def rights() -> dict[str, m.Right]:
    return {r.slug: r for r in m.Right.objects.all()}


def first_contacts() -> list[m.FirstContact]:
    return list(m.FirstContact.objects.all())


def victim_rights_pages() -> list[m.VictimRightsPage]:
    return list(m.VictimRightsPage.objects.all())
