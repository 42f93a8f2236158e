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
    return list(m.Region.objects.select_related("parent"))


def region_or_none(slug: str | None) -> m.Region | None:
    if not slug:
        return None
    return m.Region.objects.select_related("parent").filter(slug=slug).first()


def _chain(region: m.Region | None) -> list[int]:
    """The region's own id and those of the regions it lies in, widest first (Midden- en West-Brabant, then
    Hart van Brabant): content of a deelregio's veiligheidsregio applies there too, unless the deelregio
    has its own."""
    ids: list[int] = []
    while region is not None and region.id not in ids:
        ids.insert(0, region.id)
        region = region.parent
    return ids


def _in_scope(queryset, region: m.Region | None):
    """National rows and those of the region and the regions it lies in."""
    ids = _chain(region)
    return queryset.filter(Q(region__isnull=True) | Q(region_id__in=ids)) if ids else \
        queryset.filter(region__isnull=True)


def _overlay(rows, region: m.Region | None, key=lambda r: r.slug):
    """National rows, then each region from the widest to the most specific: a row with a slug already
    present replaces it in place, other rows are added after."""
    result = {key(r): r for r in rows if r.region_id is None}
    for region_id in _chain(region):
        for row in rows:
            if row.region_id == region_id:
                result[key(row)] = row
    return list(result.values())


def contacts(region: m.Region | None) -> list[m.Contact]:
    return _overlay(list(_in_scope(m.Contact.objects.all(), region)), region)


def contact(region: m.Region | None, slug: str) -> m.Contact | None:
    return next((c for c in contacts(region) if c.slug == slug), None)


@dataclass
class StepView:
    step: m.Step
    contacts: list[m.Contact]


def steps(region: m.Region | None) -> list[StepView]:
    by_slug = {c.slug: c for c in contacts(region)}
    links = _in_scope(m.StepContact.objects.all(), region)
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
    rows = _in_scope(m.Section.objects.filter(page=page), region)
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
    rows = _in_scope(m.Organisation.objects.all(), region)
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


# ------------------------------------------------------------------------------ regions and municipalities


def has_own_coordinator(region: m.Region | None) -> bool:
    """Whether the region (or the region it lies in) has its own zorgcoördinator mensenhandel."""
    return bool(region) and m.Contact.objects.filter(region_id__in=_chain(region), slug="zorgcoordinator").exists()


def regional_gap(region: m.Region | None) -> list[SectionView]:
    """For a region whose own people are not in the catalogue yet: the national route that always works
    (content/national/sections, page "regio"). Empty for a region with its own zorgcoördinator."""
    if region is None or region.level == "landelijk" or has_own_coordinator(region):
        return []
    return sections(None, "regio")


def municipality_entries():
    from wegwijzer.domain.municipalities import Entry

    return [Entry(row.code, row.name, tuple(row.search_names))
            for row in m.Municipality.objects.only("code", "name", "search_names")]


def find_municipalities(text: str, limit: int = 10) -> list[tuple[m.Municipality, object]]:
    """(municipality with its region, match) best first."""
    from wegwijzer.domain.municipalities import find

    matches = find(text, municipality_entries(), limit)
    rows = {r.code: r for r in m.Municipality.objects.select_related("region").filter(
        code__in=[x.key for x in matches])}
    return [(rows[x.key], x) for x in matches if x.key in rows]


def municipalities_of(region: m.Region) -> list[m.Municipality]:
    """The municipalities the region lists, each with its most specific region (a deelregio's, perhaps)."""
    return list(m.Municipality.objects.select_related("region").filter(code__in=region.municipality_codes)
                .order_by("name"))


def dataset() -> m.MunicipalityDataset | None:
    return m.MunicipalityDataset.objects.first()


@dataclass
class RegionCompleteness:
    region: m.Region
    municipalities: int
    own_coordinator: bool
    contacts: int  # the region's own contacts
    with_hours: int  # of which with opening hours
    organisations: int  # the region's own organisations
    unconfirmed: int  # own contacts and organisations marked "niet bevestigd", and an unconfirmed area
    last_checked: object  # the oldest "last checked" date of its own facts, or None when none is recorded


def completeness() -> list[RegionCompleteness]:
    """Per region: what its content owners have filled in. The to-do list of the content editors."""
    from django.db.models import Count, Min

    contacts = {r["region"]: r for r in m.Contact.objects.filter(region__isnull=False).values("region").annotate(
        n=Count("id"), hours=Count("id", filter=Q(hours__isnull=False)), unconfirmed=Count("id", filter=Q(
            verified=False)), oldest=Min("last_checked"))}
    organisations = {r["region"]: r for r in m.Organisation.objects.filter(region__isnull=False).values(
        "region").annotate(n=Count("id"), unconfirmed=Count("id", filter=Q(verified=False)))}
    coordinators = set(m.Contact.objects.filter(slug="zorgcoordinator", region__isnull=False)
                       .values_list("region", flat=True))
    rows = []
    for region in regions():
        if region.level == "landelijk":
            continue
        c, o = contacts.get(region.id, {}), organisations.get(region.id, {})
        rows.append(RegionCompleteness(
            region=region, municipalities=len(region.municipality_codes),
            own_coordinator=region.id in coordinators or (region.parent_id in coordinators),
            contacts=c.get("n", 0), with_hours=c.get("hours", 0), organisations=o.get("n", 0),
            unconfirmed=c.get("unconfirmed", 0) + o.get("unconfirmed", 0) + (not region.municipalities_verified),
            last_checked=c.get("oldest")))
    return rows
