import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from casework.tests.factories import ReportFactory, caseworker, open_case
from reporting import services as reporting_services
from reporting.evidence import CheckedFile

pytestmark = pytest.mark.django_db


def _evidence(report, content=b"%PDF-1.4 SYNTHETIC statement"):
    checked = CheckedFile(content=content, content_type="application/pdf", sha256="0" * 64)
    return reporting_services.evidence_store(checked=checked, name="statement.pdf", report=report)


def test_the_case_page_shows_information_and_evidence_added_after_the_report(client):
    worker = caseworker()
    report = ReportFactory()
    case = open_case(by=worker, report=report)
    reporting_services.report_add_information(report=report, text="SYNTHETIC they came back on Tuesday")
    item = _evidence(report)
    client.force_login(worker)

    page = client.get(reverse("casework:case_detail", kwargs={"reference": case.reference})).content.decode()

    assert "SYNTHETIC they came back on Tuesday" in page
    assert reverse("casework:case_evidence_file", kwargs={"reference": case.reference, "evidence_id": item.pk}) in page


def test_the_case_team_opens_evidence_and_the_opening_is_audited(client):
    worker = caseworker()
    report = ReportFactory()
    case = open_case(by=worker, report=report)
    item = _evidence(report)
    client.force_login(worker)
    before = LogEntry.objects.count()

    response = client.get(
        reverse("casework:case_evidence_file", kwargs={"reference": case.reference, "evidence_id": item.pk})
    )

    assert response.status_code == 200
    assert response.content == b"%PDF-1.4 SYNTHETIC statement"
    assert response["Content-Disposition"] == "attachment"
    assert LogEntry.objects.count() == before + 1


def test_evidence_of_another_case_or_team_is_not_served(client):
    worker = caseworker()
    ours = open_case(by=worker)
    theirs_report = ReportFactory()
    open_case(report=theirs_report)
    item = _evidence(theirs_report)

    client.force_login(worker)
    through_our_case = client.get(
        reverse("casework:case_evidence_file", kwargs={"reference": ours.reference, "evidence_id": item.pk})
    )
    client.force_login(UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True))
    as_police = client.get(
        reverse("casework:case_evidence_file", kwargs={"reference": ours.reference, "evidence_id": item.pk})
    )

    assert through_our_case.status_code == 404
    assert as_police.status_code == 403
