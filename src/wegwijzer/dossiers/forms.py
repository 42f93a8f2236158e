"""The forms of the dossier: one per kind of entry. Every free-text field has a maximum length; Django
shows its messages in Dutch or English. Values are shown escaped everywhere (templates autoescape)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegwijzer.catalogue import queries as q
from wegwijzer.public.forms import TextField

from .models import IDENTIFYING_MAX, PSEUDONYM_MAX, TEXT_MAX

SOURCES = [("zelf-gezien", _("zelf gezien")), ("verteld-door-persoon", _("verteld door de persoon")),
           ("via-derden", _("via derden"))]
YES_NO = [("ja", _("ja")), ("nee", _("nee"))]
COMENSHA_TYPES = [("registratie", _("Registratie (alleen aantallen)")),
                  ("registratie-en-opvang", _("Registratie en opvang")),
                  ("registratie-informatie-advies", _("Registratie, informatie en advies"))]
CONSENT_BY = [("betrokkene", _("de betrokkene zelf (16 jaar of ouder)")),
              ("ouders-of-voogd", _("ouders of voogd (jonger dan 16)"))]


class StyledForm(forms.Form):
    """The dossier's forms. How a field looks and how it points to its help text and error message is the
    template's business (``{% field_widget %}`` in public/templatetags/ww.py), the same for every form."""


def text(label, required=True, max_length=TEXT_MAX, rows=4, help_text=""):
    return TextField(label=label, required=required, max_length=max_length, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


def date_field(label):
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}),
                           help_text=_("dd-mm-jjjj of jjjj-mm-dd"))


class NoFutureDates:
    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if name.endswith("date") and value and value > timezone.localdate():
                self.add_error(name, _("Deze datum ligt in de toekomst."))
        return data


class CaseForm(StyledForm):
    pseudonym = TextField(label=_("Pseudoniem of initialen (optioneel)"), required=False,
                                max_length=PSEUDONYM_MAX, help_text=_("Geen volledige naam, geen BSN."))
    age_group = forms.ChoiceField(label=_("Leeftijd"), choices=[("onbekend", _("onbekend")),
                                                                 ("minderjarig", _("minderjarig")),
                                                                 ("meerderjarig", _("meerderjarig"))],
                                  widget=forms.RadioSelect, initial="onbekend")
    has_children = forms.BooleanField(label=_("De betrokkene heeft kinderen (kindcheck)"), required=False)
    identifying = text(_("Identificerende gegevens (optioneel, versleuteld; alleen zichtbaar na 'toon' met een "
                         "reden)"), required=False, max_length=IDENTIFYING_MAX, rows=3)


class SignalForm(NoFutureDates, StyledForm):
    signal = forms.ChoiceField(label=_("Signaal uit de signalenkaart"))
    other = TextField(label=_("Of een ander signaal, in je eigen woorden"), required=False, max_length=300)
    date = date_field(_("Datum"))
    place = TextField(label=_("Plaats"), max_length=200)
    source = forms.ChoiceField(label=_("Bron"), choices=SOURCES, widget=forms.RadioSelect)
    facts = text(_("Feiten: wat is gezien of gehoord"))
    interpretation = text(_("Interpretatie (apart van de feiten)"), required=False, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signal"].choices = [("", _("kies een signaal")), ("anders", _("ander signaal"))] + [
            (s.key, s.text) for s in q.signals()]

    def clean(self):
        data = super().clean()
        if data.get("signal") == "anders" and not data.get("other"):
            self.add_error("other", _("Beschrijf het signaal."))
        return data


class ConsultationForm(NoFutureDates, StyledForm):
    with_role = TextField(label=_("Met wie (rol)"), max_length=200,
                                help_text=_("bijvoorbeeld collega, aandachtsfunctionaris, zorgcoördinator"))
    with_organisation = TextField(label=_("Organisatie"), max_length=200, required=False)
    anonymous = forms.BooleanField(label=_("Anoniem overlegd (zonder persoonsgegevens)"), required=False)
    date = date_field(_("Datum"))
    advice = text(_("Advies"))
    agreements = text(_("Afspraken"), required=False, rows=3)


class ConversationForm(NoFutureDates, StyledForm):
    date = date_field(_("Datum"))
    participants = TextField(label=_("Wie waren erbij (rollen, geen namen)"), max_length=500)
    own_words = text(_("Wat de betrokkene zei, in eigen woorden"))
    agreements = text(_("Afspraken"), required=False, rows=3)


class NoConversationForm(StyledForm):
    reason = text(_("Waarom er geen gesprek was (bijvoorbeeld voor de veiligheid)"))


