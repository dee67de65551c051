"""Staff accounts hold no preferred language: the directory's emails are written in English, even when
the council editor who approves or rejects is browsing in Polish or the reminder job runs in another."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory import services
from directory.models import ServiceChange
from directory.search import months_before
from directory.tests.editing import form_data
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])


def proposed_change(client, partner):
    service = owned_service(partner.organisation, name="Chat and practise English")
    client.force_login(partner)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="New name"))
    return ServiceChange.objects.get()


def test_an_approval_made_in_polish_tells_the_partner_in_english(client, partner, walsall, fake_notify):
    change = proposed_change(client, partner)
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))

    with translation.override("pl"):
        url = reverse("directory:staff_approval_detail", args=[change.pk])
    assert url.startswith("/pl/")
    client.post(url, {"decision": "approve"})

    personalisation = fake_notify.sent[0]["personalisation"]
    assert personalisation["outcome"] == "approved and published"
    assert "/pl/" not in personalisation["link"]


def test_a_rejection_made_in_polish_tells_the_partner_in_english(client, partner, walsall, fake_notify):
    change = proposed_change(client, partner)
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))

    with translation.override("pl"):
        url = reverse("directory:staff_approval_detail", args=[change.pk])
    client.post(url, {"decision": "reject", "reason": "Wrong hall"})

    assert fake_notify.sent[0]["personalisation"]["outcome"] == "not published"


def test_reminders_are_written_in_english_when_the_job_runs_in_another_language(partner, fake_notify):
    today = datetime.date(2026, 6, 15)
    owned_service(partner.organisation, name="Women's English group", assured_date=months_before(today, 4))
    owned_service(partner.organisation, name="Never checked group", assured_date=None)

    with translation.override("pl"):
        services.assurance_reminders_send(today=today)

    text = fake_notify.sent[0]["personalisation"]["services"]
    assert "never checked" in text
    assert "was due on 15 May 2026" in text
    assert "/pl/" not in fake_notify.sent[0]["personalisation"]["link"]
