"""The signaleringshulp in headless Chromium on a phone-sized screen: the whole flow with JavaScript and
without, the PDF (text extracted with pdftotext), the card PDFs of both regions, and axe on every page
of the flow."""

import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
NOTE = "Werkgever houdt paspoort vast"


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())  # table cells and columns wrap: compare words, not lines


def assert_no_violations(page, name, js=True):
    if not js:  # axe runs inside the page: it needs JavaScript. The with-js run checks the same pages.
        return
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def fill_check(page, js: bool):
    page.get_by_role("radiogroup", name="Is er nu direct gevaar?").get_by_label("nee").check()
    page.get_by_role("radiogroup", name="Leeftijd van de persoon").get_by_label("meerderjarig").check()
    passport = page.locator("#signaal-geen-eigen-paspoort")
    passport.get_by_label("waargenomen", exact=True).check()
    if js:
        expect(page.locator("#live-count")).to_contain_text("1 ")
    passport.get_by_label("Bron").select_option("verteld-door-persoon")
    passport.get_by_label("Notitie (feitelijk, zonder namen)").fill(NOTE)
    page.locator("#signaal-slaapt-op-werkplek").get_by_label("waargenomen", exact=True).check()


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_full_flow_on_a_phone_to_result_summary_and_pdf(live_catalogue, browser, tmp_path, js):
    site = live_catalogue.url
    context = browser.new_context(java_script_enabled=js, viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_role("link", name="IJsselland").click()
    page.get_by_role("link", name="Signaleringshulp").first.click()
    expect(page).to_have_url(site + "/ijsselland/signaleringshulp/")
    assert_no_violations(page, "check form", js)
    fill_check(page, js)
    page.get_by_role("button", name="Bekijk wat dit betekent").click()
    expect(page).to_have_url(site + "/ijsselland/signaleringshulp/resultaat/")  # answers are not in the URL
    expect(page.locator("#vorm-seksuele-uitbuiting")).to_be_visible()
    expect(page.locator("#b8-bedenktijd")).to_be_visible()
    expect(page.get_by_text(NOTE)).to_be_visible()
    assert_no_violations(page, "result", js)

    page.get_by_label("Eigen kenmerk (bijvoorbeeld je dossiernummer; geen naam)").fill("DOS-42")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als PDF").click(no_wait_after=True)
    text = pdf_text(open(download.value.path(), "rb").read(), tmp_path)
    for expected in ("Samenvatting signaleringshulp", "IJsselland", "DOS-42", NOTE, "verteld door de persoon",
                     "Inhoudsversie", "Stap 5", "Seksuele uitbuiting", "mensenhandel@vtij.nl"):
        assert expected in text, expected

    page.get_by_role("button", name="Samenvatting om af te drukken").click()
    expect(page).to_have_url(site + "/ijsselland/signaleringshulp/samenvatting/")
    expect(page.get_by_text("DOS-42")).to_be_visible()
    assert_no_violations(page, "summary", js)
    page.emulate_media(media="print")
    expect(page.locator(".ww-nav")).to_be_hidden()
    assert context.cookies() == []
    context.close()


def test_back_to_the_questions_keeps_the_answers_and_clear_all_empties_them(live_catalogue, browser):
    site = live_catalogue.url
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/ijsselland/signaleringshulp/")
    fill_check(page, js=True)
    page.reload()  # with JS the answers survive a reload of this tab (sessionStorage)
    expect(page.locator("#notitie-geen-eigen-paspoort")).to_have_value(NOTE)
    page.get_by_role("button", name="Bekijk wat dit betekent").click()
    page.get_by_role("button", name="Terug naar de vragen").click()
    expect(page.locator("#notitie-geen-eigen-paspoort")).to_have_value(NOTE)
    page.get_by_role("link", name="Alles wissen").click()
    expect(page).to_have_url(site + "/ijsselland/signaleringshulp/")
    expect(page.locator("#notitie-geen-eigen-paspoort")).to_have_value("")
    assert page.evaluate("window.sessionStorage.length") == 0
    context.close()


def test_direct_danger_shows_112_first(live_catalogue, page):
    page.goto(live_catalogue.url + "/hart-van-brabant/signaleringshulp/")
    page.get_by_role("radiogroup", name="Is er nu direct gevaar?").get_by_label("ja").check()
    page.get_by_role("button", name="Bekijk wat dit betekent").click()
    # right under the page title (headings in order), before anything else
    expect(page.locator("main > *").first).to_have_text("Wat de signalen kunnen betekenen")
    first = page.locator("main > *").nth(1)
    expect(first).to_contain_text("112")
    expect(first).to_contain_text("0800-2000")
    assert_no_violations(page, "result with acute danger")


@pytest.mark.parametrize("region,regional", [("ijsselland", "06-11414026"), ("hart-van-brabant", "013 549 8430")])
def test_card_pdf_for_each_region(live_catalogue, page, tmp_path, region, regional):
    page.goto(live_catalogue.url + f"/{region}/vormen/seksuele-uitbuiting/")
    link = page.get_by_role("link", name="Signalenkaart als PDF")
    response = page.request.get(live_catalogue.url + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body(), tmp_path)
    for expected in ("Seksuele uitbuiting", "Mogelijke signalen", "Wat helpt", "Wat belemmert", "Stap 1", "Stap 5",
                     "0800-2000", regional, "16:00-06:00", "20:00-06:00"):
        assert expected in text, f"{region}: {expected}"
    assert "Slaapt op de werkplek" in text
