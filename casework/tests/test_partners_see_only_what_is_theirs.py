import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from casework import selectors, services
from casework.tests.factories import ReportFactory, open_case
from reporting.services import consent_withdraw

pytestmark = pytest.mark.django_db


def refer(recipient, consents, **kwargs):
    report = ReportFactory(consents=consents)
    case = open_case(report=report)
    return services.referral_make(case=case, recipient=recipient, by=case.lead, **kwargs), report


def test_police_liaison_sees_only_police_referrals_made_with_consent(client):
    police_referral, report = refer("police", ["police", "victim_support"])
    support_referral, _ = refer("victim_support", ["victim_support"])
    police = UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True)

    assert selectors.referrals_for_partner(police) == [police_referral]
    client.force_login(police)
    assert client.get(reverse("casework:referral_detail", kwargs={"pk": support_referral.pk})).status_code == 403
    page = client.get(reverse("casework:referral_detail", kwargs={"pk": police_referral.pk}))
    assert page.status_code == 200
    assert "SYNTHETIC account" in page.content.decode()

    consent_withdraw(report=report, recipient="police")

    assert selectors.referrals_for_partner(police) == []
    assert client.get(reverse("casework:referral_detail", kwargs={"pk": police_referral.pk})).status_code == 403


def test_police_liaison_cannot_open_the_case_itself(client):
    police_referral, _ = refer("police", ["police"])
    client.force_login(UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True))

    response = client.get(reverse("casework:case_detail", kwargs={"reference": police_referral.case.reference}))

    assert response.status_code == 403


def test_victim_support_sees_only_victim_support_referrals():
    refer("police", ["police", "victim_support"])
    support_referral, _ = refer("victim_support", ["victim_support"])
    worker = UserFactory(roles=[Role.VICTIM_SUPPORT_WORKER], with_totp=True)

    assert selectors.referrals_for_partner(worker) == [support_referral]


def test_a_housing_provider_sees_only_referrals_to_its_own_organisation():
    provider = OrganisationFactory(name="Brookvale Homes (test)")
    other = OrganisationFactory(name="Wyrley Vale (test)")
    ours, _ = refer("housing_provider", ["housing_provider"], organisation=provider)
    refer("housing_provider", ["housing_provider"], organisation=other)
    officer = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], organisation=provider, with_totp=True)

    assert selectors.referrals_for_partner(officer) == [ours]


def test_a_third_party_reporting_centre_sees_only_the_status_of_what_it_submitted(client):
    centre = OrganisationFactory(name="Pleck hub (test)")
    ours = ReportFactory(submitted_by_organisation=centre, account="SYNTHETIC secret words")
    theirs = ReportFactory()
    client.force_login(UserFactory(roles=[Role.THIRD_PARTY_REPORTING_CENTRE_USER], organisation=centre, with_totp=True))

    page = client.get(reverse("casework:submitted_list")).content.decode()

    assert ours.reference in page
    assert theirs.reference not in page
    assert "SYNTHETIC secret words" not in page
    assert "Received" in page
    assert client.get(reverse("casework:report_triage", kwargs={"reference": ours.reference})).status_code == 403


def test_a_housing_referral_names_its_organisation_or_nobody_outside_the_council_sees_it(client):
    unnamed, _ = refer("housing_provider", ["housing_provider"])
    provider_user = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], with_totp=True)
    assert selectors.referrals_for_partner(provider_user) == []

    case = unnamed.case
    client.force_login(case.lead)
    response = client.post(
        reverse("casework:case_referral_add", kwargs={"reference": case.reference}),
        {"recipient": "housing_provider", "idempotency_key": "3a0e2f6a-4a7e-4a5b-9f0e-1a2b3c4d5e6f"},
    )
    assert response.status_code == 400
    assert "Select the organisation you are referring to" in response.content.decode()
