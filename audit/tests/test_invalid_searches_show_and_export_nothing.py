"""A search the form refuses gives its error messages, never the whole unfiltered trail."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

FAR_FUTURE = {"date_to_day": 31, "date_to_month": 12, "date_to_year": 9999}


@pytest.fixture
def auditor_client(client):
    OrganisationFactory(name="An organisation in the trail")
    client.force_login(UserFactory(roles=[Role.AUDITOR], with_totp=True))
    return client


def test_a_year_far_in_the_future_is_explained_not_a_server_error(auditor_client):
    response = auditor_client.get(reverse("audit:log"), FAR_FUTURE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "To date must be between 2000 and 2100" in html


def test_a_year_before_2000_is_explained(auditor_client):
    html = auditor_client.get(
        reverse("audit:log"), {"date_from_day": 1, "date_from_month": 1, "date_from_year": 1999}
    ).content
    assert "From date must be between 2000 and 2100" in html.decode()


def test_an_invalid_search_lists_no_entries_and_offers_no_export(auditor_client):
    html = auditor_client.get(
        reverse("audit:log"), {"date_from_day": 31, "date_from_month": 2, "date_from_year": 2026}
    ).content
    html = html.decode()
    assert "From date must be a real date" in html
    assert "An organisation in the trail" not in html
    assert reverse("audit:log_export") not in html
    assert "govuk-table" not in html


def test_exporting_with_a_year_far_in_the_future_sends_back_to_the_search(auditor_client):
    response = auditor_client.get(reverse("audit:log_export"), FAR_FUTURE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("audit:log") + "?")
    assert "date_to_year=9999" in response.url
    assert not response.has_header("Content-Disposition")


def test_exporting_with_invalid_filters_gives_no_rows(auditor_client):
    response = auditor_client.get(reverse("audit:log_export"), {"action": "not-an-action"}, follow=True)
    html = response.content.decode()
    assert not response["Content-Type"].startswith("text/csv")
    assert "Select an action from the list" in html
    assert "An organisation in the trail" not in html


def test_a_valid_search_still_lists_and_exports(auditor_client):
    html = auditor_client.get(reverse("audit:log"), {"action": "create"}).content.decode()
    assert "An organisation in the trail" in html
    assert reverse("audit:log_export") in html
    response = auditor_client.get(reverse("audit:log_export"), {"action": "create"})
    assert response["Content-Type"].startswith("text/csv")
    assert "An organisation in the trail" in b"".join(response.streaming_content).decode()


def test_a_search_matching_nothing_still_says_so(auditor_client):
    html = auditor_client.get(reverse("audit:log"), {"who": "nobody-like-this@"}).content.decode()
    assert "0 entries" in html
    assert "No entries match these filters." in html
