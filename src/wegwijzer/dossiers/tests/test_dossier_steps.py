"""A case through the meldcode steps via the pages: the derived status, the afwegingskader's branching
and its refusals, corrections as new entries, concurrent saves, bad input, minors, and the PDF."""

import re
import subprocess

import pytest
from django.urls import reverse

from wegwijzer.dossiers import actions
from wegwijzer.dossiers.models import Case, Entry

SIGNAL = {"signal": "geen-eigen-paspoort", "date": "2026-11-20", "place": "Zwolle", "source": "zelf-gezien",
          "facts": "Werkgever houdt paspoort vast", "interpretation": "mogelijk afhankelijkheid"}


@pytest.fixture
def owner(people):
    return people[("own", "professional")]


@pytest.fixture
def case(owner, catalogue):
    return actions.create_case(owner, age_group="minderjarig", has_children=False)


@pytest.fixture
def c(login, owner):
    return login(owner)


def u(name, case, **kw):
    return reverse(f"dossiers:{name}", kwargs={"code": case.code, **kw})


def status(case):
    return Case.objects.get(pk=case.pk).status


def version(case):
    return Case.objects.get(pk=case.pk).version


def up_to_weighing(case, owner):
    """Steps 1 to 3 recorded: a signal, a consultation, and why there was no conversation."""
    for kind, data in (("signal", SIGNAL), ("consultation", {"with_role": "collega", "date": "2026-11-21",
                                                              "advice": "a"}), ("no_conversation", {"reason": "r"})):
        actions.add_entry(owner, case, kind, data)


def afweging(c, case, answer, v=None):
    return c.post(u("entry", case, kind="afweging"), {"answer": answer, "reasoning": "onderbouwing",
                                                       "version": v if v is not None else version(case)})


def test_from_signals_to_melding_with_the_status_derived_at_each_step(c, case):
    assert status(case) == "signals"
    assert c.post(u("entry", case, kind="signal"), SIGNAL).status_code == 302
    assert status(case) == "consultation"
    c.post(u("entry", case, kind="consultation"), {"with_role": "aandachtsfunctionaris", "anonymous": "on",
                                                    "date": "2026-11-21", "advice": "wegen", "agreements": ""})
    assert status(case) == "conversation"
    c.post(u("entry", case, kind="no_conversation"), {"reason": "niet veilig: uitbuiter is vaak aanwezig"})
    assert status(case) == "weighing"
    afweging(c, case, "ja")
    afweging(c, case, "ja")  # acute or structural unsafety: melden is the norm
    html = c.get(u("case", case)).content.decode()
    assert "Volgende: afweging 3" in html and "samen met Veilig Thuis" in html and 'id="melden-norm"' in html
    afweging(c, case, "nee")  # no effective help: weighing complete
    assert status(case) == "melden"
    response = c.post(u("entry", case, kind="melding"), {"date": "2026-11-22", "reference": "VT-123",
                                                          "shared": "signalen en weging", "informed": "nee",
                                                          "not_informed_reason": "veiligheid"})
    assert response.status_code == 302 and status(case) == "decided"
    html = c.get(u("case", case)).content.decode()
    assert "VT-123" in html and "veiligheid" in html and 'id="minderjarig"' in html


def test_afweging_one_no_suggests_closing(c, case):
    up_to_weighing(case, case.owner)
    afweging(c, case, "nee")
    assert status(case) == "close"
    assert c.get(u("entry", case, kind="afweging")).status_code == 200  # the form says the weighing is done
    response = afweging(c, case, "ja")
    assert response.status_code == 302 and Entry.objects.filter(case=case, kind="afweging").count() == 1


def test_an_afweging_from_a_stale_page_is_refused_not_lost(c, case, owner):
    stale = version(case)
    actions.add_entry(owner, case, "signal", SIGNAL)  # someone else appends meanwhile: appends never conflict
    response = afweging(c, case, "ja", v=stale)
    assert response.status_code == 302
    assert not Entry.objects.filter(case=case, kind="afweging").exists()
    assert "iemand anders heeft dit dossier net gewijzigd" in c.get(u("case", case)).content.decode()
    assert Entry.objects.filter(case=case, kind="signal").count() == 1


def test_closing_from_a_stale_page_is_refused(c, case, owner):
    stale = version(case)
    actions.add_entry(owner, case, "signal", SIGNAL)
    c.post(u("close", case), {"reason": "klaar", "version": stale})
    assert Case.objects.get(pk=case.pk).closed_at is None
    c.post(u("close", case), {"reason": "klaar", "version": version(case)})
    assert status(case) == "closed"
    response = c.post(u("entry", case, kind="signal"), SIGNAL)
    assert response.status_code == 400 and "heropen het eerst" in response.content.decode()
    assert Entry.objects.filter(case=case, kind="signal").count() == 1  # closed: nothing is added
    c.post(u("reopen", case), {"reason": "nieuwe signalen", "version": version(case)})
    assert status(case) == "consultation"


