from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.catalogue.loader import load
from wegwijzer.catalogue.schema import ContentInvalid


class Command(BaseCommand):
    help = "Valideer de inhoud (content/) en laad die in één transactie in de database."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=None, help="map met national/ en regions/ (standaard CONTENT_DIR)")

    def handle(self, *args, **options):
        root = Path(options["path"] or settings.CONTENT_DIR)
        try:
            catalogue, changed = load(root)
        except ContentInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"De inhoud is niet geladen: {len(exc.errors)} fout(en). De eerder geladen inhoud is ongewijzigd."
            ) from None
        n = catalogue.national
        state = "geladen" if changed else "ongewijzigd, opnieuw geschreven"
        self.stdout.write(
            f"Inhoud {catalogue.version} {state}: {len(n.forms)} vormen, {len(n.signals)} signalen, "
            f"{len(n.tips)} gesprekstips, {len(n.steps)} stappen, {len(catalogue.regions)} regio's, "
            f"{len(catalogue.municipalities.municipalities) if catalogue.municipalities else 0} gemeenten."
        )
        for warning in catalogue.warnings:
            self.stdout.write(self.style.WARNING(f"Let op: {warning}"))
