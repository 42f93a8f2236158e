"""Load a validated catalogue into the database, in one transaction.

Validation happens first, entirely outside the database (:func:`schema.load_catalogue`): bad content
never reaches a table. The write replaces the whole catalogue atomically, so running it twice gives the
same result and a failure leaves the previous content as it was.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from . import models as m
from .schema import Catalogue, load_catalogue, search_names, validate_documents


def load(root: Path) -> tuple[Catalogue, bool]:
    """Validate and load the content under ``root``. Returns the catalogue and whether it changed."""
    return _load(load_catalogue(root))


def load_documents(documents: dict[str, bytes]) -> tuple[Catalogue, bool]:
    """Validate and load a complete set of content documents ({"national/x.yaml": bytes, …})."""
    return _load(validate_documents(documents))


def _load(catalogue: Catalogue) -> tuple[Catalogue, bool]:
    latest = m.ContentVersion.objects.order_by("-loaded_at", "-id").first()
    with transaction.atomic():
        _replace(catalogue)
        changed = latest is None or latest.version != catalogue.version
        if changed:
            m.ContentVersion.objects.create(version=catalogue.version, counts=counts(catalogue))
    return catalogue, changed


def counts(catalogue: Catalogue) -> dict:
    n = catalogue.national
    return {
        "forms": len(n.forms),
        "signals": len(n.signals),
        "tips": len(n.tips),
        "steps": len(n.steps),
        "contacts": len(n.contacts) + sum(len(r.contacts) for r in catalogue.regions),
        "regions": len(catalogue.regions),
        "municipalities": len(catalogue.municipalities.municipalities) if catalogue.municipalities else 0,
        "organisations": len(n.organisations) + sum(len(r.organisations) for r in catalogue.regions),
        "rights": len(n.rights),
        "phases": len(n.phases),
        "victim_rights_languages": len(n.victim_rights),
    }


def _sources(items) -> list[dict]:
    return [s.model_dump(exclude_none=True) for s in items]


def _hours(hours, standard: list[str]) -> dict | None:
    if hours is None:
        return None
    data = hours.model_dump(exclude_none=True)
    if data.get("holidays") == "standaard":
        data["holidays"] = list(standard)
    return data


def _contact(c, region, order: int, standard: list[str]) -> m.Contact:
    return m.Contact(
        slug=c.slug,
        region=region,
        order=order,
        name=c.name,
        role_nl=c.role.nl,
        role_en=c.role.en,
        description_nl=c.description.nl if c.description else "",
        description_en=c.description.en if c.description else "",
        phone=c.phone or "",
        email=c.email or "",
        url=c.url or "",
        categories=list(c.categories),
        hours=_hours(c.hours, standard),
        verified=c.verified,
        last_checked=c.last_checked,
        sources=_sources(c.sources),
    )


def _section(s, region, order: int) -> m.Section:
    return m.Section(
        page=s.page,
        slug=s.slug,
        region=region,
        order=order,
        title_nl=s.title.nl,
        title_en=s.title.en,
        body_nl=s.body.nl if s.body else "",
        body_en=s.body.en if s.body else "",
        items=[i.model_dump() for i in s.items],
        contact_slugs=list(s.contacts),
        sources=_sources(s.sources),
    )


def _organisation(o, region, order: int) -> m.Organisation:
    return m.Organisation(
        slug=o.slug, region=region, order=order, name=o.name, types=list(o.types), serves=list(o.serves),
        description_nl=o.description.nl, description_en=o.description.en, contact_slugs=list(o.contacts),
        url=o.url or "", verified=o.verified, last_checked=o.last_checked, sources=_sources(o.sources),
    )


def _when(when) -> dict:
    return when.model_dump(exclude_defaults=True)


def _refs(refs) -> list[dict]:
    return [{"slug": r.slug, "when": _when(r.when)} for r in refs]


def _replace_wegwijzer(catalogue: Catalogue, regions: dict[str, m.Region]) -> None:
    n = catalogue.national
    organisations = [_organisation(o, None, i) for i, o in enumerate(n.organisations)]
    for region_data in catalogue.regions:
        base = len(organisations)
        organisations += [_organisation(o, regions[region_data.slug], base + i)
                          for i, o in enumerate(region_data.organisations)]
    m.Organisation.objects.bulk_create(organisations)
    m.Right.objects.bulk_create(
        m.Right(slug=r.slug, order=i, kind=r.kind, title_nl=r.title.nl, title_en=r.title.en, text_nl=r.text.nl,
                text_en=r.text.en, conditions=_when(r.when), verified=r.verified, last_checked=r.last_checked,
                sources=_sources(r.sources))
        for i, r in enumerate(n.rights)
    )
    order = 0
    for i, p in enumerate(n.phases):
        phase = m.Phase.objects.create(slug=p.slug, order=i, name_nl=p.name.nl, name_en=p.name.en,
                                       summary_nl=p.summary.nl, summary_en=p.summary.en, sources=_sources(p.sources))
        steps = []
        for s in p.steps:
            steps.append(m.PhaseStep(
                phase=phase, slug=s.slug, order=order, title_nl=s.title.nl, title_en=s.title.en,
                for_person_nl=s.for_person.nl, for_person_en=s.for_person.en, conditions=_when(s.when),
                shelter=s.shelter, rights=_refs(s.rights), organisations=_refs(s.organisations),
                sources=_sources(s.sources)))
            order += 1
        m.PhaseStep.objects.bulk_create(steps)
    m.FirstContact.objects.bulk_create(
        m.FirstContact(order=i, organisation_slug=f.organisation, conditions=_when(f.when), reason_nl=f.reason.nl,
                       reason_en=f.reason.en)
        for i, f in enumerate(n.first_contacts)
    )
    m.VictimRightsPage.objects.bulk_create(
        m.VictimRightsPage(lang=v.lang, order=i, reviewed=v.reviewed, last_checked=v.last_checked,
                           data=v.model_dump(by_alias=True, exclude={"sources"}))
        for i, v in enumerate(n.victim_rights)
    )


def _replace(catalogue: Catalogue) -> None:
    n = catalogue.national
    for model in (m.Municipality, m.MunicipalityDataset,
                  m.Afweging, m.VictimRightsPage, m.FirstContact, m.PhaseStep, m.Phase, m.Right, m.Organisation,
                  m.StepContact, m.Section, m.Contact, m.Step, m.Tip, m.Signal, m.Theme, m.Form, m.Region,
                  m.Document):
        model.objects.all().delete()

    m.Document.objects.bulk_create(
        m.Document(key=d.id, title=d.title, publisher=d.publisher or "", url=d.url or "", note=d.note or "")
        for d in n.documents
    )
    forms = {
        f.slug: m.Form(slug=f.slug, order=i, name_nl=f.name.nl, name_en=f.name.en, summary_nl=f.summary.nl,
                       summary_en=f.summary.en, description_nl=f.description.nl,
                       description_en=f.description.en, sources=_sources(f.sources))
        for i, f in enumerate(n.forms)
    }
    m.Form.objects.bulk_create(forms.values())
    themes = {t.slug: m.Theme(slug=t.slug, order=i, name_nl=t.name.nl, name_en=t.name.en)
              for i, t in enumerate(n.themes)}
    m.Theme.objects.bulk_create(themes.values())

    signals = [
        m.Signal(key=s.id, order=i, text_nl=s.text.nl, text_en=s.text.en, theme=themes[s.theme],
                 element=s.element, cues=list(s.cues), sources=_sources(s.sources))
        for i, s in enumerate(n.signals)
    ]
    m.Signal.objects.bulk_create(signals)
    m.Signal.forms.through.objects.bulk_create(
        m.Signal.forms.through(signal=row, form=forms[slug])
        for row, s in zip(signals, n.signals, strict=True) for slug in dict.fromkeys(s.forms)
    )
    tips = [
        m.Tip(key=t.id, order=i, kind=t.kind, text_nl=t.text.nl, text_en=t.text.en, sources=_sources(t.sources))
        for i, t in enumerate(n.tips)
    ]
    m.Tip.objects.bulk_create(tips)
    m.Tip.forms.through.objects.bulk_create(
        m.Tip.forms.through(tip=row, form=forms[slug])
        for row, t in zip(tips, n.tips, strict=True) for slug in dict.fromkeys(t.forms)
    )

    steps = {
        s.number: m.Step(number=s.number, title_nl=s.title.nl, title_en=s.title.en, do_nl=s.do.nl, do_en=s.do.en,
                         record_nl=s.record.nl, record_en=s.record.en, sources=_sources(s.sources))
        for s in sorted(n.steps, key=lambda s: s.number)
    }
    m.Step.objects.bulk_create(steps.values())
    step_contacts = [
        m.StepContact(step=steps[s.number], region=None, contact_slug=slug, order=i)
        for s in n.steps for i, slug in enumerate(s.contacts)
    ]
    standard = list(n.standard_holidays)
    contacts = [_contact(c, None, i, standard) for i, c in enumerate(n.contacts)]
    sections = [_section(s, None, i) for i, s in enumerate(n.sections)]

    regions = {}
    for region_data in catalogue.regions:
        note = region_data.municipalities_note
        region = regions[region_data.slug] = m.Region.objects.create(
            slug=region_data.slug, name=region_data.name, description_nl=region_data.description.nl,
            description_en=region_data.description.en, level=region_data.level, code=region_data.code or "",
            municipalities_verified=region_data.municipalities_verified,
            municipality_codes=list(region_data.municipalities),
            municipalities_note_nl=note.nl if note else "", municipalities_note_en=note.en if note else "")
        base = len(contacts)
        contacts += [_contact(c, region, base + i, standard) for i, c in enumerate(region_data.contacts)]
        base = len(sections)
        sections += [_section(s, region, base + i) for i, s in enumerate(region_data.sections)]
        for number, slugs in region_data.step_contacts.items():
            step_contacts += [
                m.StepContact(step=steps[number], region=region, contact_slug=slug, order=100 + i)
                for i, slug in enumerate(slugs)
            ]
    m.Contact.objects.bulk_create(contacts)
    m.Section.objects.bulk_create(sections)
    m.StepContact.objects.bulk_create(step_contacts)
    m.Afweging.objects.bulk_create(
        m.Afweging(number=a.number, question_nl=a.question.nl, question_en=a.question.en,
                   explanation_nl=a.explanation.nl, explanation_en=a.explanation.en, sources=_sources(a.sources))
        for a in n.afwegingen
    )
    _replace_wegwijzer(catalogue, regions)
    _replace_municipalities(catalogue, regions)


def _replace_municipalities(catalogue: Catalogue, regions: dict[str, m.Region]) -> None:
    for region_data in catalogue.regions:
        if region_data.parent:
            regions[region_data.slug].parent = regions[region_data.parent]
            regions[region_data.slug].save(update_fields=["parent"])
    data = catalogue.municipalities
    if data is None:
        return
    src = data.source
    m.MunicipalityDataset.objects.create(
        dataset=src.dataset, repository=src.repository, path=src.path, licence=src.licence, year=src.year,
        read_on=src.read_on,
        changes=[c.model_dump(mode="json", by_alias=True, exclude_none=True) for c in data.changes])
    region_of = catalogue.most_specific_region()
    m.Municipality.objects.bulk_create(
        m.Municipality(code=mu.code, name=mu.name, safety_region=mu.safety_region,
                       region=regions.get(region_of.get(mu.code, "")), search_names=search_names(mu),
                       former=[f.model_dump() for f in mu.former])
        for mu in data.municipalities
    )
