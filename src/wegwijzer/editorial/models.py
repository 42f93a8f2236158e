"""Every version of every content document ("regions/ijsselland.yaml", "national/contacts.yaml"), as the
YAML text itself. The catalogue tables are rebuilt from the live versions at each publish (the loader
replaces them wholesale), so history is kept here, per document, never per catalogue row
(docs/adr/0013-content-documents-in-the-database.md)."""

from django.conf import settings
from django.db import models


class Status(models.TextChoices):
    PUBLISHED = "gepubliceerd", "gepubliceerd"
    REMOVED = "verwijderd", "verwijderd"  # the document no longer exists (its text is empty)


class ContentRevision(models.Model):
    """One published version of one document. The live version of a document is its highest ``number``;
    history only grows (a rollback publishes an old text as a new number)."""

    path = models.CharField(max_length=200)  # relative to content/: national/x.yaml, regions/x.yaml, ...
    number = models.PositiveIntegerField()  # 1, 2, 3 … per path
    text = models.TextField()  # the YAML exactly as published (UTF-8)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")  # empty: loaded from the files in content/ (a release)
    comment = models.TextField(blank=True)
    published_at = models.DateTimeField(auto_now_add=True)
    content_version = models.CharField(max_length=40, blank=True)  # the catalogue version it was part of

    class Meta:
        constraints = [models.UniqueConstraint(fields=["path", "number"], name="one_number_per_document")]
        ordering = ["path", "-number"]

    @property
    def from_files(self) -> bool:
        return self.author_id is None

    def __str__(self):
        return f"{self.path} #{self.number}"


class EditorRole(models.Model):
    """A redacteur or eindredacteur for one region (its slug) or for the national content ("landelijk").
    Assigned by a beheerder of the platform (``manage.py editor_role``)."""

    ROLES = [("redacteur", "redacteur"), ("eindredacteur", "eindredacteur")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_roles")
    role = models.CharField(max_length=20, choices=ROLES)
    scope = models.SlugField()  # a region's slug, or "landelijk"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "scope"], name="one_role_per_scope")]

    def __str__(self):
        return f"{self.user} {self.role} {self.scope}"


class ContentDraft(models.Model):
    """A change to one document, from its author's first save to review and publication."""

    STATUSES = [(s, s) for s in ("concept", "ter-beoordeling", "afgewezen", "gepubliceerd", "verwijderd")]

    path = models.CharField(max_length=200)
    text = models.TextField()
    base = models.ForeignKey(ContentRevision, null=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=STATUSES, default="concept")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    review_comment = models.TextField(blank=True)
    published = models.ForeignKey(ContentRevision, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
