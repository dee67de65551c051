import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from reporting.models import Channel, Report, ReporterRole

from .journey import answers, step_url, submit, walk

pytestmark = pytest.mark.django_db


def test_a_caseworker_enters_a_phone_report_and_is_recorded_as_entering_it(client, walsall):
    caseworker = UserFactory(roles=[Role.HATE_CRIME_CASEWORKER], with_totp=True)
    client.force_login(caseworker)

    walk(client, answers(who={"reporter_role": "staff", "channel": "phone"}))
    reference, receipt = submit(client)

    report = Report.objects.get(reference=reference)
    assert receipt  # to read out to the caller
    assert report.reporter_role == ReporterRole.STAFF
    assert report.channel == Channel.PHONE
    assert report.submitted_by == caseworker


def test_staff_must_say_how_the_report_came_in(client, db):
    client.force_login(UserFactory(roles=[Role.ASB_OFFICER], with_totp=True))
    client.get(reverse("reporting:begin"))

    response = client.post(step_url("who"), {"reporter_role": "staff"})

    assert "Select how the person reported it to you" in response.content.decode()


def test_a_third_party_reporting_centre_enters_a_report_for_its_organisation(client, walsall):
    centre = OrganisationFactory(name="Synthetic reporting centre", kind="third_party_reporting_centre")
    worker = UserFactory(roles=[Role.THIRD_PARTY_REPORTING_CENTRE_USER], organisation=centre, with_totp=True)
    client.force_login(worker)

    walk(client, answers(who={"reporter_role": "third_party_centre_staff"}))
    reference, _receipt = submit(client)

    report = Report.objects.get(reference=reference)
    assert report.channel == Channel.THIRD_PARTY_CENTRE
    assert report.submitted_by_organisation == centre


def test_the_public_cannot_claim_to_be_staff(client, db):
    client.get(reverse("reporting:begin"))

    page = client.get(step_url("who")).content.decode()
    response = client.post(step_url("who"), {"reporter_role": "staff", "channel": "phone"})

    assert 'value="staff"' not in page
    assert "Select who is making this report" in response.content.decode()
