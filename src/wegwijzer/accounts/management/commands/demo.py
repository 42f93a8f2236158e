"""`manage.py demo` (make demo): a demo organisation with one user per role, each with a TOTP device
whose secret is printed, so a newcomer can log in with any authenticator app (or `oathtool`).
Development only: refused unless DEBUG is on."""

import base64
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.accounts.models import Membership, Organisation, Role

PASSWORD = "demo-wachtwoord-2026"
USERS = [("demo-professional", Role.PROFESSIONAL), ("demo-aandachtsfunctionaris", Role.AANDACHTSFUNCTIONARIS),
         ("demo-zorgcoordinator", Role.ZORGCOORDINATOR), ("demo-beheerder", Role.BEHEERDER)]


class Command(BaseCommand):
    help = "Maak een demo-organisatie met gebruikers en TOTP-geheimen (alleen in ontwikkeling)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo is alleen voor ontwikkeling (DEBUG=true); nooit in productie")
        with transaction.atomic():
            org, _ = Organisation.objects.get_or_create(name="Demo-organisatie IJsselland",
                                                        defaults={"region_slug": "ijsselland"})
            rows = []
            for username, role in USERS:
                user, created = get_user_model().objects.get_or_create(username=username)
                user.set_password(PASSWORD)
                user.save()
                Membership.objects.update_or_create(user=user, defaults={"organisation": org, "role": role})
                TOTPDevice.objects.filter(user=user).delete()
                StaticDevice.objects.filter(user=user).delete()
                key = secrets.token_hex(20)
                TOTPDevice.objects.create(user=user, name="default", key=key, confirmed=True)
                static = StaticDevice.objects.create(user=user, name="backup")
                codes = [StaticToken.random_token() for _ in range(5)]
                for code in codes:
                    static.token_set.create(token=code)
                secret = base64.b32encode(bytes.fromhex(key)).decode().rstrip("=")
                rows.append((username, role, secret, codes))
        self.stdout.write(f"Demo-organisatie: {org.name} (regio {org.region_slug}). "
                          f"Wachtwoord voor iedereen: {PASSWORD}")
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Log in op http://127.0.0.1:{port}/account/login/ ; de code komt uit een "
                          "authenticator-app met")
        self.stdout.write("het TOTP-geheim hieronder (of: oathtool --totp -b <geheim>).")
        for username, role, secret, codes in rows:
            self.stdout.write(f"  {username:28} {role:22} TOTP-geheim {secret}  back-upcodes {' '.join(codes)}")
