import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies.models import BuddyRequest, Match, SurveyResponse
from buddies.notify import newcomer_token, template_id

from .factories import accepted_match

pytestmark = pytest.mark.django_db


def test_ending_a_match_asks_both_sides_once_each(client, fake_notify):
    match = accepted_match()
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))

    client.post(reverse("buddies:match_end", args=[match.pk]))

    match.refresh_from_db()
    assert match.status == Match.Status.ENDED
    assert match.request.status == BuddyRequest.Status.CLOSED
    invitations = [m for m in fake_notify.sent if m["template_id"] == template_id("survey_invitation")]
    assert sorted(m["email_address"] for m in invitations) == sorted([match.volunteer.user.email, match.request.email])

    client.force_login(match.volunteer.user)
    for _ in range(2):
        client.post(
            reverse("buddies:volunteer_survey", args=[match.pk]),
            {"rating": "5", "feels_more_connected": "yes", "comment": "Lovely."},
        )
    token = newcomer_token(match)
    client.logout()
    response = client.post(
        reverse("buddies:newcomer_survey", args=[token]), {"rating": "", "feels_more_connected": "no"}
    )
    assert "Select how it was" in response.content.decode()
    client.post(reverse("buddies:newcomer_survey", args=[token]), {"rating": "4", "feels_more_connected": "no"})

    answers = dict(SurveyResponse.objects.values_list("respondent", "rating"))
    assert answers == {"volunteer": 5, "newcomer": 4}
    assert SurveyResponse.objects.get(respondent="newcomer").feels_more_connected is False


def test_the_survey_opens_only_once_the_match_has_ended(client):
    match = accepted_match()
    client.force_login(match.volunteer.user)

    assert client.get(reverse("buddies:volunteer_survey", args=[match.pk])).status_code == 403
    assert client.get(reverse("buddies:newcomer_survey", args=[newcomer_token(match)])).status_code == 404
