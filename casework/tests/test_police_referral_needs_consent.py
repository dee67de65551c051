import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from casework import services
from casework.models import Referral
from casework.tests.factories import ReportFactory, caseworker, open_case
from reporting.services import consent_withdraw

pytestmark = pytest.mark.django_db


def test_a_referral_to_the_police_is_refused_without_consent():
    case = open_case(report=ReportFactory(consents=["victim_support"]))

    with pytest.raises(services.ConsentMissing):
        services.referral_make(case=case, recipient="police", by=case.lead)

    assert not Referral.objects.exists()


def test_with_consent_it_is_made_and_the_crime_reference_recorded():
    report = ReportFactory(consents=["police"])
    case = open_case(report=report)

    referral = services.referral_make(case=case, recipient="police", by=case.lead, reason="SYNTHETIC")
    services.referral_record_outcome(referral=referral, status="accepted", crime_reference=" 20/123456/26 ")

    referral.refresh_from_db()
    assert referral.consent.report == report
    assert referral.crime_reference == "20/123456/26"
    report.refresh_from_db()
    assert report.status == "referred"


def test_a_withdrawn_consent_refuses_the_referral():
    report = ReportFactory(consents=["police"])
    case = open_case(report=report)
    consent_withdraw(report=report, recipient="police")

    with pytest.raises(services.ConsentMissing):
        services.referral_make(case=case, recipient="police", by=case.lead)


def test_the_referral_page_says_why_it_was_refused_and_a_double_submit_refers_once(client):
    worker = caseworker()
    case = open_case(by=worker, report=ReportFactory(consents=["victim_support"]))
    client.force_login(worker)
    url = reverse("casework:case_referral_add", kwargs={"reference": case.reference})

    refused = client.post(url, {"recipient": "police", "idempotency_key": "8b0e2f6a-4a7e-4a5b-9f0e-1a2b3c4d5e6f"})
    assert refused.status_code == 400
    assert "has not given consent" in refused.content.decode()

    key = "0f6e2a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
    client.post(url, {"recipient": "victim_support", "idempotency_key": key})
    client.post(url, {"recipient": "victim_support", "idempotency_key": key})
    assert Referral.objects.filter(case=case).count() == 1
    case.refresh_from_db()
    assert case.referred_for_support_at is not None


def test_the_police_record_the_crime_reference_on_the_referral_page(client):
    case = open_case(report=ReportFactory(consents=["police"]))
    referral = services.referral_make(case=case, recipient="police", by=case.lead)
    police = UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True)
    client.force_login(police)

    client.post(
        reverse("casework:referral_detail", kwargs={"pk": referral.pk}),
        {"status": "accepted", "crime_reference": "20/55/26", "outcome": "Officer assigned"},
    )

    referral.refresh_from_db()
    assert (referral.status, referral.crime_reference, referral.outcome) == ("accepted", "20/55/26", "Officer assigned")
