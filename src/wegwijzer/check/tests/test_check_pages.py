"""The signaleringshulp through the test client: POST only, no-store, answers kept, bad input explained."""

import pytest

pytestmark = pytest.mark.usefixtures("catalogue")

ANSWERS = {
    "regio": "ijsselland",
    "leeftijd": "meerderjarig",
    "gevaar": "nee",
    "s-geen-eigen-paspoort": "waargenomen",
    "bron-geen-eigen-paspoort": "verteld-door-persoon",
    "notitie-geen-eigen-paspoort": "Werkgever bewaart het paspoort",
    "s-slaapt-op-werkplek": "waargenomen",
    "s-veel-telefoons": "niet-waargenomen",
}


def test_empty_check_is_a_cacheable_public_page_with_every_signal(client):
    from wegwijzer.catalogue.models import Signal

    response = client.get("/ijsselland/signaleringshulp/")
    html = response.content.decode()
    assert response.status_code == 200 and response["ETag"] and not response.cookies
    for key in Signal.objects.values_list("key", flat=True):
        assert f'name="s-{key}" value="onbekend" checked' in html
    assert 'id="clear-all"' in html and "Is er nu direct gevaar?" in html
    assert 'name="gevaar" value="onbekend" checked' in html and 'name="leeftijd" value="onbekend" checked' in html


def test_result_lists_forms_elements_steps_and_stores_nothing_in_the_response_headers(client):
    response = client.post("/ijsselland/signaleringshulp/resultaat/", ANSWERS)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    html = response.content.decode()
    assert 'id="vorm-seksuele-uitbuiting"' in html and 'id="vorm-arbeidsuitbuiting"' in html
    assert 'id="vorm-sekswerk"' not in html
    assert "Signalen zijn aanwijzingen" in html
    assert 'id="b8-bedenktijd"' in html  # a missing passport suggests a foreign national
    assert 'id="route-minderjarigen"' not in html
    assert "mensenhandel@vtij.nl" in html  # the region's zorgcoördinator in the next steps
    assert "Werkgever bewaart het paspoort" in html
    assert "%" not in html.split('id="per-vorm"')[1].split("</section>")[0]  # no score


def test_acute_danger_is_shown_right_under_the_title_before_anything_else(client):
    html = client.post("/ijsselland/signaleringshulp/resultaat/", {**ANSWERS, "gevaar": "ja"}).content.decode()
    main = html[html.index('<main'):]
    h1, acute, rest = main.index("<h1"), main.index('id="acuut-gevaar"'), main.index('class="meta ww-meta"')
    assert h1 < acute < rest  # the h1 first (headings in order), then the danger, then everything else
    assert main.count("<h2") and main.index("<h2") > h1
    danger = main[acute:rest]
    assert "tel:112" in danger and "0800-2000" in danger


def test_minor_route_and_means_not_required(client):
    response = client.post("/ijsselland/signaleringshulp/resultaat/", {**ANSWERS, "leeftijd": "minderjarig"})
    html = response.content.decode()
    assert 'id="route-minderjarigen"' in html and 'id="middel-niet-nodig"' in html
    assert "kindcheck" in html and "16" in html


def test_bad_input_re_renders_the_form_with_the_answers_and_a_message(client):
    response = client.post("/ijsselland/signaleringshulp/resultaat/",
                           {**ANSWERS, "s-slaapt-op-werkplek": "misschien", "notitie-geen-eigen-paspoort": "x" * 600})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="fouten"' in html and "langer dan 500 tekens" in html and "onbekend antwoord" in html
    assert 'name="s-geen-eigen-paspoort" value="waargenomen" checked' in html  # nothing is lost
    assert 'name="gevaar" value="nee" checked' in html and 'name="leeftijd" value="meerderjarig" checked' in html
    english = client.post("/en/ijsselland/signaleringshulp/resultaat/", {**ANSWERS, "regio": "atlantis"})
    assert english.status_code == 400 and "unknown region" in english.content.decode()


def test_filter_without_javascript_keeps_every_answer(client):
    response = client.post("/ijsselland/signaleringshulp/", {**ANSWERS, "vorm": "criminele-uitbuiting",
                                                              "actie": "filter"})
    html = response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert 'id="signaal-bedelt-op-straat"' in html  # criminal signal visible
    assert 'id="signaal-slaapt-op-werkplek"' not in html  # not criminal: hidden, but kept
    assert '<input type="hidden" name="s-slaapt-op-werkplek" value="waargenomen">' in html
    assert "Werkgever bewaart het paspoort" in html


