"""The pages' words match what they show: ward boundaries no longer current, staff seeing small
counts, how ward figures differ from neighbourhood ones, and which sources a page uses."""

import html as html_lib

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from insights.models import IndexChange
from insights.selectors import segregation as selectors
from insights.services import segregation

pytestmark = pytest.mark.django_db

PALFREY = "E05001311"
NOTICE = "Walsall's wards were redrawn for the May 2026 elections"
STAFF = "You can see counts under 5 because you are signed in as staff. Do not publish them."


@pytest.fixture
def computed(walsall):
    segregation.indices_recompute(iterations=2)


def text(client, url, **query):
    return html_lib.unescape(client.get(url, query).content.decode())


def test_every_ward_page_says_the_2004_2026_wards_are_no_longer_current(client, computed):
    assert NOTICE in text(client, reverse("insights:ward_profile", kwargs={"gss_code": PALFREY}))
    assert NOTICE in text(client, reverse("insights:area_map", kwargs={"geography": "ward", "measure": "lq-asian"}))
    assert NOTICE in text(client, reverse("insights:overview"))
    assert NOTICE in text(client, reverse("insights:asb_trends"))
    lsoa_map = text(client, reverse("insights:area_map", kwargs={"geography": "lsoa", "measure": "lq-asian"}))
    assert NOTICE not in lsoa_map  # neighbourhoods are not wards


def test_staff_are_told_they_see_counts_under_5_on_the_profile_and_the_public_is_not(client, computed):
    url = reverse("insights:ward_profile", kwargs={"gss_code": PALFREY})
    public = text(client, url)
    assert STAFF not in public
    assert "Counts under 5 are not shown" in public

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    staff = text(client, url)
    assert STAFF in staff
    assert "Counts under 5 are not shown" not in staff
    assert STAFF in text(client, reverse("insights:area_map", kwargs={"geography": "lsoa", "measure": "share-other"}))


def test_the_maup_note_says_ward_figures_show_less_segregation_and_higher_exposure(client, computed):
    html = text(client, reverse("insights:segregation"))

    assert "Ward figures usually show less segregation than neighbourhood (LSOA) figures" in html
    assert "higher exposure" in html
    assert "Ward figures are usually lower" not in html


def test_a_fall_in_exposure_is_a_smaller_share_of_other_groups(computed):
    change = IndexChange(
        group="Asian", index="exposure", value_2011=0.6, value_2021=0.55, difference=-0.05, p_value=0.5
    )

    sentence = selectors.change_sentence(change, "Asian")

    assert "lived in neighbourhoods with a smaller share of other groups in 2021 than in 2011" in sentence
    assert "fewer people" not in sentence


def test_2021_maps_do_not_list_2011_output_areas_among_their_sources(client, computed):
    html = text(client, reverse("insights:area_map", kwargs={"geography": "ward", "measure": "share-asian"}))

    assert "Wards: the sums of their neighbourhoods (LSOAs) by the ONS best-fit lookup." in html
    assert "Output areas" not in html
    assert "Output areas: 2011 only." in text(client, reverse("insights:segregation"))
