"""What axe cannot check, checked in headless Chromium (WCAG-EM sample; docs/accessibility/evaluation.yaml
cites these tests as evidence): the quick exit within reach after scrolling on a phone, reflow at 320 px on
every kind of page, text spacing and 200 % text, a keyboard walk through the signaleringshulp with a visible,
unobscured focus, error summaries that take the focus and lead to the field, a multi-line note counted the
way the browser counts, announced login errors, and the language of every part of a translated page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from wegwijzer.accounts.models import Membership, Organisation, Role
from wegwijzer.accounts.testing import login_browser
from wegwijzer.catalogue.models import Signal, VictimRightsPage

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONES = [{"width": 390, "height": 844}, {"width": 320, "height": 568}]

# One page of every kind that needs no login; the route and check results are reached by posting.
PUBLIC_KINDS = [
    "/", "/ijsselland/", "/ijsselland/vormen/seksuele-uitbuiting/", "/hart-van-brabant/vormen/criminele-uitbuiting/",
    "/ijsselland/meldcode/", "/ijsselland/contacten/", "/ijsselland/kwetsbare-groepen/", "/ijsselland/hulp/",
    "/ijsselland/sekswerkers/", "/ijsselland/signaleringshulp/", "/ijsselland/wegwijzer/", "/groningen/",
    "/midden-en-west-brabant/", "/regios/", "/regio/?gemeente=Bergen", "/regio/?gemeente=Atlantis",
    "/ijsselland/wegwijzer/beschermen/opvang/", "/ijsselland/organisaties/", "/ijsselland/route/",
    "/jouw-rechten/", "/jouw-rechten/bg/", "/jouw-rechten/snel-weg/", "/jouw-rechten/pl/snel-weg/",
    "/toegankelijkheid/", "/en/toegankelijkheid/", "/privacy/", "/en/privacy/", "/account/login/",
    "/en/ijsselland/signaleringshulp/", "/bestaat-niet/",
]


def _posted(page, site, path, fill):
    """Open ``path``, let ``fill(page)`` answer, submit the form, and wait for the next page."""
    page.goto(site + path)
    fill(page)


def _check_result(page):
    page.locator("input[name^='s-'][value='waargenomen']").first.check()
    page.get_by_role("button", name="Bekijk wat dit betekent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat de signalen kunnen betekenen")


def _route_result(page):
    page.get_by_role("button", name="Toon de route").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Route voor deze persoon in")


def _login_error(page):
    page.get_by_label("Gebruikersnaam").fill("iemand")
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Volgende").click()
    expect(page).to_have_title(re.compile(r"^Fout: "))


FLOWS = [("/ijsselland/signaleringshulp/", _check_result), ("/ijsselland/route/", _route_result),
         ("/account/login/", _login_error)]


def _every_kind(page, site):
    """Visit every kind of page, then every flow's end; yield (a name, how to reach it again) for each."""
    for path in PUBLIC_KINDS:
        def reach(path=path):
            page.goto(site + path)
        reach()
        yield path, reach
    for path, fill in FLOWS:
        def reach(path=path, fill=fill):
            _posted(page, site, path, fill)
        reach()
        yield f"{path} (na versturen)", reach


def _horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _exit_in_view(page) -> dict:
    return page.evaluate("""() => {
        const r = document.getElementById('quick-exit').getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                vw: document.documentElement.clientWidth, vh: window.innerHeight,
                atEnd: Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight) < 2,
                scrolled: window.scrollY};
    }""")


def _assert_in_view(box, where):
    assert box["top"] >= 0 and box["left"] >= 0, where
    assert box["bottom"] <= box["vh"] and box["right"] <= box["vw"], where


def test_quick_exit_stays_in_view_after_scrolling_on_small_screens(live_catalogue, browser):
    site = live_catalogue.url
    for viewport in PHONES:
        context = browser.new_context(viewport=viewport, bypass_csp=True)  # wait_for_function injects a script
        page = context.new_page()
        heights, reaches = {}, {}
        for name, reach in _every_kind(page, site):
            heights[name], reaches[name] = page.evaluate("document.documentElement.scrollHeight"), reach
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            box = _exit_in_view(page)
            _assert_in_view(box, f"{name} at {viewport}")
        longest = max(heights, key=heights.get)
        assert heights[longest] > 10 * viewport["height"], heights  # the check page: dozens of signals
        # the longest page once more, scrolled to its very end by keyboard (End) as well as by the wheel
        reaches[longest]()
        page.keyboard.press("End")
        page.mouse.wheel(0, heights[longest])
        page.wait_for_function("Math.abs(window.scrollY + window.innerHeight"
                               " - document.documentElement.scrollHeight) < 2")
        box = _exit_in_view(page)
        assert box["atEnd"] and box["scrolled"] > 0
        _assert_in_view(box, f"end of {longest} at {viewport}")
        # it still works from there, and does not cover the page's last line of content
        footer = page.locator("footer").bounding_box()
        assert footer["y"] >= box["bottom"]
        context.close()


