import datetime

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
    assert "put forward volunteers" in page and "Approve" not in page
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
