import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run every scheduled job in settings.SCHEDULED_COMMANDS (reminders, follow-ups, retention). "
        "Run it hourly from cron in production. One failing job does not stop the others; the "
        "command fails at the end if any did."
    )

    def handle(self, *args, **options):
        failed = []
        for name in settings.SCHEDULED_COMMANDS:
            try:
                call_command(name, stdout=self.stdout, stderr=self.stderr)
            except Exception:
                logger.exception("Scheduled job %s failed", name)
                failed.append(name)
        if failed:
            raise CommandError(f"Scheduled jobs failed: {', '.join(failed)}")
