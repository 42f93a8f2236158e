"""The audit trail: append-only. A row is never changed or deleted, not even by the retention command
(which removes a case but keeps its audit rows, with the case code only)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from wegwijzer.dossiers.crypto import EncryptedTextField


class AppendOnly(Exception):
    pass


class Event(models.TextChoices):
    LOGIN = "login", "inloggen"
    LOGIN_FAILED = "login_failed", "mislukte inlog"
    LOGOUT = "logout", "uitloggen"
    LOGOUT_EVERYWHERE = "logout_everywhere", "overal uitloggen"
    TWO_FACTOR_SETUP = "2fa_setup", "tweestapsverificatie ingesteld"
    VIEW = "view", "bekijken"
    EXPORT = "export", "exporteren"
    CREATE = "create", "aanmaken"
    CHANGE = "change", "wijzigen"
    SHARE = "share", "delen"
    UNSHARE = "unshare", "delen beëindigen"
    REVEAL = "reveal", "identificerende gegevens getoond"
    CLOSE = "close", "sluiten"
    REOPEN = "reopen", "heropenen"
    DELETE = "delete", "verwijderen (bewaartermijn)"
    CONTENT_DRAFT = "content_draft", "inhoud: concept"
    CONTENT_SUBMIT = "content_submit", "inhoud: ter beoordeling"
    CONTENT_REJECT = "content_reject", "inhoud: afgewezen"
    CONTENT_PUBLISH = "content_publish", "inhoud: gepubliceerd"
    CONTENT_DELETE = "content_delete", "inhoud: concept verwijderd"
    CONTENT_ROLLBACK = "content_rollback", "inhoud: oude versie als concept"


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    actor_name = models.CharField(max_length=150, blank=True)  # kept when the user is removed
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    event = models.CharField(max_length=30, choices=Event.choices)
    case_code = models.CharField(max_length=20, blank=True, db_index=True)
    what = models.CharField(max_length=200, blank=True)  # e.g. "entry 12 (consultation)"; never content
    # free text that belongs to the event (the reason given for "toon"): encrypted like the dossier's text
    detail = EncryptedTextField(blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["organisation", "-at"])]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("audit rows are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit rows are never deleted")


class DeletionRecord(models.Model):
    """What the retention command removed: the code, when it was closed and removed. No content."""

    case_code = models.CharField(max_length=20)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField()
    deleted_at = models.DateTimeField(default=timezone.now)
    entries = models.PositiveIntegerField()  # how many entries were removed

    class Meta:
        ordering = ["-deleted_at"]
