import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from casework import services
from casework.models import Case
from casework.tests.factories import ReportFactory, caseworker, open_case
from reporting.models import Report

pytestmark = pytest.mark.django_db


def opened(model, pk):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_pk=str(pk), action=LogEntry.Action.ACCESS
    )


def test_every_view_of_a_case_writes_an_audit_row(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)

    client.get(reverse("casework:case_detail", kwargs={"reference": case.reference}))
    client.get(reverse("casework:case_detail", kwargs={"reference": case.reference}))

    rows = opened(Case, case.pk)
    assert rows.count() == 2
    assert rows.first().actor == worker


def test_opening_a_new_report_and_a_referral_is_audited(client):
    worker = caseworker()
    report = ReportFactory()
    client.force_login(worker)
    client.get(reverse("casework:report_triage", kwargs={"reference": report.reference}))
    assert opened(Report, report.pk).count() == 1

    case = open_case(report=ReportFactory(consents=["police"]))
    referral = services.referral_make(case=case, recipient="police", by=case.lead)
    police = UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True)
    client.force_login(police)
    client.get(reverse("casework:referral_detail", kwargs={"pk": referral.pk}))
    assert opened(Case, case.pk).get().actor == police


def test_a_refused_view_writes_no_access_row(client):
    case = open_case()
    client.force_login(caseworker(OrganisationFactory(name="Another team (test)")))

    client.get(reverse("casework:case_detail", kwargs={"reference": case.reference}))

    assert not opened(Case, case.pk).exists()
