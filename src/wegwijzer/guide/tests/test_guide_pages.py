"""Wegwijzer pages through Django's test client: phases and steps with last-checked dates, the directory
and its filters, the route (POST only, no-store, nothing stored, bad input refused with a message), the
route PDF read back with pdftotext, and Jouw rechten in five languages."""

import logging
import re
import subprocess
from datetime import datetime

import pytest
import time_machine
from django.apps import apps

from wegwijzer.catalogue import models as m
from wegwijzer.domain.hours import AMSTERDAM

pytestmark = pytest.mark.usefixtures("catalogue")

NON_EU_ADULT = {"leeftijd": "meerderjarig", "nationaliteit": "non-eu", "verblijf": "nee",
                "vorm": "seksuele-uitbuiting", "aangifte": "nee", "opvang": "nee"}
DUTCH_MINOR = {"leeftijd": "minderjarig", "nationaliteit": "nl", "verblijf": "onbekend",
               "vorm": "criminele-uitbuiting", "aangifte": "nee", "opvang": "nee"}


def text(response) -> str:
    return response.content.decode()


def test_overview_lists_the_four_phases_with_links_to_every_step(client):
    html = text(client.get("/ijsselland/wegwijzer/"))
    for name in ("Signaleren", "Beschermen", "Strafrechtelijk proces", "Compensatie"):
        assert name in html
    for step in m.PhaseStep.objects.select_related("phase"):
        assert f'/ijsselland/wegwijzer/{step.phase.slug}/{step.slug}/' in html


def test_step_page_shows_plain_language_rights_with_last_checked_and_organisations(client):
    right = m.Right.objects.get(slug="b8-bedenktijd")
    html = text(client.get("/ijsselland/wegwijzer/beschermen/verblijf/"))
    assert right.title_nl in html and right.text_nl.split(".")[0] in html
    assert "Laatst gecontroleerd" in html and right.last_checked.strftime("%Y-%m-%d") in html
    assert "Wat betekent dit voor de persoon?" in html
    assert "Politie (AVIM)" in html and "CoMensha" in html


def test_a_changed_last_checked_date_shows_on_the_pages(client):
    m.Right.objects.filter(slug="opvang-cosm").update(last_checked="2031-02-03")
    assert 'datetime="2031-02-03"' in text(client.get("/ijsselland/wegwijzer/beschermen/opvang/"))
    html = text(client.post("/ijsselland/route/resultaat/", NON_EU_ADULT))
    assert "3-2-2031" in html


def test_unverified_organisations_show_it_with_their_date(client):
    html = text(client.get("/ijsselland/organisaties/?zoek=misdaad"))
    assert "Meld Misdaad Anoniem" in html and "Niet bevestigd in de bronnen" in html and "23-11-2026" in html


def test_step_page_in_english(client):
    html = text(client.get("/en/hart-van-brabant/wegwijzer/strafrechtelijk-proces/opsporing-en-vervolging/"))
    assert "Not punished for what you were forced to do" in html and '<html lang="en"' in html


def test_unknown_step_is_404(client):
    assert client.get("/ijsselland/wegwijzer/beschermen/bestaat-niet/").status_code == 404
    assert client.get("/bestaat-niet/wegwijzer/").status_code == 404


# ------------------------------------------------------------------------------------------ directory


def org_ids(response) -> list[str]:
    import re
    return re.findall(r'id="organisatie-([a-z0-9-]+)"', text(response))


def test_directory_shows_regional_and_national_organisations(client):
    brabant = org_ids(client.get("/hart-van-brabant/organisaties/"))
    assert {"zorgcoordinatie", "sterk-huis", "veilig-thuis", "comensha", "fier", "nidos"} <= set(brabant)
    ijsselland = org_ids(client.get("/ijsselland/organisaties/"))
    assert "sterk-huis" not in ijsselland and "zorgcoordinatie" in ijsselland


