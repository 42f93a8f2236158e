"""A region only adds to or overrides the national content: a regional contact or section with a
national slug replaces it in that region only, in the national position; others are added after."""

import shutil

import pytest
from django.conf import settings

from wegwijzer.catalogue import loader
from wegwijzer.catalogue import queries as q

OVERRIDE = """
  - slug: veilig-thuis
    name: Veilig Thuis IJsselland
    role: {nl: "Regionale Veilig Thuis", en: "Regional Veilig Thuis"}
    phone: "0800-2000"
    email: info@example.org
    hours: {always: true}
    sources: [{doc: seed-000}]
"""


@pytest.fixture
def overridden(db, tmp_path):
    root = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, root)
    path = root / "regions" / "ijsselland.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("contacts:\n", "contacts:" + OVERRIDE, 1), encoding="utf-8")
    loader.load(root)


def test_regional_contact_replaces_the_national_one_in_that_region_only(overridden):
    ijssel = q.contacts(q.region_or_none("ijsselland"))
    brabant = q.contacts(q.region_or_none("hart-van-brabant"))
    national = q.contacts(None)
    position = [c.slug for c in national].index("veilig-thuis")
    assert ijssel[position].name == "Veilig Thuis IJsselland"
    assert [c.slug for c in ijssel].count("veilig-thuis") == 1
    assert next(c for c in brabant if c.slug == "veilig-thuis").name == "Veilig Thuis"
    # Regional additions come after the national contacts.
    assert [c.slug for c in ijssel][: len(national)] == [c.slug for c in national]
    assert "zorgcoordinator" in [c.slug for c in ijssel][len(national):]


def test_steps_use_the_regional_override(overridden):
    step4 = q.steps(q.region_or_none("ijsselland"))[3]
    vt = next(c for c in step4.contacts if c.slug == "veilig-thuis")
    assert vt.name == "Veilig Thuis IJsselland"
    assert any(c.slug == "zorgcoordinator" for c in step4.contacts)
