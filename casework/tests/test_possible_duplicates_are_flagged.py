import datetime

import pytest
from django.urls import reverse

from casework import selectors
from casework.tests.factories import ReportFactory, caseworker, open_case

pytestmark = pytest.mark.django_db


def flagged(report):
    return {other.reference for other, _why in selectors.possible_duplicates([report]).get(report.pk, [])}


def test_reports_with_the_same_contact_are_flagged_whatever_the_spacing():
    first = ReportFactory(contact_preference="confidential", contact_email="Victim@Example.test")
    second = ReportFactory(contact_preference="confidential", contact_email="victim@example.test ")
    ReportFactory(contact_preference="confidential", contact_email="someone.else@example.test")

    assert flagged(second) == {first.reference}


def test_reports_of_the_same_place_within_a_day_are_flagged():
    day = datetime.date(2026, 11, 1)
    first = ReportFactory(postcode="WS1 1AA", incident_date=day)
    same = ReportFactory(postcode="ws11aa", incident_date=day + datetime.timedelta(days=1))
    ReportFactory(postcode="WS1 1AA", incident_date=day + datetime.timedelta(days=5))
    ReportFactory(postcode="WS2 9ZZ", incident_date=day)

    assert flagged(same) == {first.reference}


def test_reports_already_in_one_case_are_not_flagged_against_each_other():
    worker = caseworker()
    first = ReportFactory(postcode="WS1 1AA")
    second = ReportFactory(postcode="WS1 1AA")
    case = open_case(by=worker, report=first)
    from casework import services

    services.case_add_report(case=case, report=second, by=worker)

    assert flagged(second) == set()


def test_the_queue_and_triage_page_show_the_flag(client):
    worker = caseworker()
    first = ReportFactory(contact_preference="named", contact_phone="07700 900123")
    case = open_case(by=worker, report=first)
    second = ReportFactory(contact_preference="named", contact_phone="07700900123")

    row = next(row for row in selectors.queue(worker) if row.reference == second.reference)
    assert row.duplicates == [first.reference]
    client.force_login(worker)
    page = client.get(reverse("casework:report_triage", kwargs={"reference": second.reference})).content.decode()
    assert "Possible duplicates" in page
    assert case.reference in page

    client.post(
        reverse("casework:report_triage", kwargs={"reference": second.reference}),
        {"action": "add", "case": case.reference},
    )
    assert second.__class__.objects.get(pk=second.pk).case_link.case == case
