import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies.models import BuddyRequest

from .factories import BuddyRequestFactory

pytestmark = pytest.mark.django_db


def referral(**changes):
    return {
        "name": "Olena Shevchenko",
        "email": "olena@example.test",
        "phone": "",
        "languages": ["uk"],
        "postcode": "WS1 1TP",
        "interests": ["learning-english"],
        "availability": ["tue_morning"],
        "buddy_gender": "woman",
        "meet_only_at_place_of_welcome": "on",
        "notes": "Arrived last month.",
        "idempotency_key": "0b8f1f1e-8b9e-4a8e-9d8e-1c2b3c4d5e6f",
        **changes,
    }


@pytest.mark.parametrize(
    ("role", "source"),
    [
        (Role.INTEGRATION_OFFICER, BuddyRequest.Source.OFFICER),
        (Role.PARTNER_ORGANISATION_USER, BuddyRequest.Source.PARTNER),
    ],
)
def test_a_referral_is_recorded_once_with_its_preferences(client, walsall, role, source):
    officer = UserFactory(roles=[role])
    client.force_login(officer)

    for _ in range(2):
        response = client.post(reverse("buddies:request_create"), referral())

    request = BuddyRequest.objects.get()
    assert response.status_code == 302 and str(request.reference) in response["Location"]
    assert request.source == source
    assert (request.referred_by, request.referring_organisation) == (officer, officer.organisation)
    assert request.buddy_gender == "woman" and request.meet_only_at_place_of_welcome
    assert request.latitude is not None and request.ward_code
    assert request.notes == "Arrived last month."


def test_a_referral_needs_a_way_to_reach_the_newcomer(client):
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))

    response = client.post(reverse("buddies:request_create"), referral(email="", postcode=""))

    page = response.content.decode()
    assert "Enter an email address or a mobile phone number" in page
    assert "Enter the newcomer&#x27;s postcode" in page
    assert 'value="Olena Shevchenko"' in page
    assert not BuddyRequest.objects.exists()


def test_the_coordinator_sees_waiting_time_and_reading_a_request_is_audited(client):
    from datetime import timedelta

    from django.utils import timezone

    old = BuddyRequestFactory(name="Amir Said")
    BuddyRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=12, hours=1))
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    client.force_login(coordinator)

    listing = client.get(reverse("buddies:request_list")).content.decode()
    assert "Amir" in listing and ">12</td>" in listing

    client.get(reverse("buddies:request_detail", args=[old.pk]))
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(old.pk), actor=coordinator).exists()
