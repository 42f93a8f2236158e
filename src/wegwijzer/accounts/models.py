"""Organisations and their people. Every user belongs to one organisation (``Membership``), every
organisation to a region. Roles decide what someone may do (docs/security.md)."""

from django.conf import settings
from django.db import models


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    # the slug of a catalogue region (the catalogue is replaced on every content load, so no foreign key)
    region_slug = models.SlugField()
    # days after closing before a case is deleted (manage.py apply_retention, run daily)
    retention_days = models.PositiveIntegerField(default=365 * 2)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    PROFESSIONAL = "professional", "professional"
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", "aandachtsfunctionaris"
    ZORGCOORDINATOR = "zorgcoordinator", "zorgcoördinator"
    BEHEERDER = "beheerder", "beheerder"


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(max_length=30, choices=Role.choices)
    # bumped by "log out everywhere": every session made before carries an older number and ends
    session_epoch = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.user} ({self.role}, {self.organisation})"
