from django.core.management.base import BaseCommand

from signup import services


class Command(BaseCommand):
    help = (
        "Send the sign-up follow-ups that are due (day 7, 14 and 30 after sign-up), only through the "
        "purposes and channels each resident consented to. Idempotent: each follow-up is sent at most "
        "once, however often this runs. Warns each resident once, a month ahead, that their sign-up will be "
        "deleted (only through channels they still agree to). Also deletes sign-ups kept longer "
        "than the 12 months the privacy notice promises. In production cron runs it hourly."
    )

    def handle(self, *args, **options):
        sent = services.follow_ups_send_due()
        warned = services.deletion_notices_send()
        erased = services.signups_past_retention_erase()
        self.stdout.write(
            f"Follow-ups sent: {sent}. Deletion notices sent: {warned}. Sign-ups past their 12 months erased: {erased}."
        )
