import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from buddies.models import Volunteer

from .factories import VolunteerFactory, pledge_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(client):
    user = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], organisation=pledge_organisation("Caldmore Forum"))
    client.force_login(user)
    return user


def volunteer_form(**changes):
    return {
        "organisation": "",
        "full_name": "Ewa Nowicka",
        "email": "ewa@example.test",
        "phone": "",
        "role": "befriending_adults",
        "languages": ["pl", "en"],
        "postcode": "",
        "availability": ["sat_morning"],
        "gender": "woman",
        "capacity": "2",
        "max_travel_km": "4",
        **changes,
    }


def test_a_partner_sees_only_their_own_organisations_volunteers(client, partner):
    own = VolunteerFactory(organisation=partner.organisation)
    other = VolunteerFactory()

    listing = client.get(reverse("buddies:volunteer_list")).content.decode()

    assert own.user.full_name in listing
    assert other.user.full_name not in listing
    assert client.get(reverse("buddies:volunteer_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("buddies:volunteer_detail", args=[other.pk])).status_code == 403
    # Partners put forward; the coordinator does the checks.
    assert client.get(reverse("buddies:volunteer_step", args=[own.pk, "references"])).status_code == 403


def test_a_partner_of_a_pledge_organisation_puts_a_volunteer_forward(client, partner, walsall):
    response = client.post(
        reverse("buddies:volunteer_create"),
        volunteer_form(organisation=str(partner.organisation.pk), postcode="ws1 1tp"),
    )

    volunteer = Volunteer.objects.get()
    assert response.status_code == 302
    assert volunteer.organisation == partner.organisation
    assert volunteer.put_forward_by == partner
    assert volunteer.user.roles == {Role.VOLUNTEER}
    assert not volunteer.user.has_usable_password()  # they set it through "forgotten password"
    assert volunteer.latitude is not None and volunteer.ward_code
    assert volunteer.stage_changes.get().stage == Volunteer.Stage.APPLIED


def test_a_double_submit_puts_the_volunteer_forward_once_and_shows_them(client, partner, walsall):
    key = client.get(reverse("buddies:volunteer_create")).context["form"]["idempotency_key"].value()
    data = volunteer_form(organisation=str(partner.organisation.pk), postcode="WS1 1TP", idempotency_key=str(key))

    first = client.post(reverse("buddies:volunteer_create"), data)
    second = client.post(reverse("buddies:volunteer_create"), data)

    volunteer = Volunteer.objects.get()
    assert first.url == second.url == reverse("buddies:volunteer_detail", args=[volunteer.pk])


def test_a_mangled_form_key_is_no_error_for_the_person(client, partner, walsall):
    data = volunteer_form(organisation=str(partner.organisation.pk), postcode="WS1 1TP", idempotency_key="not-a-key")

    assert client.post(reverse("buddies:volunteer_create"), data).status_code == 302
    assert Volunteer.objects.count() == 1


def test_errors_keep_what_was_typed(client, partner):
    response = client.post(
        reverse("buddies:volunteer_create"),
        volunteer_form(organisation=str(partner.organisation.pk), postcode="NOT A POSTCODE", languages=[]),
    )

    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select at least one language" in page
    assert "Enter a Walsall postcode" in page
    assert 'value="Ewa Nowicka"' in page
    assert not Volunteer.objects.exists()


def test_a_partner_without_an_active_pledge_cannot_put_anyone_forward(client):
    client.force_login(UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], organisation=OrganisationFactory()))

    assert client.get(reverse("buddies:volunteer_create")).status_code == 403


def test_staff_reading_a_volunteer_record_is_audited(client):
    volunteer = VolunteerFactory()
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    client.force_login(coordinator)

    client.get(reverse("buddies:volunteer_detail", args=[volunteer.pk]))

    entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(volunteer.pk)).get()
    assert entry.actor == coordinator
    assert entry.additional_data["reason"] == "Volunteer record viewed"
