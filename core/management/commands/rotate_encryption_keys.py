from django.core.management.base import BaseCommand
from django.db import transaction

from core import crypto
from core.signals import encrypted_fields, rotating_encryption_keys

BATCH_SIZE = 500
ENCRYPTED_AUTHENTICATOR_KEYS = {"secret", "seed"}


class Command(BaseCommand):
    help = (
        "Re-encrypt every sensitive field with the first key in FIELD_ENCRYPTION_KEYS. "
        "Run after putting a new key in front; then the old keys can be removed."
    )

    def handle(self, *args, **options):
        by_model = {}
        for model, field in encrypted_fields():
            by_model.setdefault(model, []).append(field.name)
        for model, field_names in by_model.items():
            rewritten = 0
            queryset = model._base_manager.only("pk", *field_names).order_by("pk")
            with transaction.atomic():
                batch = []
                for instance in queryset.iterator(chunk_size=BATCH_SIZE):
                    batch.append(instance)
                    if len(batch) == BATCH_SIZE:
                        rewritten += self._rewrite(model, batch, field_names)
                        batch = []
                rewritten += self._rewrite(model, batch, field_names)
            self.stdout.write(f"{model._meta.label}: re-encrypted {rewritten} rows ({', '.join(field_names)})")
        self._rotate_two_factor_secrets()
        for _receiver, line in rotating_encryption_keys.send(sender=self.__class__):
            self.stdout.write(line)

    def _rewrite(self, model, batch, field_names):
        if batch:
            # bulk_update writes through get_prep_value, which encrypts with the newest key.
            model._base_manager.bulk_update(batch, field_names)
        return len(batch)

    def _rotate_two_factor_secrets(self):
        """allauth keeps TOTP keys and recovery-code seeds in a JSON column, encrypted by our MFA adapter."""
        from allauth.mfa.models import Authenticator

        rewritten = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().iterator(chunk_size=BATCH_SIZE):
                for key in ENCRYPTED_AUTHENTICATOR_KEYS & authenticator.data.keys():
                    authenticator.data[key] = crypto.encrypt_text(crypto.decrypt_text(authenticator.data[key]))
                authenticator.save(update_fields=["data"])
                rewritten += 1
        self.stdout.write(f"mfa.Authenticator: re-encrypted {rewritten} two-factor secrets")
