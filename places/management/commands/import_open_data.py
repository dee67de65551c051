"""Import Walsall's open data (wards, LSOAs, lookups, census tables) and the synthetic postcode sample."""

import time

from django.core.management.base import BaseCommand, CommandError

from places import services
from places.importers import ImportFormatError


class Command(BaseCommand):
    help = (
        "Import every known file from OPEN_DATA_DIR (or --dir) and the synthetic ONSPD sample. "
        "Files already imported (same SHA-256) are skipped, so re-running is quick."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Folder of open data files (default: the OPEN_DATA_DIR setting)")
        parser.add_argument("--force", action="store_true", help="Re-import files even if already imported")
        parser.add_argument("--no-synthetic-postcodes", action="store_true", help="Skip the synthetic ONSPD sample")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            results = services.open_data_import(
                directory=options["dir"],
                include_synthetic_postcodes=not options["no_synthetic_postcodes"],
                force=options["force"],
            )
        except (FileNotFoundError, ImportFormatError) as error:
            raise CommandError(str(error)) from error
        imported = [result for result in results if not result.skipped]
        missing = [result for result in results if result.note == "missing"]
        for result in imported:
            note = f" — {result.note}" if result.note else ""
            self.stdout.write(f"  imported {result.rows:>6} rows from {result.path}{note}")
        for result in missing:
            self.stdout.write(self.style.WARNING(f"  missing {result.path}"))
        unchanged = len(results) - len(imported) - len(missing)
        self.stdout.write(
            self.style.SUCCESS(
                f"Open data: {len(imported)} files imported, {unchanged} unchanged, {len(missing)} missing "
                f"({time.monotonic() - started:.1f}s)."
            )
        )
