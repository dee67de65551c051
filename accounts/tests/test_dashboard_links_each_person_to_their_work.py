import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def dashboard_links(client, user):
    client.force_login(user)
    page = BeautifulSoup(client.get(reverse("accounts:dashboard")).content, "html.parser")
    return {link["href"] for link in page.select("main a[href]")}


def test_a_buddy_coordinator_is_linked_to_the_scheme_and_not_to_sign_ups(client):
    page = dashboard_links(client, UserFactory(roles=[Role.BUDDY_COORDINATOR]))

    assert reverse("buddies:dashboard") in page
    assert reverse("buddies:report") in page
    assert reverse("signup:staff_overview") not in page


def test_a_volunteer_is_linked_only_to_their_own_matches(client):
    page = dashboard_links(client, UserFactory(roles=[Role.VOLUNTEER]))

    assert reverse("buddies:my_matches") in page
    assert reverse("buddies:dashboard") not in page
    assert reverse("directory:staff_service_list") not in page


def test_an_integration_officer_is_linked_to_sign_ups_pledges_and_the_directory(client):
    page = dashboard_links(client, UserFactory(roles=[Role.INTEGRATION_OFFICER]))

    for url_name in ("signup:staff_overview", "pledges:staff_pledge_list", "directory:staff_service_list"):
        assert reverse(url_name) in page
