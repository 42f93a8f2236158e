from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.audit.log import record
from wegwijzer.audit.models import Event
from wegwijzer.catalogue import queries as q
from wegwijzer.domain.editorial import NATIONAL, ROLES
from wegwijzer.editorial.models import EditorRole


class Command(BaseCommand):
    help = "Geef een gebruiker een rol in de redactie: redacteur of eindredacteur, voor een regio of 'landelijk'."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=ROLES)
        parser.add_argument("scope", help="de slug van een regio, of 'landelijk'")
        parser.add_argument("--remove", action="store_true", help="de rol weer intrekken")

    def handle(self, *args, username, role, scope, remove, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"onbekende gebruiker {username!r}")
        if scope != NATIONAL and q.region_or_none(scope) is None:
            raise CommandError(f"onbekende regio {scope!r}; kies een regio-slug of 'landelijk'")
        if remove:
            EditorRole.objects.filter(user=user, scope=scope).delete()
            record(Event.CHANGE, what=f"redactierol {scope} van {username} ingetrokken")
            self.stdout.write(f"Rol van {username} voor {scope} ingetrokken.")
            return
        EditorRole.objects.update_or_create(user=user, scope=scope, defaults={"role": role})
        record(Event.CHANGE, what=f"{username} is {role} voor {scope}")
        self.stdout.write(f"{username} is {role} voor {scope}.")