def test_a_correction_is_a_new_entry_and_the_old_one_stays(c, case):
    c.post(u("entry", case, kind="signal"), SIGNAL)
    old = Entry.objects.get(case=case)
    assert c.get(u("entry", case, kind="signal") + f"?corrigeer={old.id}").status_code == 200
    c.post(u("entry", case, kind="signal") + f"?corrigeer={old.id}", dict(SIGNAL, place="Deventer"))
    new = Entry.objects.get(corrects=old)
    assert Entry.objects.get(pk=old.pk).data["place"] == "Zwolle" and new.data["place"] == "Deventer"
    html = c.get(u("case", case)).content.decode()
    assert "gecorrigeerd in" in html and "correctie van" in html
    assert html.index(f'id="vastlegging-{old.id}"') < html.index(f'id="vastlegging-{new.id}"')
    assert c.post(u("entry", case, kind="signal") + f"?corrigeer={old.id}", SIGNAL).status_code == 400
    assert Entry.objects.filter(corrects=old).count() == 1  # an already corrected entry is not corrected again


@pytest.mark.parametrize("data,message", [
    (dict(SIGNAL, facts="x" * 4001), "niet meer dan 4000 tekens"),
    (dict(SIGNAL, date="morgen"), "geldige datum"),
    (dict(SIGNAL, date="2999-01-01"), "toekomst"),
    (dict(SIGNAL, signal="anders", other=""), "Beschrijf het signaal"),
    (dict(SIGNAL, source="horen-zeggen"), "geldige keuze"),
    ({}, "verplicht"),
])
def test_bad_input_gets_a_message_and_nothing_is_saved(c, case, data, message):
    response = c.post(u("entry", case, kind="signal"), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Entry.objects.filter(case=case).exists()


def test_messages_in_english(login, owner, case):
    c = login(owner)
    response = c.post("/en" + u("entry", case, kind="signal"), dict(SIGNAL, facts="x" * 4001))
    assert "at most 4000" in response.content.decode()


def test_melding_without_informing_needs_a_reason(c, case):
    response = c.post(u("entry", case, kind="melding"), {"date": "2026-11-22", "shared": "x", "informed": "nee"})
    assert response.status_code == 400 and "waarom de betrokkene niet is geïnformeerd" in response.content.decode()


def test_comensha_consent_under_16_is_by_parents_or_guardian(c, case):
    data = {"dossier_type": "registratie-en-opvang", "age": "15", "consent_by": "betrokkene",
            "consent_date": "2026-11-22"}
    response = c.post(u("entry", case, kind="comensha"), data)
    assert response.status_code == 400 and "ouders of voogd" in response.content.decode()
    assert c.post(u("entry", case, kind="comensha"), dict(data, consent_by="ouders-of-voogd")).status_code == 302


def test_html_in_notes_is_shown_escaped(c, case):
    c.post(u("entry", case, kind="signal"), dict(SIGNAL, facts="<script>alert(1)</script><b>vet</b>"))
    html = c.get(u("case", case)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_help_is_chosen_from_the_regions_organisations(c, case):
    response = c.get(u("entry", case, kind="help"))
    assert "Veilig Thuis IJsselland" in response.content.decode()  # the case's region's coordinator
    c.post(u("entry", case, kind="help"), {"organisations": ["zorgcoordinatie", "fier"], "date": "2026-11-22"})
    assert "Fier" in c.get(u("case", case)).content.decode()


def test_import_from_the_signaleringshulp(c, case):
    response = c.post(u("import", case), {"date": "2026-11-20", "place": "Zwolle",
                                          "s-slaapt-op-werkplek": "waargenomen",
                                          "bron-slaapt-op-werkplek": "via-derden",
                                          "notitie-slaapt-op-werkplek": "buurvrouw zag het",
                                          "s-geen-eigen-paspoort": "niet-waargenomen"})
    assert response.status_code == 302
    [entry] = Entry.objects.filter(case=case)
    assert entry.data["signal"] == "slaapt-op-werkplek" and entry.data["source"] == "via-derden"
    assert c.post(u("import", case), {"date": "2026-11-20", "place": "Zwolle"}).status_code == 400


def test_kindcheck_shows_for_an_adult_with_children(login, owner, catalogue):
    case = actions.create_case(owner, age_group="meerderjarig", has_children=True)
    assert 'id="kindcheck"' in login(owner).get(u("case", case)).content.decode()


def test_new_case_refuses_oversized_identifying_details(c, catalogue):
    response = c.post(reverse("dossiers:new"), {"age_group": "onbekend", "identifying": "x" * 1001})
    assert response.status_code == 400 and not Case.objects.exists()


def test_overview_marks_a_step_open_too_long(c, case, settings):
    from datetime import timedelta

    Case.objects.filter(pk=case.pk).update(step_since=case.step_since - timedelta(days=settings.DOSSIER_STALE_DAYS + 1))
    html = c.get(reverse("dossiers:overview")).content.decode()
    row = html.split(f'id="dossier-{case.code}"')[0].rsplit("<tr", 1)[1]
    assert "ww-stale" in row and "staat lang open" in html


def test_case_report_pdf(c, case, tmp_path):
    c.post(u("entry", case, kind="signal"), SIGNAL)
    response = c.get(u("pdf", case) + "?voor=veilig-thuis")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    path = tmp_path / "d.pdf"
    path.write_bytes(response.content)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
                    .stdout.split())
    assert case.code in text
    for expected in ("Dossierrapport meldcode", "Voor overdracht aan Veilig Thuis", "Stap 1", "Stap 5",
                     "Werkgever houdt paspoort vast", "Inhoudsversie"):
        assert expected in text, expected


@pytest.mark.parametrize("query", ["abc", "1.5", "-1", "99999999"])
def test_a_bad_correction_reference_is_404_not_500(c, case, query):
    response = c.get(u("entry", case, kind="signal") + f"?corrigeer={query}")
    assert response.status_code == 404 and response["Cache-Control"] == "no-store"


def test_the_afweging_page_survives_a_correction_that_changes_the_branch(c, case, owner):
    up_to_weighing(case, owner)
    first = actions.add_entry(owner, case, "afweging", {"number": 1, "answer": True, "reasoning": "r"},
                              expected_version=version(case))
    actions.add_entry(owner, case, "afweging", {"number": 2, "answer": False, "reasoning": "r"},
                      expected_version=version(case))
    actions.add_entry(owner, case, "afweging", {"number": 1, "answer": False, "reasoning": "toch niet"},
                      corrects=first)
    assert c.get(u("entry", case, kind="afweging")).status_code == 200
    assert c.get(u("case", case)).status_code == 200
    assert status(case) == "close"


def test_closing_needs_the_version_seen(c, case):
    c.post(u("close", case), {"reason": "klaar"})
    assert Case.objects.get(pk=case.pk).closed_at is None


def test_importing_signals_is_all_or_nothing(owner, case, monkeypatch):
    calls = []
    real = actions.add_entry

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise actions.ActionError("kapot", "broken")
        return real(*args, **kwargs)

    monkeypatch.setattr(actions, "add_entry", failing)
    with pytest.raises(actions.ActionError):
        actions.import_signals(owner, case, [SIGNAL, SIGNAL, SIGNAL])
    assert not Entry.objects.filter(case=case).exists()


def test_logout_leads_to_the_login_page(c):
    response = c.post("/account/logout/")
    assert response.status_code == 302 and response["Location"] == "/account/login/"
    assert c.get(reverse("dossiers:overview")).status_code == 302


@pytest.mark.parametrize("purpose,expected", [("", "Voor het eigen dossier."),
                                              ("zorgcoordinator", "Voor overdracht aan de zorgcoördinator."),
                                              ("iets-anders", "Voor het eigen dossier.")])
def test_case_report_purposes(c, case, tmp_path, purpose, expected):
    response = c.get(u("pdf", case) + (f"?voor={purpose}" if purpose else ""))
    path = tmp_path / "d.pdf"
    path.write_bytes(response.content)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
                    .stdout.split())
    assert expected in text


