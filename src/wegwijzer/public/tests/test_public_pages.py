"""Public pages through Django's test client: every page in the sitemap renders with the quick exit,
112, the right language, no cookies and nothing from another host; caching; region choice; 404s."""

import re
from datetime import datetime
from xml.etree import ElementTree

import pytest
import time_machine

from wegwijzer.catalogue import models as m
from wegwijzer.domain.hours import AMSTERDAM

pytestmark = pytest.mark.usefixtures("catalogue")
REGION_PAGES = ["", "meldcode/", "contacten/", "kwetsbare-groepen/", "hulp/", "sekswerkers/", "signaleringshulp/",
                "wegwijzer/", "organisaties/", "route/"]


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.content)
    return [re.sub(r"^https?://[^/]+", "", loc.text) for loc in root.findall("s:url/s:loc", ns)]


def test_sitemap_lists_every_public_page_for_every_region_and_language(client):
    paths = set(sitemap_paths(client))
    regions = list(m.Region.objects.values_list("slug", flat=True))
    forms = list(m.Form.objects.values_list("slug", flat=True))
    assert {"ijsselland", "hart-van-brabant", "groningen", "landelijk"} <= set(regions) and len(forms) == 4
    assert len(regions) == 25 + 2  # every veiligheidsregio, Hart van Brabant and "Landelijk"
    steps = list(m.PhaseStep.objects.values_list("phase__slug", "slug"))
    assert len(steps) >= 12
    expected = {"/", "/en/", "/toegankelijkheid/", "/en/toegankelijkheid/", "/privacy/", "/en/privacy/", "/regios/",
                "/en/regios/"}
    for lang in ("", "en/", "pl/", "ro/", "bg/"):
        expected |= {f"/jouw-rechten/{lang}", f"/jouw-rechten/{lang}snel-weg/"}
    for prefix in ("/", "/en/"):
        for region in regions:
            expected |= {f"{prefix}{region}/{page}" for page in REGION_PAGES}
            expected |= {f"{prefix}{region}/vormen/{form}/" for form in forms}
            expected |= {f"{prefix}{region}/wegwijzer/{phase}/{step}/" for phase, step in steps}
    assert paths == expected


def test_every_page_is_safe_and_complete(client):
    for path in sitemap_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        victim = re.match(r"^/jouw-rechten/(?:([a-z]{2})/)?(?:snel-weg/)?$", path)
        lang = (victim.group(1) or "nl") if victim else ("en" if path.startswith("/en/") else "nl")
        assert f'<html lang="{lang}"' in html, path
        assert 'id="quick-exit"' in html, path
        assert 'href="tel:112"' in html, path
        for link in ("toegankelijkheid/", "privacy/", "snel-weg/"):  # the footer links to the statements
            assert re.search(rf'<footer.*href="[^"]*{link}"', html, re.S), (path, link)
        assert not response.cookies, f"{path} sets a cookie"
        assert "Set-Cookie" not in response, path
        # Everything the page loads comes from this host.
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for url in re.findall(rf"<{tag}\b[^>]*\b{attr}=\"([^\"]+)\"", html):
                assert url.startswith(("/", "data:")) and not url.startswith("//"), f"{path} loads {url}"
        assert "default-src 'self'" in response["Content-Security-Policy"]


def test_form_page_shows_signals_by_theme_tips_and_steps(client):
    html = client.get("/ijsselland/vormen/seksuele-uitbuiting/").content.decode()
    signal = m.Signal.objects.filter(forms__slug="seksuele-uitbuiting").first()
    assert signal.text_nl in html
    for theme in m.Theme.objects.filter(signals__forms__slug="seksuele-uitbuiting").distinct():
        assert theme.name_nl in html
    assert "Wat helpt" in html and "Wat belemmert" in html
    assert "pooier" in html.lower()
    assert "mensenhandel@vtij.nl" in html  # the region's zorgcoördinator at the steps
    assert "Sterk Huis" not in html  # another region's contact is not shown


