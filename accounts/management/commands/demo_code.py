from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.totp import current_code, seconds_left_for_code, totp_secret_of


class Command(BaseCommand):
    help = "Print the current 6-digit two-factor code of a demonstration account (never of a real account)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"There is no account for {email}.")
        if not user.is_demo:
            raise CommandError(f"{email} is not a demonstration account: its codes are only on its owner's phone.")
        secret = totp_secret_of(user)
        if secret is None:
            raise CommandError(f"{email} has no authenticator app set up.")
        self.stdout.write(current_code(secret))
        self.stderr.write(f"(valid for about {seconds_left_for_code()} more seconds)")
