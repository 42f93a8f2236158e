from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATUS = {
    "signals": _("stap 1: signalen in kaart brengen"),
    "consultation": _("stap 2: overleggen"),
    "conversation": _("stap 3: gesprek"),
    "weighing": _("stap 4: wegen met het afwegingskader"),
    "close": _("afweging 1: geen vermoeden, dossier sluiten"),
    "melden": _("stap 5: melden bij Veilig Thuis is de norm"),
    "help": _("stap 5: hulp organiseren"),
    "decided": _("stap 5: besluit vastgelegd"),
    "closed": _("gesloten"),
}
KINDS = {
    "signal": _("Signaal"), "consultation": _("Overleg"), "conversation": _("Gesprek"),
    "no_conversation": _("Geen gesprek"), "afweging": _("Afweging"), "melding": _("Melding bij Veilig Thuis"),
    "help": _("Hulp georganiseerd"), "comensha": _("Registratie bij CoMensha"), "close": _("Gesloten"),
    "reopen": _("Heropend"),
}
FIELDS = {
    "signal": _("signaal"), "other": _("ander signaal"), "date": _("datum"), "place": _("plaats"),
    "source": _("bron"), "facts": _("feiten"), "interpretation": _("interpretatie"), "with_role": _("met wie"),
    "with_organisation": _("organisatie"), "anonymous": _("anoniem"), "advice": _("advies"),
    "agreements": _("afspraken"), "participants": _("aanwezig"), "own_words": _("in eigen woorden"),
    "reason": _("reden"), "number": _("afweging"), "answer": _("antwoord"), "reasoning": _("onderbouwing"),
    "reference": _("kenmerk"), "shared": _("gedeeld"), "informed": _("betrokkene geïnformeerd"),
    "not_informed_reason": _("waarom niet geïnformeerd"), "organisations": _("organisaties"),
    "notes": _("toelichting"), "dossier_type": _("soort dossier"), "age": _("leeftijd"),
    "consent_by": _("toestemming door"), "consent_date": _("datum toestemming"),
}


@register.filter
def status_label(code):
    return STATUS.get(code, code)


@register.filter
def kind_label(code):
    return KINDS.get(code, code)


@register.filter
def field_label(name):
    return FIELDS.get(name, name)


@register.filter
def shown_value(value):
    if value is True:
        return _("ja")
    if value is False:
        return _("nee")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
