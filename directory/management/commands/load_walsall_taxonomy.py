from django.core.management.base import BaseCommand

from directory.taxonomy import load_walsall_taxonomy


class Command(BaseCommand):
    help = "Make or update the Walsall services taxonomy (idempotent: a second run creates nothing)."

    def handle(self, *args, **options):
        created = load_walsall_taxonomy()
        self.stdout.write(
            f"Walsall taxonomy: {created} record(s) created" if created else "Walsall taxonomy: up to date"
        )
