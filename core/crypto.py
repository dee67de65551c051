"""Encrypting values that do not live in an encrypted model field (allauth's TOTP secrets, report
drafts in the session, evidence files on disk).

Uses exactly the keys and derivation of the encrypted fields (SECRET_KEY × FIELD_ENCRYPTION_KEYS),
so one rotation procedure covers all of them: ``rotate_encryption_keys`` re-encrypts the fields and
sends ``core.signals.rotating_encryption_keys`` for whatever an app keeps elsewhere.
"""

from cryptography.fernet import InvalidToken
from encrypted_fields.fields import EncryptedTextField

_cipher_field = EncryptedTextField()


def encrypt_bytes(content: bytes) -> bytes:
    return _cipher_field.f.encrypt(content)


def decrypt_bytes(token: bytes) -> bytes:
    """The plaintext; raises ``ValueError`` if no current key opens the token."""
    try:
        return _cipher_field.f.decrypt(token)
    except InvalidToken as error:
        raise ValueError("No field encryption key opens this value.") from error


def encrypt_text(value: str) -> str:
    return encrypt_bytes(value.encode()).decode()


def decrypt_text(token: str) -> str:
    """The plaintext; raises ``ValueError`` if no current key opens the token."""
    return decrypt_bytes(token.encode()).decode()


def forget_derived_keys():
    _cipher_field.__dict__.pop("keys", None)
    _cipher_field.__dict__.pop("f", None)
