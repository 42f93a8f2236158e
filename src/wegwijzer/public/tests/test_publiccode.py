"""publiccode.yml at the repository root follows the publiccode.yml standard, version 0.4.

The schema below is the standard's core (docs/standard/schema.core.rst in publiccodeyml/publiccode.yml)
as enforced by the reference parser (italia/publiccode-parser-go, v4, ``PublicCodeV0`` in v0.go): the
mandatory keys, the enumerations, the length limits of the descriptions and the maintenance rule. It is
a small local check, no network: it does not fetch ``url`` the way the reference parser does. Every rule
is shown to fail on a broken copy of the file.
"""

import copy
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
from pydantic import AnyUrl, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

ROOT = Path(__file__).resolve().parents[4]
PUBLICCODE = ROOT / "publiccode.yml"

# The standard's controlled vocabulary for ``categories`` (docs/standard/categories-list.rst; the same list
# as supportedCategories in italia/publiccode-parser-go check_categories.go).
CATEGORIES = frozenset("""
accounting agile-project-management applicant-tracking application-development appointment-scheduling backup
billing-and-invoicing blog budgeting business-intelligence business-process-management cad
call-center-management cloud-management collaboration communications compliance-management contact-management
content-management crm customer-service-and-support data-analytics data-collection data-visualization
digital-asset-management digital-citizenship document-management donor-management e-commerce e-signature
email-management email-marketing employee-management enterprise-project-management enterprise-social-networking
erp event-management facility-management feedback-and-reviews-management financial-reporting fleet-management
fundraising gamification geographic-information-systems grant-management graphic-design help-desk hr ide
identity-management instant-messaging inventory-management it-asset-management it-development it-management
it-security it-service-management knowledge-management learning-management-system marketing mind-mapping
mobile-marketing mobile-payment network-management office online-booking online-community payment-gateway
payroll predictive-analysis procurement productivity-suite project-collaboration project-management
property-management real-estate-management remote-support resource-management sales-management seo
service-desk social-media-management survey talent-management task-management taxes-management
test-management time-management time-tracking translation video-conferencing video-editing visitor-management
voip warehouse-management web-collaboration web-conferencing website-builder workflow-management
""".split())
# The values this project uses are in the list (a guard against editing the list instead of the file).
assert {"knowledge-management", "workflow-management"} <= CATEGORIES

# intendedAudience.scope (docs/standard/scope-list.rst).
SCOPES = frozenset("""
agriculture culture defence education emergency-services employment energy environment
finance-and-economic-development foreign-affairs healthcare infrastructures justice local-authorities
manufacturing research science-and-technology security society sport tourism transportation welfare
""".split())

# A BCP 47 language tag as the standard uses it: a primary language subtag (never omitted), then an
# optional script, region and variants. Simpler than the full grammar, strict enough for "nl", "en-GB",
# "sr-Latn", "sl-IT-nedis"; refuses "Dutch", "nl_NL" and "".
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([0-9A-Za-z]{5,8}|[0-9][0-9A-Za-z]{3}))*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

DevelopmentStatus = Literal["concept", "development", "beta", "stable", "obsolete"]
SoftwareType = Literal[
    "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
    "standalone/other", "addon", "library", "configurationFiles",
]
MaintenanceType = Literal["internal", "contract", "community", "none"]


def _language_tag(value: str) -> str:
    if not BCP47.match(value):
        raise ValueError(f"not a BCP 47 language tag: {value!r}")
    return value


def _date(value: Any) -> str:
    """YYYY-MM-DD, the only date format the standard allows (an unquoted YAML date arrives as a date)."""
    if isinstance(value, date):
        value = value.isoformat()
    if not isinstance(value, str) or not DATE.match(value):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    date.fromisoformat(value)  # a real day
    return value


class Strict(BaseModel):
    # Unknown keys are refused: a misspelt optional key would otherwise be silently ignored.
    model_config = ConfigDict(extra="forbid", strict=True)


class Description(Strict):
    localisedName: str | None = None
    genericName: str | None = Field(None, max_length=35)  # deprecated
    shortDescription: str = Field(min_length=1, max_length=150)
    longDescription: str = Field(min_length=150, max_length=10000)
    documentation: AnyUrl | None = None
    apiDocumentation: AnyUrl | None = None
    features: list[str] = Field(min_length=1)
    screenshots: list[str] | None = None
    videos: list[AnyUrl] | None = None
    awards: list[str] | None = None

    @field_validator("shortDescription")
    @classmethod
    def one_line(cls, value: str) -> str:
        if "\n" in value.strip():
            raise ValueError("shortDescription is a single line")
        return value

    @field_validator("features")
    @classmethod
    def features_filled(cls, value: list[str]) -> list[str]:
        if any(not f.strip() for f in value):
            raise ValueError("empty feature")
        return value


