import pytest
from django.db import connection
from django.urls import reverse

from reporting import receipts
from reporting.models import Report

from .journey import answers, reference_and_receipt, submit, walk

pytestmark = pytest.mark.django_db

SECRETS = ["SYNTHETIC-ACCOUNT", "SYNTHETIC-IMPACT", "Park Street", "Secret Name", "secret@example.test"]
# Public open data (postcodes, wards, census) is not searched: it holds the postcode as a fact about a place.
OPEN_DATA_TABLES = ("places_",)


def every_text_in_the_database():
    """Every value of every text-like column of every table but the open data, read with raw SQL."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith(OPEN_DATA_TABLES):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                values.extend(str(value) for value in row if isinstance(value, (str, bytes, memoryview)))
    return "\n".join(values)


def test_the_raw_database_holds_no_plaintext_of_the_report_or_the_receipt(client, walsall):
    contact = {
        "contact_preference": "named",
        "contact_name": "Secret Name",
        "contact_method": "email",
        "contact_email": "secret@example.test",
    }
    walk(client, answers(contact=contact))
    everything_during = every_text_in_the_database()
    reference, receipt = submit(client)

    everything = every_text_in_the_database()
    for secret in [*SECRETS, receipt, receipt.replace("-", "")]:
        assert secret not in everything, secret
        assert secret not in everything_during, secret
    assert reference in everything
    assert Report.objects.get(reference=reference).postcode == "WS1 1TP"


def test_only_an_argon2id_hash_of_the_receipt_is_stored(client, walsall):
    walk(client)
    reference, receipt = submit(client)

    stored = Report.objects.get(reference=reference).receipt_hash

    variant, version, cost = stored.split("$")[1:4]
    parameters = dict(pair.split("=") for pair in cost.split(","))
    assert (variant, version) == ("argon2id", "v=19")
    assert int(parameters["m"]) >= 19456 and int(parameters["t"]) >= 2  # OWASP's minimum for Argon2id
    assert receipts.receipt_matches(receipt, stored)
    assert not receipts.receipt_matches(receipts.new_receipt(), stored)


def test_a_receipt_hashed_at_the_earlier_higher_cost_still_opens_its_report():
    from argon2 import PasswordHasher

    receipt = receipts.new_receipt()
    earlier = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=2).hash(receipt)

    assert receipts.receipt_matches(receipt, earlier)
    assert not receipts.receipt_matches(receipts.new_receipt(), earlier)


def test_the_receipt_has_at_least_64_bits_and_no_look_alike_characters():
    import math

    receipt = receipts.new_receipt()

    letters = receipt.replace("-", "")
    assert math.log2(len(receipts.ALPHABET)) * len(letters) >= 64
    assert not set("01OILU") & set(letters)


def test_the_receipt_is_shown_until_the_reporter_says_it_is_saved_and_never_again(client, walsall):
    walk(client)
    _reference, receipt = submit(client)
    confirmation = reverse("reporting:confirmation")

    refused = client.post(confirmation, {})
    assert "Confirm you have saved your case reference and receipt" in refused.content.decode()
    assert receipt in refused.content.decode()

    response = client.post(confirmation, {"saved": "on"})
    assert response["Location"] == reverse("reporting:what_happens_next")
    again = client.get(confirmation).content.decode()
    assert receipt not in again and reference_and_receipt(again) == (None, None)


def test_the_confirmation_page_is_not_kept_by_the_browser(client, walsall):
    walk(client)
    submit(client)

    response = client.get(reverse("reporting:confirmation"))

    assert "no-store" in response["Cache-Control"]