@pytest.mark.parametrize("query,included,excluded", [
    ("type=opvang", {"comensha", "nidos", "vrouwenopvang", "fier"}, {"politie", "schadefonds"}),
    ("voor=minderjarigen", {"nidos", "jeugdzorg", "veilig-thuis"}, {"vrouwenopvang", "rups", "sterk-huis"}),
    ("type=uitstapprogramma&voor=sekswerkers", {"sterk-huis", "rups", "ccv"}, {"nidos", "veilig-thuis"}),
    ("zoek=bedenktijd", {"politie", "arbeidsinspectie"}, {"fier", "rups"}),
    ("zoek=LEEUWARDEN", {"fier"}, {"comensha"}),
])
def test_directory_filters_without_javascript(client, query, included, excluded):
    found = set(org_ids(client.get(f"/hart-van-brabant/organisaties/?{query}")))
    assert included <= found, included - found
    assert not (excluded & found)


def test_directory_says_when_nothing_matches_and_explains_a_bad_filter(client):
    assert "Geen organisaties gevonden" in text(client.get("/ijsselland/organisaties/?zoek=xyzzy"))
    response = client.get("/ijsselland/organisaties/?type=kapper&voor=katten")
    assert response.status_code == 200
    html = text(response)
    assert "onbekend type" in html and "onbekende doelgroep" in html and 'id="organisatie-comensha"' in html
    english = text(client.get("/en/ijsselland/organisaties/?type=kapper"))
    assert "unknown type" in english


def test_directory_shows_whether_each_organisation_is_reachable_now(client):
    # Tuesday 23:00: the Fier chat is open (16:00-06:00), CoMensha is closed (09:00-17:00).
    with time_machine.travel(datetime(2026, 11, 24, 23, tzinfo=AMSTERDAM), tick=False):
        html = text(client.get("/ijsselland/organisaties/"))
    fier = html.split('id="organisatie-fier"')[1].split('id="organisatie-')[0]
    comensha = html.split('id="organisatie-comensha"')[1].split('id="organisatie-')[0]
    assert "nu bereikbaar" in fier and "nu open tot 06:00" in fier
    assert "nu gesloten" in comensha and "opent morgen om 09:00" in comensha


