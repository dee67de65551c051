import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.models import ServiceChange
from directory.tests.editing import form_data
from directory.tests.factories import ServiceChangeFactory, owned_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])


@pytest.fixture
def other_service():
    return owned_service(UserFactory().organisation, name="Another group's service")


def test_partner_cannot_open_or_change_another_organisations_service(client, partner, other_service, walsall):
    client.force_login(partner)
    edit_url = reverse("directory:staff_service_edit", args=[other_service.pk])
    check_url = reverse("directory:staff_service_check", args=[other_service.pk])

    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, form_data(other_service, name="Taken over")).status_code == 403
    assert client.post(check_url).status_code == 403
    other_service.refresh_from_db()
    assert other_service.name == "Another group's service"
    assert not ServiceChange.objects.exists()


def test_partner_list_shows_only_their_own_services(client, partner, other_service):
    own = owned_service(partner.organisation, name="Our own drop-in")
    client.force_login(partner)

    page = client.get(reverse("directory:staff_service_list")).content.decode()

    assert own.name in page
    assert other_service.name not in page


def test_partner_cannot_put_a_service_under_another_organisation(client, partner, other_service, walsall):
    client.force_login(partner)

    response = client.post(
        reverse("directory:staff_service_create"),
        form_data(name="Sneaky", description="x", organization=str(other_service.organization_id)),
    )

    assert response.status_code == 200
    assert "Select an organisation from the list" in response.content.decode()
    assert not ServiceChange.objects.exists()


def test_partner_cannot_approve_changes(client, partner):
    change = ServiceChangeFactory(service=owned_service(partner.organisation))
    client.force_login(partner)

    assert client.get(reverse("directory:staff_approval_list")).status_code == 403
    response = client.post(reverse("directory:staff_approval_detail", args=[change.pk]), {"decision": "approve"})

    assert response.status_code == 403
    change.refresh_from_db()
    assert change.status == ServiceChange.Status.PENDING
