"""The redactie in headless Chromium: a redacteur changes the zorgcoördinator's phone number in the
browser, an eindredacteur reads the diff and publishes, the public contacts page shows it; axe on every
editor page on the way (also with an error)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from wegwijzer.accounts.testing import login_browser
from wegwijzer.editorial.models import EditorRole

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _context(browser, site, name, role):
    user = get_user_model().objects.create(username=name)
    TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    EditorRole.objects.create(user=user, role=role, scope="ijsselland")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    login_browser(context, site, user)
    return context


def _axe(page, name, report):
    results = Axe().run(page, options=WCAG)
    if results.violations_count:
        report.append(f"{name}:\n{results.generate_report()}")


def test_change_review_publish_in_the_browser_with_axe_on_every_page(live_catalogue, browser):
    site = live_catalogue.url
    call_command("load_content", verbosity=0)
    report: list[str] = []
    red = _context(browser, site, "redacteur", "redacteur").new_page()
    red.goto(site + "/redactie/")
    _axe(red, "start", report)
    red.get_by_role("link", name="regions/ijsselland.yaml").click()
    _axe(red, "document", report)
    red.get_by_role("button", name="Nieuw concept").click()
    field = red.get_by_label("Inhoud (YAML)")
    text = field.input_value()
    field.fill(text.replace('phone: "06-11414026"', "phone: [kapot"))
    red.get_by_role("button", name="Bewaren").click()
    expect(red).to_have_title(__import__("re").compile("^Fout: "))
    expect(red.locator("#fouten")).to_be_focused()
    _axe(red, "draft with an error", report)
    red.get_by_label("Inhoud (YAML)").fill(text.replace('phone: "06-11414026"', 'phone: "06-12345678"'))
    red.get_by_role("button", name="Ter beoordeling aanbieden").click()
    expect(red.locator("#status")).to_contain_text("ter-beoordeling")
    _axe(red, "draft submitted", report)
    eind = _context(browser, site, "eind", "eindredacteur").new_page()
    eind.goto(site + "/redactie/")
    eind.get_by_role("link", name="regions/ijsselland.yaml").first.click()
    expect(eind.get_by_role("cell", name="toegevoegd", exact=True)).to_be_visible()
    expect(eind.get_by_role("cell", name="verwijderd", exact=True)).to_be_visible()
    _axe(eind, "review", report)
    eind.get_by_label("Toelichting (verplicht bij afwijzen; de auteur ziet die)").fill("Nagebeld: klopt.")
    eind.get_by_role("button", name="Goedkeuren en publiceren").click()
    expect(eind.locator(".ww-messages")).to_contain_text("Gepubliceerd als versie 2")
    eind.goto(site + "/ijsselland/contacten/")
    expect(eind.get_by_text("06-12345678").first).to_be_visible()
    assert not report, "\n".join(report)
