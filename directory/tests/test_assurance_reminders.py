import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory import notify, tasks
from directory.models import AssuranceReminder
from directory.search import months_before
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def owners():
    first = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], email="first@partner.test")
    UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], organisation=first.organisation, email="second@partner.test")
    # Same organisation, but no partner role; and a partner of another organisation: neither is told.
    UserFactory(roles=[Role.BUDDY_COORDINATOR], organisation=first.organisation, email="buddies@partner.test")
    UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], email="elsewhere@other.test")
    UserFactory(
        roles=[Role.PARTNER_ORGANISATION_USER],
        organisation=first.organisation,
        email="left@partner.test",
        is_active=False,
    )
    return first.organisation


def run(today=TODAY):
    out = StringIO()
    call_command("send_assurance_reminders", today=today.isoformat(), stdout=out)
    return out.getvalue()


def test_owners_are_reminded_once_before_and_once_when_overdue(owners, fake_notify):
    due_in_ten_days = months_before(TODAY + datetime.timedelta(days=10), 3)
    service = owned_service(owners, name="Women's English group", assured_date=due_in_ten_days)
    owned_service(owners, name="Checked last week", assured_date=TODAY - datetime.timedelta(days=7))

    first = run()
    again = run()

    assert "1 services in 2 emails" in first
    assert "0 services in 0 emails" in again
    assert sorted(message["email_address"] for message in fake_notify.sent) == [
        "first@partner.test",
        "second@partner.test",
    ]
    message = fake_notify.sent[0]
    assert message["template_id"] == notify.ASSURANCE_REMINDER_TEMPLATE_ID
    assert "Women's English group: due by" in message["personalisation"]["services"]
    assert "Checked last week" not in message["personalisation"]["services"]
    assert message["personalisation"]["link"].endswith(reverse("directory:staff_service_list"))

    fake_notify.sent.clear()
    overdue_day = TODAY + datetime.timedelta(days=11)
    run(overdue_day)
    run(overdue_day + datetime.timedelta(days=1))

    assert len(fake_notify.sent) == 2
    assert "was due on" in fake_notify.sent[0]["personalisation"]["services"]
    assert set(AssuranceReminder.objects.filter(service=service).values_list("kind", flat=True)) == {
        "due_soon",
        "overdue",
    }


def test_a_fresh_check_starts_the_reminders_again(owners, fake_notify):
    service = owned_service(owners, assured_date=months_before(TODAY, 4))
    run()
    service.assured_date = TODAY
    service.save()

    run(TODAY + datetime.timedelta(days=95))

    assert len(fake_notify.sent) == 4  # overdue then, overdue again for the new check, to both owners


def test_services_without_owners_to_tell_are_not_recorded(fake_notify):
    organisation_without_partners = UserFactory(roles=[Role.BUDDY_COORDINATOR]).organisation
    service = owned_service(organisation_without_partners, assured_date=months_before(TODAY, 5))

    run()

    assert fake_notify.sent == []
    assert not AssuranceReminder.objects.filter(service=service).exists()


def test_the_daily_task_sends_the_same_reminders(owners, fake_notify):
    owned_service(owners, assured_date=None)

    result = tasks.send_assurance_reminders.enqueue(today=TODAY.isoformat()).return_value
    tasks.send_assurance_reminders.enqueue(today=TODAY.isoformat())

    assert result == {"emails": 2, "services": 1}
    assert len(fake_notify.sent) == 2
    assert "never checked" in fake_notify.sent[0]["personalisation"]["services"]
