"""The catalogue in the database: written only by the content loader (``load_content``), read by the
public pages and the API. National rows have ``region=None``; a region adds to or overrides
them (see :mod:`wegwijzer.catalogue.queries`)."""

from django.db import models
from django.utils.translation import get_language


class Translated:
    """``obj.name`` reads ``name_nl`` or ``name_en`` by the active language (Dutch as fallback)."""

    def __init__(self, base: str):
        self.base = base

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        lang = (get_language() or "nl")[:2]
        value = getattr(obj, f"{self.base}_{lang}", None)
        return value or getattr(obj, f"{self.base}_nl")


def text_fields(name: str, blank: bool = False):
    return (
        models.TextField(blank=blank, verbose_name=f"{name} (nl)"),
        models.TextField(blank=blank, verbose_name=f"{name} (en)"),
    )


class ContentVersion(models.Model):
    """One row per successful load. The newest row is the version the site shows."""

    version = models.CharField(max_length=40)
    loaded_at = models.DateTimeField(auto_now_add=True)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = "loaded_at"


class Document(models.Model):
    key = models.SlugField(unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(blank=True)
    note = models.TextField(blank=True)


class Region(models.Model):
    LEVELS = [("landelijk", "landelijk"), ("veiligheidsregio", "veiligheidsregio"), ("deelregio", "deelregio")]

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    description_nl, description_en = text_fields("description")
    description = Translated("description")
    level = models.CharField(max_length=20, choices=LEVELS, default="veiligheidsregio")
    code = models.CharField(max_length=4, blank=True)  # CBS code of a veiligheidsregio (VR01..VR25)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="parts")
    municipality_codes = models.JSONField(default=list)  # as listed in its content file (CBS GMxxxx)
    municipalities_verified = models.BooleanField(default=True)
    municipalities_note_nl, municipalities_note_en = text_fields("municipalities_note", blank=True)
    municipalities_note = Translated("municipalities_note")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A municipality (gemeente) and the most specific region it belongs to (content/municipalities.yaml and
    the regions' lists)."""

    code = models.CharField(max_length=6, unique=True)  # CBS gemeentecode, GMxxxx
    name = models.CharField(max_length=100)
    safety_region = models.CharField(max_length=4)  # VRxx
    region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL, related_name="municipality_set")
    search_names = models.JSONField(default=list)  # own name, aliases, names of merged municipalities
    former = models.JSONField(default=list)  # [{code, name}] merged into this one

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class MunicipalityDataset(models.Model):
    """Where the municipality list comes from (one row): shown on the regions overview."""

    dataset = models.TextField()
    repository = models.CharField(max_length=200)
    path = models.CharField(max_length=300)
    licence = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField()
    read_on = models.DateField()
    changes = models.JSONField(default=list)


class Form(models.Model):
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField()
    name_nl, name_en = text_fields("name")
    summary_nl, summary_en = text_fields("summary")
    description_nl, description_en = text_fields("description")
    sources = models.JSONField(default=list)
    name, summary, description = Translated("name"), Translated("summary"), Translated("description")

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.slug


class Theme(models.Model):
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField()
    name_nl, name_en = text_fields("name")
    name = Translated("name")

    class Meta:
        ordering = ["order"]


class Signal(models.Model):
    ELEMENTS = [("act", "handeling"), ("means", "middel"), ("purpose", "uitbuitingsdoel")]
    key = models.SlugField(unique=True)
    order = models.PositiveIntegerField()
    text_nl, text_en = text_fields("text")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="signals")
    element = models.CharField(max_length=10, choices=ELEMENTS)
    forms = models.ManyToManyField(Form, related_name="signals")
    cues = models.JSONField(default=list)  # ["buitenlandse-nationaliteit", "minderjarig"]
    sources = models.JSONField(default=list)  # [{doc, quote?}]
    text = Translated("text")

    class Meta:
        ordering = ["order"]


class Tip(models.Model):
    KINDS = [("do", "bevorderend"), ("dont", "belemmerend")]
    key = models.SlugField(unique=True)
    order = models.PositiveIntegerField()
    kind = models.CharField(max_length=4, choices=KINDS)
    text_nl, text_en = text_fields("text")
    forms = models.ManyToManyField(Form, related_name="tips")
    sources = models.JSONField(default=list)
    text = Translated("text")

    class Meta:
        ordering = ["order"]


class Contact(models.Model):
    """A national contact (region is null) or a regional one. A regional contact with the slug of a
    national one replaces it in that region."""

    slug = models.SlugField()
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    role_nl, role_en = text_fields("role")
    description_nl, description_en = text_fields("description", blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    url = models.URLField(blank=True)
    categories = models.JSONField(default=list)
    hours = models.JSONField(null=True, blank=True)
    verified = models.BooleanField(default=True)
    last_checked = models.DateField(null=True, blank=True)
    sources = models.JSONField(default=list)
    role, description = Translated("role"), Translated("description")

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "region"], name="contact_slug_per_region"),
            models.UniqueConstraint(
                fields=["slug"], condition=models.Q(region__isnull=True), name="national_contact_slug"
            ),
        ]

    def __str__(self):
        return self.name


