from django.core.management.base import BaseCommand

from buddies import services


class Command(BaseCommand):
    help = (
        "Warn volunteers 60, 30 and 7 days before a DBS check or training expires. "
        "Safe to run often: each warning is sent once."
    )

    def handle(self, *args, **options):
        sent = services.volunteer_expiry_warnings_send()
        self.stdout.write(f"Expiry warnings sent: {sent}")