class Legal(Strict):
    license: str
    mainCopyrightOwner: str | None = None
    repoOwner: str | None = None
    authorsFile: str | None = None

    @field_validator("license")
    @classmethod
    def spdx(cls, value: str) -> str:
        try:
            canonical = canonicalize_license_expression(value)
        except InvalidLicenseExpression as error:
            raise ValueError(f"not a valid SPDX license expression: {value!r} ({error})") from None
        if canonical != value:
            raise ValueError(f"write the SPDX expression as {canonical!r}")
        return value


class Contact(Strict):
    name: str = Field(min_length=1)
    email: str | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = None
    affiliation: str | None = None


class Contractor(Strict):
    name: str = Field(min_length=1)
    until: str
    email: str | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    website: AnyUrl | None = None

    _until = field_validator("until", mode="before")(_date)


class Maintenance(Strict):
    type: MaintenanceType
    contractors: list[Contractor] | None = None
    contacts: list[Contact] | None = None

    @model_validator(mode="after")
    def who_maintains(self):
        # "contacts: mandatory if maintenance/type is internal or community";
        # "contractors: mandatory if maintenance/type is contract".
        if self.type in ("internal", "community") and not self.contacts:
            raise ValueError(f"maintenance type {self.type!r} needs at least one contact")
        if self.type == "contract" and not self.contractors:
            raise ValueError("maintenance type 'contract' needs at least one contractor")
        return self


class Localisation(Strict):
    localisationReady: bool
    availableLanguages: list[str] = Field(min_length=1)

    @field_validator("availableLanguages")
    @classmethod
    def tags(cls, value: list[str]) -> list[str]:
        return [_language_tag(v) for v in value]


class IntendedAudience(Strict):
    countries: list[str] | None = None
    unsupportedCountries: list[str] | None = None
    scope: list[str] | None = None

    @field_validator("countries", "unsupportedCountries")
    @classmethod
    def iso3166(cls, value: list[str] | None) -> list[str] | None:
        for code in value or []:
            if not re.fullmatch(r"[a-z]{2}", code):
                raise ValueError(f"not a lowercase ISO 3166-1 alpha-2 code: {code!r}")
        return value

    @field_validator("scope")
    @classmethod
    def known_scope(cls, value: list[str] | None) -> list[str] | None:
        unknown = set(value or []) - SCOPES
        if unknown:
            raise ValueError(f"not in the standard's scope list: {sorted(unknown)}")
        return value


class Dependency(Strict):
    name: str = Field(min_length=1)
    versionMin: str | None = None
    versionMax: str | None = None
    version: str | None = None
    optional: bool | None = None


class DependsOn(Strict):
    open: list[Dependency] | None = None
    proprietary: list[Dependency] | None = None
    hardware: list[Dependency] | None = None


class PublicCode(Strict):
    publiccodeYmlVersion: Literal["0.4", "0.4.0"]
    name: str = Field(min_length=1)
    applicationSuite: str | None = None
    url: AnyUrl
    landingURL: AnyUrl | None = None
    isBasedOn: str | list[str] | None = None
    softwareVersion: str | None = None
    releaseDate: str | None = None
    logo: str | None = None
    monochromeLogo: str | None = None
    inputTypes: list[str] | None = None
    outputTypes: list[str] | None = None
    platforms: list[str] = Field(min_length=1)
    categories: list[str] = Field(min_length=1)
    usedBy: list[str] | None = None
    roadmap: AnyUrl | None = None
    developmentStatus: DevelopmentStatus
    softwareType: SoftwareType
    intendedAudience: IntendedAudience | None = None
    description: dict[str, Description] = Field(min_length=1)
    legal: Legal
    maintenance: Maintenance
    localisation: Localisation
    dependsOn: DependsOn | None = None
    it: dict | None = None  # the Italian country section, the one country extension of 0.4

    _release_date = field_validator("releaseDate", mode="before")(_date)

    @field_validator("url")
    @classmethod
    def repository_url(cls, value: AnyUrl) -> AnyUrl:
        if not value.host:
            raise ValueError("url must point to a source code repository")
        return value

    @field_validator("platforms")
    @classmethod
    def platforms_filled(cls, value: list[str]) -> list[str]:
        if any(not p.strip() for p in value):
            raise ValueError("empty platform")
        return value

    @field_validator("categories")
    @classmethod
    def known_categories(cls, value: list[str]) -> list[str]:
        unknown = set(value) - CATEGORIES
        if unknown:
            raise ValueError(f"not in the standard's category list: {sorted(unknown)}")
        return value

    @field_validator("description")
    @classmethod
    def language_keys(cls, value: dict[str, Description]) -> dict[str, Description]:
        for key in value:
            _language_tag(key)
        return value


