from django.core.management.base import BaseCommand, CommandError

from directory.services import OpenReferralImportError, import_openreferral


class Command(BaseCommand):
    help = "Import Open Referral UK data: a JSON file, a folder of JSON files or a folder of CSV tables."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            result = import_openreferral(path)
        except (OSError, ValueError, OpenReferralImportError) as error:
            raise CommandError(str(error)) from error
        for warning in result.warnings:
            self.stderr.write(str(warning))
        summary = ", ".join(f"{name} {count}" for name, count in sorted(result.counts.items()))
        self.stdout.write(f"Imported: {summary or 'nothing'}")
