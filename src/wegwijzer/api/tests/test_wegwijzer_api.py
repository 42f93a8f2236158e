"""The wegwijzer API: phases, the organisation directory and routes; bad input answers 400 naming the
field, and the OpenAPI document covers all three."""

import pytest

from wegwijzer.catalogue import models as m

pytestmark = pytest.mark.usefixtures("catalogue")


def post_route(client, body, lang=""):
    return client.post(f"/api/v1/routes{lang}", body, content_type="application/json")


def test_phases_give_steps_rights_and_organisation_slugs(client):
    phases = client.get("/api/v1/phases").json()
    assert [p["slug"] for p in phases] == ["signaleren", "beschermen", "strafrechtelijk-proces", "compensatie"]
    protect = phases[1]
    stay = next(s for s in protect["steps"] if s["slug"] == "verblijf")
    assert stay["when"]["nationality"] == ["eu", "non-eu"]
    assert [r["slug"] for r in stay["rights"]] == ["b8-bedenktijd", "verblijfsvergunning"]
    assert "politie" in [o["slug"] for o in stay["organisations"]]
    b8 = next(r for r in protect["rights"] if r["slug"] == "b8-bedenktijd")
    assert b8["last_checked"] == "2026-11-23" and "3 maanden" in b8["text"]
    assert m.PhaseStep.objects.count() == sum(len(p["steps"]) for p in phases)
    english = client.get("/api/v1/phases?lang=en").json()
    assert english[0]["name"] == "Recognising"


def test_organisations_per_region_with_filters_and_reachability(client):
    national = {o["slug"] for o in client.get("/api/v1/organisations").json()}
    assert "zorgcoordinatie" not in national and "comensha" in national
    brabant = client.get("/api/v1/organisations?region=hart-van-brabant").json()
    coordinator = next(o for o in brabant if o["slug"] == "zorgcoordinatie")
    assert coordinator["region"] == "hart-van-brabant" and coordinator["contacts"][0]["phone"] == "013 549 8430"
    fier = next(o for o in brabant if o["slug"] == "fier")
    assert fier["open"] in (True, False) and fier["contacts"][0]["status"]
    shelter_minors = {o["slug"] for o in
                      client.get("/api/v1/organisations?region=hart-van-brabant&type=opvang&serves=minderjarigen").json()}
    assert {"nidos", "jeugdzorg", "comensha", "fier"} <= shelter_minors and "vrouwenopvang" not in shelter_minors


@pytest.mark.parametrize("query,field", [("region=nergens", "region"), ("type=kapper", "type"),
                                         ("serves=katten", "serves"), ("lang=fr", "lang")])
def test_bad_organisation_filters_answer_400_with_the_field(client, query, field):
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 400 and response.json()["field"] == field


def test_route_for_a_non_eu_adult_in_ijsselland(client):
    response = post_route(client, {"region": "ijsselland", "age_group": "meerderjarig", "nationality": "non-eu",
                                   "legal_residence": "nee", "form": "seksuele-uitbuiting", "aangifte": False,
                                   "shelter_needed": True})
    assert response.status_code == 200
    body = response.json()
    assert [c["organisation"]["slug"] for c in body["first_contacts"]] == \
        ["zorgcoordinatie", "comensha", "veilig-thuis", "politie"]
    assert body["first_contacts"][0]["organisation"]["contacts"][0]["email"] == "mensenhandel@vtij.nl"
    rights = {r["slug"] for s in body["steps"] for r in s["rights"]}
    assert {"b8-bedenktijd", "opvang-cosm", "tolk"} <= rights and "opvang-volwassenen" not in rights
    assert [s["slug"] for s in body["steps"] if s["urgent"]] == ["opvang"]
    assert [s["phase"] for s in body["steps"]][0] == "signaleren"


def test_route_with_unknown_answers_names_what_it_depends_on(client):
    body = post_route(client, {"region": "hart-van-brabant"}).json()
    b8 = next(r for s in body["steps"] for r in s["rights"] if r["slug"] == "b8-bedenktijd")
    assert b8["depends_on"] == ["nationality", "legal_residence"]


@pytest.mark.parametrize("body,field", [
    ({"region": "nergens"}, "region"),
    ({}, "region"),
    ({"region": "ijsselland", "age_group": "oud"}, "age_group"),
    ({"region": "ijsselland", "nationality": "mars"}, "nationality"),
    ({"region": "ijsselland", "legal_residence": "soms"}, "legal_residence"),
    ({"region": "ijsselland", "nationality": "nl", "legal_residence": "nee"}, "legal_residence"),
    ({"region": "ijsselland", "form": "visserij"}, "form"),
    ({"region": "ijsselland", "aangifte": "misschien"}, "aangifte"),
    ({"region": "ijsselland", "shelter_needed": [1]}, "shelter_needed"),
])
def test_bad_route_input_answers_400_naming_the_field_in_dutch_and_english(client, body, field):
    response = post_route(client, body)
    assert response.status_code == 400 and response.json()["field"] == field
    english = post_route(client, body, "?lang=en").json()["error"]
    assert english != response.json()["error"] or field in english


def test_route_rejects_a_body_that_is_not_json(client):
    response = client.post("/api/v1/routes", "{niet json", content_type="application/json")
    assert response.status_code == 400


def test_openapi_covers_phases_organisations_and_routes(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/phases", "/api/v1/organisations", "/api/v1/routes"} <= set(paths)
    assert "requestBody" in paths["/api/v1/routes"]["post"]