def test_no_horizontal_scroll_at_320px_on_every_page_kind(live_catalogue, browser):
    site = live_catalogue.url
    context = browser.new_context(viewport={"width": 320, "height": 568})
    page = context.new_page()
    wide = {name: _horizontal_overflow(page) for name, _reach in _every_kind(page, site)}
    # dossier pages, logged in (a verified session, as after TOTP)
    _login_context(context, site)
    for path in ["/dossier/", "/dossier/nieuw/", "/account/two_factor/"]:
        page.goto(site + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        wide[path] = _horizontal_overflow(page)
    page.goto(site + "/dossier/nieuw/")
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dossier MH-")
    wide["dossier"] = _horizontal_overflow(page)
    page.get_by_role("link", name="Signaal vastleggen").click()
    wide["signaal vastleggen"] = _horizontal_overflow(page)
    assert {k: v for k, v in wide.items() if v > 0} == {}
    context.close()


TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def _clipped(page) -> list[str]:
    """Elements whose text is cut off: overflow hidden/clip with content larger than the box."""
    return page.evaluate("""() => [...document.querySelectorAll('main *, header *, aside *, footer *')]
        .filter(e => { const s = getComputedStyle(e);
            if (e.closest('.ww-visually-hidden, [hidden]') || s.display === 'none') return false;
            const hides = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
            return hides && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1); })
        .map(e => e.tagName + '.' + e.className)""")


def test_text_spacing_and_200_percent_text_keep_everything_visible(live_catalogue, browser):
    site = live_catalogue.url
    paths = ["/ijsselland/signaleringshulp/", "/ijsselland/contacten/", "/ijsselland/organisaties/",
             "/jouw-rechten/ro/", "/account/login/", "/toegankelijkheid/"]
    # WCAG 1.4.12: the text-spacing overrides on a phone-sized screen (bypass_csp: add_style_tag injects a style)
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    for path in paths:
        page.goto(site + path)
        page.add_style_tag(content=TEXT_SPACING)
        assert _horizontal_overflow(page) <= 0, path
        assert _clipped(page) == [], path
        _assert_in_view(_exit_in_view(page), path)
    context.close()
    # WCAG 1.4.4: text at 200 % (the browser's text size, not zoom) on a 1280 px screen
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    for path in paths:
        page.goto(site + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        assert _horizontal_overflow(page) <= 0, path
        assert _clipped(page) == [], path
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        _assert_in_view(_exit_in_view(page), f"{path} at 200 %")
    context.close()


def test_keyboard_walk_of_the_check_reaches_every_control_with_visible_focus(live_catalogue, browser):
    site = live_catalogue.url
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site + "/ijsselland/signaleringshulp/")
    # every control a keyboard user must reach: one stop per radio group, every select, textarea, button, link
    expected = page.evaluate("""() => {
        const seen = new Set(); let n = 0;
        for (const e of document.querySelectorAll('a[href], button, input, select, textarea')) {
            if (e.type === 'hidden' || e.disabled || e.closest('[hidden]') || !e.getClientRects().length) continue;
            if (e.type === 'radio') { if (seen.has(e.name)) continue; seen.add(e.name); }
            n++;
        }
        return n; }""")
    reached, problems = [], []
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        info = page.evaluate("""async () => {
            // the theme scrolls smoothly: measure where the focus ends up, once the scrolling has stopped
            let last = -1, still = 0;
            for (let i = 0; i < 120 && still < 3; i++) {
                await new Promise(r => requestAnimationFrame(r));
                still = window.scrollY === last ? still + 1 : 0; last = window.scrollY;
            }
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            const bar = document.getElementById('topbar').getBoundingClientRect();
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            // what is on top at the focused control's centre: the control itself (or its label), not the bar
            const label = e.closest('label') || (e.id && document.querySelector(`label[for="${e.id}"]`));
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const onTop = !!hit && (e.contains(hit) || hit.contains(e) || (label && label.contains(hit)));
            return {key: e.id || e.name || e.textContent.trim().slice(0, 30), tag: e.tagName, ring, onTop,
                    top: r.top, bottom: r.bottom, barBottom: bar.bottom, vh: window.innerHeight};
        }""")
        if info is None:  # past the last control: the focus left the page, nothing trapped it
            break
        reached.append(info["key"])
        if not info["ring"]:
            problems.append(f"no visible focus on {info}")
        if not info["onTop"] or info["top"] < 0 or info["bottom"] > info["vh"] + 1:
            problems.append(f"focus hidden under the bar or off screen: {info}")
    assert problems == [], "\n".join(problems)
    assert len(reached) == expected, (len(reached), expected)  # every control once, then out: no trap
    assert reached[:3] == ["Naar de inhoud", "Bel 112", "quick-exit"]  # the quick exit is the third stop
    context.close()


def _tamper_note(page, key, text):
    page.evaluate("([key, text]) => { const t = document.getElementById('notitie-' + key);"
                  " t.removeAttribute('maxlength'); t.value = text; }", [key, text])


def test_error_summary_gets_focus_and_links_to_the_invalid_field(live_catalogue, browser):
    site = live_catalogue.url
    signal = Signal.objects.order_by("order", "id")[3]
    for js in (True, False):
        context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=js)
        page = context.new_page()
        page.goto(site + "/ijsselland/signaleringshulp/")
        page.locator(f"#s-{signal.key}-waargenomen").check()
        if js:
            _tamper_note(page, signal.key, "x" * 501)  # more than the browser would let anyone type
        else:
            page.locator(f"#notitie-{signal.key}").evaluate("t => t.removeAttribute('maxlength')")
            page.locator(f"#notitie-{signal.key}").fill("x" * 501)
        page.get_by_role("button", name="Bekijk wat dit betekent").click()
        expect(page).to_have_title(re.compile(r"^Fout: Signaleringshulp"))
        summary = page.locator("#fouten")
        expect(summary).to_be_focused()  # autofocus works without JavaScript too
        link = summary.get_by_role("link")
        expect(link).to_have_count(1)
        expect(link).to_contain_text(signal.text[:40])  # names which of the signals is meant
        expect(link).to_have_attribute("href", f"#notitie-{signal.key}")
        field = page.locator(f"#notitie-{signal.key}")
        expect(field).to_have_attribute("aria-invalid", "true")
        message = page.locator(f"#{field.get_attribute('aria-describedby')}")
        expect(message).to_contain_text("langer dan 500 tekens")
        link.click()
        if js:
            expect(field).to_be_focused()
        context.close()
    # the route: a Dutch national without lawful residence is refused, with the field marked
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site + "/ijsselland/route/")
    page.locator("#nationaliteit-nl").check()
    page.locator("#verblijf-nee").check()
    page.get_by_role("button", name="Toon de route").click()
    expect(page).to_have_title(re.compile(r"^Fout: Route voor deze persoon"))
    expect(page.locator("#fouten")).to_be_focused()
    page.locator("#fouten").get_by_role("link").first.click()
    group = page.locator("#verblijf")
    expect(group).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#verblijf-ja")).to_be_focused()
    assert Axe().run(page, options=WCAG).violations_count == 0
    page.close()
    # a dossier form: a signal without a date and place
    context = browser.new_context(viewport={"width": 390, "height": 844})
    _login_context(context, site)
    page = context.new_page()
    page.goto(site + "/dossier/nieuw/")
    page.get_by_role("button", name="Dossier aanmaken").click()
    page.get_by_role("link", name="Signaal vastleggen").click()
    page.get_by_role("button", name="Vastleggen").click()
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(page.locator("#fouten")).to_be_focused()
    page.locator("#fouten").get_by_role("link", name=re.compile("^Plaats")).click()
    expect(page.locator("#id_place")).to_be_focused()
    expect(page.locator("#id_place")).to_have_attribute("aria-invalid", "true")
    assert Axe().run(page, options=WCAG).violations_count == 0
    context.close()


