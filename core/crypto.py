"""Encrypting values that do not live in an encrypted model field (e.g. allauth's TOTP secrets).

Uses exactly the keys and derivation of the encrypted fields (SECRET_KEY × FIELD_ENCRYPTION_KEYS),
so one rotation procedure covers both.
"""

from cryptography.fernet import InvalidToken
from encrypted_fields.fields import EncryptedTextField

_cipher_field = EncryptedTextField()


def encrypt_text(value: str) -> str:
    return _cipher_field.f.encrypt(value.encode()).decode()


def decrypt_text(token: str) -> str:
    """The plaintext; raises ``ValueError`` if no current key opens the token."""
    try:
        return _cipher_field.f.decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("No field encryption key opens this value.") from error


def forget_derived_keys():
    _cipher_field.__dict__.pop("keys", None)
    _cipher_field.__dict__.pop("f", None)
