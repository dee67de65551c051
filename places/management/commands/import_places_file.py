"""Import one file of a given official format, e.g. new ward boundaries or a fresh ONSPD release."""

from django.core.management.base import BaseCommand, CommandError

from places import services
from places.importers import ImportFormatError


class Command(BaseCommand):
    help = (
        "Import one file. Formats: ward_boundaries (GeoJSON; needs --valid-from), "
        "area_boundaries (GeoJSON LSOA/MSOA/OA), "
        "lsoa_ward_lookup and lsoa_change (ONS lookup CSV), census_csv (known tidy census CSVs), nomis_csv "
        "(raw Nomis table download), onspd (ONS Postcode Directory CSV)."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=services.KINDS)
        parser.add_argument("path")
        parser.add_argument("--valid-from", help="ward_boundaries: first day the wards are in force (YYYY-MM-DD)")
        parser.add_argument("--valid-to", help="ward_boundaries: last day the wards are in force (YYYY-MM-DD)")
        parser.add_argument("--name", help="ward_boundaries: name of the generation, e.g. 'Walsall wards from 2026'")
        parser.add_argument("--on-date", help="lsoa_ward_lookup: attach to the ward generation in force that day")
        parser.add_argument("--area-codes-from", help="nomis_csv: keep only areas listed in this ONS lookup CSV")
        parser.add_argument("--local-authority", help="onspd: keep only this district, e.g. E08000030")
        parser.add_argument("--synthetic", action="store_true", help="onspd: mark the postcodes as synthetic")
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, **options):
        kind = options["format"]
        extra = {}
        if kind == "ward_boundaries":
            if not options["valid_from"]:
                raise CommandError("ward_boundaries needs --valid-from (the first day these wards are in force)")
            extra = {"valid_from": options["valid_from"], "valid_to": options["valid_to"]}
            if options["name"]:
                extra["generation_name"] = options["name"]
        elif kind == "lsoa_ward_lookup" and options["on_date"]:
            extra = {"on_date": options["on_date"]}
        elif kind == "nomis_csv" and options["area_codes_from"]:
            from places.importers import read_lsoa_ward_lookup

            extra = {"area_codes": sorted({row[0] for row in read_lsoa_ward_lookup(options["area_codes_from"]).rows})}
        elif kind == "onspd":
            extra = {"synthetic": options["synthetic"], "local_authority": options["local_authority"]}
        try:
            result = services.data_file_import(kind=kind, path=options["path"], force=options["force"], **extra)
        except (FileNotFoundError, ImportFormatError, ValueError) as error:
            raise CommandError(str(error)) from error
        if result.skipped:
            self.stdout.write(f"{result.path} was already imported; nothing to do (use --force to re-import).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {result.rows} rows from {result.path}. {result.note}"))
