"""Browser tests in headless Chromium (Debian's /usr/bin/chromium): region choice, a form page, the
quick exit (with and without JavaScript), the switch to English, print, and axe (WCAG 2.1 A/AA) with
zero violations on every page of the sitemap — which also must set no cookie and request nothing from
another host."""

import re
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
NEUTRAL = "<!DOCTYPE html><html lang='nl'><head><title>Weer</title></head><body><p>neutraal</p></body></html>"


@pytest.fixture
def site(live_catalogue):
    return live_catalogue.url


@pytest.fixture
def neutral_page(page):
    """The neutral site is not on this machine's network: answer it inside the browser."""
    host = urlparse(settings.QUICK_EXIT_URL).netloc
    page.route(f"https://{host}/**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    return page


def test_choose_a_region_on_a_phone_sized_screen(site, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site + "/")
    page.get_by_role("link", name="Hart van Brabant").click()
    expect(page).to_have_url(site + "/hart-van-brabant/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hart van Brabant")
    assert page.context.cookies() == []


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_find_the_region_by_the_municipality_you_work_in(site, browser, js):
    context = browser.new_context(java_script_enabled=js, viewport={"width": 390, "height": 844})
    page = context.new_page()
    for typed, region, heading in [("Zwolle", "ijsselland", "IJsselland"), ("tilburg", "hart-van-brabant",
                                   "Hart van Brabant"), ("Den Bosch", "brabant-noord", "Brabant-Noord"),
                                   ("Weesp", "amsterdam-amstelland", "Amsterdam-Amstelland"),
                                   ("Maastricht", "zuid-limburg", "Zuid-Limburg")]:
        page.goto(site + "/")
        page.get_by_label("In welke gemeente werk je?").fill(typed)
        page.get_by_role("button", name="Zoek mijn regio").click()
        expect(page).to_have_url(f"{site}/{region}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Mensenhandel in {heading}")
    expect(page.locator("#gemeenten")).to_contain_text("Maastricht")
    page.goto(site + "/")
    page.get_by_label("In welke gemeente werk je?").fill("Atlantis")
    page.get_by_role("button", name="Zoek mijn regio").click()
    expect(page.locator("#geen-gemeente")).to_contain_text("Geen gemeente gevonden die lijkt op “Atlantis”")
    expect(page.get_by_role("link", name="Groningen")).to_be_visible()
    page.get_by_label("In welke gemeente werk je?").fill("Bergen")
    page.get_by_role("button", name="Zoek mijn regio").click()
    page.get_by_role("link", name="Bergen (NH.)").click()
    expect(page).to_have_url(f"{site}/noord-holland-noord/")
    assert context.cookies() == []
    context.close()


def test_form_page_shows_signals_tips_steps_and_prints_as_a_card(site, page):
    page.goto(site + "/ijsselland/")
    page.get_by_role("link", name="Criminele uitbuiting").first.click()
    expect(page).to_have_url(site + "/ijsselland/vormen/criminele-uitbuiting/")
    expect(page.get_by_role("heading", name="Mogelijke signalen")).to_be_visible()
    assert page.locator(".ww-signals li").count() >= 10
    expect(page.get_by_role("heading", name="Wat helpt")).to_be_visible()
    expect(page.locator("#stap-5")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".ww-nav")).to_be_hidden()
    expect(page.locator("#quick-exit")).to_be_hidden()
    expect(page.locator(".ww-signals").first).to_be_visible()


def test_quick_exit_leaves_and_replaces_the_history_entry(site, neutral_page):
    page = neutral_page
    page.goto(site + "/")
    page.goto(site + "/ijsselland/contacten/")
    exit_link = page.locator("#quick-exit")
    expect(exit_link).to_be_visible()
    expect(exit_link).to_contain_text("Snel weg")
    exit_link.click()
    expect(page.get_by_text("neutraal")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(site + "/")  # the sensitive page is no longer in the history


def test_escape_twice_leaves_the_site(site, neutral_page):
    page = neutral_page
    page.goto(site + "/")
    page.goto(site + "/hart-van-brabant/vormen/seksuele-uitbuiting/")
    page.keyboard.press("Escape")
    assert page.url.startswith(site)  # once is not enough
    page.keyboard.press("Escape")
    expect(page.get_by_text("neutraal")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(site + "/")


def test_quick_exit_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    host = urlparse(settings.QUICK_EXIT_URL).netloc
    page.route(f"https://{host}/**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    page.goto(site + "/ijsselland/")
    page.locator("#quick-exit").click()
    expect(page.get_by_text("neutraal")).to_be_visible()
    context.close()


def test_switch_to_english_and_back(site, page):
    page.goto(site + "/ijsselland/meldcode/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(site + "/en/ijsselland/meldcode/")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("#quick-exit")).to_contain_text("Quick exit")
    expect(page.locator(".ww-danger")).to_contain_text("In acute danger? Call 112")
    page.get_by_role("link", name="Nederlands").click()
    expect(page).to_have_url(site + "/ijsselland/meldcode/")


def _sitemap_paths(page, site):
    xml = page.request.get(site + "/sitemap.xml").text()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [re.sub(r"^https?://[^/]+", "", loc.text) for loc in ElementTree.fromstring(xml).findall("s:url/s:loc", ns)]


# axe on every page kind in every language for the two regions with their own content, one region with the
# national content only (and the "Landelijk" choice); every other sitemap page gets the fast server-side check
# in test_public_pages.py::test_every_page_is_safe_and_complete.
AXE_REGIONS = ("ijsselland", "hart-van-brabant", "groningen", "landelijk")


def _axe_paths(paths):
    """The sitemap's pages outside a region, and every page of the regions in AXE_REGIONS."""
    regional = re.compile(r"^/(?:en/)?([a-z0-9-]+)/")
    from wegwijzer.catalogue.models import Region

    slugs = set(Region.objects.values_list("slug", flat=True))
    chosen = []
    for path in paths:
        match = regional.match(path)
        if match and match.group(1) in slugs and match.group(1) not in AXE_REGIONS:
            continue
        chosen.append(path)
    return chosen


def test_axe_finds_no_violations_on_any_page_and_nothing_leaves_the_host(site, page):
    own = urlparse(site).netloc
    foreign: list[str] = []
    page.on("request", lambda request: foreign.append(request.url) if urlparse(request.url).netloc != own else None)
    axe = Axe()
    paths = _sitemap_paths(page, site)
    from wegwijzer.catalogue.models import Form, PhaseStep, Region, VictimRightsPage

    per_region = 10 + Form.objects.count() + PhaseStep.objects.count()
    # home, the regions overview, toegankelijkheid and privacy, and every region page, in nl and en; Jouw rechten
    # and "Wat doet Snel weg?" in each of their languages
    assert len(paths) == 2 * (4 + Region.objects.count() * per_region) + 2 * VictimRightsPage.objects.count()
    chosen = _axe_paths(paths)
    assert len(chosen) == 2 * (4 + len(AXE_REGIONS) * per_region) + 2 * VictimRightsPage.objects.count()
    report = []
    for path in chosen + ["/regio/?gemeente=Bergen", "/regio/?gemeente=Atlantis"]:
        page.goto(site + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                   "wcag21aa"]}})
        if results.violations_count:
            report.append(f"{path}:\n{results.generate_report()}")
    assert not report, "\n".join(report)
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert page.context.cookies() == []
