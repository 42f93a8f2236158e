"""Plain-text rules shared by every form and page; no Django.

- Line breaks: a browser counts a line break in a ``<textarea>`` as one character for ``maxlength`` but
  sends it as CR LF. Every length limit counts after :func:`normalise_newlines`, the way the browser did.
- Phone numbers in running text: :func:`phone_spans` finds Dutch numbers (112, 0800/0900 numbers and
  ten-digit numbers) so pages can make them ``tel:`` links.
"""

from __future__ import annotations

import re

_SERVICE = r"0[89]0\d[- ]?\d{4,7}"  # 0800-2000, 0900-8844, 0800 1234567
_TEN_DIGITS = r"0\d(?:[ -]?\d){8}"  # 06-11414026, 013 549 8430, 033 448 11 86
PHONE = re.compile(rf"(?<![\w+/.-])(?:{_SERVICE}|{_TEN_DIGITS}|112)(?![\w/-])")


def normalise_newlines(text: str) -> str:
    """CR LF and lone CR become LF, as in the textarea's value before it was sent."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def phone_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits for a tel: URI) for every phone number in ``text``, left to right."""
    return [(m.start(), m.end(), re.sub(r"\D", "", m.group())) for m in PHONE.finditer(text)]
