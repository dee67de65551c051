import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.models import Service, ServiceChange
from directory.tests.editing import form_data
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


def test_council_editor_edit_is_published_at_once_and_audited(client, walsall, django_capture_on_commit_callbacks):
    editor = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    service = owned_service(
        UserFactory().organisation,
        name="Old name",
        assured_date=timezone.localdate() - datetime.timedelta(days=200),
    )
    public_url = reverse("directory:service_detail", args=[service.pk])
    assert "Old name" in client.get(public_url).content.decode()
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("directory:staff_service_edit", args=[service.pk]),
            form_data(service, name="New name", languages=["pl", "ur"], cost="paid", fees="£2 a session"),
        )

    assert response.status_code == 302
    change = ServiceChange.objects.get()
    assert (change.status, change.decided_by) == (ServiceChange.Status.APPLIED, editor)
    service.refresh_from_db()
    assert service.name == "New name"
    assert service.assured_date == timezone.localdate()
    assert service.fees == "£2 a session"
    assert sorted(service.languages.values_list("code", flat=True)) == ["pl", "ur"]
    client.logout()
    page = client.get(public_url).content.decode()
    assert "New name" in page
    assert "may be out of date" not in page
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Service), object_pk=str(service.pk)
    ).latest("timestamp")
    assert entry.actor == editor


def test_administrator_may_edit_any_service(client, walsall):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR], with_totp=True)
    service = owned_service(UserFactory().organisation)
    client.force_login(administrator)

    assert client.get(reverse("directory:staff_service_edit", args=[service.pk])).status_code == 200


def test_marking_as_checked_sets_the_assured_date(client):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    service = owned_service(partner.organisation, assured_date=timezone.localdate() - datetime.timedelta(days=100))
    client.force_login(partner)

    client.post(reverse("directory:staff_service_check", args=[service.pk]))
    client.post(reverse("directory:staff_service_check", args=[service.pk]))

    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer_email == partner.email
