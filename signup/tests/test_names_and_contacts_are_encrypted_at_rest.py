import pytest
from django.db import connection

from signup.models import SignUp

from .factories import SignUpFactory

pytestmark = pytest.mark.django_db


def test_the_raw_database_has_no_plaintext_name_email_phone_or_postcode():
    signup = SignUpFactory(name="Zofia Kowalska", email="zofia@example.test", phone="07700900555", safe_times="Noon")

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name, email, phone, postcode, safe_times FROM {SignUp._meta.db_table} WHERE id = %s",  # noqa: S608
            [signup.pk],
        )
        row = cursor.fetchone()

    assert all(value.startswith("gAAAAA") for value in row)
    assert not any(text in " ".join(row) for text in ("Zofia", "zofia@", "07700900555", "WS1", "Noon"))
    assert SignUp.objects.get().name == "Zofia Kowalska"


def test_contact_details_left_empty_are_stored_empty():
    signup = SignUpFactory(phone="", safe_times="")

    stored = SignUp.objects.get(pk=signup.pk)

    assert not stored.phone and not stored.safe_times
