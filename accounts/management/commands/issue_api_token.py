from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

from accounts.models import User


class Command(BaseCommand):
    help = (
        "Issue an API token for a partner system's account (replacing any token it had) and print it once. "
        "The system sends it as 'Authorization: Token <token>'."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="the account the partner system acts as")

    @transaction.atomic
    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"No active account has the email address {email}.")
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
        self.stdout.write(token.key)
