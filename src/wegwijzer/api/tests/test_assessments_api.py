"""POST /api/v1/assessments: the check's result as JSON; 400 naming the wrong field; stores nothing."""

import pytest

pytestmark = pytest.mark.usefixtures("catalogue")


def post(client, body, status=200, lang=""):
    response = client.post(f"/api/v1/assessments{lang}", body, content_type="application/json")
    assert response.status_code == status, response.content
    return response.json()


def test_assessment_returns_forms_elements_routes_and_steps(client):
    body = post(client, {"region": "hart-van-brabant", "age_group": "minderjarig", "acute_danger": True,
                         "answers": [{"signal": "bedelt-op-straat", "answer": "waargenomen", "source": "via-derden",
                                      "note": "bij het station"},
                                     {"signal": "spreekt-geen-nederlands", "answer": "waargenomen"},
                                     {"signal": "veel-telefoons", "answer": "niet-waargenomen"}]})
    assert body["acute_danger"] is True and body["routes"][0]["slug"] == "acuut-gevaar"
    assert [f["slug"] for f in body["forms"]] == ["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting"]
    criminal = next(f for f in body["forms"] if f["slug"] == "criminele-uitbuiting")
    assert criminal["signals"] == ["bedelt-op-straat", "spreekt-geen-nederlands"]
    assert body["means_required"] is False and body["minor_route"] is True
    assert body["foreign_national_cue"] is True
    slugs = [r["slug"] for r in body["routes"]]
    assert "route-minderjarigen" in slugs and "b8-bedenktijd" in slugs
    assert [s["number"] for s in body["next_steps"]] == [1, 2, 3, 4, 5]
    step2 = {c["slug"] for c in body["next_steps"][1]["contacts"]}
    assert {"zorgcoordinator", "sterk-huis"} <= step2
    assert body["observed"][0] == {"signal": "bedelt-op-straat", "text": body["observed"][0]["text"],
                                   "source": "via-derden", "note": "bij het station"}
    assert "geen kans, score of oordeel" in body["notice"]
    assert not {"score", "probability", "verdict"} & set(body) and not {"score"} & set(criminal)


def test_assessment_in_english(client):
    body = post(client, {"region": "ijsselland", "answers": []}, lang="?lang=en")
    assert body["routes"][0]["slug"] == "geen-signalen" and body["notice"].startswith("You have not")


@pytest.mark.parametrize(
    "body,field,words",
    [
        ({"region": "atlantis"}, "region", "onbekende regio"),
        ({"region": "ijsselland", "answers": [{"signal": "bestaat-niet", "answer": "waargenomen"}]},
         "answers[0].signal", "onbekend signaal"),
        ({"region": "ijsselland", "answers": [{"signal": "bedelt-op-straat", "answer": "ja"}]},
         "answers[0].answer", "onbekend antwoord"),
        ({"region": "ijsselland", "answers": [{"signal": "bedelt-op-straat", "answer": "waargenomen",
                                               "note": "x" * 501}]}, "answers[0].note", "500"),
        ({"region": "ijsselland", "answers": [{"signal": "bedelt-op-straat", "answer": "waargenomen",
                                               "source": "buurman"}]}, "answers[0].source", "onbekende bron"),
        ({"region": "ijsselland", "age_group": "oud"}, "age_group", "leeftijdsgroep"),
        ({"region": "ijsselland", "answers": "alles"}, "answers", "Ongeldige invoer"),
        ({"answers": []}, "region", "Ongeldige invoer"),
    ],
)
def test_bad_input_answers_400_naming_the_field(client, body, field, words):
    result = post(client, body, status=400)
    assert result["field"] == field and words in result["error"]


def test_malformed_json_is_a_400_not_a_500(client):
    response = client.post("/api/v1/assessments", "{niet: json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
