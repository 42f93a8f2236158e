"""Who may do what with a content document, and how a draft moves. Plain Python, no Django.

Roles hold for one scope: a region (its file ``regions/<slug>.yaml``) or the national content
(``national/*.yaml`` and ``municipalities.yaml``: scope "landelijk"). A redacteur edits and submits; an
eindredacteur may also review and publish. Nobody reviews their own draft (four eyes), also not an
eindredacteur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NATIONAL = "landelijk"
ROLES = ("redacteur", "eindredacteur")

CONCEPT, SUBMITTED, REJECTED, PUBLISHED, DELETED = "concept", "ter-beoordeling", "afgewezen", "gepubliceerd", \
    "verwijderd"
STATUSES = (CONCEPT, SUBMITTED, REJECTED, PUBLISHED, DELETED)
# action -> (statuses it starts from, the status it leads to)
TRANSITIONS = {
    "save": ((CONCEPT, REJECTED), CONCEPT),
    "submit": ((CONCEPT, REJECTED), SUBMITTED),
    "reject": ((SUBMITTED,), REJECTED),
    "publish": ((SUBMITTED,), PUBLISHED),
    "delete": ((CONCEPT, REJECTED), DELETED),
}
EDITING = {"view", "create", "save", "submit", "delete"}
REVIEWING = {"reject", "publish"}

_REGION = re.compile(r"^regions/([a-z0-9-]+)\.yaml$")


def scope_of(path: str) -> str:
    """The scope a document belongs to: a region's slug, or "landelijk"."""
    match = _REGION.match(path)
    return match.group(1) if match else NATIONAL


@dataclass(frozen=True)
class Grant:
    role: str  # redacteur | eindredacteur
    scope: str  # a region's slug, or "landelijk"


class NotAllowed(Exception):
    def __init__(self, message_nl: str, message_en: str):
        self.message_nl, self.message_en = message_nl, message_en
        super().__init__(message_nl)


def check(grants: list[Grant], action: str, path: str, *, is_author: bool = False, status: str | None = None) -> None:
    """Raise :class:`NotAllowed` unless one of ``grants`` allows ``action`` on the document at ``path`` (and,
    for a draft, from ``status``)."""
    scope = scope_of(path)
    roles = {g.role for g in grants if g.scope == scope}
    if not roles:
        raise NotAllowed(f"je bent geen redacteur van {scope}", f"you are not an editor of {scope}")
    if action in REVIEWING and "eindredacteur" not in roles:
        raise NotAllowed("alleen een eindredacteur beoordeelt en publiceert", "only a final editor reviews and "
                         "publishes")
    if action in REVIEWING and is_author:
        raise NotAllowed("je beoordeelt je eigen wijziging niet: een ander kijkt mee (vier ogen)",
                         "you do not review your own change: someone else does (four eyes)")
    if action in ("save", "submit", "delete") and not is_author:
        raise NotAllowed("alleen de auteur werkt een concept bij", "only the author changes a draft")
    if action not in EDITING | REVIEWING:
        raise NotAllowed(f"onbekende handeling {action!r}", f"unknown action {action!r}")
    if status is not None and action in TRANSITIONS and status not in TRANSITIONS[action][0]:
        raise NotAllowed(f"dit kan niet bij een wijziging met status {status}",
                         f"this is not possible for a change with status {status}")


def next_status(action: str) -> str:
    return TRANSITIONS[action][1]
