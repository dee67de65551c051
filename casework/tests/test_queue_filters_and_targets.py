import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from casework import policy, selectors, services
from casework.tests.factories import ReportFactory, caseworker, open_case

pytestmark = pytest.mark.django_db


def references(rows):
    return {row.reference for row in rows}


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def test_hate_reports_are_acknowledged_within_one_working_day_others_within_five():
    friday = datetime.date(2026, 11, 20)
    hate = ReportFactory(strands=["hate"], submitted_at=at(friday))
    asb = ReportFactory(strands=["asb"], characteristics=[], submitted_at=at(friday))
    asb_not_safe = ReportFactory(strands=["asb"], safe_now="no", submitted_at=at(friday))

    assert policy.acknowledge_by(hate) == datetime.date(2026, 11, 23)  # Monday: the weekend is skipped
    assert policy.acknowledge_by(asb) == datetime.date(2026, 11, 27)
    assert policy.acknowledge_by(asb_not_safe) == datetime.date(2026, 11, 23)


def test_working_days_skip_bank_holidays():
    assert policy.add_working_days(datetime.date(2026, 12, 24), 1) == datetime.date(2026, 12, 29)


def test_a_new_report_is_new_then_awaiting_triage_once_a_case_is_opened():
    worker = caseworker()
    report = ReportFactory()
    assert [row.stage for row in selectors.queue(worker, stage="new")] == ["new"]

    case = services.case_open(report=report, by=worker)

    assert selectors.queue(worker, stage="new") == []
    assert references(selectors.queue(worker, stage="awaiting_triage")) == {case.reference}
    report.refresh_from_db()
    assert report.status == "being_assessed"
    assert report.handler_role == Role.HATE_CRIME_CASEWORKER


def test_overdue_shows_reports_not_acknowledged_in_time():
    worker = caseworker()
    late = ReportFactory(submitted_at=timezone.now() - datetime.timedelta(days=10))
    ReportFactory()

    rows = selectors.queue(worker, stage="overdue")

    assert references(rows) == {late.reference}


def test_filters_by_risk_ward_and_strand():
    worker = caseworker()
    high = open_case(by=worker, ward_code="E05001234", characteristics=["religion"])
    services.risk_assess(case=high, repeat=2, vulnerability=2, escalation=2, impact=2, notes="", by=worker)
    low = open_case(by=worker, ward_code="E05009999", characteristics=["disability"])
    services.risk_assess(case=low, repeat=0, vulnerability=0, escalation=0, impact=0, notes="", by=worker)

    assert references(selectors.queue(worker, risk="high")) == {high.reference}
    assert references(selectors.queue(worker, ward="E05009999")) == {low.reference}
    assert references(selectors.queue(worker, strand="religion")) == {high.reference}
    assert selectors.queue(worker)[0].reference == high.reference  # high risk first


def test_asb_officers_see_asb_reports_and_caseworkers_hate_reports():
    hate = ReportFactory(strands=["hate"])
    asb = ReportFactory(strands=["asb"], characteristics=[])
    hate_worker = caseworker()
    asb_officer = caseworker(role=Role.ASB_OFFICER)

    assert references(selectors.queue(hate_worker)) == {hate.reference}
    assert references(selectors.queue(asb_officer)) == {asb.reference}


def test_the_queue_page_filters_and_flags(client):
    worker = caseworker()
    case = open_case(by=worker)
    services.risk_assess(case=case, repeat=2, vulnerability=2, escalation=2, impact=2, notes="", by=worker)
    client.force_login(worker)

    page = client.get(reverse("casework:queue"), {"risk": "high"}).content.decode()
    assert case.reference in page
    assert "High" in page
    assert client.get(reverse("casework:queue"), {"risk": "low"}).content.decode().count(case.reference) == 0
    assert client.get(reverse("casework:queue"), {"ward": "not-a-ward"}).status_code == 200


def test_a_case_links_earlier_cases_so_repeat_victimisation_shows():
    worker = caseworker()
    earlier = open_case(by=worker)
    later = open_case(by=worker)

    services.case_link_earlier(case=later, earlier=earlier)

    row = next(row for row in selectors.queue(worker) if row.reference == later.reference)
    assert row.repeat
