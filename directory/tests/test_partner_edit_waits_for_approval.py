import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.models import ServiceChange
from directory.tests.editing import form_data
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])


@pytest.fixture
def council_editor():
    return UserFactory(roles=[Role.INTEGRATION_OFFICER])


def public_page(client, service):
    client.logout()
    return client.get(reverse("directory:service_detail", args=[service.pk])).content.decode()


def test_partner_change_waits_and_the_public_page_is_unchanged(client, partner, walsall):
    service = owned_service(partner.organisation, name="Chat and practise English")
    public_page(client, service)  # cached for anonymous visitors, as in production
    client.force_login(partner)

    response = client.post(
        reverse("directory:staff_service_edit", args=[service.pk]),
        form_data(service, name="English conversation café", phone="01922 654321"),
    )

    assert response.status_code == 302
    change = ServiceChange.objects.get()
    assert change.status == ServiceChange.Status.PENDING
    assert change.proposed_by == partner
    assert change.proposed["name"] == "English conversation café"
    service.refresh_from_db()
    assert service.name == "Chat and practise English"
    assert "English conversation café" not in public_page(client, service)


def test_partner_sees_the_status_of_their_change(client, partner, walsall):
    service = owned_service(partner.organisation)
    client.force_login(partner)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="New name"))

    page = client.get(reverse("directory:staff_service_list")).content.decode()

    assert "Waiting for approval" in page
    assert "Change waiting for approval" in page


def test_approval_publishes_the_change_and_counts_as_checked(
    client, partner, council_editor, walsall, fake_notify, django_capture_on_commit_callbacks
):
    old_check = timezone.localdate() - datetime.timedelta(days=120)
    service = owned_service(partner.organisation, name="Chat and practise English", assured_date=old_check)
    assert "Chat and practise English" in public_page(client, service)
    client.force_login(partner)
    client.post(
        reverse("directory:staff_service_edit", args=[service.pk]),
        form_data(service, name="English conversation café", opens_FR="10:00", closes_FR="12:00"),
    )
    change = ServiceChange.objects.get()
    client.force_login(council_editor)

    queue = client.get(reverse("directory:staff_approval_detail", args=[change.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("directory:staff_approval_detail", args=[change.pk]), {"decision": "approve"})

    assert response.status_code == 302
    assert "Chat and practise English" in queue and "English conversation café" in queue
    assert "Friday 10:00 to 12:00" in queue
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (ServiceChange.Status.APPROVED, council_editor)
    service.refresh_from_db()
    assert service.name == "English conversation café"
    assert service.assured_date == timezone.localdate()
    page = public_page(client, service)
    assert "English conversation café" in page
    assert "10:00 to 12:00" in page
    assert [message["email_address"] for message in fake_notify.sent] == [partner.email]
    assert fake_notify.sent[0]["personalisation"]["outcome"] == "approved and published"


def test_rejection_keeps_the_service_and_tells_the_partner_why(client, partner, council_editor, walsall, fake_notify):
    service = owned_service(partner.organisation, name="Chat and practise English")
    client.force_login(partner)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="Wrong name"))
    change = ServiceChange.objects.get()
    client.force_login(council_editor)

    missing_reason = client.post(reverse("directory:staff_approval_detail", args=[change.pk]), {"decision": "reject"})
    client.post(
        reverse("directory:staff_approval_detail", args=[change.pk]),
        {"decision": "reject", "reason": "The group meets at the library now, not the hall."},
    )

    assert "Enter why you are rejecting the change" in missing_reason.content.decode()
    change.refresh_from_db()
    assert change.status == ServiceChange.Status.REJECTED
    service.refresh_from_db()
    assert service.name == "Chat and practise English"
    client.force_login(partner)
    assert (
        "The group meets at the library now, not the hall."
        in client.get(reverse("directory:staff_service_list")).content.decode()
    )
    assert fake_notify.sent[0]["personalisation"]["reason"] == "The group meets at the library now, not the hall."


def test_a_decided_change_cannot_be_decided_again(client, partner, council_editor, walsall, fake_notify):
    service = owned_service(partner.organisation, name="Original")
    client.force_login(partner)
    client.post(reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, name="Proposed"))
    change = ServiceChange.objects.get()
    client.force_login(council_editor)
    url = reverse("directory:staff_approval_detail", args=[change.pk])

    client.post(url, {"decision": "reject", "reason": "Not right"})
    client.post(url, {"decision": "approve"})

    service.refresh_from_db()
    assert service.name == "Original"
    change.refresh_from_db()
    assert change.status == ServiceChange.Status.REJECTED
    assert len(fake_notify.sent) == 1


def test_partner_proposes_a_new_service_that_appears_once_approved(
    client, partner, council_editor, walsall, fake_notify
):
    client.force_login(partner)
    response = client.post(
        reverse("directory:staff_service_create"),
        form_data(
            name="Homework club",
            description="Help with homework for children new to English.",
            organization=f"own:{partner.organisation_id}",
            address_1="1 Bridge Street",
            postcode="WS1 1TP",
        ),
    )
    assert response.status_code == 302
    change = ServiceChange.objects.get()
    assert change.service is None

    client.force_login(council_editor)
    client.post(reverse("directory:staff_approval_detail", args=[change.pk]), {"decision": "approve"})

    change.refresh_from_db()
    service = change.service
    assert service.name == "Homework club"
    assert service.organization.owner == partner.organisation
    location = service.service_at_locations.get().location
    assert (location.latitude, location.longitude) == pytest.approx((52.58555, -1.98242))  # WS1 1TP
    assert location.ward_code
    client.force_login(partner)
    assert client.get(reverse("directory:staff_service_edit", args=[service.pk])).status_code == 200
