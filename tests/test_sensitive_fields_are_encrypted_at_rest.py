from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from core.signals import encrypted_fields

pytestmark = pytest.mark.django_db

PHONE = "07700 900982"


def raw_phone(user):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT phone FROM {User._meta.db_table} WHERE id = %s", [user.pk])  # noqa: S608
        return cursor.fetchone()[0]


def make_user():
    return User.objects.create_user("officer@example.test", "a-long-password-1", full_name="A Officer", phone=PHONE)


def test_the_raw_database_holds_no_plaintext_of_a_sensitive_field():
    user = make_user()

    stored = raw_phone(user)

    assert PHONE not in stored
    assert stored.startswith("gAAAAA")  # a Fernet token
    assert User.objects.get(pk=user.pk).phone == PHONE


def test_every_encrypted_column_holds_only_ciphertext():
    make_user()
    checked = 0
    for model, field in encrypted_fields():
        column = connection.ops.quote_name(field.column)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {model._meta.db_table} WHERE {column} <> ''")  # noqa: S608
            values = [row[0] for row in cursor.fetchall() if row[0]]
        assert all(value.startswith("gAAAAA") for value in values), f"{model._meta.label}.{field.name}"
        checked += len(values)
    assert checked >= 1


def test_a_new_key_reads_old_rows_and_rotation_moves_them_to_it(settings):
    old_key, new_key = "old-key-" + "o" * 32, "new-key-" + "n" * 32
    settings.SALT_KEY = [old_key]
    user = make_user()
    written_with_old_key = raw_phone(user)

    settings.SALT_KEY = [new_key, old_key]
    assert User.objects.get(pk=user.pk).phone == PHONE
    call_command("rotate_encryption_keys", stdout=StringIO())
    assert raw_phone(user) != written_with_old_key

    settings.SALT_KEY = [new_key]
    assert User.objects.get(pk=user.pk).phone == PHONE

    settings.SALT_KEY = [old_key]
    assert User.objects.get(pk=user.pk).phone != PHONE


def test_two_factor_secrets_are_encrypted_at_rest_and_rotate_with_the_keys(settings):
    from allauth.mfa.models import Authenticator

    from accounts.roles import Role
    from accounts.tests.factories import UserFactory
    from accounts.totp import totp_secret_of

    old_key, new_key = "old-key-" + "o" * 32, "new-key-" + "n" * 32
    settings.SALT_KEY = [old_key]
    user = UserFactory(roles=[Role.HATE_CRIME_CASEWORKER], with_totp=True)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert user.totp_secret not in stored
    assert totp_secret_of(user) == user.totp_secret

    settings.SALT_KEY = [new_key, old_key]
    call_command("rotate_encryption_keys", stdout=StringIO())
    settings.SALT_KEY = [new_key]

    assert totp_secret_of(user) == user.totp_secret
