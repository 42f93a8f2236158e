from django.core.management.base import BaseCommand
from django.db import connection, transaction

from wegwijzer.audit.models import AuditEvent
from wegwijzer.dossiers.crypto import rotate
from wegwijzer.dossiers.models import Case, Entry


class Command(BaseCommand):
    help = ("Versleutel alle dossiergegevens opnieuw met de eerste sleutel uit DOSSIER_ENCRYPTION_KEYS. "
            "Daarna kan een oude sleutel uit de lijst.")

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            # Raw column values (ciphertext), not the decrypted field values: rotate() re-encrypts each token
            # with the first key without ever holding more than one value in clear text.
            for model, fields in ((Case, ("pseudonym", "identifying")), (Entry, ("data",)), (AuditEvent, ("detail",))):
                table = model._meta.db_table
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT id, {', '.join(fields)} FROM {table}")  # noqa: S608 (fixed names)
                    rows = cursor.fetchall()
                    for row in rows:
                        values = [rotate(v) if v else v for v in row[1:]]
                        sets = ", ".join(f"{f} = %s" for f in fields)
                        cursor.execute(f"UPDATE {table} SET {sets} WHERE id = %s", [*values, row[0]])  # noqa: S608
                        count += 1
        self.stdout.write(f"{count} rijen opnieuw versleuteld")
