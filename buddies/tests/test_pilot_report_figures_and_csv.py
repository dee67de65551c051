import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import report
from buddies.models import BuddyRequest, Meeting, SurveyResponse

from .factories import (
    BuddyRequestFactory,
    accepted_match,
    cleared_volunteer,
    ended_match,
    place_of_welcome,
    pledge_organisation,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def request_waited(days, **kwargs):
    request = BuddyRequestFactory(**kwargs)
    created = timezone.now() - datetime.timedelta(days=days)
    matched = timezone.now() if kwargs.get("status") == BuddyRequest.Status.MATCHED else None
    BuddyRequest.objects.filter(pk=request.pk).update(created_at=created, matched_at=matched)
    request.refresh_from_db()
    return request


@pytest.fixture
def pilot():
    forum = pledge_organisation("Caldmore Forum")
    hall = place_of_welcome(name="St Matthew's Hall")
    matched = request_waited(10, status=BuddyRequest.Status.MATCHED, languages=["pl", "en"], ward_code="E05001316")
    match = accepted_match(request=matched, volunteer=cleared_volunteer(organisation=forum), place=hall)
    Meeting.objects.create(
        match=match, met_on=timezone.localdate(), duration_minutes=60, outcomes=["practised_english"]
    )
    Meeting.objects.create(
        match=match, met_on=timezone.localdate(), duration_minutes=30, outcomes=["practised_english", "social"]
    )
    ended = ended_match(request=request_waited(4, status=BuddyRequest.Status.CLOSED, languages=["ur"]))
    SurveyResponse.objects.create(match=ended, respondent="volunteer", rating=5, feels_more_connected=True)
    SurveyResponse.objects.create(match=ended, respondent="newcomer", rating=4, feels_more_connected=False)
    for days in (1, 2, 30):
        request_waited(days, languages=["pl"])
    return {"forum": forum, "hall": hall}


def by_group(rows):
    return {row["group"]: row for row in rows}


def test_the_report_counts_requests_waits_matches_meetings_outcomes_and_surveys(pilot):
    figures = report.pilot_report(ward_names={"E05001316": "St Matthew's"}, language_names={"pl": "Polish"})

    (everything,) = figures["all"]
    assert everything["requests"] == 5
    assert everything["matches"] == 2
    assert everything["meetings"] == 2
    assert everything["outcomes"] == {"practised_english": 2, "signposted": 0, "social": 1}
    # Waits in days: 10 to the match; 4, 1, 2 and 30 to today (no match date recorded).
    assert everything["waiting_days_median"] == pytest.approx(4.0, abs=0.1)
    assert everything["waiting_days_p90"] == pytest.approx(
        22.0, abs=0.1
    )  # numpy's linear 90th percentile of 1,2,4,10,30
    assert everything["survey_responses"] == 2
    assert everything["survey_mean_rating"] == 4.5
    assert everything["survey_feel_more_connected"] == 1

    organisations = by_group(figures["organisation"])
    assert organisations["Caldmore Forum"]["matches"] == 1
    assert organisations["Caldmore Forum"]["meetings"] == 2
    assert organisations["Not matched yet"]["requests"] == 3
    assert by_group(figures["venue"])["St Matthew's Hall"]["meetings"] == 2
    assert by_group(figures["ward"])["St Matthew's"]["requests"] == 1
    polish = by_group(figures["language"])["Polish"]
    assert polish["requests"] == 4
    assert polish["waiting_days_median"] == pytest.approx(6.0, abs=0.1)


def test_the_page_and_the_csv_show_the_same_figures(client, pilot):
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))

    page = client.get(reverse("buddies:report")).content.decode()
    response = client.get(reverse("buddies:report_csv"))

    assert "St Matthew&#x27;s Hall" in page and "Caldmore Forum" in page
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == report.CSV_HEADER
    assert all(name == name.lower() and " " not in name for name in report.CSV_HEADER)
    everything = next(row for row in rows if row["dimension"] == "all")
    assert (everything["requests"], everything["matches"], everything["meetings"]) == ("5", "2", "2")
    assert everything["outcome_practised_english"] == "2"
    assert {row["dimension"] for row in rows} == {"all", "organisation", "venue", "ward", "language"}


def test_matches_without_a_place_of_welcome_are_not_counted_as_unmatched():
    accepted_match(request=request_waited(3, status=BuddyRequest.Status.MATCHED))
    request_waited(5)

    venues = by_group(report.pilot_report()["venue"])

    assert venues["No Place of Welcome"]["matches"] == 1
    assert venues["Not matched yet"]["requests"] == 1
    assert venues["Not matched yet"]["matches"] == 0
