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


def test_one_address_trying_many_references_is_slowed_down(client, monkeypatch):
    # The per-minute limit counts in fixed windows: hold the clock so the test never straddles two.
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: 1_800_000_000.0)
    made, receipt = report()
    responses = [sign_in_to_report(client, f"WFA-GUESS{n:03d}", "AAAA-BBBB-CCCC-DDDD-EEEE") for n in range(10)]

    blocked = sign_in_to_report(client, made.reference, receipt)

    assert all(response.status_code == 200 for response in responses)
    assert blocked.status_code == 429


def test_a_stranger_who_knows_the_reference_cannot_lock_the_reporter_out(client):
    made, receipt = report()
    for _ in range(services.RECEIPT_FAILURES_BEFORE_LOCK):
        stranger = sign_in_to_report(client, made.reference, "AAAA-BBBB-CCCC-DDDD-EEEE", REMOTE_ADDR="198.51.100.9")

    client.cookies.clear()
    reporter = sign_in_to_report(client, made.reference, receipt, REMOTE_ADDR="203.0.113.40")

    assert stranger.status_code == 423
    assert "locked here" in stranger.content.decode()
    assert reporter["Location"] == reverse("reporting:your_report")


def test_the_lock_page_says_what_to_do(client):
    made, _receipt = report()
    for _ in range(services.RECEIPT_FAILURES_BEFORE_LOCK):
        page = sign_in_to_report(client, made.reference, "AAAA-BBBB-CCCC-DDDD-EEEE")

    text = page.content.decode()
    assert "character by character" in text
    assert "They cannot guess the receipt" in text


def test_many_addresses_guessing_one_reference_lock_it_for_everyone_for_a_while(db):
    made, receipt = report()
    for attempt in range(services.RECEIPT_FAILURES_BEFORE_GLOBAL_LOCK):
        result = services.receipt_check(
            reference=made.reference, receipt="AAAA-BBBB-CCCC-DDDD-EEEE", address=f"198.51.100.{attempt}"
        )

    meanwhile = services.receipt_check(reference=made.reference, receipt=receipt, address="203.0.113.40")
    later = services.receipt_check(
        reference=made.reference,
        receipt=receipt,
        address="203.0.113.40",
        now=timezone.now() + datetime.timedelta(minutes=services.GLOBAL_LOCK_MINUTES + 1),
    )

    assert result.outcome == services.ReceiptCheck.LOCKED and result.locked_everywhere
    assert meanwhile.outcome == services.ReceiptCheck.LOCKED
    assert later.outcome == services.ReceiptCheck.OK


def test_an_error_report_never_shows_the_receipt_typed(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.views.debug import SafeExceptionReporterFilter

    from reporting import views

    request = rf.post(reverse("reporting:check"), {"reference": "WFA-ANYTHING", "receipt": "SECR-ETRE-CEIP-TXXX-XXXX"})
    request.session = {}
    request.user = AnonymousUser()
    views.check(request)

    shown = SafeExceptionReporterFilter().get_post_parameters(request)

    assert "SECR-ETRE-CEIP-TXXX-XXXX" not in str(dict(shown))
