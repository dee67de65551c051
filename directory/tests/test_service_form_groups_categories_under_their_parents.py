import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.models import ServiceChange
from directory.taxonomy import load_walsall_taxonomy, term_id
from directory.tests.editing import form_data
from directory.tests.factories import owned_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(client):
    load_walsall_taxonomy()
    user = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    client.force_login(user)
    return user


def category_fieldsets(page):
    soup = BeautifulSoup(page, "html.parser")
    return {
        fieldset.legend.get_text(strip=True): [label.get_text(strip=True) for label in fieldset.find_all("label")]
        for fieldset in soup.find_all("fieldset")
        if fieldset.find("input", attrs={"name": "categories"})
    }


def test_each_top_level_category_is_a_fieldset_with_its_children(client, partner, walsall):
    service = owned_service(partner.organisation)

    page = client.get(reverse("directory:staff_service_edit", args=[service.pk])).content.decode()

    groups = category_fieldsets(page)
    assert groups["Learning English"] == [
        "Learning English in general",
        "ESOL classes",
        "English conversation clubs",
    ]
    assert len(groups) > 10
    assert "– ESOL classes" not in page  # no flat list with dashes any more


def test_a_child_ticked_without_javascript_is_kept_and_sent(client, partner, walsall):
    service = owned_service(partner.organisation)
    clubs = str(term_id("conversation-clubs"))

    response = client.post(
        reverse("directory:staff_service_edit", args=[service.pk]), form_data(service, categories=[clubs])
    )

    assert response.status_code == 302
    assert ServiceChange.objects.get().proposed["categories"] == [clubs]


def test_no_category_links_the_error_to_the_first_box_and_keeps_the_rest(client, partner, walsall):
    service = owned_service(partner.organisation)

    response = client.post(
        reverse("directory:staff_service_edit", args=[service.pk]),
        form_data(service, categories=[], name="Kept name"),
    )

    page = response.content.decode()
    assert 'href="#id_categories"' in page
    assert re.search(r'<input[^>]*id="id_categories"[^>]*name="categories"', page)
    assert 'value="Kept name"' in page
    ids = re.findall(r'id="(id_categories[^"]*)"', page)
    assert len(ids) == len(set(ids))
