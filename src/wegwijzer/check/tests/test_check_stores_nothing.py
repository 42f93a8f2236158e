"""A full check — form, result, summary and PDF, with notes — writes no database row, no file and no
log line with its content."""

import logging
import os

import pytest
from django.apps import apps
from django.conf import settings

pytestmark = pytest.mark.usefixtures("catalogue")
NOTE = "Notitie-7f3a: zegt dat de baas het paspoort heeft"
CASE = "KENMERK-91c2"


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def files_under(root):
    return {os.path.join(d, f): os.path.getmtime(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs}


def test_a_full_check_with_notes_and_pdf_stores_nothing(client, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    before_rows = row_counts()
    var_dir = settings.BASE_DIR / "var"
    before_files = files_under(var_dir) if var_dir.exists() else {}
    data = {"regio": "hart-van-brabant", "leeftijd": "minderjarig", "gevaar": "ja",
            "s-bedelt-op-straat": "waargenomen", "bron-bedelt-op-straat": "zelf-gezien",
            "notitie-bedelt-op-straat": NOTE, "kenmerk": CASE}
    assert client.get("/hart-van-brabant/signaleringshulp/").status_code == 200
    assert client.post("/hart-van-brabant/signaleringshulp/", {**data, "actie": "filter"}).status_code == 200
    result = client.post("/hart-van-brabant/signaleringshulp/resultaat/", data)
    assert NOTE in result.content.decode()
    summary = client.post("/hart-van-brabant/signaleringshulp/samenvatting/", data)
    assert CASE in summary.content.decode()
    pdf = client.post("/hart-van-brabant/signaleringshulp/pdf/", data)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    api = client.post("/api/v1/assessments", {"region": "hart-van-brabant", "age_group": "minderjarig",
                                               "answers": [{"signal": "bedelt-op-straat", "answer": "waargenomen",
                                                            "note": NOTE}]}, content_type="application/json")
    assert api.status_code == 200
    bad = client.post("/hart-van-brabant/signaleringshulp/resultaat/", {**data, "s-bedelt-op-straat": "??"})
    assert bad.status_code == 400

    assert row_counts() == before_rows
    assert (files_under(var_dir) if var_dir.exists() else {}) == before_files
    logged = "\n".join(f"{r.getMessage()} {r.args}" for r in caplog.records)
    assert NOTE not in logged and CASE not in logged and "Notitie-7f3a" not in logged
