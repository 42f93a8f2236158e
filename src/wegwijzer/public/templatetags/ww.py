from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _

from wegwijzer.domain.hours import WEEKDAY_KEYS
from wegwijzer.domain.text import phone_spans

register = template.Library()


@register.filter
def weekly_rows(hours: dict):
    """[(day name, [shifts])] for Monday..Sunday, in the active language."""
    names = [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"), _("zaterdag"), _("zondag")]
    weekly = hours.get("weekly") or {}
    return [(names[i], weekly.get(key, [])) for i, key in enumerate(WEEKDAY_KEYS)]


@register.simple_tag(takes_context=True)
def translated_path(context, lang_code: str) -> str:
    """The current page in another language (``/ijsselland/`` -> ``/en/ijsselland/``)."""
    from django.urls import translate_url

    request = context["request"]
    return translate_url(request.path, lang_code)


@register.filter
def phone_links(text) -> str:
    """Running text, escaped, with every Dutch phone number in it as a ``tel:`` link (on a phone, one tap
    calls it)."""
    escape = str if isinstance(text, SafeData) else conditional_escape  # already escaped: do not do it twice
    text = str(text or "")
    parts, last = [], 0
    for start, end, digits in phone_spans(text):
        parts.append(escape(text[last:start]))
        parts.append(format_html('<a class="utrecht-link utrecht-link--telephone" href="tel:{}">{}</a>', digits,
                                 text[start:end]))
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


WIDGET_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "input": "utrecht-textbox utrecht-textbox--html-input",
}


@register.simple_tag
def field_widget(bound):
    """A form field's control as an NL Design System component, tied to its help text and its error message
    (``aria-describedby``), marked ``aria-invalid`` when refused. A form with errors gives the focus to its
    error summary, so no field keeps ``autofocus`` then."""
    widget = bound.field.widget
    kind = {"textarea": "textarea", "select": "select", "text": "input", "password": "input", "number": "input",
            "date": "input", "email": "input", "search": "input"}.get(bound.widget_type)
    attrs = {}
    if kind:
        invalid = f" {WIDGET_CLASSES[kind].split()[0]}--invalid" if bound.errors else ""
        attrs["class"] = WIDGET_CLASSES[kind] + invalid
    described = [f"{bound.auto_id}-hulp"] if bound.help_text else []
    if bound.errors:
        attrs["aria-invalid"] = "true"
        described.append(f"{bound.auto_id}-fout")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound.form.errors and widget.attrs.get("autofocus"):
        attrs["autofocus"] = False
    return bound.as_widget(attrs=attrs)


@register.simple_tag
def form_error_summary(form):
    """The error summary's entries for a Django form (see public/forms.py)."""
    from wegwijzer.public.forms import from_form

    return from_form(form) if form is not None and form.is_bound and form.errors else []
