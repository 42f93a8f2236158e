"""Content documents in the database: load_content brings content/ in as versions, export_content writes
them back byte for byte, a publish is all or nothing, and edits published on the site are never silently
overwritten by load_content."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wegwijzer.catalogue import models as cm
from wegwijzer.catalogue import queries as q
from wegwijzer.catalogue.schema import ContentInvalid
from wegwijzer.editorial import documents
from wegwijzer.editorial.models import ContentRevision

CONTENT = Path(settings.CONTENT_DIR)
FIER = "regions/ijsselland.yaml"


@pytest.fixture
def loaded(db):
    call_command("load_content", verbosity=0)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_export_right_after_a_fresh_load_is_byte_identical(loaded, tmp_path):
    call_command("export_content", str(tmp_path / "export"))
    assert _files(tmp_path / "export") == _files(CONTENT)
    assert ContentRevision.objects.count() == len(_files(CONTENT))
    assert all(r.number == 1 and r.from_files for r in ContentRevision.objects.all())


def test_loading_the_same_files_again_adds_no_versions(loaded):
    before = ContentRevision.objects.count()
    call_command("load_content", verbosity=0)
    assert ContentRevision.objects.count() == before


def test_a_publish_makes_a_new_version_and_a_new_content_version(loaded):
    editor = get_user_model().objects.create(username="redacteur")
    old_version = q.content_version()
    text = documents.live()[FIER].text.replace('phone: "06-11414026"', 'phone: "06-12345678"')
    documents.publish({FIER: text.encode()}, author=editor, comment="nieuw nummer")
    assert q.content_version() != old_version
    assert q.contact(q.region_or_none("ijsselland"), "zorgcoordinator").phone == "06-12345678"
    live = documents.live()[FIER]
    assert live.number == 2 and live.author == editor and live.comment == "nieuw nummer"
    assert ContentRevision.objects.filter(path=FIER).count() == 2  # history only grows


def test_a_failing_publish_changes_nothing_live(loaded):
    old_version, old_rows = q.content_version(), ContentRevision.objects.count()
    broken = documents.live()[FIER].text.replace('phone: "06-11414026"', "phone: [niet, goed]")
    with pytest.raises(ContentInvalid) as exc:
        documents.publish({FIER: broken.encode()})
    assert "content/regions/ijsselland.yaml" in str(exc.value) and "phone" in str(exc.value)
    assert q.content_version() == old_version and ContentRevision.objects.count() == old_rows
    assert q.contact(q.region_or_none("ijsselland"), "zorgcoordinator").phone == "06-11414026"


def test_load_content_refuses_to_overwrite_what_editors_published(loaded, tmp_path):
    editor = get_user_model().objects.create(username="redacteur")
    text = documents.live()[FIER].text.replace('phone: "06-11414026"', 'phone: "06-12345678"')
    documents.publish({FIER: text.encode()}, author=editor)
    with pytest.raises(CommandError) as exc:
        call_command("load_content", verbosity=0)
    assert FIER in str(exc.value) and "export_content" in str(exc.value)
    assert q.contact(q.region_or_none("ijsselland"), "zorgcoordinator").phone == "06-12345678"  # kept
    # the way forward: export the edits into the files, after which loading is a no-op
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    call_command("export_content", str(copy))
    call_command("load_content", path=str(copy), verbosity=0)
    assert documents.live()[FIER].number == 2
    # or replace them deliberately: the editor's version stays in the history
    call_command("load_content", replace_edits=True, verbosity=0)
    assert documents.live()[FIER].number == 3 and documents.live()[FIER].from_files
    assert ContentRevision.objects.filter(path=FIER, author=editor).exists()


def test_a_changed_file_in_a_release_is_loaded_as_a_new_version(loaded, tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    path = copy / FIER
    path.write_text(path.read_text(encoding="utf-8").replace("06-11414026", "06-22222222"), encoding="utf-8")
    (copy / "regions" / "groningen.yaml").unlink()
    call_command("load_content", path=str(copy), verbosity=0)
    assert documents.live()[FIER].number == 2
    assert "regions/groningen.yaml" not in documents.live()  # removed in the release: no longer live
    assert not cm.Region.objects.filter(slug="groningen").exists()
    assert ContentRevision.objects.filter(path="regions/groningen.yaml").count() == 2  # and kept in history
