"""Unknown ids, huge numbers, tampered values and non-Latin text get a page a person can act on, never an error."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from pledges.tests.factories import date_fields

from .factories import accepted_match, pledge_organisation

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("buddies:volunteer_detail", {"volunteer_id": 10**18}),
        ("buddies:volunteer_step", {"volunteer_id": 10**18, "step": "references"}),
        ("buddies:request_detail", {"request_id": 10**18}),
        ("buddies:match_detail", {"match_id": 10**18}),
        ("buddies:concern_detail", {"concern_id": 10**18}),
        ("pledges:staff_pledge_detail", {"pledge_id": 10**18}),
        ("pledges:staff_place_detail", {"place_id": 10**18}),
    ],
)
def test_an_unknown_or_huge_id_is_not_found(client, coordinator, name, kwargs):
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_a_huge_id_in_the_address_is_not_found(client, coordinator):
    assert client.get(f"/staff/buddies/volunteers/{HUGE}/").status_code == 404
    assert client.get(f"/staff/buddies/matches/{HUGE}/").status_code == 404
    assert client.get(f"/pledge/{HUGE}/").status_code == 404
    assert client.get(f"/places-of-welcome/{HUGE}/").status_code == 404


def test_huge_numbers_and_unknown_choices_in_a_meeting_are_refused_with_messages(client, fake_notify):
    match = accepted_match(days_ago=5)
    client.force_login(match.volunteer.user)
    from django.utils import timezone

    response = client.post(
        reverse("buddies:meeting_create", args=[match.pk]),
        {
            **date_fields("met_on", timezone.localdate()),
            "place_of_welcome": HUGE,
            "duration_minutes": HUGE,
            "outcomes": ["made_up"],
            "idempotency_key": "x",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Enter a time from 5 to 600 minutes" in page


def test_a_referral_in_urdu_and_polish_keeps_its_text(client, coordinator, walsall):
    response = client.post(
        reverse("buddies:request_create"),
        {
            "name": "عائشہ Żółkiewska",
            "email": "",
            "phone": HUGE,
            "languages": ["ur", "xx"],
            "postcode": "WS1 1TP",
            "availability": ["sat_morning", "never"],
            "notes": "بچوں کے ساتھ آتی ہیں",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "عائشہ Żółkiewska" in page and "بچوں کے ساتھ آتی ہیں" in page


def test_huge_numbers_when_putting_a_volunteer_forward(client, coordinator, walsall):
    organisation = pledge_organisation("Caldmore Forum")
    response = client.post(
        reverse("buddies:volunteer_create"),
        {
            "organisation": HUGE,
            "full_name": "Ewa",
            "email": "ewa@example.test",
            "role": "made_up",
            "languages": ["pl"],
            "postcode": "WS1 1TP",
            "availability": ["sat_morning"],
            "capacity": HUGE,
            "max_travel_km": "1e400",
        },
    )

    assert response.status_code == 200
    assert organisation.name in response.content.decode()
    assert "Enter a number from 1 to 5" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/pledge/?page=" + HUGE,
        "/pledge/?page=-1",
        "/pledge/" + HUGE + "/badge.svg",
        "/places-of-welcome/?ward=" + "ض" * 300 + "&day=" + HUGE,
        "/places-of-welcome/" + HUGE + "/calendar.ics",
        "/ur/places-of-welcome/?ward=E05001234&day=xx",
        "/buddy/" + "ب" * 50 + "/survey/",
    ],
)
def test_odd_public_addresses_answer_without_a_server_error(client, url):
    assert client.get(url).status_code in (200, 400, 404)


def test_a_pledge_signed_in_urdu_keeps_its_text_on_error(client):
    response = client.post(
        "/ur/pledge/sign/",
        {"kind": "organisation", "organisation_name": "عائشہ کی چائے", "contact_name": "", "contact_email": "x"},
    )

    assert response.status_code == 200
    assert "عائشہ کی چائے" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
