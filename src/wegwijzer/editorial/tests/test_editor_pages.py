"""The redactie pages through the test client: only for editors of the document's region, with the
two-factor login; a draft's whole life by POST; bad input answered with a message, never a 500."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.accounts.testing import verified_client
from wegwijzer.catalogue import queries as q
from wegwijzer.editorial.models import ContentDraft, EditorRole

IJ = "regions/ijsselland.yaml"


@pytest.fixture
def editors(db):
    call_command("load_content", verbosity=0)
    result = {}
    for name, role, scope in [("redacteur", "redacteur", "ijsselland"), ("eind", "eindredacteur", "ijsselland"),
                              ("twente", "eindredacteur", "twente")]:
        user = get_user_model().objects.create(username=name)
        TOTPDevice.objects.create(user=user, name="default", confirmed=True)
        EditorRole.objects.create(user=user, role=role, scope=scope)
        result[name] = verified_client(user)
    return result


def test_the_whole_flow_by_post(editors):
    red, eind = editors["redacteur"], editors["eind"]
    start = red.get("/redactie/")
    assert start.status_code == 200 and start["Cache-Control"] == "no-store"
    assert f'href="/redactie/document/{IJ}"' in start.content.decode()
    assert "national/contacts.yaml" not in start.content.decode()  # only the own region's documents
    response = red.post(f"/redactie/document/{IJ}/nieuw-concept/")
    draft = ContentDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/redactie/concept/{draft.pk}/"
    text = draft.text.replace('phone: "06-11414026"', 'phone: "06-12345678"')
    assert red.post(f"/redactie/concept/{draft.pk}/", {"actie": "aanbieden", "tekst": text}).status_code == 302
    review = eind.get(f"/redactie/concept/{draft.pk}/").content.decode()
    assert "verwijderd" in review and "toegevoegd" in review and "06-12345678" in review
    assert 'value="publiceren"' in review
    assert eind.post(f"/redactie/concept/{draft.pk}/", {"actie": "publiceren", "toelichting": "ok"}).status_code == 302
    assert q.contact(q.region_or_none("ijsselland"), "zorgcoordinator").phone == "06-12345678"
    assert "Versie 2" in red.get(f"/redactie/document/{IJ}").content.decode()


def test_bad_input_keeps_what_was_typed_and_names_the_place(editors):
    red = editors["redacteur"]
    red.post(f"/redactie/document/{IJ}/nieuw-concept/")
    draft = ContentDraft.objects.get()
    broken = draft.text.replace('phone: "06-11414026"', "phone: [kapot")
    response = red.post(f"/redactie/concept/{draft.pk}/", {"actie": "bewaren", "tekst": broken})
    html = response.content.decode()
    assert response.status_code == 400 and "<title>Fout: " in html
    assert "content/regions/ijsselland.yaml" in html and "phone: [kapot" in html
    assert red.post(f"/redactie/concept/{draft.pk}/", {"actie": "bestaat-niet"}).status_code == 400
    huge = red.post(f"/redactie/concept/{draft.pk}/", {"actie": "bewaren", "tekst": "x" * 400_001})
    assert huge.status_code == 400 and "langer dan" in huge.content.decode()


def test_other_regions_and_strangers_see_nothing(editors, client):
    twente = editors["twente"]
    editors["redacteur"].post(f"/redactie/document/{IJ}/nieuw-concept/")
    draft = ContentDraft.objects.get()
    assert twente.get(f"/redactie/concept/{draft.pk}/").status_code == 404
    assert twente.get(f"/redactie/document/{IJ}").status_code == 404
    forged = twente.post(f"/redactie/document/{IJ}/nieuw-concept/")
    assert forged.status_code == 302 and ContentDraft.objects.count() == 1  # refused with a message
    assert twente.post(f"/redactie/concept/{draft.pk}/", {"actie": "publiceren"}).status_code == 404
    assert client.get("/redactie/").status_code == 302  # to the login
    assert twente.get("/redactie/document/../../settings.py").status_code == 404


def test_self_approval_is_refused_on_the_page_too(editors):
    eind = editors["eind"]
    eind.post(f"/redactie/document/{IJ}/nieuw-concept/")
    draft = ContentDraft.objects.get()
    eind.post(f"/redactie/concept/{draft.pk}/", {"actie": "aanbieden", "tekst": draft.text})
    page = eind.get(f"/redactie/concept/{draft.pk}/").content.decode()
    assert 'value="publiceren"' not in page
    response = eind.post(f"/redactie/concept/{draft.pk}/", {"actie": "publiceren"})
    assert response.status_code == 400 and "vier ogen" in response.content.decode()
