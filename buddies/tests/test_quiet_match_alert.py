import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.models import Meeting
from buddies.notify import template_id

from .factories import accepted_match

pytestmark = pytest.mark.django_db


def quiet_alerts(fake_notify):
    return [message for message in fake_notify.sent if message["template_id"] == template_id("quiet_match")]


def test_coordinators_hear_once_about_a_match_with_no_meeting_for_three_weeks(fake_notify, client):
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    quiet = accepted_match(days_ago=22)
    recent = accepted_match(days_ago=5)
    out = StringIO()

    call_command("send_quiet_match_alerts", stdout=out)
    call_command("send_quiet_match_alerts", stdout=out)

    alerts = quiet_alerts(fake_notify)
    assert [(alert["email_address"], alert["personalisation"]["match"]) for alert in alerts] == [
        (coordinator.email, str(quiet.pk))
    ]
    client.force_login(coordinator)
    page = client.get(reverse("buddies:dashboard")).content.decode()
    assert reverse("buddies:match_detail", args=[quiet.pk]) in page
    assert reverse("buddies:match_detail", args=[recent.pk]) not in page


def test_a_meeting_ends_the_quiet_spell_and_a_new_one_alerts_again(fake_notify):
    UserFactory(roles=[Role.BUDDY_COORDINATOR])
    match = accepted_match(days_ago=60)
    today = timezone.localdate()
    assert services.quiet_match_alerts_send(today=today) == 1

    Meeting.objects.create(match=match, met_on=today - datetime.timedelta(days=3), duration_minutes=60)
    assert services.quiet_match_alerts_send(today=today) == 0
    assert services.quiet_match_alerts_send(today=today + datetime.timedelta(days=25)) == 1
    assert len(quiet_alerts(fake_notify)) == 2
