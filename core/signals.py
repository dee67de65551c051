from django.apps import apps
from django.core.signals import setting_changed
from django.dispatch import Signal, receiver
from encrypted_fields.fields import EncryptedFieldMixin

from . import crypto

KEY_SETTINGS = {"SECRET_KEY", "SECRET_KEY_FALLBACKS", "SALT_KEY"}

# Sent by ``rotate_encryption_keys`` after the encrypted fields: an app that keeps values encrypted
# with ``core.crypto`` outside them (files, say) re-encrypts those with the newest key, and returns a
# line for the command to print.
rotating_encryption_keys = Signal()


def encrypted_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedFieldMixin):
                yield model, field


@receiver(setting_changed)
def forget_derived_encryption_keys(*, setting, **kwargs):
    """Encrypted fields derive their keys once; a key change must make them derive again."""
    if setting not in KEY_SETTINGS:
        return
    for _model, field in encrypted_fields():
        field.__dict__.pop("keys", None)
        field.__dict__.pop("f", None)
    crypto.forget_derived_keys()