class AfwegingForm(StyledForm):
    answer = forms.ChoiceField(label=_("Antwoord"), choices=YES_NO, widget=forms.RadioSelect)
    reasoning = text(_("Onderbouwing"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class MeldingForm(NoFutureDates, StyledForm):
    date = date_field(_("Datum van de melding"))
    reference = TextField(label=_("Kenmerk van Veilig Thuis"), max_length=100, required=False)
    shared = text(_("Wat is er gedeeld"))
    informed = forms.ChoiceField(label=_("Is de betrokkene geïnformeerd over de melding?"), choices=YES_NO,
                                 widget=forms.RadioSelect)
    not_informed_reason = text(_("Zo nee: waarom niet"), required=False, rows=3)

    def clean(self):
        data = super().clean()
        if data.get("informed") == "nee" and not data.get("not_informed_reason"):
            self.add_error("not_informed_reason", _("Leg vast waarom de betrokkene niet is geïnformeerd."))
        return data


class HelpForm(NoFutureDates, StyledForm):
    organisations = forms.MultipleChoiceField(label=_("Organisaties (uit de wegwijzer)"), required=False,
                                              widget=forms.CheckboxSelectMultiple)
    other = TextField(label=_("Andere hulp"), max_length=300, required=False)
    date = date_field(_("Datum"))
    notes = text(_("Toelichting"), required=False, rows=3)

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].choices = [(o.slug, o.name) for o in q.organisations(region)]

    def clean(self):
        data = super().clean()
        if not data.get("organisations") and not data.get("other"):
            self.add_error("organisations", _("Kies minstens één organisatie of beschrijf de hulp."))
        return data


class ComenshaForm(NoFutureDates, StyledForm):
    dossier_type = forms.ChoiceField(label=_("Soort dossier"), choices=COMENSHA_TYPES, widget=forms.RadioSelect)
    age = forms.IntegerField(label=_("Leeftijd van de betrokkene"), min_value=0, max_value=120, required=False)
    consent_by = forms.ChoiceField(label=_("Toestemming gegeven door"), choices=CONSENT_BY, widget=forms.RadioSelect)
    consent_date = date_field(_("Datum van de toestemming"))
    notes = text(_("Toelichting"), required=False, rows=3)

    def clean(self):
        data = super().clean()
        age = data.get("age")
        if age is not None and age < 16 and data.get("consent_by") == "betrokkene":
            self.add_error("consent_by", _("Onder de 16 geven ouders of voogd toestemming."))
        if age is not None and age >= 16 and data.get("consent_by") == "ouders-of-voogd":
            self.add_error("consent_by", _("Vanaf 16 jaar tekent de betrokkene zelf."))
        return data


class ReasonForm(StyledForm):
    reason = text(_("Reden"), max_length=2000, rows=3)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RevealForm(StyledForm):
    reason = TextField(label=_("Waarom wil je de identificerende gegevens zien?"), min_length=5,
                             max_length=500)


class ShareForm(StyledForm):
    user = forms.ChoiceField(label=_("Delen met"))
    days = forms.IntegerField(label=_("Aantal dagen"), min_value=1, max_value=90, initial=14)

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", _("kies"))] + [(str(u.id), f"{u.get_username()} ({u.membership.role})")
                                                           for u in users]


ENTRY_FORMS = {
    "signal": SignalForm,
    "consultation": ConsultationForm,
    "conversation": ConversationForm,
    "no_conversation": NoConversationForm,
    "afweging": AfwegingForm,
    "melding": MeldingForm,
    "help": HelpForm,
    "comensha": ComenshaForm,
}


def entry_data(form) -> dict:
    """The cleaned values as JSON-safe data (dates as ISO strings)."""
    out = {}
    for name, value in form.cleaned_data.items():
        if name == "version":
            continue
        out[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


class ImportForm(NoFutureDates, StyledForm):
    date = date_field(_("Datum van de waarnemingen"))
    place = TextField(label=_("Plaats"), max_length=200)


class MemberForm(StyledForm):
    username = forms.RegexField(label=_("Gebruikersnaam"), regex=r"^[\w.@+-]{3,150}$", max_length=150,
                                help_text=_("3 tot 150 letters, cijfers en . @ + - _"))
    role = forms.ChoiceField(label=_("Rol"), choices=[("professional", _("professional")),
                                                      ("aandachtsfunctionaris", _("aandachtsfunctionaris")),
                                                      ("zorgcoordinator", _("zorgcoördinator")),
                                                      ("beheerder", _("beheerder"))])
