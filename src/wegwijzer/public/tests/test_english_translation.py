"""The English UI is complete: every string marked for translation has an English text, and the
compiled catalogue (django.mo, committed) gives it — so `make run` needs no gettext tools."""

import ast
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"


def entries(path: Path) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) for every entry; handles strings continued over several lines."""
    result, msgid, msgstr, fuzzy, current = [], None, None, False, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, current = ast.literal_eval(line[6:]), "id"
        elif line.startswith("msgstr "):
            msgstr, current = ast.literal_eval(line[7:]), "str"
        elif line.startswith("msgstr[0] "):  # a plural: the singular form stands for the entry
            msgstr, current = ast.literal_eval(line[10:]), "str"
        elif line.startswith(("msgid_plural ", "msgstr[")):
            current = None
        elif line.startswith('"') and current:
            if current == "id":
                msgid += ast.literal_eval(line)
            else:
                msgstr += ast.literal_eval(line)
        elif not line.strip():
            if msgid:
                result.append((msgid, msgstr, fuzzy))
            msgid, msgstr, fuzzy, current = None, None, False, None
    return result


def test_every_ui_string_has_an_english_translation():
    found = entries(PO)
    assert len(found) > 50
    missing = [msgid for msgid, msgstr, fuzzy in found if not msgstr or fuzzy]
    assert missing == []


def test_the_compiled_catalogue_matches_the_po_file():
    with translation.override("en"):
        stale = [
            msgid for msgid, msgstr, _ in entries(PO) if "%(" not in msgid and translation.gettext(msgid) != msgstr
        ]
    assert stale == [], "run `make messages` to recompile django.mo"
