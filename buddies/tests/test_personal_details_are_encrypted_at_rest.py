import pytest
from django.db import connection

from buddies.models import BuddyRequest, SafeguardingConcern, Volunteer

from .factories import BuddyRequestFactory, accepted_match, cleared_volunteer

pytestmark = pytest.mark.django_db


def raw(model, pk, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {model._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_names_contacts_referees_certificates_and_concerns_are_ciphertext_in_the_database():
    request = BuddyRequestFactory(name="Olena Shevchenko", phone="07700900982", notes="Needs step-free access")
    volunteer = cleared_volunteer(dbs_certificate_number="009988776655", first_referee="Anna Referee")
    concern = SafeguardingConcern.objects.create(
        match=accepted_match(), raised_by="newcomer", description="Felt unsafe"
    )

    stored = [
        raw(BuddyRequest, request.pk, "name"),
        raw(BuddyRequest, request.pk, "phone"),
        raw(BuddyRequest, request.pk, "notes"),
        raw(Volunteer, volunteer.pk, "dbs_certificate_number"),
        raw(Volunteer, volunteer.pk, "first_referee"),
        raw(SafeguardingConcern, concern.pk, "description"),
    ]

    assert all(value.startswith("gAAAAA") for value in stored)
    assert not any(secret in " ".join(stored) for secret in ("Olena", "0770", "step-free", "0099887", "Anna", "unsafe"))
    assert Volunteer.objects.get(pk=volunteer.pk).dbs_certificate_number == "009988776655"
