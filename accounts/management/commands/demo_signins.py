from django.core.management.base import BaseCommand

from accounts.demo import demo_signins
from accounts.models import User


class Command(BaseCommand):
    help = "Print the demonstration sign-ins, one per role, and how to get each one's current 6-digit code."

    def handle(self, *args, **options):
        rows = demo_signins()
        emails = [email for _label, email, _password in rows]
        missing = set(emails) - set(User.objects.filter(email__in=emails, is_demo=True).values_list("email", flat=True))
        if missing:
            self.stderr.write("Some demo accounts do not exist yet: run `manage.py load_demo` (with DEMO_MODE on).")
        width_role = max(len(label) for label, _e, _p in rows)
        width_email = max(len(email) for _l, email, _p in rows)
        self.stdout.write(f"{'Role':<{width_role}}  {'Email':<{width_email}}  Password")
        self.stdout.write(f"{'-' * width_role}  {'-' * width_email}  {'-' * 8}")
        for label, email, password in rows:
            self.stdout.write(f"{label:<{width_role}}  {email:<{width_email}}  {password}")
        self.stdout.write("")
        self.stdout.write("Every demo account has two-factor authentication set up. For the 6-digit code, run:")
        self.stdout.write("  .venv/bin/python manage.py demo_code <email>")
        self.stdout.write("A code can be used once; if it is refused, wait for the next one (every 30 seconds).")
