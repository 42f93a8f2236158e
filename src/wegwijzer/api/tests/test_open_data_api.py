"""The read-only JSON API: shapes, languages, filters, overlays, availability and error answers."""

import pytest

pytestmark = pytest.mark.usefixtures("catalogue")


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_forms_are_the_four_forms_in_dutch_and_in_english(client):
    forms = get(client, "/api/v1/forms")
    assert [f["slug"] for f in forms] == [
        "seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "sekswerk"]
    assert set(forms[0]) == {"slug", "name", "description"}
    english = get(client, "/api/v1/forms?lang=en")
    assert forms[0]["name"] != english[0]["name"]
    assert "exploitation" in english[0]["name"].lower()


def test_signals_have_the_documented_shape_and_filter_by_form(client):
    signals = get(client, "/api/v1/signals")
    assert set(signals[0]) == {"id", "forms", "theme", "element", "text", "source"}
    assert all(s["element"] in {"act", "means", "purpose"} for s in signals)
    labour = get(client, "/api/v1/signals?form=arbeidsuitbuiting&region=ijsselland")
    assert len(labour) >= 12
    assert all("arbeidsuitbuiting" in s["forms"] for s in labour)
    assert any(len(s["forms"]) > 1 for s in signals), "a missing passport belongs to several forms"


def test_signal_filters_name_the_wrong_field(client):
    body = get(client, "/api/v1/signals?form=onzin", 400)
    assert body["field"] == "form" and "onzin" in body["error"]
    body = get(client, "/api/v1/signals?region=atlantis&lang=en", 400)
    assert body["field"] == "region" and body["error"].startswith("unknown region")
    assert get(client, "/api/v1/forms?lang=fr", 400)["error"]


def test_regions(client):
    slugs = {r["slug"] for r in get(client, "/api/v1/regions")}
    assert {"ijsselland", "hart-van-brabant"} <= slugs


def test_region_contacts_are_national_plus_regional(client):
    contacts = get(client, "/api/v1/regions/ijsselland/contacts")
    slugs = [c["slug"] for c in contacts]
    for slug in ("veilig-thuis", "politie", "alarmnummer-112", "comensha", "fier-chat", "zorgcoordinator"):
        assert slug in slugs
    zc = next(c for c in contacts if c["slug"] == "zorgcoordinator")
    assert zc["email"] == "mensenhandel@vtij.nl" and zc["region"] == "ijsselland"
    brabant = {c["slug"]: c for c in get(client, "/api/v1/regions/hart-van-brabant/contacts")}
    assert "sterk-huis" in brabant and "sterk-huis" not in slugs
    assert brabant["zorgcoordinator"]["phone"].replace(" ", "") == "0135498430"
    vt = next(c for c in contacts if c["slug"] == "veilig-thuis")
    assert vt["phone"] == "0800-2000" and vt["hours"]["always"] is True
    assert set(vt) == {"slug", "name", "role", "phone", "email", "url", "hours", "verified", "region"}
    assert get(client, "/api/v1/regions/atlantis/contacts", 404)["error"]


def test_conversation_tips_keep_the_pimp_and_the_family_with_their_forms(client):
    sexual = get(client, "/api/v1/conversation-tips?form=seksuele-uitbuiting")
    criminal = get(client, "/api/v1/conversation-tips?form=criminele-uitbuiting")
    assert {t["kind"] for t in sexual} == {"do", "dont"}
    assert any("pooier" in t["text"].lower() for t in sexual)
    assert not any("pooier" in t["text"].lower() for t in criminal)
    assert any("familie" in t["text"].lower() for t in criminal)
    assert not any("familie" in t["text"].lower() for t in sexual)


def test_steps_are_five_in_order_with_the_regions_contacts(client):
    steps = get(client, "/api/v1/steps?region=hart-van-brabant")
    assert [s["number"] for s in steps] == [1, 2, 3, 4, 5]
    step2 = {c["slug"] for c in steps[1]["contacts"]}
    assert {"zorgcoordinator", "sterk-huis", "veilig-thuis"} <= step2
    national = get(client, "/api/v1/steps")
    assert "zorgcoordinator" not in {c["slug"] for c in national[1]["contacts"]}
    assert get(client, "/api/v1/steps?region=atlantis", 400)["field"] == "region"


@pytest.mark.parametrize(
    "at,is_open,next_change",
    [
        ("2026-11-23T21:30:00+01:00", True, "2026-11-24T06:00:00+01:00"),  # Monday evening
        ("2026-11-28T17:00:00+01:00", False, "2026-11-28T20:00:00+01:00"),  # Saturday
        ("2026-12-25T17:00:00", False, "2026-12-25T20:00:00+01:00"),  # Eerste Kerstdag, local time
        ("2026-10-24T21:00:00+02:00", True, "2026-10-25T06:00:00+01:00"),  # across the DST change
        ("2026-11-23T20:30:00Z", True, "2026-11-24T06:00:00+01:00"),
    ],
)
def test_fier_chat_availability(client, at, is_open, next_change):
    from urllib.parse import quote

    body = get(client, f"/api/v1/contacts/fier-chat/availability?at={quote(at)}")
    assert body == {"open": is_open, "next_change": next_change}


def test_availability_defaults_to_now_and_always_open_has_no_change(client):
    body = get(client, "/api/v1/contacts/veilig-thuis/availability")
    assert body == {"open": True, "next_change": None}
    assert set(get(client, "/api/v1/contacts/fier-chat/availability")) == {"open", "next_change"}


@pytest.mark.parametrize("bad", ["morgen", "2026-13-01T10:00", "2026-11-23T25:00:00", "x" * 300])
def test_bad_at_answers_400_with_a_json_message(client, bad):
    body = get(client, f"/api/v1/contacts/fier-chat/availability?at={bad}", 400)
    assert body["field"] == "at" and "ISO 8601" in body["error"]


def test_unknown_contact_answers_404_with_a_json_message(client):
    body = get(client, "/api/v1/contacts/bestaat-niet/availability", 404)
    assert "bestaat-niet" in body["error"]
    body = get(client, "/api/v1/contacts/bestaat-niet/availability?lang=en", 404)
    assert body["error"].startswith("unknown contact")


def test_openapi_document_covers_every_endpoint(client):
    doc = get(client, "/api/v1/openapi.json")
    paths = set(doc["paths"])
    for path in ("/api/v1/forms", "/api/v1/signals", "/api/v1/regions", "/api/v1/regions/{slug}/contacts",
                 "/api/v1/conversation-tips", "/api/v1/steps", "/api/v1/contacts/{slug}/availability"):
        assert path in paths
    assert doc["openapi"].startswith("3.")


def test_api_sets_no_cookies(client):
    response = client.get("/api/v1/signals")
    assert not response.cookies


def test_regional_contact_availability_needs_a_region(client):
    body = get(client, "/api/v1/contacts/zorgcoordinator/availability", 404)
    assert body["field"] == "region"
    body = get(client, "/api/v1/contacts/comensha/availability?region=atlantis", 400)
    assert body["field"] == "region"


def test_unknown_api_path_answers_json_404(client):
    assert get(client, "/api/v1/bestaat-niet", 404)["error"] == "niet gevonden"


def test_municipalities_best_match_first_with_their_region(client):
    rows = client.get("/api/v1/municipalities", {"q": "Weesp"}).json()
    assert rows[0] == {"name": "Amsterdam", "code": "GM0363", "region": "amsterdam-amstelland", "matched": "Weesp"}
    assert client.get("/api/v1/municipalities", {"q": "tilburg"}).json()[0]["region"] == "hart-van-brabant"
    assert client.get("/api/v1/municipalities", {"q": "Den Bosch"}).json()[0]["code"] == "GM0796"
    bergen = client.get("/api/v1/municipalities", {"q": "Bergen"}).json()
    assert {r["code"] for r in bergen[:2]} == {"GM0893", "GM0373"}
    assert client.get("/api/v1/municipalities", {"q": "Atlantis"}).json() == []


@pytest.mark.parametrize("params,field", [({"q": ""}, "q"), ({"q": "   "}, "q"), ({"q": "x" * 101}, "q"), ({}, "q")])
def test_a_bad_municipality_query_is_a_400_naming_the_field(client, params, field):
    response = client.get("/api/v1/municipalities", params)
    assert response.status_code == 400 and response.json()["field"] == field
    english = client.get("/api/v1/municipalities", {**params, "lang": "en"})
    error = english.json()["error"]
    assert english.status_code == 400 and ("q " in error or "Invalid input" in error)


def test_regions_list_their_municipalities_and_parent(client):
    regions = {r["slug"]: r for r in client.get("/api/v1/regions").json()}
    assert len(regions) == 27
    assert regions["hart-van-brabant"]["parent"] == "midden-en-west-brabant"
    assert regions["hart-van-brabant"]["level"] == "deelregio" and "GM0855" in regions["hart-van-brabant"][
        "municipalities"]
    assert regions["ijsselland"]["code"] == "VR04" and "GM0193" in regions["ijsselland"]["municipalities"]
    assert regions["ijsselland"]["own_coordinator"] and not regions["groningen"]["own_coordinator"]
    assert regions["landelijk"]["municipalities"] == [] and regions["landelijk"]["level"] == "landelijk"
    veiligheidsregio_codes = [c for r in regions.values() if r["level"] == "veiligheidsregio"
                              for c in r["municipalities"]]
    assert len(veiligheidsregio_codes) == len(set(veiligheidsregio_codes)) == 342
