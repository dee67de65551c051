from django.core.management.base import BaseCommand

from buddies import services


class Command(BaseCommand):
    help = (
        "Alert buddy coordinators about matches with no meeting for three weeks. "
        "Safe to run often: one alert per quiet spell."
    )

    def handle(self, *args, **options):
        sent = services.quiet_match_alerts_send()
        self.stdout.write(f"Quiet-match alerts sent: {sent}")
