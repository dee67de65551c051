import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.models import ExpiryWarning
from buddies.notify import template_id

from .factories import cleared_volunteer

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def warnings_to(fake_notify, email):
    return [
        message
        for message in fake_notify.sent
        if message["email_address"] == email and message["template_id"] == template_id("expiry_warning")
    ]


def test_a_warning_at_each_lead_time_and_never_twice(fake_notify):
    today = timezone.localdate()
    volunteer = cleared_volunteer(valid_for_days=400)
    expires = today + 60 * DAY
    volunteer.training_expires_on = expires
    volunteer.save()

    for days_ahead in (0, 1, 29, 30, 31, 52, 53, 54, 60):
        services.volunteer_expiry_warnings_send(today=today + days_ahead * DAY)
        services.volunteer_expiry_warnings_send(today=today + days_ahead * DAY)

    sent = warnings_to(fake_notify, volunteer.user.email)
    assert [message["personalisation"]["days_left"] for message in sent] == ["60", "30", "7"]
    assert all(message["personalisation"]["check"] == "Training" for message in sent)
    assert sorted(ExpiryWarning.objects.values_list("days_before", flat=True)) == [7, 30, 60]


def test_a_check_recorded_close_to_expiry_gets_only_the_nearest_warning(fake_notify):
    today = timezone.localdate()
    volunteer = cleared_volunteer(valid_for_days=5)

    assert services.volunteer_expiry_warnings_send(today=today) == 2  # the DBS check and the training

    assert set(ExpiryWarning.objects.values_list("kind", "days_before")) == {("dbs", 7), ("training", 7)}
    assert len(warnings_to(fake_notify, volunteer.user.email)) == 2


def test_the_command_is_idempotent(fake_notify):
    volunteer = cleared_volunteer(valid_for_days=25)
    out = StringIO()

    call_command("send_volunteer_expiry_warnings", stdout=out)
    call_command("send_volunteer_expiry_warnings", stdout=out)

    assert "Expiry warnings sent: 2" in out.getvalue()
    assert "Expiry warnings sent: 0" in out.getvalue()
    assert len(warnings_to(fake_notify, volunteer.user.email)) == 2


def test_the_coordinator_dashboard_lists_checks_expiring_soon(client):
    soon = cleared_volunteer(valid_for_days=20)
    later = cleared_volunteer(valid_for_days=200)
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))

    page = client.get(reverse("buddies:dashboard")).content.decode()

    assert soon.user.full_name in page
    assert later.user.full_name not in page
