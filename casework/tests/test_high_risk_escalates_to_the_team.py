import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory
from casework import services
from casework.tests.factories import caseworker, open_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factors", "level"),
    [
        ((0, 0, 0, 0), "low"),
        ((1, 0, 0, 0), "low"),
        ((1, 1, 0, 0), "medium"),
        ((0, 0, 0, 2), "medium"),
        ((0, 0, 2, 0), "high"),
        ((1, 2, 0, 0), "high"),
        ((2, 1, 1, 1), "high"),
    ],
)
def test_the_risk_rule(factors, level):
    repeat, vulnerability, escalation, impact = factors
    assert (
        services.risk_level_for(repeat=repeat, vulnerability=vulnerability, escalation=escalation, impact=impact)
        == level
    )


def test_high_risk_emails_every_caseworker_of_the_team_and_nobody_else(fake_notify, django_capture_on_commit_callbacks):
    team = OrganisationFactory(name="Community Cohesion team")
    worker = caseworker(team)
    colleague = caseworker(team, role=Role.ASB_OFFICER)
    caseworker(OrganisationFactory(name="Another council team"))
    case = open_case(by=worker)

    with django_capture_on_commit_callbacks(execute=True):
        services.risk_assess(
            case=case, repeat=2, vulnerability=2, escalation=1, impact=2, notes="SYNTHETIC threats", by=worker
        )

    recipients = sorted(message["email_address"] for message in fake_notify.sent)
    assert recipients == sorted([worker.email, colleague.email])
    assert all(message["personalisation"]["case_reference"] == case.reference for message in fake_notify.sent)
    assert all("SYNTHETIC" not in str(message) for message in fake_notify.sent)


def test_assessing_again_at_high_does_not_email_again(fake_notify, django_capture_on_commit_callbacks):
    worker = caseworker()
    case = open_case(by=worker)
    with django_capture_on_commit_callbacks(execute=True):
        services.risk_assess(case=case, repeat=2, vulnerability=2, escalation=2, impact=2, notes="", by=worker)
        services.risk_assess(case=case, repeat=2, vulnerability=2, escalation=2, impact=1, notes="", by=worker)

    assert len(fake_notify.sent) == 1


def test_the_risk_page_records_the_level_and_flags_the_case(client, fake_notify):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)

    response = client.post(
        reverse("casework:case_risk", kwargs={"reference": case.reference}),
        {"repeat": "2", "vulnerability": "1", "escalation": "2", "impact": "1", "notes": "SYNTHETIC"},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.risk_level == "high"
    assert case.risk_assessments.get().notes == "SYNTHETIC"
    page = client.get(reverse("casework:queue")).content.decode()
    assert "govuk-tag--red" in page


def test_needs_assessment_dates_the_victims_code_right(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)

    client.post(
        reverse("casework:case_needs", kwargs={"reference": case.reference}),
        {"needs": ["safety", "interpreter"], "notes": "Speaks Urdu"},
    )

    case.refresh_from_db()
    assert case.needs_assessed_at is not None
    assert case.needs_assessments.get().needs == ["safety", "interpreter"]