def test_directory_is_cacheable_per_query_and_sets_no_cookie(client):
    first = client.get("/ijsselland/organisaties/?type=opvang")
    other = client.get("/ijsselland/organisaties/?type=melden")
    assert first["ETag"] != other["ETag"] and "public" in first["Cache-Control"]
    again = client.get("/ijsselland/organisaties/?type=opvang", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert not first.cookies


# ---------------------------------------------------------------------------------------------- route


def test_route_form_is_a_cacheable_page_and_result_needs_post(client):
    response = client.get("/ijsselland/route/")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert 'method="post"' in text(response)
    assert client.get("/ijsselland/route/resultaat/").status_code == 302


def test_route_for_a_non_eu_adult_without_residence_in_ijsselland(client):
    response = client.post("/ijsselland/route/resultaat/", NON_EU_ADULT)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    html = text(response)
    first = html.split('id="eerst-bellen"')[1].split("</section>")[0]
    assert first.index("zorgcoördinator mensenhandel") < first.index("Politie (AVIM)")
    assert "mensenhandel@vtij.nl" in first and "0900-8844" in first
    for title in ("Bedenktijd (B8/3)", "Categorale opvang (COSM)", "Een tolk", "Gratis hulp van een advocaat"):
        assert title in html
    assert "Vrouwenopvang en mannenopvang" not in html
    assert not response.cookies


def test_route_for_a_dutch_minor_in_criminal_exploitation_in_hart_van_brabant(client):
    html = text(client.post("/hart-van-brabant/route/resultaat/", DUTCH_MINOR))
    first = html.split('id="eerst-bellen"')[1].split("</section>")[0]
    assert "013 549 8430" in first and "0800-2000" in first
    assert "Minderjarigen: het dwangmiddel hoeft niet bewezen te worden" in html
    assert "Niet gestraft voor wat je gedwongen moest doen" in html
    assert "Bedenktijd (B8/3)" not in html and "Categorale opvang" not in html


def test_route_in_english(client):
    html = text(client.post("/en/ijsselland/route/resultaat/", NON_EU_ADULT))
    assert "Reflection period (B8/3)" in html and "Whom do you call first?" in html


@pytest.mark.parametrize("field,value,message_nl,message_en", [
    ("leeftijd", "oud", "kies een leeftijdsgroep", "choose an age group"),
    ("nationaliteit", "mars", "kies een nationaliteit", "choose a nationality"),
    ("verblijf", "soms", "kies rechtmatig verblijf", "choose legal residence"),
    ("vorm", "visserij", "kies een vorm van uitbuiting", "choose a form of exploitation"),
    ("aangifte", "misschien", "aangifte: kies ja of nee", "aangifte: choose yes or no"),
])
def test_bad_route_input_gets_the_form_back_with_a_message_and_the_answers_kept(
        client, field, value, message_nl, message_en):
    data = {**NON_EU_ADULT, field: value}
    response = client.post("/ijsselland/route/resultaat/", data)
    assert response.status_code == 400 and response["Cache-Control"] == "no-store"
    html = text(response)
    assert message_nl in html
    assert 'value="non-eu" checked' in html or field == "nationaliteit"
    assert message_en in text(client.post("/en/ijsselland/route/resultaat/", data))


def test_a_dutch_national_without_residence_is_explained(client):
    html = text(client.post("/ijsselland/route/resultaat/", {**DUTCH_MINOR, "verblijf": "nee"}))
    assert "Nederlandse nationaliteit" in html


def test_html_in_input_is_never_echoed_raw(client):
    response = client.post("/ijsselland/route/resultaat/", {**NON_EU_ADULT, "vorm": "<script>x</script>"})
    assert response.status_code == 400 and "<script>x</script>" not in text(response)
    html = text(client.get("/ijsselland/organisaties/", {"zoek": "<script>x</script>"}))
    assert "<script>x</script>" not in html and 'value="&lt;script&gt;x&lt;/script&gt;"' in html


def test_route_stores_nothing(client, caplog, settings, tmp_path):
    counts = {model: model.objects.count() for model in apps.get_models()}
    files = sorted(p.name for p in settings.BASE_DIR.joinpath("var").glob("**/*")) \
        if settings.BASE_DIR.joinpath("var").exists() else []
    with caplog.at_level(logging.DEBUG):
        client.post("/ijsselland/route/resultaat/", NON_EU_ADULT)
        client.post("/ijsselland/route/pdf/", NON_EU_ADULT)
        client.post("/ijsselland/route/resultaat/", {**NON_EU_ADULT, "leeftijd": "oud"})
        client.post("/api/v1/routes", {"region": "ijsselland", "nationality": "non-eu"},
                    content_type="application/json")
    assert {model: model.objects.count() for model in apps.get_models()} == counts
    if settings.BASE_DIR.joinpath("var").exists():
        assert sorted(p.name for p in settings.BASE_DIR.joinpath("var").glob("**/*")) == files
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "non-eu" not in logged and "seksuele-uitbuiting" not in logged


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "route.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())


def test_route_pdf_holds_the_first_calls_rights_and_content_version(client, tmp_path):
    response = client.post("/ijsselland/route/pdf/", {**NON_EU_ADULT, "opvang": "ja"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    words = pdf_text(response.content, tmp_path)
    assert "Route voor deze persoon in IJsselland" in words
    assert "Wie bel je eerst?" in words and "06-11414026" in words and "033 448 11 86" in words
    assert "Opvang nu nodig" in words and "Bedenktijd (B8/3)" in words
    assert "laatst gecontroleerd 23-11-2026" in words
    assert m.ContentVersion.objects.latest().version in words
    assert client.get("/ijsselland/route/pdf/").status_code == 405


# --------------------------------------------------------------------------------------- jouw rechten


@pytest.mark.parametrize("path,lang,title", [
    ("/jouw-rechten/", "nl", "Jouw rechten"),
    ("/jouw-rechten/en/", "en", "Your rights"),
    ("/jouw-rechten/pl/", "pl", "Twoje prawa"),
    ("/jouw-rechten/ro/", "ro", "Drepturile tale"),
    ("/jouw-rechten/bg/", "bg", "Твоите права"),
])
def test_jouw_rechten_in_five_languages_with_quick_exit_and_the_fier_chat_hours(client, path, lang, title):
    response = client.get(path)
    html = text(response)
    assert response.status_code == 200 and not response.cookies
    assert f'<html lang="{lang}"' in html and title in html
    assert 'id="quick-exit"' in html and 'href="tel:112"' in html
    assert "fier.nl/chat" in html and "16:00-06:00" in html and "20:00-06:00" in html
    for other in ("nl", "en", "pl", "ro", "bg"):
        assert f'lang="{other}"' in html


def test_unreviewed_translations_say_so_from_the_data(client):
    assert 'id="niet-nagekeken"' not in text(client.get("/jouw-rechten/"))
    polish = text(client.get("/jouw-rechten/pl/"))
    assert 'id="niet-nagekeken"' in polish and "nie zostało jeszcze sprawdzone" in polish
    m.VictimRightsPage.objects.filter(lang="pl").update(reviewed=True)
    assert 'id="niet-nagekeken"' not in text(client.get("/jouw-rechten/pl/"))


def test_jouw_rechten_in_an_unknown_language_is_404(client):
    assert client.get("/jouw-rechten/xx/").status_code == 404


def test_the_check_result_leads_to_a_route_with_age_and_form_but_not_the_signals(client):
    result = text(client.post("/ijsselland/signaleringshulp/resultaat/", {
        "leeftijd": "minderjarig", "gevaar": "nee", "s-slaapt-op-werkplek": "waargenomen",
        "s-geen-eigen-paspoort": "waargenomen"}))
    form = result.split('id="route-maken"')[1].split("</form>")[0]
    assert 'action="/ijsselland/route/"' in form and 'name="leeftijd" value="minderjarig"' in form
    assert 'name="vorm" value="' in form and "s-slaapt-op-werkplek" not in form
    vorm = form.split('name="vorm" value="')[1].split('"')[0]
    response = client.post("/ijsselland/route/", {"leeftijd": "minderjarig", "vorm": vorm})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    html = text(response)
    assert 'value="minderjarig" checked' in html and f'value="{vorm}" selected' in html


def test_a_refused_route_has_an_error_title_and_marks_the_question(client):
    html = text(client.post("/ijsselland/route/resultaat/", {**DUTCH_MINOR, "verblijf": "nee"}))
    assert "<title>Fout: Route voor deze persoon" in html
    assert 'href="#verblijf-ja">Rechtmatig verblijf in Nederland' in html
    assert 'id="verblijf" role="radiogroup" aria-invalid="true"' in html


def test_the_route_result_has_its_own_title(client):
    form = text(client.get("/ijsselland/route/"))
    result = text(client.post("/ijsselland/route/resultaat/", NON_EU_ADULT))
    title = re.compile(r"<title>(.*?)</title>", re.S)
    assert title.search(form).group(1) != title.search(result).group(1)
    assert title.search(result).group(1).startswith("Resultaat: route voor deze persoon")


def test_phone_numbers_in_running_text_can_be_called(client):
    html = text(client.get("/ijsselland/contacten/"))
    # the police description mentions the general number in its text: a tel: link there too
    assert '<a class="utrecht-link utrecht-link--telephone" href="tel:09008844">0900-8844</a> is het algemene' in html


def test_every_step_page_can_be_found_another_way_than_the_overview(client):
    steps = list(m.PhaseStep.objects.select_related("phase"))
    html = text(client.get(f"/ijsselland/wegwijzer/{steps[0].phase.slug}/{steps[0].slug}/"))
    index = html[html.index('id="alle-stappen"'):]
    for step in steps[1:]:  # every other step, from a step page (WCAG 2.4.5: more than one way)
        assert f'href="/ijsselland/wegwijzer/{step.phase.slug}/{step.slug}/"' in index
    assert f'<span aria-current="page"><strong>{steps[0].title_nl}</strong></span>' in index
    route = text(client.post("/ijsselland/route/resultaat/", NON_EU_ADULT))
    assert re.search(r'<h4 class="utrecht-heading-4"><a class="utrecht-link" href="/ijsselland/wegwijzer/', route)
