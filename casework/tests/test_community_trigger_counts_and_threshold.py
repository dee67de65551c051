import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role
from casework import services
from casework.models import CaseReview
from casework.tests.factories import ReportFactory, caseworker, open_case
from reporting.models import Message

pytestmark = pytest.mark.django_db


def asb_report(days_ago=10, incident_days_before=2, **kwargs):
    submitted = timezone.now() - datetime.timedelta(days=days_ago)
    return ReportFactory(
        strands=kwargs.pop("strands", ["asb"]),
        characteristics=[],
        submitted_at=submitted,
        incident_date=submitted.date() - datetime.timedelta(days=incident_days_before),
        **kwargs,
    )


@pytest.fixture
def officer():
    return caseworker(role=Role.ASB_OFFICER)


def test_three_complaints_in_six_months_qualify_and_the_applicant_is_told(officer):
    earlier = open_case(by=officer, report=asb_report(days_ago=120))
    case = open_case(by=officer, report=asb_report(days_ago=60))
    services.case_link_earlier(case=case, earlier=earlier)
    assert not CaseReview.objects.exists()
    latest = asb_report(days_ago=1)

    services.case_add_report(case=case, report=latest, by=officer)

    review = CaseReview.objects.get(case=case)
    assert review.qualifying_complaints == 3
    assert review.applicant_report == latest
    assert review.applicant_told_at is not None
    told = Message.objects.get(report=latest)
    assert told.author_side == "caseworker"
    assert "case review" in told.body


def test_old_and_late_complaints_do_not_count(officer):
    case = open_case(by=officer, report=asb_report(days_ago=1))
    services.case_add_report(case=case, report=asb_report(days_ago=200), by=officer)  # outside six months
    services.case_add_report(case=case, report=asb_report(days_ago=5, incident_days_before=60), by=officer)  # late

    assert services.qualifying_complaints(case) == 1
    assert not CaseReview.objects.exists()


def test_the_threshold_is_a_setting(officer, settings):
    settings.CASEWORK_CASE_REVIEW_THRESHOLD = 2
    case = open_case(by=officer, report=asb_report())

    services.case_add_report(case=case, report=asb_report(), by=officer)

    assert CaseReview.objects.filter(case=case).exists()


@pytest.mark.parametrize(
    ("policy", "count", "qualifies"), [("count", 2, False), ("ignore", 1, False), ("trigger", 3, True)]
)
def test_hate_incidents_count_as_local_policy_says(officer, settings, policy, count, qualifies):
    settings.CASEWORK_CASE_REVIEW_HATE_INCIDENTS = policy
    case = open_case(by=officer, report=asb_report())
    hate = asb_report(strands=["hate"])
    from casework.models import CaseReport

    CaseReport.objects.create(case=case, report=hate)

    assert services.qualifying_complaints(case) == count
    assert (services.case_review_check(case=case) is not None) == qualifies


def test_the_review_deadlines_are_tracked_in_working_days(officer, settings):
    settings.CASEWORK_CASE_REVIEW_THRESHOLD = 1
    case = open_case(by=officer, report=asb_report())
    review = services.case_review_check(case=case)
    applied = timezone.make_aware(datetime.datetime(2026, 11, 2, 9))  # a Monday

    services.case_review_apply(review=review, now=applied)
    services.case_review_decide(review=review, threshold_met=True, decision="SYNTHETIC: met")

    review.refresh_from_db()
    assert review.threshold_decision_by == datetime.date(2026, 11, 16)
    assert review.outcome_by == datetime.date(2026, 12, 7)
    assert review.stage == CaseReview.Stage.THRESHOLD_MET


def test_where_one_hate_incident_triggers_a_review_opening_its_case_tells_the_applicant(officer, settings):
    settings.CASEWORK_CASE_REVIEW_HATE_INCIDENTS = "trigger"
    report = asb_report(strands=["hate"])

    case = open_case(by=officer, report=report)

    assert CaseReview.objects.get(case=case).applicant_report == report
    assert Message.objects.filter(report=report, author_side="caseworker").exists()
