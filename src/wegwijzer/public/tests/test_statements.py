"""The accessibility statement and the privacy statement: generated from docs/, complete, true to this
installation's settings, in Dutch and English, and honest about what nobody has filled in."""

import ast
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from wegwijzer.public.statements import (
    WCAG21_A_AA,
    AccessibilityReport,
    accessibility_report,
    privacy_statement,
    privacy_values,
)

pytestmark = pytest.mark.usefixtures("catalogue")
REPO = Path(settings.BASE_DIR)


def _defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_the_evaluation_covers_the_50_criteria_of_wcag_21_aa_in_order():
    report = accessibility_report()
    assert report.check_complete() == []
    assert [c.id for c in report.criteria] == WCAG21_A_AA and len(WCAG21_A_AA) == 50
    assert sum(1 for c in report.criteria if c.level == "AA") == 20
    assert report.evaluation.sample and any(s.kind == "flow" for s in report.evaluation.sample)


def test_every_test_cited_as_evidence_exists():
    missing = []
    for criterion in accessibility_report().criteria:
        for node in criterion.tests:
            path, _, name = node.partition("::")
            name = name.split("[")[0]
            if not (REPO / path).is_file() or name not in _defined_tests(REPO / path):
                missing.append(f"{criterion.id}: {node}")
    assert missing == []


# "passed" without a test: checked by reading the templates and CSS, as their evidence says. A criterion
# that newly passes without a test must be added here on purpose.
PASSED_BY_REVIEW = {"1.3.3", "1.3.5", "1.4.11", "2.4.6", "2.5.2", "3.2.3", "3.2.4", "4.1.1"}


def test_a_criterion_shown_as_met_cites_a_test_unless_it_was_reviewed_by_hand():
    report = accessibility_report()
    untested = {c.id for c in report.criteria if c.result == "passed" and not c.tests}
    assert untested == PASSED_BY_REVIEW


def test_an_incomplete_evaluation_is_detected():
    data = yaml.safe_load(Path(settings.ACCESSIBILITY_EVALUATION).read_text(encoding="utf-8"))
    data["criteria"] = [c for c in data["criteria"] if c["id"] != "1.4.10"]
    assert "1.4.10" in " ".join(AccessibilityReport.model_validate(data).check_complete())
    data = yaml.safe_load(Path(settings.ACCESSIBILITY_EVALUATION).read_text(encoding="utf-8"))
    data["criteria"][0]["level"] = "AA"
    assert "1.1.1: wrong level" in " ".join(AccessibilityReport.model_validate(data).check_complete())


@pytest.mark.parametrize("path,heading,contact_text", [
    ("/toegankelijkheid/", "Toegankelijkheidsverklaring", "nog niet ingevuld"),
    ("/en/toegankelijkheid/", "Accessibility statement", "not yet filled in"),
])
def test_the_accessibility_page_has_the_model_statements_parts(client, path, heading, contact_text):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200 and not response.cookies and response["ETag"]
    assert f"<h1 class=\"utrecht-heading-1\">{heading}</h1>" in html
    for part in ('id="status"', 'id="bevindingen"', 'id="contact"', 'id="steekproef"', 'id="criteria"'):
        assert part in html, part
    assert contact_text in html  # no invented contact
    report = accessibility_report()
    for criterion in report.criteria:
        assert f'id="sc-{criterion.id.replace(".", "")}"' in html
    for criterion in report.open_criteria:
        assert f'href="#sc-{criterion.id.replace(".", "")}"' in html  # each open criterion among the findings


def test_the_accessibility_page_names_the_publisher_and_contact_when_set(client, settings):
    settings.SITE_OWNER = "Gemeente Voorbeeld"
    settings.ACCESSIBILITY_CONTACT = "toegankelijkheid@voorbeeld.example"
    html = client.get("/toegankelijkheid/").content.decode()
    assert "Gemeente Voorbeeld wil dat iedereen" in html
    assert "toegankelijkheid@voorbeeld.example" in html and "nog niet ingevuld" not in html


def test_every_placeholder_in_the_privacy_statement_is_known():
    values = privacy_values()
    statement = privacy_statement()
    for part in statement.parts:
        for paragraph in part.paragraphs:
            for text in (paragraph.nl, paragraph.en):
                assert set(re.findall(r"\{(\w+)\}", text)) <= set(values), text
                text.format_map(values)


@pytest.mark.parametrize("path,title", [("/privacy/", "Privacyverklaring"), ("/en/privacy/", "Privacy statement")])
def test_the_privacy_page_says_what_this_installation_does(client, settings, path, title):
    settings.DOSSIER_IDLE_MINUTES = 20
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert f"<h1 class=\"utrecht-heading-1\">{title}</h1>" in html
    assert "20" in html and "{" not in html.split("<main")[1]  # the configured timeout, every placeholder filled
    assert "730" in html  # the default retention of an organisation (accounts.Organisation.retention_days)
    assert str(settings.AXES_FAILURE_LIMIT) in html
    assert ("nog niet ingevuld" if path == "/privacy/" else "not yet filled in") in html
    assert "Autoriteit Persoonsgegevens" in html


def test_the_privacy_page_names_the_controller_when_set(client, settings):
    settings.SITE_OWNER = "Gemeente Voorbeeld"
    settings.PRIVACY_CONTACT = "privacy@voorbeeld.example"
    html = client.get("/privacy/").content.decode()
    assert "verwerkingsverantwoordelijke): Gemeente Voorbeeld" in html
    assert "privacy@voorbeeld.example" in html


def test_a_changed_statement_file_changes_the_etag(client, settings, tmp_path):
    copy = tmp_path / "statement.yaml"
    copy.write_text(Path(settings.PRIVACY_STATEMENT).read_text(encoding="utf-8"), encoding="utf-8")
    settings.PRIVACY_STATEMENT = copy
    first = client.get("/privacy/")["ETag"]
    copy.write_text(copy.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-30",
                                                             "last_reviewed: 2026-12-01"), encoding="utf-8")
    import os
    os.utime(copy, ns=(1, 2_000_000_000_000_000_000))
    response = client.get("/privacy/")
    assert response["ETag"] != first and "1 december 2026" in response.content.decode()
