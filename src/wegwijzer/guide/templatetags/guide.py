from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

TYPE_LABELS = {
    "zorgcoordinatie": gettext_lazy("zorgcoördinatie"),
    "melden": gettext_lazy("melden"),
    "opvang": gettext_lazy("opvang"),
    "medische-en-psychische-zorg": gettext_lazy("medische en psychische zorg"),
    "juridische-hulp": gettext_lazy("juridische hulp"),
    "slachtofferhulp": gettext_lazy("slachtofferhulp"),
    "uitstapprogramma": gettext_lazy("uitstapprogramma"),
    "politie-inspectie": gettext_lazy("politie en inspectie"),
}
SERVES_LABELS = {
    "minderjarigen": gettext_lazy("minderjarigen"),
    "vrouwen": gettext_lazy("vrouwen"),
    "mannen": gettext_lazy("mannen"),
    "buitenlanders": gettext_lazy("buitenlanders"),
    "sekswerkers": gettext_lazy("sekswerkers"),
}
FACTOR_LABELS = {
    "age_group": gettext_lazy("leeftijd"),
    "nationality": gettext_lazy("nationaliteit"),
    "legal_residence": gettext_lazy("rechtmatig verblijf"),
    "form": gettext_lazy("vorm van uitbuiting"),
}


@register.filter
def type_label(code):
    return TYPE_LABELS.get(code, code)


@register.filter
def serves_label(code):
    return SERVES_LABELS.get(code, code)


@register.filter
def serves_text(groups):
    return ", ".join(str(SERVES_LABELS.get(g, g)) for g in groups) if groups else _("iedereen")


@register.filter
def when_text(when):
    """The conditions of a step, right or organisation in words: "alleen voor minderjarigen; nationaliteit:
    van buiten de EU". Empty when it applies to everyone."""
    if not when:
        return ""
    from wegwijzer.catalogue.models import Form

    ages = {"minderjarig": _("minderjarigen"), "meerderjarig": _("volwassenen")}
    nationality = {"nl": _("Nederlands"), "eu": _("uit een ander EU-land"), "non-eu": _("van buiten de EU")}
    parts = []
    if when.get("age_group"):
        parts.append(_("voor %(groups)s") % {"groups": _(" en ").join(ages[a] for a in when["age_group"])})
    if when.get("nationality"):
        parts.append(_("nationaliteit: %(list)s") % {"list": ", ".join(nationality[n] for n in when["nationality"])})
    if when.get("legal_residence") == ["nee"]:
        parts.append(_("zonder rechtmatig verblijf"))
    elif when.get("legal_residence") == ["ja"]:
        parts.append(_("met rechtmatig verblijf"))
    if when.get("form"):
        names = {f.slug: str(f.name) for f in Form.objects.filter(slug__in=when["form"])}
        parts.append(_("bij %(forms)s") % {"forms": _(" of ").join(names.get(s, s).lower() for s in when["form"])})
    if when.get("aangifte") is True:
        parts.append(_("als er aangifte is gedaan"))
    elif when.get("aangifte") is False:
        parts.append(_("zolang er geen aangifte is gedaan"))
    if when.get("shelter_needed") is True:
        parts.append(_("als opvang nu nodig is"))
    return "; ".join(parts)


@register.filter
def uncertain_text(match):
    """ "Hangt af van: leeftijd, nationaliteit" for an item that may apply; empty when it surely applies."""
    if not match or not match.uncertain:
        return ""
    return _("Mogelijk van toepassing; hangt af van: %(factors)s") % {
        "factors": ", ".join(str(FACTOR_LABELS.get(f, f)) for f in match.uncertain)
    }
