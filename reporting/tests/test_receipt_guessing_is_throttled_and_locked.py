import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting import services

from .factories import report
from .journey import sign_in_to_report

pytestmark = pytest.mark.django_db


def test_the_right_reference_and_receipt_open_the_report(client):
    made, receipt = report()

    response = sign_in_to_report(client, made.reference, receipt.lower().replace("-", " "))

    assert response["Location"] == reverse("reporting:your_report")


def test_a_wrong_receipt_is_refused_without_saying_which_part_was_wrong(client):
    made, _receipt = report()

    response = sign_in_to_report(client, made.reference, "AAAA-BBBB-CCCC-DDDD-EEEE")
    unknown = sign_in_to_report(client, "WFA-NOTAREAL", "AAAA-BBBB-CCCC-DDDD-EEEE")

    for page in (response, unknown):
        assert page.status_code == 200
        assert "The case reference or secret receipt is not right" in page.content.decode()


def test_after_five_wrong_receipts_the_reference_locks_and_says_so(client):
    made, receipt = report()
    for _ in range(services.RECEIPT_FAILURES_BEFORE_LOCK - 1):
        sign_in_to_report(client, made.reference, "AAAA-BBBB-CCCC-DDDD-EEEE")

    locking = sign_in_to_report(client, made.reference, "AAAA-BBBB-CCCC-DDDD-EEEE")
    even_the_right_one = sign_in_to_report(client, made.reference, receipt)

    assert locking.status_code == 423
    assert "This report is locked for now" in locking.content.decode()
    assert even_the_right_one.status_code == 423


def test_the_lock_ends_after_its_period(db):
    made, receipt = report()
    for _ in range(services.RECEIPT_FAILURES_BEFORE_LOCK):
        services.receipt_check(reference=made.reference, receipt="AAAA-BBBB-CCCC-DDDD-EEEE")

    later = timezone.now() + datetime.timedelta(minutes=services.LOCK_MINUTES + 1)
    result = services.receipt_check(reference=made.reference, receipt=receipt, now=later)

    assert result.outcome == services.ReceiptCheck.OK


def test_one_address_trying_many_references_is_slowed_down(client):
    made, receipt = report()
    responses = [sign_in_to_report(client, f"WFA-GUESS{n:03d}", "AAAA-BBBB-CCCC-DDDD-EEEE") for n in range(10)]

    blocked = sign_in_to_report(client, made.reference, receipt)

    assert all(response.status_code == 200 for response in responses)
    assert blocked.status_code == 429
