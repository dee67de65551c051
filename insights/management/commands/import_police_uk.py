"""Import a police.uk street-level CSV of anti-social behaviour (and other crimes, which are skipped)."""

from django.core.management.base import BaseCommand, CommandError

from insights.services import asb


class Command(BaseCommand):
    help = (
        "Import a police.uk street-level crime CSV (from data.police.uk): keeps the anti-social behaviour "
        "records inside Walsall, placed in wards and 2021 LSOAs. A file already imported is skipped unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the police.uk street-level CSV, e.g. 2024-03-west-midlands-street.csv")
        parser.add_argument("--force", action="store_true", help="import the file again even if it was imported")

    def handle(self, *args, **options):
        try:
            summary = asb.police_uk_import(path=options["path"], force=options["force"])
        except (FileNotFoundError, asb.UnknownFormat, asb.NoBoundaries) as error:
            raise CommandError(str(error)) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{options['path']} is not a UTF-8 text file: {error.reason}") from error
        self.stdout.write(summary.line())
