"""The wegwijzer in headless Chromium on a phone-sized screen, with JavaScript and without: the two
situations of the issue from the region's home page to whom to call first, the rights and the PDF
(read back with pdftotext); the directory's filters; Jouw rechten; axe on every page of the flow.
(The sitemap test in public/tests/test_browser.py runs axe on every phase step and language too.)"""

import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "route.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def assert_no_violations(page, name, js=True):
    if not js:  # axe runs inside the page: it needs JavaScript. The with-js run checks the same pages.
        return
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def answer(page, group, label):
    page.get_by_role("radiogroup", name=group).get_by_label(label, exact=True).check()


def open_route(page, site, region_name):
    page.goto(site + "/")
    page.get_by_role("link", name=region_name).click()
    page.get_by_role("link", name="Route voor deze persoon").click()


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_non_eu_adult_without_residence_sexually_exploited_in_ijsselland(live_catalogue, browser, tmp_path, js):
    site = live_catalogue.url
    context = browser.new_context(java_script_enabled=js, viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    open_route(page, site, "IJsselland")
    expect(page).to_have_url(site + "/ijsselland/route/")
    assert_no_violations(page, "route form", js)
    answer(page, "Leeftijd", "meerderjarig")
    answer(page, "Nationaliteit", "van buiten de EU")
    answer(page, "Rechtmatig verblijf in Nederland (bijvoorbeeld een verblijfsvergunning)", "nee")
    page.get_by_label("Vorm van uitbuiting").select_option("seksuele-uitbuiting")
    answer(page, "Is opvang nu nodig?", "ja")
    page.get_by_role("button", name="Toon de route").click()
    expect(page).to_have_url(site + "/ijsselland/route/resultaat/")  # the answers are not in the URL

    first = page.locator("#eerst-bellen + p + ol > li")
    expect(first.nth(0)).to_contain_text("zorgcoördinator mensenhandel")
    expect(first.nth(0)).to_contain_text("mensenhandel@vtij.nl")
    expect(first.nth(1)).to_contain_text("CoMensha")
    expect(first.nth(1)).to_contain_text("033 448 11 86")
    expect(page.locator("#nu-opvang")).to_be_visible()
    for title in ("Bedenktijd (B8/3)", "Verblijfsvergunning als slachtoffer", "Categorale opvang (COSM)",
                  "Een tolk", "Gratis hulp van een advocaat", "Eerst een informatief gesprek"):
        expect(page.get_by_text(title).first).to_be_visible()
    expect(page.get_by_text("Vrouwenopvang en mannenopvang")).to_have_count(0)
    assert_no_violations(page, "route result", js)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download als PDF").click(no_wait_after=True)
    text = pdf_text(open(download.value.path(), "rb").read(), tmp_path)
    for expected in ("Route voor deze persoon in IJsselland", "Wie bel je eerst?", "06-11414026",
                     "Bedenktijd (B8/3)", "Categorale opvang (COSM)", "laatst gecontroleerd", "Inhoudsversie"):
        assert expected in text, expected

    page.get_by_role("button", name="Terug naar de vragen").click()
    expect(page.get_by_role("radiogroup", name="Nationaliteit").get_by_label("van buiten de EU")).to_be_checked()
    page.emulate_media(media="print")
    expect(page.locator("#quick-exit")).to_be_hidden()
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_dutch_minor_in_criminal_exploitation_in_hart_van_brabant(live_catalogue, browser, js):
    site = live_catalogue.url
    context = browser.new_context(java_script_enabled=js, viewport=PHONE)
    page = context.new_page()
    open_route(page, site, "Hart van Brabant")
    answer(page, "Leeftijd", "minderjarig")
    answer(page, "Nationaliteit", "Nederlands")
    page.get_by_label("Vorm van uitbuiting").select_option("criminele-uitbuiting")
    page.get_by_role("button", name="Toon de route").click()
    first = page.locator("#eerst-bellen + p + ol > li")
    expect(first).to_have_count(2)
    expect(first.nth(0)).to_contain_text("013 549 8430")
    expect(first.nth(1)).to_contain_text("Veilig Thuis")
    expect(first.nth(1)).to_contain_text("0800-2000")
    expect(page.get_by_text("Minderjarigen: het dwangmiddel hoeft niet bewezen te worden").first).to_be_visible()
    expect(page.get_by_text("Niet gestraft voor wat je gedwongen moest doen").first).to_be_visible()
    expect(page.get_by_text("Bedenktijd (B8/3)")).to_have_count(0)
    assert_no_violations(page, "route result minor", js)
    assert context.cookies() == []
    context.close()


def test_a_bad_answer_comes_back_with_a_message(live_catalogue, page):
    page.goto(live_catalogue.url + "/ijsselland/route/")
    answer(page, "Nationaliteit", "Nederlands")
    answer(page, "Rechtmatig verblijf in Nederland (bijvoorbeeld een verblijfsvergunning)", "nee")
    page.get_by_role("button", name="Toon de route").click()
    summary = page.locator("#fouten")  # the error summary has the focus, so it is read out first
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Nederlandse nationaliteit")
    expect(page.get_by_role("radiogroup", name="Nationaliteit").get_by_label("Nederlands")).to_be_checked()
    assert_no_violations(page, "route form with a message")


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_directory_search_and_filters(live_catalogue, browser, js):
    site = live_catalogue.url
    context = browser.new_context(java_script_enabled=js, viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/hart-van-brabant/")
    page.get_by_role("link", name="Organisaties", exact=True).click()
    page.get_by_label("Soort hulp").select_option("opvang")
    page.get_by_label("Voor wie").select_option("minderjarigen")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(site + "/hart-van-brabant/organisaties/?zoek=&type=opvang&voor=minderjarigen")
    expect(page.locator("#organisatie-nidos")).to_be_visible()
    expect(page.locator("#organisatie-vrouwenopvang")).to_have_count(0)
    expect(page.locator("#organisatie-fier .utrecht-status-badge").first).to_have_text(
        re.compile("nu bereikbaar|nu gesloten"))
    assert_no_violations(page, "directory filtered", js)
    page.get_by_role("searchbox", name="Zoek").fill("RUPS")
    page.get_by_label("Soort hulp").select_option("")
    page.get_by_label("Voor wie").select_option("")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#organisatie-sterk-huis")).to_be_visible()
    expect(page.locator("#organisatie-rups")).to_be_visible()
    expect(page.locator("#organisatie-nidos")).to_have_count(0)
    context.close()


def test_step_page_from_the_overview(live_catalogue, page):
    page.goto(live_catalogue.url + "/ijsselland/wegwijzer/")
    page.get_by_role("link", name="Verblijf in Nederland").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verblijf in Nederland")
    expect(page.locator("#recht-b8-bedenktijd")).to_contain_text("Laatst gecontroleerd: 23 november 2026")
    assert_no_violations(page, "step page")


@pytest.mark.parametrize("lang,title,chat", [("nl", "Jouw rechten", "Anoniem chatten"),
                                             ("pl", "Twoje prawa", "Anonimowy czat"),
                                             ("ro", "Drepturile tale", "Chat anonim"),
                                             ("bg", "Твоите права", "Анонимен чат"),
                                             ("en", "Your rights", "Chat anonymously")])
def test_jouw_rechten_in_each_language(live_catalogue, page, lang, title, chat):
    page.goto(live_catalogue.url + "/ijsselland/")
    page.get_by_role("link", name="Jouw rechten (voor slachtoffers)").click()
    if lang != "nl":
        page.locator(f'a[hreflang="{lang}"]').click()
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name=chat)).to_be_visible()
    expect(page.locator("#chat")).to_be_visible()
    expect(page.locator(".ww-chat")).to_contain_text("16:00-06:00")
    expect(page.locator("#niet-nagekeken")).to_have_count(0 if lang == "nl" else 1)
    expect(page.locator("#quick-exit")).to_be_visible()
    assert_no_violations(page, f"jouw rechten {lang}")
    assert page.context.cookies() == []
