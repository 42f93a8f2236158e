"""The accessibility statement (/toegankelijkheid) and the privacy statement (/privacy), generated from
``docs/accessibility/evaluation.yaml`` and ``docs/privacy/statement.yaml``. Both files are validated here
(a broken file fails the tests and the page, never silently); the pages fill in what only the running
installation knows: who publishes it (SITE_OWNER, ACCESSIBILITY_CONTACT, PRIVACY_CONTACT) and the limits it
is configured with (idle timeout, lockout, retention)."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from django.conf import settings
from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NlEn(Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


# -------------------------------------------------------------------------------------------- accessibility

RESULTS = ("passed", "failed", "cannot-tell", "not-tested", "not-applicable")
# WCAG 2.1 levels A and AA: 30 + 20 success criteria (https://www.w3.org/TR/WCAG21/).
WCAG21_A_AA = (
    "1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.4.1 1.4.2 1.4.3 1.4.4 1.4.5 1.4.10 "
    "1.4.11 1.4.12 1.4.13 2.1.1 2.1.2 2.1.4 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.4.6 2.4.7 2.5.1 "
    "2.5.2 2.5.3 2.5.4 3.1.1 3.1.2 3.2.1 3.2.2 3.2.3 3.2.4 3.3.1 3.3.2 3.3.3 3.3.4 4.1.1 4.1.2 4.1.3"
).split()
AA_ONLY = set("1.2.4 1.2.5 1.3.4 1.3.5 1.4.3 1.4.4 1.4.5 1.4.10 1.4.11 1.4.12 1.4.13 2.4.5 2.4.6 2.4.7 3.1.2 "
              "3.2.3 3.2.4 3.3.3 3.3.4 4.1.3".split())


class SampleItem(Strict):
    path: str = Field(pattern=r"^/")
    kind: Literal["page", "flow"]
    nl: str
    en: str


class Evaluation(Strict):
    method: str
    standard: str
    date: dt.date
    evaluator: NlEn
    scope: NlEn
    environment: NlEn
    sample: list[SampleItem] = Field(min_length=1)


class Criterion(Strict):
    id: str = Field(pattern=r"^\d\.\d\.\d{1,2}$")
    level: Literal["A", "AA"]
    name: NlEn
    result: Literal[RESULTS]  # type: ignore[valid-type]
    evidence: NlEn
    tests: list[str] = []


class Finding(Strict):
    criteria: list[str] = []
    nl: str
    en: str


class AccessibilityReport(Strict):
    evaluation: Evaluation
    criteria: list[Criterion]
    findings: list[Finding] = []

    def check_complete(self) -> list[str]:
        """What is wrong with the report as a WCAG 2.1 AA evaluation ([] when nothing)."""
        problems = []
        ids = [c.id for c in self.criteria]
        if ids != WCAG21_A_AA:
            missing = sorted(set(WCAG21_A_AA) - set(ids))
            extra = sorted(set(ids) - set(WCAG21_A_AA))
            problems.append(f"criteria must be the 50 of WCAG 2.1 A/AA in order; missing {missing}, extra {extra}")
        for c in self.criteria:
            if (c.level == "AA") != (c.id in AA_ONLY):
                problems.append(f"{c.id}: wrong level {c.level}")
        known = set(ids)
        for f in self.findings:
            problems += [f"finding names unknown criterion {i}" for i in f.criteria if i not in known]
        return problems

    @property
    def open_criteria(self) -> list[Criterion]:
        """Criteria not shown to be met: failed, cannot tell, not tested."""
        return [c for c in self.criteria if c.result in ("failed", "cannot-tell", "not-tested")]

    def counts(self) -> dict[str, int]:
        """Per result, with ``-`` as ``_`` so templates can read them (``counts.not_applicable``)."""
        return {r.replace("-", "_"): sum(1 for c in self.criteria if c.result == r) for r in RESULTS}


# ------------------------------------------------------------------------------------------------ privacy

class PrivacyPart(Strict):
    heading: NlEn
    paragraphs: list[NlEn] = Field(min_length=1)


class PrivacyStatement(Strict):
    last_reviewed: dt.date
    title: NlEn
    intro: NlEn
    parts: list[PrivacyPart] = Field(min_length=1)


class StatementError(Exception):
    pass


def _read(path: Path, model):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return model.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise StatementError(f"{path}: {exc}") from exc


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float, model_name: str):
    return _read(Path(path), {"a11y": AccessibilityReport, "privacy": PrivacyStatement}[model_name])


def _load(path: Path, model_name: str):
    return _cached(str(path), os.stat(path).st_mtime if path.exists() else 0.0, model_name)


def accessibility_report() -> AccessibilityReport:
    return _load(Path(settings.ACCESSIBILITY_EVALUATION), "a11y")


def privacy_statement() -> PrivacyStatement:
    return _load(Path(settings.PRIVACY_STATEMENT), "privacy")


def file_state(path) -> str:
    """For the ETag: a page generated from a file changes when the file does."""
    try:
        return str(os.stat(path).st_mtime_ns)
    except OSError:
        return "missing"


def not_filled_in() -> str:
    return _("nog niet ingevuld door de organisatie die deze site publiceert")


def privacy_values() -> dict[str, str]:
    """The facts of this installation that the privacy statement quotes."""
    from wegwijzer.accounts.models import Organisation

    return {
        "idle_minutes": str(settings.DOSSIER_IDLE_MINUTES),
        "session_hours": f"{settings.SESSION_COOKIE_AGE / 3600:g}",
        "lockout_failures": str(settings.AXES_FAILURE_LIMIT),
        "lockout_minutes": f"{settings.AXES_COOLOFF_TIME.total_seconds() / 60:g}",
        "retention_days": str(Organisation._meta.get_field("retention_days").default),
        "site_owner": settings.SITE_OWNER or not_filled_in(),
        "privacy_contact": settings.PRIVACY_CONTACT or not_filled_in(),
    }