class Step(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    title_nl, title_en = text_fields("title")
    do_nl, do_en = text_fields("do")
    record_nl, record_en = text_fields("record")
    sources = models.JSONField(default=list)
    title, do, record = Translated("title"), Translated("do"), Translated("record")

    class Meta:
        ordering = ["number"]


class StepContact(models.Model):
    """A contact that helps at a step: nationally (region null) or added by a region. Contacts are
    referred to by slug so that a regional override of a national contact applies here too."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="step_contacts")
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE)
    contact_slug = models.SlugField()
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["order"]


class Section(models.Model):
    PAGES = [("kwetsbare-groepen", "kwetsbare groepen"), ("hulp", "hulp"), ("sekswerkers", "sekswerkers"),
             ("signaleringshulp", "signaleringshulp"), ("regio", "regio")]
    page = models.CharField(max_length=30, choices=PAGES)
    slug = models.SlugField()
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE)
    order = models.PositiveIntegerField()
    title_nl, title_en = text_fields("title")
    body_nl, body_en = text_fields("body", blank=True)
    items = models.JSONField(default=list)  # [{nl, en}]
    contact_slugs = models.JSONField(default=list)
    sources = models.JSONField(default=list)
    title, body = Translated("title"), Translated("body")

    class Meta:
        ordering = ["order"]

    @property
    def item_texts(self):
        lang = (get_language() or "nl")[:2]
        return [item.get(lang) or item["nl"] for item in self.items]


# ------------------------------------------------------------------------------------------ wegwijzer


class Organisation(models.Model):
    """An organisation in the directory: national (region null) or regional; a regional organisation with
    the slug of a national one replaces it in that region. Phone, e-mail and hours come from its contacts."""

    slug = models.SlugField()
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE, related_name="organisations")
    order = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    types = models.JSONField(default=list)
    serves = models.JSONField(default=list)  # empty: everyone
    description_nl, description_en = text_fields("description")
    contact_slugs = models.JSONField(default=list)
    url = models.URLField(blank=True)
    verified = models.BooleanField(default=True)
    last_checked = models.DateField(null=True, blank=True)
    sources = models.JSONField(default=list)
    description = Translated("description")

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "region"], name="organisation_slug_per_region"),
            models.UniqueConstraint(
                fields=["slug"], condition=models.Q(region__isnull=True), name="national_organisation_slug"
            ),
        ]

    def __str__(self):
        return self.name


class Right(models.Model):
    KINDS = [("recht", "recht"), ("regeling", "regeling")]
    slug = models.SlugField(unique=True)
    order = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=KINDS)
    title_nl, title_en = text_fields("title")
    text_nl, text_en = text_fields("text")
    conditions = models.JSONField(default=dict)
    verified = models.BooleanField(default=True)
    last_checked = models.DateField()
    sources = models.JSONField(default=list)
    title, text = Translated("title"), Translated("text")

    class Meta:
        ordering = ["order"]


class Phase(models.Model):
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField()
    name_nl, name_en = text_fields("name")
    summary_nl, summary_en = text_fields("summary")
    sources = models.JSONField(default=list)
    name, summary = Translated("name"), Translated("summary")

    class Meta:
        ordering = ["order"]


class PhaseStep(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="steps")
    slug = models.SlugField()
    order = models.PositiveIntegerField()
    title_nl, title_en = text_fields("title")
    for_person_nl, for_person_en = text_fields("for person")
    conditions = models.JSONField(default=dict)
    shelter = models.BooleanField(default=False)
    rights = models.JSONField(default=list)  # [{slug, when}]
    organisations = models.JSONField(default=list)  # [{slug, when}]
    sources = models.JSONField(default=list)
    title, for_person = Translated("title"), Translated("for_person")

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["phase", "slug"], name="phase_step_slug")]


class FirstContact(models.Model):
    order = models.PositiveIntegerField()
    organisation_slug = models.SlugField()
    conditions = models.JSONField(default=dict)
    reason_nl, reason_en = text_fields("reason")
    reason = Translated("reason")

    class Meta:
        ordering = ["order"]


class VictimRightsPage(models.Model):
    """The "Jouw rechten" page in one language; ``data`` holds its validated texts."""

    lang = models.CharField(max_length=2, unique=True)
    order = models.PositiveSmallIntegerField()
    reviewed = models.BooleanField()
    last_checked = models.DateField()
    data = models.JSONField()

    class Meta:
        ordering = ["order"]


class Afweging(models.Model):
    """The question and explanation of one afweging of the afwegingskader (the branching is in
    domain.meldcode)."""

    number = models.PositiveSmallIntegerField(unique=True)
    question_nl, question_en = text_fields("question")
    explanation_nl, explanation_en = text_fields("explanation")
    sources = models.JSONField(default=list)
    question, explanation = Translated("question"), Translated("explanation")

    class Meta:
        ordering = ["number"]
