"""The live content documents, and bringing the files of ``content/`` in (``load_content``) or out
(``export_content``). Publishing validates the complete set of documents with the catalogue's schema and
loads it in the same transaction that records the new versions: a refused or failing publish changes
nothing that is live."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.db.models import Max

from wegwijzer.catalogue.loader import load_documents
from wegwijzer.catalogue.schema import Catalogue, read_content_dir

from .models import ContentRevision, Status


class EditedOnThisSite(Exception):
    """``load_content`` would overwrite documents that editors published on this site."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        super().__init__(", ".join(paths))


def _latest() -> dict[str, ContentRevision]:
    top = {row["path"]: row["top"] for row in ContentRevision.objects.values("path").annotate(top=Max("number"))}
    return {r.path: r for r in ContentRevision.objects.filter(path__in=top) if r.number == top[r.path]}


def live() -> dict[str, ContentRevision]:
    """The live version of every document, by path (removed documents are not live)."""
    return {path: rev for path, rev in _latest().items() if rev.status == Status.PUBLISHED}


def live_documents() -> dict[str, bytes]:
    return {path: rev.text.encode("utf-8") for path, rev in live().items()}


def publish(changes: dict[str, bytes], *, removed: frozenset[str] = frozenset(), author=None,
            comment: str = "") -> tuple[Catalogue, bool]:
    """Publish new versions of the documents in ``changes`` (path -> text), and remove those in ``removed``,
    together with the live versions of all others: validate the whole set, load it into the catalogue,
    record the versions — all or nothing. Raises ``schema.ContentInvalid`` (nothing changes) when the
    result is not valid content."""
    with transaction.atomic():
        latest = _latest()
        documents = {path: rev.text.encode("utf-8") for path, rev in latest.items() if rev.status == Status.PUBLISHED}
        documents.update(changes)
        for path in removed:
            documents.pop(path, None)
        catalogue, changed = load_documents(documents)

        def record(path, text, status):
            previous = latest.get(path)
            if previous is not None and previous.status == status and previous.text == text:
                return  # unchanged: no new version
            ContentRevision.objects.create(
                path=path, number=(previous.number + 1) if previous else 1, text=text, status=status,
                author=author, comment=comment, content_version=catalogue.version)

        for path, text in sorted(changes.items()):
            record(path, text.decode("utf-8"), Status.PUBLISHED)
        for path in sorted(removed):
            if path in latest:
                record(path, "", Status.REMOVED)
    return catalogue, changed


def load_from_files(root: Path, *, replace_edits: bool = False) -> tuple[Catalogue, bool, list[str]]:
    """``load_content``: bring the files of ``content/`` in. A document whose live version was published by
    an editor on this site and differs from the file is never silently overwritten: unless
    ``replace_edits``, :class:`EditedOnThisSite` names those documents (export them first). With
    ``replace_edits`` the files become new versions; the editors' versions stay in the history.
    Returns (catalogue, whether the content changed, the paths that got a new version)."""
    files = read_content_dir(root)
    current = live()
    edited = sorted(path for path, rev in current.items()
                    if not rev.from_files and files.get(path) != rev.text.encode("utf-8"))
    if edited and not replace_edits:
        raise EditedOnThisSite(edited)
    changes = {path: text for path, text in files.items()
               if path not in current or current[path].text.encode("utf-8") != text}
    gone = frozenset(current) - set(files)  # removed from content/ in a release (an edited one was refused)
    catalogue, changed = publish(changes, removed=gone, comment=f"geladen uit {Path(root).name}/")
    return catalogue, changed, sorted(changes) + sorted(gone)


def export(directory: Path) -> list[Path]:
    """Write the live documents as the files of ``content/``, byte for byte as published."""
    written = []
    for path, rev in sorted(live().items()):
        target = Path(directory) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rev.text.encode("utf-8"))
        written.append(target)
    return written
