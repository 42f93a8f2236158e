"""The schema of the content catalogue (``content/``), in plain pydantic.

No Django here: the schema can be checked on its own (``python -m wegwijzer.catalogue.schema content``)
and the loader turns a valid :class:`Catalogue` into database rows. Every error names the file, the
place in it (a path such as ``signals[3].forms[0]`` and the line) and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from wegwijzer.domain.hours import HOLIDAY_KEYS, WEEKDAY_KEYS, parse_shift

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGES = ("nl", "en")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in Dutch and English. Both are required: the English UI is complete."""

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @field_validator("nl", "en")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("tekst mag niet leeg zijn / text must not be blank")
        return value.strip()


class SourceRef(Strict):
    doc: str
    quote: str | None = None  # the seed's own wording, kept verbatim for provenance and the seed test


class Document(Strict):
    id: str = Field(pattern=SLUG)
    title: str
    publisher: str | None = None
    url: str | None = None
    note: str | None = None


class Form(Strict):
    slug: str = Field(pattern=SLUG)
    name: Text
    summary: Text
    description: Text
    sources: list[SourceRef] = Field(min_length=1)


class Theme(Strict):
    slug: str = Field(pattern=SLUG)
    name: Text


class Signal(Strict):
    id: str = Field(pattern=SLUG)
    text: Text
    forms: list[str] = Field(min_length=1)
    theme: str
    element: Literal["act", "means", "purpose"]
    # What an observed signal suggests about the person, for the signaleringshulp's routes:
    # a foreign national (B8/3 bedenktijd, COSM) or a minor (route for minors).
    cues: list[Literal["buitenlandse-nationaliteit", "minderjarig"]] = []
    sources: list[SourceRef] = Field(min_length=1)


class Tip(Strict):
    id: str = Field(pattern=SLUG)
    kind: Literal["do", "dont"]
    text: Text
    forms: list[str] = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)


class Step(Strict):
    number: int = Field(ge=1, le=5)
    title: Text
    do: Text
    record: Text
    contacts: list[str] = []
    sources: list[SourceRef] = Field(min_length=1)


