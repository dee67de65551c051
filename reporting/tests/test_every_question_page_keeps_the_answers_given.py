import re

import pytest
from django.urls import reverse

from reporting.steps import STEPS

from .journey import errors_in, step_url, walk

pytestmark = pytest.mark.django_db


def test_going_back_to_any_page_shows_the_answer_already_given(client, walsall):
    walk(client)

    for step in STEPS:
        page = client.get(step_url(step.slug))
        assert page.status_code == 200, step.slug
        assert 'class="govuk-back-link"' in page.content.decode()
    assert "SYNTHETIC-ACCOUNT" in client.get(step_url("what-happened")).content.decode()
    assert 'value="2026"' in client.get(step_url("when")).content.decode()


def test_a_later_page_cannot_be_opened_before_the_earlier_ones_are_answered(client, db):
    response = client.get(step_url("what-happened"))

    assert response.status_code == 302
    assert response["Location"] == step_url("who")


def typed_date(day, month, year):
    return {"incident_date_day": day, "incident_date_month": month, "incident_date_year": year}


def test_a_wrong_date_is_named_and_what_was_typed_stays(client, walsall):
    walk(client)

    response = client.post(step_url("when"), {"when": "date", **typed_date("31", "2", "2026")})

    assert response.status_code == 200
    assert errors_in(response) == ["The date it happened must be a real date"]
    assert 'value="31"' in response.content.decode()


@pytest.mark.parametrize(
    ("date", "message", "first_box_at_fault"),
    [
        (typed_date("", "", ""), "Enter the date it happened", "id_incident_date"),
        (typed_date("3", "", "2026"), "The date it happened must include a month", "id_incident_date_month"),
        (typed_date("", "", "2026"), "The date it happened must include a day and month", "id_incident_date"),
        (typed_date("3", "4", "26"), "Year must include 4 numbers", "id_incident_date_year"),
        (typed_date("3", "4", "2999"), "The date it happened must be today or in the past", "id_incident_date"),
        (typed_date("3", "4", "1899"), "The date it happened must be between 1900 and 2100", "id_incident_date_year"),
    ],
)
def test_date_errors_use_the_govuk_wording_and_lead_to_the_first_box_at_fault(
    client, walsall, date, message, first_box_at_fault
):
    walk(client)

    response = client.post(step_url("when"), {"when": "date", **date})

    assert errors_in(response) == [message]
    assert f'<a href="#{first_box_at_fault}">{message}</a>' in response.content.decode()


@pytest.mark.parametrize(
    ("when", "date", "message"),
    [
        ("ongoing", typed_date("", "", ""), None),
        ("ongoing", typed_date("3", "", "2026"), "The date it happened must include a month"),
        ("unknown", typed_date("3", "", "2026"), None),
        ("unknown", typed_date("31", "2", "2999"), None),
    ],
)
def test_the_date_is_optional_when_it_is_still_happening_and_ignored_when_not_known(
    client, walsall, when, date, message
):
    walk(client)

    response = client.post(step_url("when"), {"when": when, **date})

    if message:
        assert errors_in(response) == [message]
    else:
        assert response.status_code == 302, errors_in(response)


def test_check_your_answers_gives_the_date_in_words(client, walsall):
    walk(client)

    html = client.get(reverse("reporting:check_answers")).content.decode()

    assert re.search(r">\s*Date\s*</dt>\s*<dd[^>]*>\s*3 February 2026\s*<", html)


def test_a_missing_answer_is_named_in_the_error_summary_and_by_the_question(client, db):
    client.get(reverse("reporting:begin"))

    response = client.post(step_url("who"), {})

    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_reporter_role">Select who is making this report</a>' in html
    assert 'id="id_reporter_role"' in html


def test_contact_details_are_checked_for_a_confidential_reporter(client, walsall):
    walk(client)

    response = client.post(
        step_url("contact"),
        {"contact_preference": "confidential", "contact_method": "email", "contact_email": "not-an-email"},
    )

    assert errors_in(response) == ["Enter an email address in the correct format, like name@example.com"]
    assert 'value="not-an-email"' in response.content.decode()


def test_changing_an_answer_returns_to_check_your_answers(client, walsall):
    walk(client)

    response = client.post(step_url("what-happened") + "?change=1", {"account": "SYNTHETIC changed account"})

    assert response["Location"] == reverse("reporting:check_answers")
    assert "SYNTHETIC changed account" in client.get(reverse("reporting:check_answers")).content.decode()


def test_changing_asb_to_hate_crime_asks_the_hostility_question_next(client, walsall):
    from .journey import answers

    walk(client, answers(what={"what": "asb"}))

    response = client.post(step_url("what") + "?change=1", {"what": "both"})

    assert response["Location"] == step_url("hostility") + "?change=1"
