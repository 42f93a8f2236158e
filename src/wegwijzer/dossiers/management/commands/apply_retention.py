from django.core.management.base import BaseCommand

from wegwijzer.dossiers.retention import apply_retention


class Command(BaseCommand):
    help = "Verwijder gesloten dossiers waarvan de bewaartermijn is verlopen (dagelijks draaien)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="toon alleen wat verwijderd zou worden")

    def handle(self, *args, dry_run=False, **options):
        removed = apply_retention(dry_run=dry_run)
        verb = "zou verwijderen" if dry_run else "verwijderd"
        self.stdout.write(f"{len(removed)} dossier(s) {verb}" + (f": {', '.join(removed)}" if removed else ""))
