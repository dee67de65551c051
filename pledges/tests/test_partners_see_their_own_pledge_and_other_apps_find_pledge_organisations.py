import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from pledges import selectors
from pledges.models import Pledge
from pledges.tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def test_a_partner_sees_only_their_organisations_pledge(client):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    own = PledgeFactory(organisation=partner.organisation)
    other = PledgeFactory()
    client.force_login(partner)

    listing = client.get(reverse("pledges:staff_pledge_list")).content.decode()
    assert own.public_name in listing and other.public_name not in listing
    page = client.get(reverse("pledges:staff_pledge_detail", args=[own.pk])).content.decode()
    assert "Approve" not in page
    assert f'href="{reverse("buddies:volunteer_create")}"' in page
    assert f'href="{reverse("buddies:volunteer_list")}"' in page
    assert client.get(reverse("pledges:staff_pledge_detail", args=[other.pk])).status_code == 403
    assert client.get(reverse("pledges:staff_pledge_action", args=[own.pk, "renew"])).status_code == 403


def test_active_pledge_organisations_are_those_with_an_approved_in_date_pledge():
    today = timezone.localdate()
    active = PledgeFactory().organisation
    lapsed = PledgeFactory(signed_on=today - datetime.timedelta(days=400)).organisation
    pending = PledgeFactory(pending=True).organisation
    withdrawn = PledgeFactory(status=Pledge.Status.WITHDRAWN).organisation
    PledgeFactory(individual=True)

    assert list(selectors.active_pledge_organisations()) == [active]
    assert selectors.organisation_has_active_pledge(active)
    assert not any(selectors.organisation_has_active_pledge(org) for org in (lapsed, pending, withdrawn))


def test_a_public_signature_naming_a_partner_is_linked_only_when_an_officer_approves_it(client):
    from accounts.tests.factories import OrganisationFactory
    from pledges import services

    organisation = OrganisationFactory(name="Brookvale Homes")
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], organisation=organisation)
    pledge = services.pledge_submit(
        submission_key=uuid.uuid4(),
        kind="organisation",
        organisation_name="brookvale homes",
        contact_name="Someone Else",
        contact_email="someone@example.test",
        commitments=["buddies"],
    )
    assert pledge.organisation is None
    client.force_login(partner)
    assert client.get(reverse("pledges:staff_pledge_detail", args=[pledge.pk])).status_code == 403

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    form = client.get(reverse("pledges:staff_pledge_action", args=[pledge.pk, "approve"])).context["form"]
    assert form.initial["organisation"] == organisation
