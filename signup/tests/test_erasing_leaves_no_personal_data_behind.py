import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from buddies.models import BuddyRequest
from signup import links, services
from signup.models import Channel, Consent, Purpose

from .factories import SignUpFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def signed_up_with_buddy(consents):
    signup, _created = services.signup_create(
        idempotency_key=SignUpFactory.build().idempotency_key,
        name="Ola Kowalska",
        postcode="WS1 1TP",
        ward_code="E05001316",
        latitude=52.58555,
        longitude=-1.98242,
        language="pl",
        languages=["pl"],
        email="ola@example.test",
        phone="07700900982",
        consents=consents,
        buddy={"availability": ["mon_morning"]},
        created_at=timezone.now() - datetime.timedelta(days=8),
    )
    return signup


def erase_url(signup):
    return reverse("signup:erase", kwargs={"token": links.erase_token(signup)})


def test_erasing_removes_the_queued_messages_that_hold_the_address(database_queue, client):
    signup = signed_up_with_buddy({(Purpose.SETTLING_IN, Channel.EMAIL), (Purpose.BUDDY_SCHEME, Channel.EMAIL)})
    other = SignUpFactory(email="someone.else@example.test")
    services.follow_ups_send_due()
    assert "ola@example.test" in str(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))

    client.post(erase_url(signup), {"action": "erase"})

    remaining = str(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))
    assert "ola@example.test" not in remaining
    assert other.pk  # nobody else's messages are touched by the clean-up


def test_the_audit_trail_keeps_no_home_postcode_or_position_of_an_erased_buddy_request(client):
    signup = signed_up_with_buddy({(Purpose.BUDDY_SCHEME, Channel.EMAIL)})

    client.post(erase_url(signup), {"action": "erase"})

    trail = str(list(LogEntry.objects.values_list("changes", "object_repr")))
    assert BuddyRequest.objects.count() == 0
    for personal in ("WS1 1TP", "52.58555", "-1.98242", "Ola", "ola@example.test", "07700900982"):
        assert personal not in trail


def test_withdrawing_buddy_scheme_email_takes_the_address_from_the_buddy_request(client):
    signup = signed_up_with_buddy({(Purpose.BUDDY_SCHEME, Channel.EMAIL), (Purpose.BUDDY_SCHEME, Channel.SMS)})

    response = client.post(erase_url(signup), {"consent": "buddy_scheme:email"}, follow=True)

    request = BuddyRequest.objects.get(signup_reference=signup.reference)
    assert request.email in ("", None)
    assert request.phone == "07700900982"
    assert "deleted your buddy request" not in response.content.decode()


def test_withdrawing_the_last_way_the_buddy_scheme_may_use_deletes_the_buddy_request(client):
    signup = signed_up_with_buddy({(Purpose.BUDDY_SCHEME, Channel.SMS), (Purpose.SETTLING_IN, Channel.EMAIL)})

    response = client.post(erase_url(signup), {"consent": "buddy_scheme:sms"}, follow=True)

    assert "we have deleted your buddy request" in response.content.decode()
    assert not BuddyRequest.objects.filter(signup_reference=signup.reference).exists()
    assert Consent.objects.filter(signup=signup, withdrawn_at=None).count() == 1  # the rest stands
