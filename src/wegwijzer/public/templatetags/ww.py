from django import template
from django.utils.translation import gettext as _

from wegwijzer.domain.hours import WEEKDAY_KEYS

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
