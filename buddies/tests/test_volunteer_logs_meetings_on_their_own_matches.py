import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buddies.models import Meeting
from pledges.tests.factories import date_fields

from .factories import accepted_match, cleared_volunteer, place_of_welcome

pytestmark = pytest.mark.django_db


def test_a_volunteer_logs_a_meeting_once_even_if_submitted_twice(client):
    place = place_of_welcome()
    match = accepted_match(days_ago=10, place=place)
    client.force_login(match.volunteer.user)
    url = reverse("buddies:meeting_create", args=[match.pk])
    form = client.get(url).content.decode()
    key = form.split('name="idempotency_key" value="')[1].split('"')[0]
    data = {
        **date_fields("met_on", timezone.localdate() - datetime.timedelta(days=2)),
        "place_of_welcome": str(place.pk),
        "duration_minutes": "90",
        "outcomes": ["practised_english", "signposted"],
        "idempotency_key": key,
    }

    client.post(url, data)
    client.post(url, data)

    meeting = Meeting.objects.get()
    assert meeting.place_of_welcome == place
    assert meeting.outcomes == ["practised_english", "signposted"]
    assert meeting.logged_by == match.volunteer.user
    assert "Practised English" in client.get(reverse("buddies:match_detail", args=[match.pk])).content.decode()


def test_a_meeting_in_the_future_or_nowhere_is_refused_keeping_what_was_typed(client):
    match = accepted_match(days_ago=10)
    client.force_login(match.volunteer.user)

    response = client.post(
        reverse("buddies:meeting_create", args=[match.pk]),
        {
            **date_fields("met_on", timezone.localdate() + datetime.timedelta(days=1)),
            "place_of_welcome": "",
            "other_place": "",
            "duration_minutes": "45",
            "outcomes": ["social"],
        },
    )

    page = response.content.decode()
    assert "Date you met must be today or in the past" in page
    assert "Choose a Place of Welcome or say where you met" in page
    assert 'value="45"' in page
    assert not Meeting.objects.exists()


def test_a_volunteer_sees_only_their_own_matches(client):
    mine = accepted_match()
    theirs = accepted_match(volunteer=cleared_volunteer())
    client.force_login(mine.volunteer.user)

    listing = client.get(reverse("buddies:my_matches")).content.decode()

    assert reverse("buddies:match_detail", args=[mine.pk]) in listing
    assert reverse("buddies:match_detail", args=[theirs.pk]) not in listing
    assert client.get(reverse("buddies:match_detail", args=[theirs.pk])).status_code == 403
    assert client.get(reverse("buddies:meeting_create", args=[theirs.pk])).status_code == 403
    assert client.get(reverse("buddies:match_detail", args=[mine.pk])).status_code == 200