class Hours(Strict):
    """Opening hours. ``always`` means 24/7; otherwise weekly shifts plus a holiday schedule."""

    always: bool = False
    weekly: dict[str, list[str]] = {}
    holiday: list[str] | None = None  # shifts on a counted feestdag; None = the normal weekday schedule
    holidays: list[str] | Literal["standaard"] = "standaard"
    note: Text | None = None

    @field_validator("weekly")
    @classmethod
    def check_weekly(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for day, shifts in value.items():
            if day not in WEEKDAY_KEYS:
                raise ValueError(f"onbekende dag {day!r}; gebruik {', '.join(WEEKDAY_KEYS)}")
            for shift in shifts:
                parse_shift(shift)
        return value

    @field_validator("holiday")
    @classmethod
    def check_holiday(cls, value: list[str] | None) -> list[str] | None:
        for shift in value or []:
            parse_shift(shift)
        return value

    @field_validator("holidays")
    @classmethod
    def check_holidays(cls, value):
        if isinstance(value, list):
            unknown = [key for key in value if key not in HOLIDAY_KEYS]
            if unknown:
                raise ValueError(
                    f"onbekende feestdag(en) {', '.join(unknown)}; kies uit {', '.join(HOLIDAY_KEYS)}"
                )
        return value

    @model_validator(mode="after")
    def always_or_weekly(self):
        if self.always and (self.weekly or self.holiday):
            raise ValueError("'always: true' gaat niet samen met 'weekly' of 'holiday'")
        if not self.always and not self.weekly:
            raise ValueError("geef 'always: true' of een 'weekly' rooster")
        return self


CONTACT_CATEGORIES = (
    "advies",  # advice and consultation
    "melden",  # reporting (Veilig Thuis, police)
    "noodhulp",  # emergency
    "chat",  # anonymous chat
    "zorg",  # care and support
    "opvang",  # shelter
    "uitstappen",  # exit programmes
    "rechten",  # rights, legal aid
    "informatie",  # information
)


class Contact(Strict):
    slug: str = Field(pattern=SLUG)
    name: str
    role: Text
    description: Text | None = None
    phone: str | None = Field(default=None, pattern=r"^[0-9 +\-]{3,20}$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    url: str | None = Field(default=None, pattern=r"^https://")
    categories: list[Literal[CONTACT_CATEGORIES]] = []  # type: ignore[valid-type]
    hours: Hours | None = None
    verified: bool = True  # false for facts that domain.md marks [R]: shown as "niet bevestigd"
    last_checked: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    sources: list[SourceRef] = Field(min_length=1)

    @model_validator(mode="after")
    def reachable(self):
        if not (self.phone or self.email or self.url):
            raise ValueError("een contact heeft minstens een telefoonnummer, e-mailadres of url")
        return self


class Section(Strict):
    """A block of text on one of the information pages, with optional list items and contacts."""

    page: Literal["kwetsbare-groepen", "hulp", "sekswerkers", "signaleringshulp", "regio"]
    slug: str = Field(pattern=SLUG)
    title: Text
    body: Text | None = None
    items: list[Text] = []
    contacts: list[str] = []
    sources: list[SourceRef] = Field(min_length=1)


# --------------------------------------------------------------------------------------------------
# The wegwijzer: phases of support, rights and regulations, organisations (see domain/route.py)

ORGANISATION_TYPES = (
    "zorgcoordinatie",
    "melden",
    "opvang",
    "medische-en-psychische-zorg",
    "juridische-hulp",
    "slachtofferhulp",
    "uitstapprogramma",
    "politie-inspectie",
)
SERVES = ("minderjarigen", "vrouwen", "mannen", "buitenlanders", "sekswerkers")
DATE = r"^\d{4}-\d{2}-\d{2}$"


class When(Strict):
    """Conditions under which an item applies; a factor left out applies whatever the answer."""

    age_group: list[Literal["minderjarig", "meerderjarig"]] = []
    nationality: list[Literal["nl", "eu", "non-eu"]] = []
    legal_residence: list[Literal["ja", "nee"]] = []
    form: list[str] = []  # form slugs, checked against forms
    aangifte: bool | None = None
    shelter_needed: bool | None = None


class Ref(Strict):
    """A reference with conditions of its own; a plain slug is a reference without conditions."""

    slug: str = Field(pattern=SLUG)
    when: When = When()


def _refs(value):
    return [{"slug": v} if isinstance(v, str) else v for v in value or []]


class Organisation(Strict):
    slug: str = Field(pattern=SLUG)
    name: str
    types: list[Literal[ORGANISATION_TYPES]] = Field(min_length=1)  # type: ignore[valid-type]
    serves: list[Literal[SERVES]] = []  # type: ignore[valid-type]  # empty: everyone
    description: Text
    contacts: list[str] = []  # contact slugs: phone, e-mail and opening hours come from there
    url: str | None = Field(default=None, pattern=r"^https://")
    verified: bool = True
    last_checked: str | None = Field(default=None, pattern=DATE)
    sources: list[SourceRef] = Field(min_length=1)

    @model_validator(mode="after")
    def reachable(self):
        if not (self.contacts or self.url):
            raise ValueError("een organisatie heeft minstens een contact of een url")
        return self


class Right(Strict):
    """A right or regulation. Terms and numbers change: every right carries its last-checked date."""

    slug: str = Field(pattern=SLUG)
    kind: Literal["recht", "regeling"] = "recht"
    title: Text
    text: Text
    when: When = When()
    verified: bool = True
    last_checked: str = Field(pattern=DATE)
    sources: list[SourceRef] = Field(min_length=1)


class PhaseStep(Strict):
    slug: str = Field(pattern=SLUG)
    title: Text
    for_person: Text  # what this step means for the person, in plain language
    when: When = When()
    shelter: bool = False  # a step about shelter: comes first when shelter is needed now
    rights: list[Ref] = []
    organisations: list[Ref] = []
    sources: list[SourceRef] = Field(min_length=1)

    @field_validator("rights", "organisations", mode="before")
    @classmethod
    def plain_slugs(cls, value):
        return _refs(value)


class Phase(Strict):
    slug: str = Field(pattern=SLUG)
    name: Text
    summary: Text
    steps: list[PhaseStep] = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)


class FirstContact(Strict):
    """Whom to call first in a situation, and why."""

    organisation: str = Field(pattern=SLUG)
    when: When = When()
    reason: Text


class HoursWords(Strict):
    days: list[str] = Field(min_length=7, max_length=7)  # short names, Monday first
    and_: str = Field(alias="and")
    to: str
    holidays: str
    closed: str
    always: str
    none: str


class VictimSection(Strict):
    heading: str = Field(min_length=1)
    text: str = Field(min_length=1)


class QuickExitPage(Strict):
    """What the quick exit does and does not do, and how to browse privately, in one language."""

    title: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    sections: list[VictimSection] = Field(min_length=1)


class VictimRights(Strict):
    """The "Jouw rechten" page for victims in one language. ``reviewed: false`` shows, on the page, that no
    native speaker has checked this translation yet."""

    lang: str = Field(pattern=r"^[a-z]{2}$")
    language_name: str  # in its own language
    reviewed: bool
    review_note: str  # shown when not reviewed, in this language
    title: str
    intro: str
    sections: list[VictimSection] = Field(min_length=1)
    danger: str
    call_112: str
    quick_exit: str
    quick_exit_hint: str
    chat_heading: str
    chat_text: str
    chat_hours: str
    dutch_time: str
    other_languages: str
    skip_link: str = Field(min_length=1)  # the page chrome in this language, so no part is read in Dutch
    quick_exit_about: str = Field(min_length=1)
    footer_accessibility: str = Field(min_length=1)
    footer_privacy: str = Field(min_length=1)
    quick_exit_page: QuickExitPage
    hours_words: HoursWords
    last_checked: str = Field(pattern=DATE)
    sources: list[SourceRef] = Field(min_length=1)


class Afweging(Strict):
    number: int = Field(ge=1, le=5)
    question: Text
    explanation: Text
    sources: list[SourceRef] = Field(min_length=1)


class National(Strict):
    standard_holidays: list[Literal[HOLIDAY_KEYS]] = []  # type: ignore[valid-type]  # "standaard" set
    documents: list[Document] = []
    forms: list[Form] = []
    themes: list[Theme] = []
    signals: list[Signal] = []
    tips: list[Tip] = []
    steps: list[Step] = []
    contacts: list[Contact] = []
    sections: list[Section] = []
    organisations: list[Organisation] = []
    rights: list[Right] = []
    phases: list[Phase] = []
    first_contacts: list[FirstContact] = []
    victim_rights: list[VictimRights] = []
    afwegingen: list[Afweging] = []


# taken by other URLs
RESERVED_REGION_SLUGS = {"regio", "en", "nl", "api", "static", "sitemap-xml", "admin", "jouw-rechten", "dossier",
                         "account", "toegankelijkheid", "privacy", "regios", "gemeente"}
GM_CODE = r"^GM\d{4}$"
VR_CODE = r"^VR\d{2}$"
# A region's level: the 25 veiligheidsregio's cover the country; a deelregio is a smaller area with its own
# approach (Hart van Brabant inside Midden- en West-Brabant); "landelijk" is the choice without a region.
REGION_LEVELS = ("veiligheidsregio", "deelregio", "landelijk")
LEVEL_RANK = {"landelijk": 0, "veiligheidsregio": 1, "deelregio": 2}  # higher is more specific


class Region(Strict):
    slug: str = Field(pattern=SLUG)
    name: str
    description: Text
    level: Literal["veiligheidsregio", "deelregio", "landelijk"] = "veiligheidsregio"
    code: str | None = Field(default=None, pattern=VR_CODE)  # the CBS code of a veiligheidsregio
    parent: str | None = Field(default=None, pattern=SLUG)  # the larger region a deelregio lies in
    municipalities: list[str] = []  # CBS gemeentecodes (GMxxxx) of the municipalities it covers
    municipalities_verified: bool = True  # false: the list is not confirmed; the region page says so
    municipalities_note: Text | None = None  # shown with the list, e.g. why it is not confirmed
    contacts: list[Contact] = []  # a slug that exists nationally overrides the national contact here
    step_contacts: dict[int, list[str]] = {}  # contacts added to a step in this region
    sections: list[Section] = []  # a slug that exists nationally overrides that section here
    organisations: list[Organisation] = []  # a slug that exists nationally overrides it here
    sources: list[SourceRef] = Field(min_length=1)

    @field_validator("slug")
    @classmethod
    def not_reserved(cls, value: str) -> str:
        if value in RESERVED_REGION_SLUGS:
            raise ValueError(f"de slug {value!r} is gereserveerd voor een ander deel van de site")
        return value


class MunicipalityRef(Strict):
    code: str = Field(pattern=GM_CODE)
    name: str = Field(min_length=1)


class MunicipalityChange(Strict):
    """A merger after the source's year: ``from`` municipalities became part of ``into``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    date: dt.date
    into: MunicipalityRef
    from_: list[MunicipalityRef] = Field(alias="from", min_length=1)
    source: str = Field(min_length=1)
    note: str | None = None


class SafetyRegion(Strict):
    code: str = Field(pattern=VR_CODE)
    name: str = Field(min_length=1)


class Municipality(Strict):
    code: str = Field(pattern=GM_CODE)
    name: str = Field(min_length=1)
    safety_region: str = Field(pattern=VR_CODE)
    former: list[MunicipalityRef] = []  # merged into this one: their names still find it
    aliases: list[str] = []  # well-known other names (Den Bosch)


class MunicipalitySource(Strict):
    dataset: str
    repository: str
    path: str
    licence: str
    year: int
    read_on: dt.date


class Municipalities(Strict):
    """content/municipalities.yaml: every municipality with its CBS code and veiligheidsregio, with where the
    list comes from and the mergers applied since."""

    source: MunicipalitySource
    changes: list[MunicipalityChange] = []
    unconfirmed_changes: list[MunicipalityChange] = []
    safety_regions: list[SafetyRegion] = Field(min_length=1)
    municipalities: list[Municipality] = Field(min_length=1)


# --------------------------------------------------------------------------------------------------
# Reading and validating


@dataclass(frozen=True)
class ContentError:
    file: str
    place: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}"
        if self.line:
            where += f":{self.line}"
        if self.place:
            where += f" [{self.place}]"
        return f"{where}: {self.message}"


class ContentInvalid(Exception):
    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Catalogue:
    national: National
    regions: list[Region]
    version: str  # a hash of every content file: changes whenever the content changes
    municipalities: Municipalities | None = None
    warnings: tuple[str, ...] = ()  # reported, not refused (for example municipalities in no region)

    def most_specific_region(self) -> dict[str, str]:
        """municipality code -> the slug of its most specific region."""
        best: dict[str, tuple[int, str]] = {}
        for region in self.regions:
            rank = LEVEL_RANK[region.level]
            for code in region.municipalities:
                if code not in best or rank > best[code][0]:
                    best[code] = (rank, region.slug)
        return {code: slug for code, (_rank, slug) in best.items()}


def _place(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic location through a composed YAML node tree; return the 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if str(k.value) == str(part)), None)
            key = next((k for k, v in node.value if str(k.value) == str(part)), None)
            if match is None:
                break
            node, line = match, (key.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _read_yaml(raw: bytes, rel: str, errors: list[ContentError]) -> tuple[Any, yaml.Node | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(ContentError(rel, "", None, f"geen geldige UTF-8: {exc}"))
        return None, None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        errors.append(
            ContentError(rel, "", mark.line + 1 if mark else None, f"geen geldige YAML: {exc}".split("\n")[0])
        )
        return None, None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        errors.append(ContentError(rel, "", 1, "het bestand moet een mapping (sleutel: waarde) bevatten"))
        return None, None
    return data, node


def _validate(model, data, rel, node, errors, prefix: tuple = ()):
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(data)
        return TypeAdapter(model).validate_python(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = prefix + tuple(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            errors.append(ContentError(rel, _place(loc), _line_of(node, loc), msg))
        return None


CONTENT_DOCUMENT = r"^(?:national/[a-z0-9_-]+\.yaml|regions/[a-z0-9-]+\.yaml|municipalities\.yaml)$"


def read_content_dir(root: Path) -> dict[str, bytes]:
    """Every content document under ``root``, by its path relative to ``root`` ("national/contacts.yaml")."""
    root = Path(root)
    paths = sorted((root / "national").glob("*.yaml")) + sorted((root / "regions").glob("*.yaml"))
    if (root / "municipalities.yaml").exists():
        paths.append(root / "municipalities.yaml")
    return {str(p.relative_to(root)): p.read_bytes() for p in paths}


def load_catalogue(root: Path) -> Catalogue:
    """Read and validate every content file under ``root``. Raise :class:`ContentInvalid` on any error."""
    root = Path(root)
    return validate_documents(read_content_dir(root), label=root.name)


def validate_documents(documents: dict[str, bytes], label: str = "content") -> Catalogue:
    """Validate a complete set of content documents ({"national/x.yaml": bytes, ...}), from files or from
    the editors' published revisions. Errors name ``<label>/<path>``, the line and the place."""
    errors: list[ContentError] = []
    digest = hashlib.sha256()
    national_files = sorted(k for k in documents if k.startswith("national/"))
    region_files = sorted(k for k in documents if k.startswith("regions/"))
    if not national_files:
        raise ContentInvalid([ContentError(f"{label}/national", "", None, "geen inhoudsbestanden gevonden")])

    # National content may be spread over several files; each top-level list is merged.
    merged: dict[str, list] = {}
    origin: dict[tuple[str, int], tuple[str, yaml.Node | None, int]] = {}  # (key, merged idx) -> file
    for path in national_files:
        rel = f"{label}/{path}"
        digest.update(path.split("/")[-1].encode() + documents[path])
        data, node = _read_yaml(documents[path], rel, errors)
        if data is None:
            continue
        unknown = [k for k in data if k not in National.model_fields]
        for key in unknown:
            errors.append(
                ContentError(rel, key, _line_of(node, (key,)), f"onbekende sleutel; verwacht een van "
                             f"{', '.join(National.model_fields)}")
            )
        for key, value in data.items():
            if key in unknown:
                continue
            if not isinstance(value, list):
                errors.append(ContentError(rel, key, _line_of(node, (key,)), "moet een lijst zijn"))
                continue
            for i, item in enumerate(value):
                item_model = National.model_fields[key].annotation.__args__[0]
                if _validate(item_model, item, rel, node, errors, (key, i)) is None:
                    continue
                origin[(key, len(merged.get(key, [])))] = (rel, node, i)
                merged.setdefault(key, []).append(item)
    national = National.model_validate(merged) if not errors else None

    regions: list[tuple[Region, str, yaml.Node | None]] = []
    for path in region_files:
        rel = f"{label}/{path}"
        digest.update(path.split("/")[-1].encode() + documents[path])
        data, node = _read_yaml(documents[path], rel, errors)
        if data is None:
            continue
        region = _validate(Region, data, rel, node, errors)
        if region is not None:
            if region.slug != path.split("/")[-1].removesuffix(".yaml"):
                errors.append(ContentError(rel, "slug", _line_of(node, ("slug",)),
                                           f"slug {region.slug!r} moet gelijk zijn aan de bestandsnaam"))
            regions.append((region, rel, node))

    municipalities = None
    rel = f"{label}/municipalities.yaml"
    if "municipalities.yaml" not in documents:
        errors.append(ContentError(rel, "", None, "het bestand met alle gemeenten ontbreekt"))
    else:
        digest.update(b"municipalities.yaml" + documents["municipalities.yaml"])
        data, node = _read_yaml(documents["municipalities.yaml"], rel, errors)
        if data is not None:
            municipalities = _validate(Municipalities, data, rel, node, errors)
            if municipalities is not None:
                _check_municipalities(municipalities, rel, node, errors)

    warnings: list[str] = []
    if national is not None:
        _check_references(national, regions, origin, errors)
    if municipalities is not None:
        warnings = _check_regions(regions, municipalities, errors)
    if errors:
        raise ContentInvalid(errors)
    return Catalogue(national=national, regions=[r for r, _, _ in regions], version=digest.hexdigest()[:12],
                     municipalities=municipalities, warnings=tuple(warnings))


def search_names(m: Municipality) -> list[str]:
    """Every name a municipality is found by: its own, its aliases, the names of those merged into it, and
    its name without a CBS suffix such as "(L.)" (Beek (L.) -> Beek)."""
    names = [m.name, *m.aliases, *(f.name for f in m.former)]
    short = m.name.split(" (")[0]
    return list(dict.fromkeys(names + ([short] if short != m.name else [])))


def _check_municipalities(data: Municipalities, rel: str, node, errors: list[ContentError]) -> None:
    def err(loc: tuple, message: str) -> None:
        errors.append(ContentError(rel, _place(loc), _line_of(node, loc), message))

    regions = {r.code for r in data.safety_regions}
    codes: dict[str, int] = {}
    for i, m in enumerate(data.municipalities):
        if m.code in codes:
            err(("municipalities", i, "code"), f"gemeentecode {m.code} komt dubbel voor")
        codes[m.code] = i
        if m.safety_region not in regions:
            err(("municipalities", i, "safety_region"), f"onbekende veiligheidsregio {m.safety_region}")
    merged = {f.code for change in data.changes for f in change.from_}
    for i, m in enumerate(data.municipalities):
        if m.code in merged:
            err(("municipalities", i, "code"), f"{m.name} ({m.code}) is opgegaan in een andere gemeente "
                                               "(zie changes) en kan niet meer voorkomen")
    owner: dict[str, str] = {}
    for i, m in enumerate(data.municipalities):  # a short name without "(L.)" may be shared: Bergen
        for name in [m.name, *m.aliases, *(f.name for f in m.former)]:
            key = name.casefold()
            if key in owner and owner[key] != m.code:
                err(("municipalities", i), f"de naam {name!r} hoort al bij {owner[key]}: niet eenduidig")
            owner.setdefault(key, m.code)
    unused = regions - {m.safety_region for m in data.municipalities}
    if unused:
        err(("safety_regions",), f"veiligheidsregio zonder gemeenten: {', '.join(sorted(unused))}")


def _check_regions(regions, data: Municipalities, errors: list[ContentError]) -> list[str]:
    """Which municipalities each region covers. Refused: an unknown code, a municipality in two regions of the
    same level, a veiligheidsregio listing a municipality of another veiligheidsregio, a deelregio without
    a veiligheidsregio as parent. Reported: municipalities in no region, a deelregio reaching outside its
    parent."""
    known = {m.code: m for m in data.municipalities}
    by_slug = {r.slug: r for r, _, _ in regions}
    warnings: list[str] = []
    claimed: dict[tuple[str, str], str] = {}  # (level, code) -> region slug
    for region, rel, node in regions:
        def rerr(loc: tuple, message: str, rel=rel, node=node) -> None:
            errors.append(ContentError(rel, _place(loc), _line_of(node, loc), message))

        if region.level == "landelijk":
            if region.municipalities or region.code or region.parent:
                rerr(("level",), "de landelijke keuze heeft geen gemeenten, code of bovenliggende regio")
            continue
        if not region.municipalities:
            rerr(("municipalities",), "een regio bestaat uit gemeenten: noem ze met hun CBS-code (GMxxxx)")
        if region.level == "veiligheidsregio":
            if region.code is None:
                rerr(("code",), "een veiligheidsregio heeft haar CBS-code (VR01 t/m VR25)")
            if region.parent is not None:
                rerr(("parent",), "een veiligheidsregio ligt niet in een andere regio")
        if region.level == "deelregio":
            parent = by_slug.get(region.parent or "")
            if parent is None or parent.level != "veiligheidsregio":
                rerr(("parent",), f"onbekende bovenliggende veiligheidsregio {region.parent!r}")
                parent = None
        for j, code in enumerate(region.municipalities):
            m = known.get(code)
            if m is None:
                rerr(("municipalities", j), f"onbekende gemeentecode {code} (zie content/municipalities.yaml)")
                continue
            if region.municipalities.index(code) != j:
                rerr(("municipalities", j), f"{m.name} ({code}) staat dubbel in deze regio")
                continue
            other = claimed.get((region.level, code))
            if other is not None:
                rerr(("municipalities", j), f"{m.name} ({code}) hoort al bij {other}, een regio van hetzelfde "
                                            f"niveau ({region.level})")
            claimed[(region.level, code)] = region.slug
            if region.level == "veiligheidsregio" and region.code and m.safety_region != region.code:
                rerr(("municipalities", j), f"{m.name} ({code}) ligt in {m.safety_region}, niet in {region.code}")
            if region.level == "deelregio" and parent is not None and parent.code and \
                    m.safety_region != parent.code:
                warnings.append(f"{rel}: {m.name} ({code}) ligt in veiligheidsregio {m.safety_region}, niet in "
                                f"{parent.name}; de deelregio {region.name} gaat voor")
    covered = {code for (_level, code) in claimed}
    missing = [m for m in data.municipalities if m.code not in covered]
    if missing:
        names = ", ".join(f"{m.name} ({m.code})" for m in missing[:20])
        warnings.append(f"{len(missing)} gemeenten horen bij geen enkele regio: {names}"
                        + (" …" if len(missing) > 20 else ""))
    return warnings


def _check_references(national: National, regions, origin, errors: list[ContentError]) -> None:
    def err(key: str, idx: int, sub: tuple, message: str) -> None:
        rel, node, i = origin[(key, idx)]
        loc = (key, i) + sub
        errors.append(ContentError(rel, _place(loc), _line_of(node, loc), message))

    def unique(key: str, attr: str) -> set:
        seen: set = set()
        for idx, item in enumerate(getattr(national, key)):
            value = getattr(item, attr)
            if value in seen:
                err(key, idx, (attr,), f"{attr} {value!r} komt dubbel voor")
            seen.add(value)
        return seen

    docs = unique("documents", "id")
    forms = unique("forms", "slug")
    themes = unique("themes", "slug")
    unique("signals", "id")
    unique("tips", "id")
    numbers = unique("steps", "number")
    afwegingen = unique("afwegingen", "number")
    if afwegingen and afwegingen != {1, 2, 3, 4, 5}:
        errors.append(ContentError("content/national", "afwegingen", None, "het afwegingskader heeft precies de "
                                   "afwegingen 1 t/m 5"))
    contacts = unique("contacts", "slug")
    section_keys: set = set()
    for idx, section in enumerate(national.sections):
        key = (section.page, section.slug)
        if key in section_keys:
            err("sections", idx, ("slug",), f"sectie {section.slug!r} komt dubbel voor op {section.page}")
        section_keys.add(key)
    if numbers and numbers != {1, 2, 3, 4, 5}:
        errors.append(ContentError("content/national", "steps", None, "de meldcode heeft precies de stappen 1 t/m 5"))

    def check_sources(key, idx, sources, sub=()):
        for j, src in enumerate(sources):
            if src.doc not in docs:
                err(key, idx, sub + ("sources", j, "doc"), f"onbekend brondocument {src.doc!r}")

    for key in ("forms", "signals", "tips", "steps", "contacts", "sections", "afwegingen"):
        for idx, item in enumerate(getattr(national, key)):
            check_sources(key, idx, item.sources)
    for key in ("signals", "tips"):
        for idx, item in enumerate(getattr(national, key)):
            for j, slug in enumerate(item.forms):
                if slug not in forms:
                    err(key, idx, ("forms", j), f"onbekende vorm {slug!r}; kies uit {', '.join(sorted(forms))}")
    for idx, signal in enumerate(national.signals):
        if signal.theme not in themes:
            err("signals", idx, ("theme",), f"onbekend thema {signal.theme!r}; kies uit {', '.join(sorted(themes))}")
    for key in ("steps", "sections"):
        for idx, item in enumerate(getattr(national, key)):
            for j, slug in enumerate(item.contacts):
                if slug not in contacts:
                    err(key, idx, ("contacts", j), f"onbekend contact {slug!r}")

    _check_wegwijzer(national, regions, err, unique, errors, docs, forms, contacts)

    for region, rel, node in regions:
        def rerr(loc: tuple, message: str, rel=rel, node=node) -> None:
            errors.append(ContentError(rel, _place(loc), _line_of(node, loc), message))

        own = [c.slug for c in region.contacts]
        for j, slug in enumerate(own):
            if own.count(slug) > 1 and own.index(slug) != j:
                rerr(("contacts", j, "slug"), f"contact {slug!r} komt dubbel voor")
        known = contacts | set(own)
        for j, contact in enumerate(region.contacts):
            for k, src in enumerate(contact.sources):
                if src.doc not in docs:
                    rerr(("contacts", j, "sources", k, "doc"), f"onbekend brondocument {src.doc!r}")
        for number, slugs in region.step_contacts.items():
            if number not in {1, 2, 3, 4, 5}:
                rerr(("step_contacts", number), "stapnummer moet 1 t/m 5 zijn")
            for k, slug in enumerate(slugs):
                if slug not in known:
                    rerr(("step_contacts", number, k), f"onbekend contact {slug!r}")
        seen_sections: set = set()
        for j, section in enumerate(region.sections):
            if (section.page, section.slug) in seen_sections:
                rerr(("sections", j, "slug"), f"sectie {section.slug!r} komt dubbel voor op {section.page}")
            seen_sections.add((section.page, section.slug))
            for k, slug in enumerate(section.contacts):
                if slug not in known:
                    rerr(("sections", j, "contacts", k), f"onbekend contact {slug!r}")
            for k, src in enumerate(section.sources):
                if src.doc not in docs:
                    rerr(("sections", j, "sources", k, "doc"), f"onbekend brondocument {src.doc!r}")
        for k, src in enumerate(region.sources):
            if src.doc not in docs:
                rerr(("sources", k, "doc"), f"onbekend brondocument {src.doc!r}")


def _check_wegwijzer(national: National, regions, err, unique, errors, docs, forms, contacts) -> None:
    """References of the wegwijzer content: rights, organisations, forms, contacts and sources."""
    rights = unique("rights", "slug")
    organisations = unique("organisations", "slug")
    unique("phases", "slug")
    languages = unique("victim_rights", "lang")
    if national.victim_rights and "nl" not in languages:
        err("victim_rights", 0, ("lang",), "de pagina Jouw rechten heeft een Nederlandse versie nodig (lang: nl)")
    regional_orgs = {o.slug for region, _, _ in regions for o in region.organisations}
    known_orgs = organisations | regional_orgs

    def check_when(key, idx, sub, when: When):
        for j, slug in enumerate(when.form):
            if slug not in forms:
                err(key, idx, sub + ("when", "form", j),
                    f"onbekende vorm {slug!r}; kies uit {', '.join(sorted(forms))}")

    for key in ("organisations", "rights", "phases", "victim_rights"):
        for idx, item in enumerate(getattr(national, key)):
            for j, src in enumerate(item.sources):
                if src.doc not in docs:
                    err(key, idx, ("sources", j, "doc"), f"onbekend brondocument {src.doc!r}")
    for idx, org in enumerate(national.organisations):
        for j, slug in enumerate(org.contacts):
            if slug not in contacts:
                err("organisations", idx, ("contacts", j), f"onbekend contact {slug!r}")
    for idx, right in enumerate(national.rights):
        check_when("rights", idx, (), right.when)
    for idx, phase in enumerate(national.phases):
        seen: set = set()
        for s, step in enumerate(phase.steps):
            here = ("steps", s)
            if step.slug in seen:
                err("phases", idx, here + ("slug",), f"stap {step.slug!r} komt dubbel voor in deze fase")
            seen.add(step.slug)
            check_when("phases", idx, here, step.when)
            for j, src in enumerate(step.sources):
                if src.doc not in docs:
                    err("phases", idx, here + ("sources", j, "doc"), f"onbekend brondocument {src.doc!r}")
            for j, ref in enumerate(step.rights):
                check_when("phases", idx, here + ("rights", j), ref.when)
                if ref.slug not in rights:
                    err("phases", idx, here + ("rights", j), f"onbekend recht {ref.slug!r}")
            for j, ref in enumerate(step.organisations):
                check_when("phases", idx, here + ("organisations", j), ref.when)
                if ref.slug not in known_orgs:
                    err("phases", idx, here + ("organisations", j), f"onbekende organisatie {ref.slug!r}")
    for idx, rule in enumerate(national.first_contacts):
        check_when("first_contacts", idx, (), rule.when)
        if rule.organisation not in known_orgs:
            err("first_contacts", idx, ("organisation",), f"onbekende organisatie {rule.organisation!r}")

    for region, rel, node in regions:
        own_contacts = contacts | {c.slug for c in region.contacts}
        seen_orgs: set = set()
        for j, org in enumerate(region.organisations):
            def rerr(loc, message, rel=rel, node=node):
                errors.append(ContentError(rel, _place(loc), _line_of(node, loc), message))

            if org.slug in seen_orgs:
                rerr(("organisations", j, "slug"), f"organisatie {org.slug!r} komt dubbel voor")
            seen_orgs.add(org.slug)
            for k, slug in enumerate(org.contacts):
                if slug not in own_contacts:
                    rerr(("organisations", j, "contacts", k), f"onbekend contact {slug!r}")
            for k, src in enumerate(org.sources):
                if src.doc not in docs:
                    rerr(("organisations", j, "sources", k, "doc"), f"onbekend brondocument {src.doc!r}")


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else "content")
    try:
        catalogue = load_catalogue(root)
    except ContentInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return 1
    n = catalogue.national
    print(f"OK {catalogue.version}: {len(n.forms)} vormen, {len(n.signals)} signalen, {len(n.tips)} tips, "
          f"{len(n.contacts)} landelijke contacten, {len(catalogue.regions)} regio's")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
