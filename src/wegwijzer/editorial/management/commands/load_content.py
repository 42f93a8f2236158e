from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wegwijzer.catalogue.schema import ContentInvalid
from wegwijzer.editorial.documents import EditedOnThisSite, load_from_files


class Command(BaseCommand):
    help = ("Valideer de inhoud (content/) en publiceer die in één transactie. Wat redacteuren op deze site "
            "publiceerden, wordt nooit stilzwijgend overschreven (docs/adr/0013-content-documents-in-the-database.md).")

    def add_arguments(self, parser):
        parser.add_argument("--path", default=None, help="map met national/, regions/ en municipalities.yaml "
                                                         "(standaard CONTENT_DIR)")
        parser.add_argument("--replace-edits", action="store_true",
                            help="ook documenten die redacteuren op deze site publiceerden vervangen door de "
                                 "bestanden (hun versies blijven in de geschiedenis)")

    def handle(self, *args, **options):
        root = Path(options["path"] or settings.CONTENT_DIR)
        try:
            catalogue, changed, paths = load_from_files(root, replace_edits=options["replace_edits"])
        except ContentInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"De inhoud is niet geladen: {len(exc.errors)} fout(en). De eerder geladen inhoud is ongewijzigd."
            ) from None
        except EditedOnThisSite as exc:
            raise CommandError(
                "De inhoud is niet geladen: op deze site publiceerden redacteuren een andere versie van "
                f"{', '.join(exc.paths)}. Haal die eerst op met `manage.py export_content {root}` en neem ze op in "
                "git, of laad met --replace-edits om de bestanden als nieuwe versie te publiceren (de versies "
                "van de redacteuren blijven in de geschiedenis). De live inhoud is ongewijzigd."
            ) from None
        n = catalogue.national
        state = "geladen" if changed else "ongewijzigd, opnieuw geschreven"
        self.stdout.write(
            f"Inhoud {catalogue.version} {state}: {len(n.forms)} vormen, {len(n.signals)} signalen, "
            f"{len(n.tips)} gesprekstips, {len(n.steps)} stappen, {len(catalogue.regions)} regio's, "
            f"{len(catalogue.municipalities.municipalities) if catalogue.municipalities else 0} gemeenten; "
            f"{len(paths)} document(en) met een nieuwe versie."
        )
        for warning in catalogue.warnings:
            self.stdout.write(self.style.WARNING(f"Let op: {warning}"))
