import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from signup.models import SignUp
from welcome.models import PackIssue

from .factories import SignUpFactory, period_query

pytestmark = pytest.mark.django_db


def at(day, hour=0, minute=0, second=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute, second), tzinfo=timezone.get_current_timezone())


def signed_up(moment):
    signup = SignUpFactory()
    SignUp.objects.filter(pk=signup.pk).update(created_at=moment)


def pack_issued(moment):
    issue = PackIssue.objects.create(ward_code="E05001316", language="pl", format=PackIssue.Format.WEB)
    PackIssue.objects.filter(pk=issue.pk).update(issued_at=moment)


@pytest.fixture
def officer(client):
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    return client


# Summer time: midnight in Walsall is 23:00 UTC the day before.
SINCE, UNTIL = datetime.date(2026, 6, 1), datetime.date(2026, 6, 30)


def test_the_first_and_last_moments_of_the_period_count_and_the_moments_outside_do_not(officer):
    signed_up(at(SINCE))
    signed_up(at(UNTIL, 23, 59, 59))
    signed_up(at(SINCE) - datetime.timedelta(seconds=1))
    signed_up(at(UNTIL + datetime.timedelta(days=1)))
    pack_issued(at(SINCE))
    pack_issued(at(UNTIL, 23, 59, 59))
    pack_issued(at(SINCE) - datetime.timedelta(seconds=1))
    pack_issued(at(UNTIL + datetime.timedelta(days=1)))
    pack_issued(timezone.now())  # issued since the period ended: not in it

    figures = officer.get(reverse("signup:staff_overview"), period_query(SINCE, UNTIL)).context["figures"]

    assert figures.sign_ups == 2
    assert figures.packs_issued == 2


def test_the_csv_gives_the_same_figures_as_the_page(officer):
    signed_up(at(SINCE))
    pack_issued(at(UNTIL, 23, 59, 59))
    pack_issued(at(UNTIL + datetime.timedelta(days=1)))

    rows = officer.get(reverse("signup:staff_csv"), period_query(SINCE, UNTIL)).content.decode().splitlines()

    assert rows[1].split(",")[5] == "1"
    assert next(row for row in rows if ",packs_issued," in row).split(",")[5] == "1"


def test_a_one_day_period_counts_that_day(officer):
    signed_up(at(SINCE, 12))

    figures = officer.get(reverse("signup:staff_overview"), period_query(SINCE, SINCE)).context["figures"]

    assert figures.sign_ups == 1


@pytest.mark.parametrize(
    "query",
    [
        {"until_day": "31", "until_month": "12", "until_year": "9999"},
        {"since_day": "1", "since_month": "1", "since_year": "0001"},
        {"since_day": "45", "since_month": "13", "since_year": "2026"},
    ],
)
def test_far_or_impossible_dates_are_explained_not_a_server_error(officer, query):
    response = officer.get(reverse("signup:staff_overview"), query)

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert officer.get(reverse("signup:staff_csv"), query).status_code == 200


@pytest.mark.parametrize("value", ["²", "99999999999999999999999", "-1", "x"])
def test_an_odd_follow_up_id_on_the_officers_page_is_not_found_not_a_server_error(officer, value):
    signup = SignUpFactory()
    url = reverse("signup:staff_detail", kwargs={"reference": signup.reference})

    response = officer.post(url, {"follow_up": value})

    assert response.status_code == 404
