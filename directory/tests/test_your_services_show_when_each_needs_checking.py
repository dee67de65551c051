import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


def test_each_service_says_whether_it_is_up_to_date_due_soon_or_overdue(client):
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    today = timezone.localdate()
    owned_service(partner.organisation, name="Checked last week", assured_date=today - datetime.timedelta(days=7))
    owned_service(partner.organisation, name="Checked 85 days ago", assured_date=today - datetime.timedelta(days=85))
    owned_service(partner.organisation, name="Checked in the spring", assured_date=today - datetime.timedelta(days=150))
    owned_service(partner.organisation, name="Never checked", assured_date=None)
    client.force_login(partner)
    url = reverse("directory:staff_service_list")

    def names(status):
        page = client.get(url, {"status": status}).content.decode()
        return {name for name in ("last week", "85 days", "spring", "Never checked") if name in page}

    assert names("overdue") == {"spring", "Never checked"}
    assert names("due_soon") == {"85 days"}
    assert names("up_to_date") == {"last week"}
    found = client.get(url, {"q": "spring"}).content.decode()
    assert "Checked in the spring" in found and "Checked last week" not in found
    page = client.get(url).content.decode()
    assert page.index("Never checked") < page.index("spring") < page.index("85 days") < page.index("last week")


def test_the_staff_dashboard_links_editors_to_their_services(client):
    link = reverse("directory:staff_service_list")
    client.force_login(UserFactory(roles=[Role.PARTNER_ORGANISATION_USER]))
    assert link in client.get(reverse("accounts:dashboard")).content.decode()
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))
    assert link not in client.get(reverse("accounts:dashboard")).content.decode()