def load() -> dict:
    return yaml.safe_load(PUBLICCODE.read_text(encoding="utf-8"))


def test_publiccode_yml_is_valid():
    PublicCode.model_validate(load())


def test_publiccode_yml_is_utf8_and_loads_as_a_mapping():
    PUBLICCODE.read_bytes().decode("utf-8")
    assert isinstance(load(), dict)


def test_software_version_is_the_package_version():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert load()["softwareVersion"] == pyproject["project"]["version"]


def test_licence_matches_the_package_licence():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert load()["legal"]["license"] == pyproject["project"]["license"] == "EUPL-1.2"


def test_available_languages_are_the_site_languages(settings):
    assert load()["localisation"]["availableLanguages"] == [code for code, _ in settings.LANGUAGES]


def test_placeholders_are_marked_for_the_adopting_organisation():
    """No invented repository: the url is a placeholder and says so."""
    text = PUBLICCODE.read_text(encoding="utf-8")
    url_line = next(line for line in text.splitlines() if line.startswith("url:"))
    assert "FILL-IN" in url_line and "# TO FILL IN by the adopting organisation" in url_line
    assert "@" not in text, "no e-mail address is known; none may be invented"


def _set(data: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for key in parents:
        data = data[key]
    if value is DELETE:
        del data[last]
    else:
        data[last] = value


DELETE = object()

BROKEN = [
    # (what is changed, new value, the key the error must be reported at)
    ("name", DELETE, "name"),
    ("publiccodeYmlVersion", DELETE, "publiccodeYmlVersion"),
    ("publiccodeYmlVersion", "0.1", "publiccodeYmlVersion"),
    ("url", DELETE, "url"),
    ("url", "not a url", "url"),
    ("platforms", [], "platforms"),
    ("categories", DELETE, "categories"),
    ("categories", ["case-management"], "categories"),
    ("developmentStatus", "alpha", "developmentStatus"),
    ("developmentStatus", DELETE, "developmentStatus"),
    ("softwareType", "web", "softwareType"),
    ("releaseDate", "30-11-2026", "releaseDate"),
    ("description", {}, "description"),
    ("description.nl.shortDescription", "x" * 151, "shortDescription"),
    ("description.en.shortDescription", "x" * 200, "shortDescription"),
    ("description.nl.shortDescription", DELETE, "shortDescription"),
    ("description.nl.longDescription", "x" * 149, "longDescription"),
    ("description.en.longDescription", "x" * 10001, "longDescription"),
    ("description.en.features", [], "features"),
    ("description.en.features", DELETE, "features"),
    ("legal.license", "EUPL", "license"),
    ("legal.license", "eupl-1.2", "license"),
    ("legal", DELETE, "legal"),
    ("maintenance.type", "unknown", "type"),
    ("maintenance.type", "community", "maintenance"),
    ("maintenance.type", "internal", "maintenance"),
    ("maintenance.type", "contract", "maintenance"),
    ("localisation.localisationReady", "yes", "localisationReady"),
    ("localisation.localisationReady", DELETE, "localisationReady"),
    ("localisation.availableLanguages", ["Dutch"], "availableLanguages"),
    ("localisation.availableLanguages", ["nl_NL"], "availableLanguages"),
    ("localisation.availableLanguages", [], "availableLanguages"),
    ("intendedAudience.scope", ["trafficking"], "scope"),
    ("intendedAudience.countries", ["NLD"], "countries"),
    ("developmentstatus", "beta", "developmentstatus"),  # a misspelt key
]


@pytest.mark.parametrize(("path", "value", "where"), BROKEN, ids=[f"{p}={v!r}"[:60] for p, v, _ in BROKEN])
def test_a_broken_copy_is_rejected(path, value, where):
    data = copy.deepcopy(load())
    _set(data, path, value)
    with pytest.raises(ValidationError) as excinfo:
        PublicCode.model_validate(data)
    locations = [[str(part) for part in error["loc"]] for error in excinfo.value.errors()]
    assert any(where in loc for loc in locations), locations


def test_a_description_language_must_be_a_language_tag():
    data = copy.deepcopy(load())
    data["description"]["Dutch"] = data["description"].pop("nl")
    with pytest.raises(ValidationError, match="not a BCP 47 language tag: 'Dutch'"):
        PublicCode.model_validate(data)


def test_maintained_by_a_community_with_a_contact_is_accepted():
    """The contacts rule asks for a contact; it does not forbid community maintenance."""
    data = copy.deepcopy(load())
    data["maintenance"] = {"type": "community", "contacts": [{"name": "A. Person"}]}
    PublicCode.model_validate(data)


def test_an_unquoted_release_date_is_accepted():
    data = copy.deepcopy(load())
    data["releaseDate"] = date(2026, 11, 30)
    assert PublicCode.model_validate(data).releaseDate == "2026-11-30"