def test_english_pages_are_english(client):
    html = client.get("/en/hart-van-brabant/vormen/criminele-uitbuiting/").content.decode()
    signal = m.Signal.objects.filter(forms__slug="criminele-uitbuiting").first()
    assert signal.text_en in html and signal.text_nl not in html
    assert "Quick exit" in html and "Call 112" in html
    assert "Wat helpt" not in html


def test_steps_page_lists_five_steps_with_regional_contacts(client):
    html = client.get("/hart-van-brabant/meldcode/").content.decode()
    for number in range(1, 6):
        assert f'id="stap-{number}"' in html
    assert "013 549 8430" in html and "0800-2000" in html


@time_machine.travel(datetime(2026, 11, 23, 21, 30, tzinfo=AMSTERDAM), tick=False)
def test_contacts_page_says_who_is_reachable_now_in_the_evening(client):
    html = client.get("/ijsselland/contacten/").content.decode()
    fier = html[html.index('id="contact-fier-chat"'):]
    assert "nu open tot 06:00" in fier[:2000]
    comensha = html[html.index('id="contact-comensha"'):]
    assert "gesloten, opent morgen om 09:00" in comensha[:2000]


@time_machine.travel(datetime(2026, 11, 28, 14, 0, tzinfo=AMSTERDAM), tick=False)
def test_contacts_page_on_saturday_afternoon_in_english(client):
    html = client.get("/en/ijsselland/contacten/").content.decode()
    fier = html[html.index('id="contact-fier-chat"'):]
    assert "closed, opens today at 20:00" in fier[:2000]
    nl = client.get("/ijsselland/contacten/").content.decode()
    assert "gesloten, opent vandaag om 20:00" in nl


def test_public_pages_send_etag_and_answer_304(client):
    response = client.get("/ijsselland/vormen/sekswerk/")
    etag = response["ETag"]
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    again = client.get("/ijsselland/vormen/sekswerk/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get("/en/ijsselland/vormen/sekswerk/")["ETag"] != etag  # language
    assert client.get("/hart-van-brabant/vormen/sekswerk/")["ETag"] != etag  # region
    m.ContentVersion.objects.create(version="nieuwe-versie")
    changed = client.get("/ijsselland/vormen/sekswerk/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag  # content version


def test_contacts_page_etag_changes_when_a_contact_opens(client):
    with time_machine.travel(datetime(2026, 11, 23, 15, 0, tzinfo=AMSTERDAM), tick=False):
        before = client.get("/ijsselland/contacten/")
        max_age = int(re.search(r"max-age=(\d+)", before["Cache-Control"]).group(1))
        assert max_age <= 3600  # CoMensha closes at 17:00, Fier opens at 16:00: at most an hour
    with time_machine.travel(datetime(2026, 11, 23, 16, 30, tzinfo=AMSTERDAM), tick=False):
        after = client.get("/ijsselland/contacten/", HTTP_IF_NONE_MATCH=before["ETag"])
        assert after.status_code == 200 and after["ETag"] != before["ETag"]


def test_region_choice_lives_in_the_url(client):
    response = client.get("/regio/?regio=hart-van-brabant")
    assert response.status_code == 302 and response["Location"] == "/hart-van-brabant/"
    assert not response.cookies
    bad = client.get("/regio/?regio=atlantis")
    assert bad.status_code == 200 and "Onbekende regio “atlantis”" in bad.content.decode()
    assert 'href="/groningen/"' in bad.content.decode()  # the list of regions to choose from
    assert client.get("/en/regio/?regio=ijsselland")["Location"] == "/en/ijsselland/"


@pytest.mark.parametrize("path", ["/atlantis/", "/ijsselland/vormen/onzin/", "/en/atlantis/meldcode/"])
def test_unknown_region_or_form_is_a_friendly_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="quick-exit"' in html and "112" in html


def test_the_server_error_page_marks_its_english_part(rf):
    from wegwijzer.public.errors import server_error

    html = server_error(rf.get("/")).content.decode()
    assert '<html lang="nl">' in html and '<span lang="en">Something went wrong</span>' in html
    assert 'id="quick-exit"' in html
