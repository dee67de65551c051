import csv
import datetime
import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from casework import selectors, services
from casework.models import Action
from casework.tests.factories import ReportFactory, action, caseworker, classify, open_case

pytestmark = pytest.mark.django_db


def test_a_report_counts_under_every_strand_and_characteristic_it_names():
    ReportFactory(strands=["hate", "asb"], characteristics=["race", "religion"], ward_code="E05001")
    ReportFactory(strands=["hate"], characteristics=["race"], ward_code="E05001")
    ReportFactory(strands=["asb"], characteristics=[], ward_code="E05002")

    figures = selectors.case_statistics()

    assert figures.total_reports == 3
    assert dict(figures.by_strand) == {"hate": 2, "asb": 2}
    assert dict(figures.by_characteristic) == {"race": 2, "religion": 1}
    assert {code: count for code, _name, count in figures.by_ward} == {"E05001": 2, "E05002": 1}


def test_repeat_victims_first_contact_and_referrals():
    worker = caseworker()
    submitted = timezone.now() - datetime.timedelta(hours=10)
    first = open_case(by=worker, report=ReportFactory(submitted_at=submitted, consents=["police"]))
    later = open_case(by=worker)
    services.case_link_earlier(case=later, earlier=first)
    services.case_message_send(
        case=first,
        report=first.case_reports.get().report,
        body="Hello",
        by=worker,
        idempotency_key=uuid.uuid4(),
    )
    referral = services.referral_make(case=first, recipient="police", by=worker)
    services.referral_record_outcome(referral=referral, status="completed", outcome="Charged")

    figures = selectors.case_statistics()

    assert figures.repeat_victim_cases == 1
    assert figures.first_contact_measured == 1
    assert figures.first_contact_hours_median == pytest.approx(10, abs=0.1)
    assert figures.referrals == [("police", "completed", 1)]


def test_the_page_and_csv_change_when_an_action_is_recorded(client):
    worker = caseworker()
    case = open_case(by=worker)
    classify(case)
    client.force_login(UserFactory(roles=[Role.AUDITOR], with_totp=True))

    before = client.get(reverse("casework:statistics")).content.decode()
    assert "0%" in before
    action(case, Action.Kind.POLICE_OUTCOME, police_outcome=1)
    after = client.get(reverse("casework:statistics")).content.decode()
    assert "100%" in after

    response = client.get(reverse("casework:statistics_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert ["positive action rate", "all", "", "1.000"] in rows
    assert ["actions", "police_outcome_1", "positive", "1"] in rows
    assert ["reports by strand", "hate", "", "1"] in rows
