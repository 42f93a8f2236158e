"""The meldcode dossier in headless Chromium: log in with a password and a TOTP code, take a case from
step 1 to a melding at Veilig Thuis, download the case report PDF (read back with pdftotext), and run
axe (WCAG 2.1 A/AA) on every dossier page on the way."""

import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from wegwijzer.accounts.models import Membership, Organisation, Role

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSWORD = "een-lang-wachtwoord-2026"


def axe(page, name, report):
    results = Axe().run(page, options=WCAG)
    if results.violations_count:
        report.append(f"{name} ({page.url}):\n{results.generate_report()}")


@pytest.fixture
def professional(live_catalogue):
    org = Organisation.objects.create(name="Wijkteam Zwolle", region_slug="ijsselland")
    user = get_user_model().objects.create(username="prof", password=make_password(PASSWORD, hasher="md5"))
    Membership.objects.create(user=user, organisation=org, role=Role.PROFESSIONAL)
    aandacht = get_user_model().objects.create(username="aandacht", password=make_password(PASSWORD, hasher="md5"))
    Membership.objects.create(user=aandacht, organisation=org, role=Role.AANDACHTSFUNCTIONARIS)
    return user, TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def token(device):
    device.refresh_from_db()
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def test_from_login_with_2fa_to_melding_and_the_pdf(live_catalogue, professional, browser, tmp_path):
    site = live_catalogue.url
    user, device = professional
    report: list[str] = []
    context = browser.new_context(viewport={"width": 375, "height": 740}, accept_downloads=True)
    page = context.new_page()
    page.goto(site + "/dossier/")
    expect(page).to_have_url(site + "/account/login/?next=/dossier/")
    axe(page, "login", report)
    page.get_by_label("Gebruikersnaam").fill("prof")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    axe(page, "login token", report)
    page.get_by_label("Token").fill(token(device))
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")
    axe(page, "overview (empty)", report)

    page.get_by_role("link", name="Nieuw dossier").click()
    axe(page, "new case", report)
    page.get_by_label("Pseudoniem of initialen (optioneel)").fill("A.B.")
    page.get_by_label("meerderjarig").check()
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dossier MH-")
    code = page.get_by_role("heading", level=1).inner_text().split()[-1]
    axe(page, "case (new)", report)

    page.get_by_role("link", name="Signaal vastleggen").click()
    page.get_by_label("Signaal uit de signalenkaart").select_option("geen-eigen-paspoort")
    page.get_by_label("Datum").fill("2026-11-20")
    page.get_by_label("Plaats").fill("Zwolle")
    page.get_by_label("zelf gezien").check()
    page.get_by_label("Feiten: wat is gezien of gehoord").fill("Werkgever houdt het paspoort vast.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("#stand")).to_contain_text("stap 2")

    page.get_by_role("link", name="Signalen uit de signaleringshulp").click()
    axe(page, "import from the check", report)
    page.go_back()

    page.get_by_role("link", name="Overleg vastleggen").click()
    axe(page, "consultation form", report)
    page.get_by_label("Met wie (rol)").fill("zorgcoördinator")
    page.get_by_label("Anoniem overlegd (zonder persoonsgegevens)").check()
    page.get_by_label("Datum").fill("2026-11-21")
    page.get_by_label("Advies").fill("Wegen met het afwegingskader.")
    page.get_by_role("button", name="Vastleggen").click()

    page.get_by_role("link", name="Geen gesprek: reden vastleggen").click()
    page.get_by_label("Waarom er geen gesprek was (bijvoorbeeld voor de veiligheid)").fill("Niet veilig.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("#stand")).to_contain_text("stap 4")

    for answer in ("ja", "ja", "nee"):  # suspicion; acute unsafety; no effective help
        page.get_by_role("link", name="Volgende afweging beantwoorden").click()
        axe(page, "afweging", report)
        page.get_by_label(answer, exact=True).check()
        page.get_by_label("Onderbouwing").fill("Onderbouwing van deze afweging.")
        page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("#melden-norm")).to_be_visible()
    expect(page.locator("#stand")).to_contain_text("melden")

    page.get_by_role("link", name="Melding vastleggen").click()
    axe(page, "melding form", report)
    page.get_by_label("Datum van de melding").fill("2026-11-22")
    page.get_by_label("Kenmerk van Veilig Thuis").fill("VT-2026-118")
    page.get_by_label("Wat is er gedeeld").fill("De signalen en de weging.")
    page.get_by_label("nee", exact=True).check()
    page.get_by_role("button", name="Vastleggen").click()
    axe(page, "melding form with an error", report)  # not informed needs a reason
    page.get_by_label("Zo nee: waarom niet").fill("Veiligheid van de betrokkene.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("#stand")).to_contain_text("besluit vastgelegd")
    axe(page, "case (melding)", report)

    page.get_by_role("link", name="Delen").click()
    axe(page, "share", report)
    page.go_back()
    page.get_by_role("link", name="Identificerende gegevens tonen (met reden)").click()
    axe(page, "reveal", report)
    page.go_back()

    with page.expect_download() as download:
        page.get_by_role("link", name="Overdracht aan Veilig Thuis (PDF)").click()
    path = tmp_path / "dossier.pdf"
    download.value.save_as(path)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in (code, "Voor overdracht aan Veilig Thuis", "Werkgever houdt het paspoort vast.",
                     "VT-2026-118", "Melden bij Veilig Thuis is hier de professionele norm", "Inhoudsversie"):
        assert expected in text, expected

    page.get_by_role("link", name="Mijn dossiers").click()
    expect(page.locator(f"#dossier-{code}")).to_contain_text("besluit vastgelegd")
    axe(page, "overview", report)
    page.get_by_role("link", name="Tweestapsverificatie").click()
    axe(page, "two-factor profile", report)
    assert not report, "\n".join(report)
    context.close()


def test_a_new_user_sets_up_totp_before_seeing_anything(live_catalogue, browser):
    import base64

    site = live_catalogue.url
    org = Organisation.objects.create(name="Wijkteam Zwolle", region_slug="ijsselland")
    user = get_user_model().objects.create(username="nieuw", password=make_password(PASSWORD, hasher="md5"))
    Membership.objects.create(user=user, organisation=org, role=Role.PROFESSIONAL)
    report: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "/account/login/")
    page.get_by_label("Gebruikersnaam").fill("nieuw")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    page.goto(site + "/dossier/")
    expect(page).to_have_url(site + "/account/two_factor/setup/")
    axe(page, "setup welcome", report)
    page.get_by_role("button", name="Volgende").click()
    if page.get_by_label("Token generator").count():  # the method step appears when several methods exist
        axe(page, "setup method", report)
        page.get_by_label("Token generator").check()
        page.get_by_role("button", name="Volgende").click()
    axe(page, "setup generator", report)
    secret = page.locator("a[href^='otpauth://']").inner_text().strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Token").fill(f"{TOTP(key).token():06d}")
    page.get_by_role("button", name="Volgende").click()
    axe(page, "setup complete", report)
    page.goto(site + "/dossier/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not report, "\n".join(report)
    context.close()


def browser_login(page, site, username, device):
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    page.goto(site + "/account/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Token").fill(token(device))
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")


def test_axe_on_every_other_dossier_page_for_every_role(live_catalogue, browser):
    from wegwijzer.dossiers import actions

    site = live_catalogue.url
    org = Organisation.objects.create(name="Wijkteam Zwolle", region_slug="ijsselland")
    users = {}
    for role in Role.values:
        user = get_user_model().objects.create(username=role, password=make_password(PASSWORD, hasher="md5"))
        Membership.objects.create(user=user, organisation=org, role=role)
        users[role] = (user, TOTPDevice.objects.create(user=user, name="default", confirmed=True))
    owner = users["professional"][0]
    case = actions.create_case(owner, age_group="meerderjarig", has_children=True, identifying="Naam")
    entry = actions.add_entry(owner, case, "signal", {"signal": "geen-eigen-paspoort", "date": "2026-11-20",
                                                      "place": "Zwolle", "source": "zelf-gezien", "facts": "feit"})
    # a corrected entry is shown in the timeline too, with enough contrast (no opacity: WCAG 1.4.3)
    old = actions.add_entry(owner, case, "signal", {"signal": "slaapt-op-werkplek", "date": "2026-11-19",
                                                    "place": "Zwolle", "source": "via-derden", "facts": "eerst"})
    actions.add_entry(owner, case, "signal", {"signal": "slaapt-op-werkplek", "date": "2026-11-19",
                                              "place": "Zwolle", "source": "zelf-gezien", "facts": "later"},
                      corrects=old)
    actions.share_case(owner, case, users["zorgcoordinator"][0], 5)
    report: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    browser_login(page, site, "professional", users["professional"][1])
    base = f"{site}/dossier/{case.code}/"
    for path in ("vastleggen/signal/", f"vastleggen/signal/?corrigeer={entry.id}", "vastleggen/conversation/",
                 "vastleggen/no_conversation/", "vastleggen/help/", "vastleggen/comensha/",
                 "vastleggen/consultation/", "vastleggen/melding/", "vastleggen/afweging/", ""):
        page.goto(base + path)
        axe(page, path or "case with kindcheck and a corrected entry", report)
    expect(page.locator(".ww-entry--corrected")).to_have_count(1)
    page.goto(base + "vastleggen/signal/")
    page.get_by_role("button", name="Vastleggen").click()  # every field missing: the error state
    axe(page, "signal form with errors", report)
    page.goto(base + "toon/")
    page.get_by_label("Waarom wil je de identificerende gegevens zien?").fill("melding voorbereiden")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("#identificerend")).to_contain_text("Naam")
    axe(page, "revealed", report)
    page.goto(site + "/en/dossier/")
    axe(page, "overview in English", report)
    page.goto(site + "/account/two_factor/backup/tokens/")
    page.get_by_role("button").filter(has_text="Genereer").or_(page.get_by_role("button").filter(
        has_text="Generate")).first.click()
    axe(page, "backup codes", report)
    context.close()
    for role, paths in (("beheerder", ["/dossier/audit/", "/dossier/beheer/"]),
                        ("zorgcoordinator", ["/dossier/statistiek/", f"/dossier/{case.code}/"])):
        context = browser.new_context()
        page = context.new_page()
        browser_login(page, site, role, users[role][1])
        for path in paths:
            page.goto(site + path)
            axe(page, f"{role} {path}", report)
        context.close()
    context = browser.new_context()
    page = context.new_page()
    for _ in range(5):
        page.goto(site + "/account/login/")
        page.get_by_label("Gebruikersnaam").fill("beheerder")
        page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
        page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account tijdelijk geblokkeerd")
    axe(page, "locked", report)
    context.close()
    assert not report, "\n".join(report)
