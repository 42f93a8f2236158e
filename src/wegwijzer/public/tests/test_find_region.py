""""In welke gemeente werk je?": a plain GET form from the home page to the region, without JavaScript or
cookies; tolerant of case, accents, "'s-", other and former names and small typos."""

import pytest

pytestmark = pytest.mark.usefixtures("catalogue")


@pytest.mark.parametrize("typed,region", [
    ("Zwolle", "ijsselland"), ("tilburg", "hart-van-brabant"), ("Den Bosch", "brabant-noord"),
    ("'s-Hertogenbosch", "brabant-noord"), ("s-hertogenbosch", "brabant-noord"), ("Weesp", "amsterdam-amstelland"),
    ("Maastricht", "zuid-limburg"), ("Sudwest-Fryslan", "fryslan"), ("SÚDWEST FRYSLÂN", "fryslan"),
    ("Zwole", "ijsselland"), ("Brielle", "rotterdam-rijnmond"), ("Den Haag", "haaglanden"),
])
def test_a_municipality_leads_to_its_region(client, typed, region):
    response = client.get("/regio/", {"gemeente": typed})
    assert response.status_code == 302 and response["Location"] == f"/{region}/"
    assert not response.cookies
    english = client.get("/en/regio/", {"gemeente": typed})
    assert english["Location"] == f"/en/{region}/"


def test_several_matches_give_a_short_list_to_pick_from(client):
    html = client.get("/regio/", {"gemeente": "Bergen"}).content.decode()
    found = html[html.index('id="gemeenten-gevonden"'):html.index("</ul>", html.index('id="gemeenten-gevonden"'))]
    assert 'href="/limburg-noord/">Bergen (L.)</a>' in found
    assert 'href="/noord-holland-noord/">Bergen (NH.)</a>' in found
    assert found.count("<li>") <= 10


def test_nothing_matches_gives_a_clear_message_and_every_region(client):
    response = client.get("/regio/", {"gemeente": "Atlantis"})
    html = response.content.decode()
    assert response.status_code == 200 and "Geen gemeente gevonden die lijkt op “Atlantis”" in html
    for slug in ("groningen", "ijsselland", "hart-van-brabant", "zuid-limburg", "landelijk"):
        assert f'href="/{slug}/"' in html
    assert "Vul de naam van een gemeente in" in client.get("/regio/", {"gemeente": "  "}).content.decode()
    assert "hoogstens 100 tekens" in client.get("/regio/", {"gemeente": "x" * 101}).content.decode()
    assert "No municipality found" in client.get("/en/regio/", {"gemeente": "Atlantis"}).content.decode()
    assert "<script>" not in client.get("/regio/", {"gemeente": "<script>"}).content.decode().split("<main")[1]


def test_the_home_page_asks_for_the_municipality_with_suggestions_without_javascript(client):
    html = client.get("/").content.decode()
    assert '<form class="utrecht-form ww-find-region" method="get" action="/regio/"' in html
    assert 'for="gemeente">In welke gemeente werk je?</label>' in html
    assert 'list="gemeenten"' in html and '<option value="Zwolle">' in html and '<option value="Weesp">' in html
    assert html.count('<option value="') >= 342
