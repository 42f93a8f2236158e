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