def test_multiline_note_of_500_characters_is_accepted(live_catalogue, browser):
    site = live_catalogue.url
    signal = Signal.objects.order_by("order", "id")[0]
    lines = ["regel %d " % i + "x" * (49 - len("regel %d " % i)) for i in range(10)]
    note = "\n".join(lines) + "!"  # 10 lines: 9 line breaks + 491 characters = 500 as the browser counts
    assert len(note) == 500
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "/ijsselland/signaleringshulp/")
    page.locator(f"#s-{signal.key}-waargenomen").check()
    textarea = page.locator(f"#notitie-{signal.key}")
    textarea.click()
    for i, line in enumerate(lines):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(line)
    page.keyboard.type("!")
    page.keyboard.type("meer")  # the browser stops at 500
    assert textarea.input_value() == note
    page.get_by_role("button", name="Bekijk wat dit betekent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat de signalen kunnen betekenen")
    expect(page).not_to_have_title(re.compile("Fout"))
    # the note is carried to the summary intact, line breaks and all
    page.get_by_role("button", name="Samenvatting om af te drukken").click()
    expect(page.get_by_text(lines[9])).to_be_visible()
    page.close()
    # and in a dossier form (a signal's facts: 2,000 characters at most), typed over several lines too
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    _login_context(context, site)
    page = context.new_page()
    page.goto(site + "/dossier/nieuw/")
    page.get_by_role("button", name="Dossier aanmaken").click()
    page.get_by_role("link", name="Signaal vastleggen").click()
    facts = page.locator("#id_facts")
    limit = int(facts.get_attribute("maxlength"))
    page.get_by_label("Signaal uit de signalenkaart").select_option(signal.key)
    page.get_by_label("Datum").fill("2026-11-20")
    page.get_by_label("Plaats").fill("Zwolle")
    page.get_by_label("zelf gezien").check()
    facts.click()
    line = "y" * 99
    for i in range(limit // 100):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(line)
    page.keyboard.type("z" * (limit - len(facts.input_value())))
    assert len(facts.input_value()) == limit and facts.input_value().count("\n") == limit // 100 - 1
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dossier MH-")
    expect(page.get_by_text("y" * 99).first).to_be_visible()  # the facts, kept with their line breaks
    context.close()


def test_login_errors_are_announced(live_catalogue, browser):
    site = live_catalogue.url
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site + "/account/login/")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()  # before an error: straight to the name
    _login_error(page)
    summary = page.locator("#fouten")
    expect(summary).to_be_focused()  # a screen reader reads the summary, not the empty user name field
    expect(summary).to_have_accessible_name("Er is een probleem")
    expect(summary).to_contain_text("Voer een juiste gebruikersnaam en wachtwoord in")
    assert page.get_by_label("Gebruikersnaam").get_attribute("autofocus") is None
    expect(page.get_by_role("button", name="Terug")).to_have_count(0)  # no disabled "Terug" on the first step
    assert page.locator("table").count() == 0  # no layout table
    box = page.get_by_label("Gebruikersnaam").bounding_box()
    assert box["height"] >= 40  # NL Design System text boxes, not 21 px browser defaults
    expect(page.locator("footer")).to_contain_text(re.compile(r"Inhoudsversie \S+"))
    assert Axe().run(page, options=WCAG).violations_count == 0
    page.close()


