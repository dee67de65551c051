"""Renewal reminders through GOV.UK Notify at 30 and 7 days and on lapsing, each sent once."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pledges import notify, services
from pledges.models import Pledge, PledgeReminder
from pledges.tasks import send_pledge_renewal_reminders
from pledges.tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def due_in(days, **kwargs):
    return PledgeFactory(signed_on=TODAY - datetime.timedelta(days=365 - days), **kwargs)


def run(today, capture):
    with capture(execute=True):
        return services.pledge_reminders_send(today=today)


def test_reminders_go_at_30_and_7_days_and_on_lapsing_once_each(fake_notify, django_capture_on_commit_callbacks):
    pledge = due_in(30, contact_email="renew@example.test")

    assert run(TODAY, django_capture_on_commit_callbacks) == 1
    assert run(TODAY, django_capture_on_commit_callbacks) == 0
    assert run(TODAY + datetime.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert run(TODAY + datetime.timedelta(days=23), django_capture_on_commit_callbacks) == 1
    assert run(TODAY + datetime.timedelta(days=24), django_capture_on_commit_callbacks) == 0
    assert run(TODAY + datetime.timedelta(days=31), django_capture_on_commit_callbacks) == 1
    assert run(TODAY + datetime.timedelta(days=40), django_capture_on_commit_callbacks) == 0

    templates = [message["template_id"] for message in fake_notify.sent]
    assert templates == [notify.RENEWAL_30_DAYS, notify.RENEWAL_7_DAYS, notify.LAPSED]
    assert {message["email_address"] for message in fake_notify.sent} == {"renew@example.test"}
    assert fake_notify.sent[0]["personalisation"]["renewal_due"] == pledge.renewal_due.strftime("%-d %B %Y")
    assert PledgeReminder.objects.filter(pledge=pledge).count() == 3
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.LAPSED


def test_pledges_far_from_renewal_and_pending_pledges_get_nothing(fake_notify, django_capture_on_commit_callbacks):
    due_in(31)
    due_in(10, pending=True)

    assert run(TODAY, django_capture_on_commit_callbacks) == 0
    assert fake_notify.sent == []


def test_a_renewal_starts_the_reminders_again_for_the_new_date(fake_notify, django_capture_on_commit_callbacks):
    pledge = due_in(5)
    run(TODAY, django_capture_on_commit_callbacks)
    services.pledge_renew(pledge=pledge, by=None, today=TODAY)
    pledge.refresh_from_db()

    assert run(pledge.renewal_due - datetime.timedelta(days=30), django_capture_on_commit_callbacks) == 1
    assert len(fake_notify.sent) == 2


def test_the_command_and_the_task_are_safe_to_rerun(fake_notify, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    PledgeFactory(signed_on=today - datetime.timedelta(days=365 - 7))
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_pledge_renewal_reminders", stdout=out)
        call_command("send_pledge_renewal_reminders", stdout=out)
        result = send_pledge_renewal_reminders.enqueue()

    assert "1 pledge renewal reminders sent" in out.getvalue()
    assert result.return_value == {"sent": 0}
    assert len(fake_notify.sent) == 1


def test_a_lapsed_pledge_drops_off_the_public_list_even_before_the_reminders_run(client):
    today = timezone.localdate()
    lapsed = PledgeFactory(organisation_name="Lapsed Allotment Society", signed_on=today - datetime.timedelta(days=400))
    PledgeFactory(organisation_name="In-date Youth Club")

    listing = client.get(reverse("pledges:signatory_list")).content.decode()
    assert "Lapsed Allotment Society" not in listing and "In-date Youth Club" in listing
    assert client.get(reverse("pledges:signatory_detail", args=[lapsed.pk])).status_code == 404
