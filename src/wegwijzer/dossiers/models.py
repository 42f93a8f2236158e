"""A meldcode dossier: a pseudonymised case, its append-only entries and its shares.

Nobody calls ``save()`` on these outside :mod:`wegwijzer.dossiers.actions`: every change goes through
one action that runs in a transaction and writes the audit row. There is no BSN field and no name field;
identifying details, if any, sit in one encrypted field shown only after "toon" with a reason."""

from django.conf import settings
from django.db import models

from .crypto import EncryptedJSONField, EncryptedTextField

PSEUDONYM_MAX = 60
IDENTIFYING_MAX = 1000
TEXT_MAX = 4000  # any free-text field in an entry


class Case(models.Model):
    AGE_GROUPS = [("minderjarig", "minderjarig"), ("meerderjarig", "meerderjarig"), ("onbekend", "onbekend")]
    code = models.CharField(max_length=20, unique=True)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="cases")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases")
    pseudonym = EncryptedTextField(blank=True)  # optional pseudonym or initials
    identifying = EncryptedTextField(blank=True)  # optional; shown only after "toon" with a reason
    age_group = models.CharField(max_length=12, choices=AGE_GROUPS, default="onbekend")
    has_children = models.BooleanField(default=False)  # kindcheck for adults with children
    created_at = models.DateTimeField()
    # Derived from the entries by domain.meldcode.derive_status and stored by the actions, so that the
    # overview of many cases needs no decryption; never set by hand.
    status = models.CharField(max_length=20, default="signals")
    step_since = models.DateTimeField()  # when the current step began: for "open too long"
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)  # bumped by every change: status changes check it

    class Meta:
        indexes = [models.Index(fields=["owner", "closed_at"]), models.Index(fields=["organisation", "closed_at"])]

    def __str__(self):
        return self.code


class Entry(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=20)
    data = EncryptedJSONField()  # every field of the entry, free text included
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    corrects = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="corrections")

    class Meta:
        ordering = ["created_at", "id"]


class Share(models.Model):
    """Read-only access for one person (an aandachtsfunctionaris, a zorgcoördinator), until it expires."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shared_cases")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
