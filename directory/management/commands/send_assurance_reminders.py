"""Email partner organisations about their services that are due, or overdue, for checking."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from directory import selectors, services


class Command(BaseCommand):
    help = (
        "Email each partner organisation's users about the directory services they maintain that must be "
        f"checked within {selectors.REMIND_DAYS_BEFORE} days, and again on the day a service becomes overdue "
        "(its last check more than 3 months ago). Idempotent: a reminder is recorded and never sent twice for "
        "the same assured date. In production cron runs it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="the day to act as if it were, YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError(f"--today must be a date like 2026-01-31: {error}") from error
        emails, reminded = services.assurance_reminders_send(today=today)
        self.stdout.write(f"Reminded about {reminded} services in {emails} emails.")
