from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

LABELS = {
    "waargenomen": _("waargenomen"),
    "niet-waargenomen": _("niet waargenomen"),
    "onbekend": _("onbekend"),
    "zelf-gezien": _("zelf gezien"),
    "verteld-door-persoon": _("verteld door de persoon"),
    "via-derden": _("via derden"),
    "minderjarig": _("minderjarig"),
    "meerderjarig": _("meerderjarig"),
    "ja": _("ja"),
    "nee": _("nee"),
    "nl": _("Nederlands"),
    "eu": _("uit een ander EU-land"),
    "non-eu": _("van buiten de EU"),
    "act": _("Handeling (werven, vervoeren, huisvesten)"),
    "means": _("Middel (dwang, misleiding, misbruik van kwetsbaarheid)"),
    "purpose": _("Uitbuitingsdoel"),
}


@register.filter
def label(code):
    return LABELS.get(code, code)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