def test_correcting_an_afweging_starts_from_the_recorded_answer(c, case, owner):
    up_to_weighing(case, owner)
    first = actions.add_entry(owner, case, "afweging", {"number": 1, "answer": True, "reasoning": "eerste"},
                              expected_version=version(case))
    html = c.get(u("entry", case, kind="afweging") + f"?corrigeer={first.id}").content.decode()
    assert re.search(r'<input[^>]*value="ja"[^>]*checked', html)
    assert "eerste" in html


def test_a_line_break_counts_once_against_a_text_limit(c, case):
    facts = "\r\n".join(["x" * 399] * 10) + "x"  # 4000 as the browser counts (LF), 4009 as it sends (CR LF)
    assert len(facts.replace("\r\n", "\n")) == 4000
    response = c.post(u("entry", case, kind="signal"), dict(SIGNAL, facts=facts))
    assert response.status_code == 302
    assert Entry.objects.get(case=case).data["facts"] == facts.replace("\r\n", "\n")
    response = c.post(u("entry", case, kind="signal"), dict(SIGNAL, facts=facts + "x"))
    assert response.status_code == 400 and "niet meer dan 4000 tekens" in response.content.decode()


def test_a_refused_form_has_an_error_title_a_linked_summary_and_marked_fields(c, case):
    html = c.post(u("entry", case, kind="signal"), dict(SIGNAL, place="")).content.decode()
    assert re.search(r"<title>Fout: ", html)
    summary = html[html.index('id="fouten"'):html.index("</ul>", html.index('id="fouten"'))]
    assert 'href="#id_place">Plaats: Dit veld is verplicht.' in summary
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*aria-describedby="id_place-fout"[^>]*id="id_place"', html)
    assert 'id="id_place-fout"' in html
    # a radio group is marked as a whole and the summary links to its first option
    html = c.post(u("entry", case, kind="signal"), dict(SIGNAL, source="")).content.decode()
    assert 'href="#id_source_0">Bron: ' in html
    assert 'id="id_source" role="radiogroup" aria-invalid="true"' in html
