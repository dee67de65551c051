"""A partner sees the reporter's words only under consent, and who they are only if they chose to be named."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from casework import services
from casework.tests.factories import ReportFactory, caseworker, open_case

pytestmark = pytest.mark.django_db


def test_a_confidential_reporters_identity_stays_with_the_caseworker(client):
    report = ReportFactory(
        consents=["police"],
        contact_preference="confidential",
        contact_method="email",
        contact_name="SYNTHETIC Amina Confidential",
        contact_email="amina.confidential@example.test",
    )
    case = open_case(report=report)
    referral = services.referral_make(case=case, recipient="police", by=case.lead)
    client.force_login(UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True))

    page = client.get(reverse("casework:referral_detail", kwargs={"pk": referral.pk})).content.decode()

    assert "SYNTHETIC account" in page
    assert "Amina Confidential" not in page
    assert "amina.confidential@example.test" not in page
    assert "caseworker knows who reported this" in page


def test_a_named_reporters_contact_reaches_the_partner_they_agreed_to(client):
    report = ReportFactory(
        consents=["police"], contact_preference="named", contact_method="email", contact_name="SYNTHETIC Named Person"
    )
    case = open_case(report=report)
    referral = services.referral_make(case=case, recipient="police", by=case.lead)
    client.force_login(UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True))

    page = client.get(reverse("casework:referral_detail", kwargs={"pk": referral.pk})).content.decode()

    assert "SYNTHETIC Named Person" in page


def test_a_referral_without_consent_shows_the_partner_only_its_reasons(client):
    report = ReportFactory(contact_preference="named", contact_name="SYNTHETIC Named Person")
    case = open_case(report=report)
    liaison_org = OrganisationFactory(name="GTR liaison (test)")
    referral = services.referral_make(case=case, recipient="gtr_liaison", by=case.lead, reason="SYNTHETIC why")
    client.force_login(UserFactory(roles=[Role.GTR_LIAISON_OFFICER], organisation=liaison_org, with_totp=True))

    page = client.get(reverse("casework:referral_detail", kwargs={"pk": referral.pk})).content.decode()

    assert "SYNTHETIC why" in page
    assert "SYNTHETIC account" not in page
    assert "SYNTHETIC Named Person" not in page


def test_the_case_team_still_sees_every_report_on_a_referral(client):
    worker = caseworker()
    case = open_case(by=worker, report=ReportFactory(contact_preference="confidential", contact_name="SYNTHETIC Kept"))
    referral = services.referral_make(case=case, recipient="gtr_liaison", by=worker)
    client.force_login(worker)

    page = client.get(reverse("casework:referral_detail", kwargs={"pk": referral.pk})).content.decode()

    assert "SYNTHETIC account" in page
    assert "SYNTHETIC Kept" in page


@pytest.mark.parametrize(
    "url_name, kwargs",
    [
        ("casework:case_detail", {"reference": "CW-NOSUCH"}),
        ("casework:case_classify", {"reference": "CW-NOSUCH"}),
        ("casework:report_triage", {"reference": "WFA-NOSUCH"}),
        ("casework:referral_detail", {"pk": 999999}),
    ],
)
def test_an_unknown_reference_is_refused_like_another_teams(client, url_name, kwargs):
    client.force_login(UserFactory(roles=[Role.VOLUNTEER], with_totp=True))

    assert client.get(reverse(url_name, kwargs=kwargs)).status_code == 403
