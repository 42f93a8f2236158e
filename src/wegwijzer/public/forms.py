"""What every form on the site shares when input is refused (the GOV.UK / NL Design System pattern):

- the page title starts with "Fout:" (``base.html`` does that when the context has ``error_summary``);
- an error summary after the h1 takes the focus and links each message to its field;
- each field carries its own message (``aria-describedby``) and ``aria-invalid``.

Views build the summary with :func:`from_problems` (the check, the route, the directory: their problems
carry a Dutch and an English message) or :func:`from_form` (Django forms: dossier, login).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms

from wegwijzer.domain.text import normalise_newlines


@dataclass(frozen=True)
class FieldError:
    anchor: str  # id of the control the summary links to
    message: str  # in the page's language, naming the field
    field: str = ""  # the field's own id, for its message and aria attributes ("" for the whole form)

    @property
    def message_id(self) -> str:
        return f"{self.field}-fout" if self.field else ""


def from_problems(problems: Iterable, lang: str, place: Callable[[str], tuple[str, str, str]] | None = None
                  ) -> list[FieldError]:
    """``problems`` have ``field``, ``message_nl`` and ``message_en``. ``place(field)`` returns
    (the control to link to, the id that carries the message, a label naming the field — "" for none)."""
    errors = []
    for p in problems:
        anchor, field, label = place(p.field) if place else (p.field, p.field, "")
        message = p.message_en if lang == "en" else p.message_nl
        errors.append(FieldError(anchor, f"{label}: {message}" if label else message, field))
    return errors


def by_field(errors: Iterable[FieldError]) -> dict[str, FieldError]:
    """The first error of each field, for the message next to it."""
    result: dict[str, FieldError] = {}
    for e in errors:
        if e.field:
            result.setdefault(e.field, e)
    return result


def _control_id(bound) -> str:
    """The id of the control a link should focus: a radio or checkbox group's first option."""
    if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound.auto_id}_0"
    return bound.id_for_label or bound.auto_id


def from_form(form, prefix_label: bool = True) -> list[FieldError]:
    """A Django form's errors, each named after its field's label and linked to it. Errors of the whole
    form (a wrong password, for example) link to the first visible field."""
    errors = []
    visible = form.visible_fields()
    first = visible[0].id_for_label if visible else ""
    for message in form.non_field_errors():
        errors.append(FieldError(first, str(message)))
    for bound in visible:
        for message in bound.errors:
            text = f"{bound.label}: {message}" if prefix_label and bound.label else str(message)
            errors.append(FieldError(_control_id(bound), text, bound.auto_id))
    return errors


class TextField(forms.CharField):
    """A CharField that counts a line break once, as the browser's ``maxlength`` did: browsers send a
    textarea's line breaks as CR LF, which would otherwise count twice against ``max_length``."""

    def to_python(self, value):
        return super().to_python(normalise_newlines(value) if isinstance(value, str) else value)