def test_parts_in_another_language_are_marked(live_catalogue, page):
    site = live_catalogue.url
    for victim_page in VictimRightsPage.objects.all():
        lang, data = victim_page.lang, victim_page.data
        prefix = "" if lang == "nl" else f"{lang}/"
        for path, title in [(f"/jouw-rechten/{prefix}", data["title"]),
                            (f"/jouw-rechten/{prefix}snel-weg/", data["quick_exit_page"]["title"])]:
            page.goto(site + path)
            assert page.locator("html").get_attribute("lang") == lang
            expect(page.get_by_role("heading", level=1)).to_have_text(title)
            page.keyboard.press("Tab")
            expect(page.locator(":focus")).to_have_text(data["skip_link"])
            chrome = page.evaluate("""() => [...document.querySelectorAll('body a, body button, nav, aside')]
                .map(e => [e.closest('[lang]').getAttribute('lang'), e.getAttribute('aria-label') || '',
                           e.textContent.trim()])""")
            for part_lang, label, text in chrome:
                # every piece of chrome is in the page's language, or marked with its own
                if part_lang == lang:
                    assert "Naar de inhoud" not in text or lang == "nl", (path, text)
                    assert label not in ("Snel weg", "Taal") or lang == "nl", (path, label)
            others = page.locator(".ww-lang a")
            for i in range(others.count()):
                assert others.nth(i).get_attribute("lang") == others.nth(i).get_attribute("hreflang")


def _login_context(context, site):
    """A browser context logged in to the dossier as a professional with a verified second factor."""
    organisation = Organisation.objects.get_or_create(name="Wijkteam Zwolle", region_slug="ijsselland")[0]
    user = get_user_model().objects.filter(username="a11y").first()
    if user is None:
        user = get_user_model().objects.create(username="a11y", password=make_password("x" * 16, hasher="md5"))
        Membership.objects.create(user=user, organisation=organisation, role=Role.PROFESSIONAL)
        TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    login_browser(context, site, user)
