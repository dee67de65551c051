import pytest
from django.urls import reverse

from casework import selectors
from casework.tests.factories import ReportFactory, caseworker

pytestmark = pytest.mark.django_db


def test_the_queue_shows_fifty_rows_a_page_and_every_row_on_some_page(client):
    worker = caseworker()
    made = {ReportFactory(strands=["hate"]).reference for _ in range(selectors.QUEUE_PAGE_SIZE + 7)}
    client.force_login(worker)

    first = client.get(reverse("casework:queue"))
    second = client.get(reverse("casework:queue"), {"page": "2"})

    assert first.context["page"].total == len(made)
    assert len(first.context["rows"]) == selectors.QUEUE_PAGE_SIZE
    assert len(second.context["rows"]) == 7
    assert {row.reference for row in first.context["rows"] + second.context["rows"]} == made
    assert "Page 1 of 2" in first.content.decode()


@pytest.mark.parametrize("page", ["abc", "-3", "999", "1e9", "٣"])
def test_an_odd_page_number_shows_a_page_not_an_error(client, page):
    ReportFactory(strands=["hate"])
    client.force_login(caseworker())

    response = client.get(reverse("casework:queue"), {"page": page})

    assert response.status_code == 200
    assert len(response.context["rows"]) == 1


def test_possible_duplicates_are_flagged_on_the_page_shown(client):
    worker = caseworker()
    first = ReportFactory(strands=["hate"], contact_email="same.person@example.test")
    second = ReportFactory(strands=["hate"], contact_email="Same.Person@example.test")
    client.force_login(worker)

    rows = {row.reference: row for row in client.get(reverse("casework:queue")).context["rows"]}

    assert rows[first.reference].duplicates == [second.reference]
