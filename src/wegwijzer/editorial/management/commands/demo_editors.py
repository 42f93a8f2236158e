"""`manage.py demo_editors` (part of make demo): a redacteur and an eindredacteur for IJsselland, each with a
TOTP secret printed. Development only."""

import base64
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.editorial.models import EditorRole

PASSWORD = "demo-wachtwoord-2026"


class Command(BaseCommand):
    help = "Maak een redacteur en een eindredacteur voor IJsselland (alleen in ontwikkeling)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_editors is alleen voor ontwikkeling (DEBUG=true); nooit in productie")
        for username, role in (("demo-redacteur", "redacteur"), ("demo-eindredacteur", "eindredacteur")):
            user, _ = get_user_model().objects.get_or_create(username=username)
            user.set_password(PASSWORD)
            user.save()
            EditorRole.objects.update_or_create(user=user, scope="ijsselland", defaults={"role": role})
            TOTPDevice.objects.filter(user=user).delete()
            key = secrets.token_hex(20)
            TOTPDevice.objects.create(user=user, name="default", key=key, confirmed=True)
            secret = base64.b32encode(bytes.fromhex(key)).decode().rstrip("=")
            self.stdout.write(f"  {username:28} {role:22} TOTP-geheim {secret}  (regio ijsselland, /redactie/)")
