from django.core.management.base import BaseCommand

from directory.services import export_openreferral


class Command(BaseCommand):
    help = "Export the directory as Open Referral UK JSON (service_full records) or CSV tables."

    def add_arguments(self, parser):
        parser.add_argument("target", help="A .json file, or a folder")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, target, format, **options):
        for path in export_openreferral(target, format):
            self.stdout.write(f"Wrote {path}")
