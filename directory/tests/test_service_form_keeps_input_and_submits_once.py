import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.models import Service, ServiceChange
from directory.tests.editing import form_data
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


def test_errors_are_summarised_and_nothing_typed_is_lost(client, walsall):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    service = owned_service(partner.organisation)
    client.force_login(partner)
    data = form_data(
        service,
        name="",
        description="Weekly drop-in with tea and cake",
        postcode="ZZ9 9ZZ",
        address_1="12 Park Street",
        opens_TU="9am",
        closes_TU="12:00",
        opens_TH="14:00",
        cost="paid",
        fees="",
        languages=["pl", "ro"],
    )

    response = client.post(reverse("directory:staff_service_edit", args=[service.pk]), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    for message in [
        "Enter the name of the service",
        "We could not find ZZ9 9ZZ",
        "Enter a time in 24-hour format",
        "Enter the time it closes on Thursday",
        "Enter what the service costs",
    ]:
        assert message in page
    assert '<a href="#id_name">' in page
    for kept in ["Weekly drop-in with tea and cake", 'value="ZZ9 9ZZ"', 'value="12 Park Street"', 'value="9am"']:
        assert kept in page
    assert 'value="pl" checked' in page and 'value="ro" checked' in page
    assert data["idempotency_key"] in page
    assert not ServiceChange.objects.exists()


@pytest.mark.parametrize("role", [Role.PARTNER_ORGANISATION_USER, Role.INTEGRATION_OFFICER])
def test_the_same_form_sent_twice_makes_one_change(client, walsall, role, django_capture_on_commit_callbacks):
    editor = UserFactory(roles=[role])
    service = owned_service(editor.organisation, name="Before")
    client.force_login(editor)
    data = form_data(service, name="After")
    url = reverse("directory:staff_service_edit", args=[service.pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert ServiceChange.objects.count() == 1


def test_a_new_service_sent_twice_is_created_once(client, walsall):
    editor = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    organization = owned_service(editor.organisation).organization
    client.force_login(editor)
    data = form_data(name="Homework club", description="Help with homework", organization=str(organization.pk))

    client.post(reverse("directory:staff_service_create"), data)
    client.post(reverse("directory:staff_service_create"), data)

    assert Service.objects.filter(name="Homework club").count() == 1
