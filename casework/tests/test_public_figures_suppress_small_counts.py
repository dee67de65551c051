import pytest
from django.urls import reverse

from casework import selectors
from casework.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_counts_under_5_and_those_that_would_reveal_them_are_hidden(walsall):
    wards = list(walsall.wards.values_list("gss_code", flat=True)[:3])
    for _ in range(7):
        ReportFactory(ward_code=wards[0], characteristics=["race"])
    for _ in range(6):
        ReportFactory(ward_code=wards[1], characteristics=["race", "religion"])
    for _ in range(2):
        ReportFactory(ward_code=wards[2], characteristics=["disability"])
    ReportFactory(strands=["asb"], characteristics=[], ward_code=wards[2])  # not hate: not counted

    figures = selectors.public_figures()

    by_ward = {code: count for code, _name, count in figures["by_ward"]}
    assert by_ward[wards[2]] is None
    shown = [count for count in by_ward.values() if count is not None]
    assert all(count >= 5 for count in shown)
    # The published total minus the shown wards never gives a hidden ward on its own: with the
    # total published, at least two ward cells are hidden together.
    assert figures["total"] == 15
    assert sum(count is None for count in by_ward.values()) >= 2
    assert sum(count for count in shown) + 2 == 15
    characteristics = dict(figures["by_characteristic"])
    assert characteristics == {"race": 13, "religion": 6, "disability": None}


def test_the_public_page_shows_no_small_number(client, walsall):
    ward = walsall.wards.first().gss_code
    for _ in range(3):
        ReportFactory(ward_code=ward, characteristics=["transgender"])

    page = client.get(reverse("casework:public_figures")).content.decode()

    assert "Hate crime reported in Walsall" in page
    assert "not shown" in page
    assert ">3<" not in page
