"""Loading content/: idempotent, one transaction, and bad content refused with file, place and reason
while the content loaded before stays intact."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from wegwijzer.catalogue import loader
from wegwijzer.catalogue import models as m

pytestmark = pytest.mark.usefixtures("catalogue")


def snapshot():
    return {
        "forms": list(m.Form.objects.values_list("slug", "name_nl")),
        "signals": list(m.Signal.objects.values_list("key", "text_nl", "theme__slug", "element")),
        "signal_forms": sorted(m.Signal.forms.through.objects.values_list("signal__key", "form__slug")),
        "tips": list(m.Tip.objects.values_list("key", "kind", "text_en")),
        "contacts": list(m.Contact.objects.values_list("slug", "region__slug", "phone", "hours")),
        "steps": list(m.StepContact.objects.values_list("step__number", "region__slug", "contact_slug")),
        "sections": list(m.Section.objects.values_list("page", "slug", "region__slug")),
        "organisations": list(m.Organisation.objects.values_list("slug", "region__slug", "types", "contact_slugs")),
        "rights": list(m.Right.objects.values_list("slug", "conditions", "last_checked")),
        "phase_steps": list(m.PhaseStep.objects.values_list("phase__slug", "slug", "rights", "organisations")),
        "victim_rights": list(m.VictimRightsPage.objects.values_list("lang", "reviewed")),
    }


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, root)
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_loading_twice_gives_the_same_catalogue():
    before = snapshot()
    versions = m.ContentVersion.objects.count()
    call_command("load_content")
    assert snapshot() == before
    assert m.ContentVersion.objects.count() == versions  # unchanged content is not a new version


def test_catalogue_has_the_four_forms_and_both_regions():
    assert list(m.Form.objects.values_list("slug", flat=True)) == [
        "seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "sekswerk"]
    assert set(m.Region.objects.values_list("slug", flat=True)) >= {"ijsselland", "hart-van-brabant"}
    assert m.Signal.objects.filter(forms__slug="arbeidsuitbuiting").count() >= 12
    for form in m.Form.objects.all():
        assert form.signals.exists() and form.tips.filter(kind="do").exists() and form.tips.filter(kind="dont")


def test_a_missing_passport_belongs_to_several_forms():
    passport = [s for s in m.Signal.objects.all() if "paspoort" in s.text_nl.lower()]
    assert passport and max(s.forms.count() for s in passport) >= 3


def _load_bad(content):
    with pytest.raises(CommandError) as info:
        call_command("load_content", path=str(content))
    return str(info.value)


BAD_CASES = [
    # (file, old, new, expected file, expected place, expected message)
    ("national/signals.yaml", "forms: [", "forms: [onbekende-vorm, ", "signals.yaml", "signals[", "onbekende vorm"),
    ("national/signals.yaml", "theme: ", "theme: nergens-", "signals.yaml", ".theme", "onbekend thema"),
    ("national/contacts.yaml", "16:00-06:00", "16:00-30:00", "contacts.yaml", "hours.weekly", "bestaat niet"),
    ("national/contacts.yaml", "holidays: standaard", "holidays: [sinterklaas]", "contacts.yaml", "holidays",
     "onbekende feestdag"),
    ("national/forms.yaml", "slug: sekswerk", "slug: Sekswerk!", "forms.yaml", "forms[3].slug", "pattern"),
    ("national/themes.yaml", "themes:", "themes: [\n", "themes.yaml", "", "geen geldige YAML"),
    ("national/steps.yaml", "steps:", "stappen:", "steps.yaml", "stappen", "onbekende sleutel"),
    ("regions/ijsselland.yaml", "email: mensenhandel@vtij.nl", "email: geen-adres", "ijsselland.yaml",
     "contacts[0].email", "pattern"),
    ("regions/hart-van-brabant.yaml", "step_contacts:", "step_contacts:\n  3: [bestaat-niet]\n  9: []\n",
     "hart-van-brabant.yaml", "step_contacts", "onbekend contact"),
    ("national/wegwijzer.yaml", "rights: [medische-zorg]", "rights: [medische-zorg, recht-op-niets]",
     "wegwijzer.yaml", "phases[1].steps[3].rights[1]", "onbekend recht"),
    ("national/wegwijzer.yaml", "organisations: [schadefonds, slachtofferhulp]",
     "organisations: [schadefonds, bestaat-niet]", "wegwijzer.yaml", "organisations[1]", "onbekende organisatie"),
    ("national/rights.yaml", "form: [arbeidsuitbuiting]", "form: [visserij]", "rights.yaml", "when.form[0]",
     "onbekende vorm"),
    ("national/rights.yaml", 'last_checked: "2026-11-23"\n    sources:\n      - doc: meldcode-basismodel',
     "sources:\n      - doc: meldcode-basismodel", "rights.yaml", "rights[0].last_checked", "Field required"),
    ("national/organisations.yaml", "types: [melden]", "types: [kapper]", "organisations.yaml",
     "organisations[0].types[0]", "Input should be"),
    ("regions/hart-van-brabant.yaml", "contacts: [sterk-huis]\n    sources", "contacts: [sterk]\n    sources",
     "hart-van-brabant.yaml", "organisations[1].contacts[0]", "onbekend contact"),
    ("national/jouw-rechten.yaml", "lang: nl", "lang: fy", "jouw-rechten.yaml", "victim_rights",
     "Nederlandse versie"),
]


@pytest.mark.parametrize("file,old,new,where,place,message", BAD_CASES, ids=[c[4] or c[0] for c in BAD_CASES])
def test_bad_content_is_refused_and_the_loaded_content_stays(content, capsys, file, old, new, where, place, message):
    before = snapshot()
    edit(content / file, old, new)
    summary = _load_bad(content)
    errors = capsys.readouterr().err
    assert "niet geladen" in summary and "ongewijzigd" in summary
    line = next((line for line in errors.splitlines() if message in line), None)
    assert line is not None, errors
    assert where in line and place in line
    assert snapshot() == before


def test_error_names_the_line_in_the_file(content, capsys):
    path = content / "national" / "signals.yaml"
    text = path.read_text(encoding="utf-8")
    second = list(re.finditer(r"element: \w+", text))[1]  # the second signal's element
    line_no = text[: second.start()].count("\n") + 1
    path.write_text(text[: second.start()] + "element: verdacht" + text[second.end():], encoding="utf-8")
    _load_bad(content)
    err = capsys.readouterr().err
    assert f"signals.yaml:{line_no} [signals[1].element]" in err, err


def test_a_failure_while_writing_rolls_back_to_the_previous_content(content, monkeypatch):
    # The load deletes the old rows before it writes the new ones; a failure on the last write must
    # bring every old row back.
    before = snapshot()
    original = m.StepContact.objects.bulk_create

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(m.StepContact.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        loader.load(content)
    monkeypatch.setattr(m.StepContact.objects, "bulk_create", original)
    assert snapshot() == before


def test_command_exits_non_zero_on_bad_content(content, tmp_path):
    edit(content / "national" / "signals.yaml", "theme: ", "theme: nergens-")
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "wegwijzer.conf.dev",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PYTHONPATH": str(settings.BASE_DIR / "src")}
    manage = str(settings.BASE_DIR / "manage.py")
    subprocess.run([sys.executable, manage, "migrate", "-v0"], env=env, check=True)
    good = subprocess.run([sys.executable, manage, "load_content"], env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    bad = subprocess.run([sys.executable, manage, "load_content", "--path", str(content)], env=env,
                         capture_output=True, text=True)
    assert bad.returncode != 0
    assert "signals.yaml" in bad.stderr and "onbekend thema" in bad.stderr


def test_a_region_may_not_take_a_slug_that_other_urls_use(content, capsys):
    (content / "regions" / "ijsselland.yaml").rename(content / "regions" / "api.yaml")
    edit(content / "regions" / "api.yaml", "slug: ijsselland", "slug: api")
    _load_bad(content)
    assert "gereserveerd" in capsys.readouterr().err
