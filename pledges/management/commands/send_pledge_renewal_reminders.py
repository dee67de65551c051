from django.core.management.base import BaseCommand

from pledges.services import pledge_reminders_send


class Command(BaseCommand):
    help = "Send pledge renewal reminders due today (30 and 7 days before, and on lapsing). Safe to rerun."

    def handle(self, *args, **options):
        sent = pledge_reminders_send()
        self.stdout.write(f"{sent} pledge renewal reminders sent")