def test_result_urls_do_not_answer_get_with_content(client):
    assert client.get("/ijsselland/signaleringshulp/resultaat/").status_code == 302
    assert client.get("/ijsselland/signaleringshulp/pdf/").status_code == 405


def test_summary_carries_the_case_reference(client):
    response = client.post("/ijsselland/signaleringshulp/samenvatting/", {**ANSWERS, "kenmerk": "DOS-2026-17"})
    html = response.content.decode()
    assert "DOS-2026-17" in html and "Inhoudsversie" in html and "IJsselland" in html


@pytest.mark.parametrize("path", ["/ijsselland/kaart/onzin.pdf", "/atlantis/kaart/sekswerk.pdf",
                                  "/atlantis/signaleringshulp/"])
def test_unknown_region_or_form_is_a_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404 and 'id="quick-exit"' in response.content.decode()


def test_card_pdf_is_cacheable(client):
    response = client.get("/ijsselland/kaart/sekswerk.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    again = client.get("/ijsselland/kaart/sekswerk.pdf", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_note_counts_a_line_break_once_as_the_browser_does(client):
    # ten lines typed in a textarea: the browser's maxlength counts 500, it sends CR LF: 509 characters
    note = "\r\n".join(["x" * 49] * 10) + "x"
    assert len(note) == 509 and len(note.replace("\r\n", "\n")) == 500
    response = client.post("/ijsselland/signaleringshulp/samenvatting/",
                           {**ANSWERS, "notitie-geen-eigen-paspoort": note})
    assert response.status_code == 200
    assert ("x" * 49 + "\n" + "x" * 49) in response.content.decode()  # kept, with LF line breaks
    too_long = client.post("/ijsselland/signaleringshulp/resultaat/",
                           {**ANSWERS, "notitie-geen-eigen-paspoort": note + "x"})
    assert too_long.status_code == 400


def test_errors_name_the_signal_link_to_the_field_and_mark_it(client):
    from wegwijzer.catalogue.models import Signal

    response = client.post("/ijsselland/signaleringshulp/resultaat/",
                           {**ANSWERS, "notitie-geen-eigen-paspoort": "x" * 501, "leeftijd": "oud"})
    html = response.content.decode()
    assert "<title>Fout: Signaleringshulp" in html
    text = Signal.objects.get(key="geen-eigen-paspoort").text_nl
    summary = html[html.index('id="fouten"'):html.index("</ul>", html.index('id="fouten"'))]
    assert "autofocus" in html[html.index('id="fouten"') - 120:html.index('id="fouten"') + 120]
    assert f'href="#notitie-geen-eigen-paspoort">Signaal “{text}”, notitie: de notitie is langer' in summary
    assert 'href="#leeftijd-minderjarig">Leeftijd van de persoon: kies een leeftijdsgroep' in summary
    assert ('aria-invalid="true" aria-describedby="notitie-geen-eigen-paspoort-fout"' in html
            and 'id="notitie-geen-eigen-paspoort-fout"' in html)
    assert 'role="radiogroup" aria-invalid="true" aria-describedby=" leeftijd-fout"' in html
    english = client.post("/en/ijsselland/signaleringshulp/resultaat/",
                          {**ANSWERS, "notitie-geen-eigen-paspoort": "x" * 501}).content.decode()
    assert "<title>Error: " in english and "Signal “" in english and "longer than 500 characters" in english


def test_the_danger_hint_takes_veilig_thuis_from_the_data_and_is_tied_to_its_question(client):
    from wegwijzer.catalogue.models import Contact

    html = client.get("/ijsselland/signaleringshulp/").content.decode()
    assert 'id="gevaar" role="radiogroup" aria-describedby="gevaar-hint"' in html
    hint = html[html.index('id="gevaar-hint"'):html.index("</p>", html.index('id="gevaar-hint"'))]
    assert 'href="tel:112"' in hint and 'href="tel:08002000">0800-2000</a>' in hint
    Contact.objects.filter(slug="veilig-thuis", region__isnull=True).update(phone="0800-1234")
    html = client.get("/ijsselland/signaleringshulp/").content.decode()
    assert 'href="tel:08001234">0800-1234</a>' in html


def test_the_result_table_has_row_headers(client):
    html = client.post("/ijsselland/signaleringshulp/resultaat/", ANSWERS).content.decode()
    table = html[html.index('<table class="meta ww-meta">'):html.index("</table>")]
    assert table.count('<th scope="row">') == 5 and "<td>Datum" not in table
    assert '<th scope="row">Datum</th>' in table
