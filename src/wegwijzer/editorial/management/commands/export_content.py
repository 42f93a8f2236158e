from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wegwijzer.editorial.documents import export, live


class Command(BaseCommand):
    help = "Schrijf de gepubliceerde inhoud als YAML-bestanden in de indeling van content/ (byte voor byte)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="doelmap, bijvoorbeeld content/ of een lege map")

    def handle(self, *args, **options):
        if not live():
            raise CommandError("Er is nog geen gepubliceerde inhoud: voer eerst `manage.py load_content` uit.")
        written = export(Path(options["directory"]))
        self.stdout.write(f"{len(written)} documenten geschreven naar {options['directory']}.")
