import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.models import ServiceChange
from directory.tests.editing import form_data
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


def test_approving_an_older_change_keeps_what_the_council_changed_since(client, walsall, fake_notify):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    council_editor = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    service = owned_service(partner.organisation, name="Drop-in", email="old@example.org")
    client.force_login(partner)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="Advice drop-in"))
    change = ServiceChange.objects.get()
    client.force_login(council_editor)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, email="new@example.org"))

    review = client.get(reverse("directory:staff_approval_detail", args=[change.pk])).content.decode()
    client.post(reverse("directory:staff_approval_detail", args=[change.pk]), {"decision": "approve"})

    assert "Advice drop-in" in review
    assert "old@example.org" not in review  # the partner did not touch the email: it is not part of the change
    service.refresh_from_db()
    assert (service.name, service.email) == ("Advice drop-in", "new@example.org")


def test_the_review_flags_a_field_changed_since_it_was_proposed(client, walsall):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    council_editor = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    service = owned_service(partner.organisation, name="Drop-in")
    client.force_login(partner)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="Advice drop-in"))
    change = ServiceChange.objects.get()
    client.force_login(council_editor)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="Council's name"))

    review = client.get(reverse("directory:staff_approval_detail", args=[change.pk])).content.decode()

    assert "Council&#x27;s name" in review
    assert "Changed since this was proposed" in review
