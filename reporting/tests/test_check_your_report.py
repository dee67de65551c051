import pytest
from django.urls import reverse

from reporting import services
from reporting.models import Consent, Message, ReportUpdate, Side

from .factories import png_bytes, report
from .journey import errors_in, sign_in_to_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(client):
    made, receipt = report(consents=("police", "victim_support"))
    sign_in_to_report(client, made.reference, receipt)
    return made


def test_the_reporter_sees_status_in_plain_words_who_handles_it_and_their_rights(client, opened):
    services.report_status_change(report=opened, status="being_assessed", handler_role="hate_crime_caseworker")

    page = client.get(reverse("reporting:your_report")).content.decode()

    assert "A caseworker is looking at your report and what support you need." in page
    assert "Hate crime caseworker" in page
    assert "To make a Victim Personal Statement." in page
    assert "SYNTHETIC account" not in page  # the account itself is not shown back on a shared screen


def test_messages_go_both_ways(client, opened):
    client.post(reverse("reporting:your_report"), {"body": "SYNTHETIC question from the reporter"})
    services.message_send(report=opened, author_side=Side.CASEWORKER, body="SYNTHETIC reply from the caseworker")

    page = client.get(reverse("reporting:your_report")).content.decode()

    assert "SYNTHETIC question from the reporter" in page and "SYNTHETIC reply from the caseworker" in page
    assert Message.objects.get(author_side=Side.REPORTER).body == "SYNTHETIC question from the reporter"
    assert Message.objects.get(author_side=Side.CASEWORKER).read_at is not None


def test_an_empty_message_is_named(client, opened):
    response = client.post(reverse("reporting:your_report"), {"body": ""})

    assert errors_in(response) == ["Enter your message"]


def test_the_reporter_adds_information_and_evidence(client, opened):
    client.post(reverse("reporting:add_information"), {"action": "add", "text": "SYNTHETIC more detail"})
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(
        reverse("reporting:add_information"),
        {"action": "upload", "file": SimpleUploadedFile("later.png", png_bytes(), "image/png")},
    )

    added = opened.updates.get(kind=ReportUpdate.Kind.INFORMATION_ADDED)
    assert added.text == "SYNTHETIC more detail"
    assert opened.evidence.get().added_by_side == Side.REPORTER
    assert opened.updates.filter(kind=ReportUpdate.Kind.EVIDENCE_ADDED).exists()


def test_the_reporter_withdraws_consent_and_it_is_dated(client, opened):
    url = reverse("reporting:withdraw_consent", kwargs={"recipient": "police"})

    refused = client.post(url, {})
    client.post(url, {"confirm": "on"})

    assert errors_in(refused) == ["Confirm you want to withdraw your consent"]
    police = opened.consents.get(recipient=Consent.Recipient.POLICE)
    assert police.withdrawn_at is not None and not police.is_active
    assert opened.consents.get(recipient=Consent.Recipient.VICTIM_SUPPORT).is_active
    assert "You withdrew your consent on" in client.get(reverse("reporting:your_report")).content.decode()


def test_closing_the_report_on_this_device_needs_the_receipt_again(client, opened):
    client.post(reverse("reporting:leave_report"))

    assert client.get(reverse("reporting:your_report"))["Location"] == reverse("reporting:check")


def test_another_browser_without_the_receipt_sees_nothing(client, opened):
    from django.test import Client

    stranger = Client()

    assert stranger.get(reverse("reporting:your_report"))["Location"] == reverse("reporting:check")
    assert stranger.get(reverse("reporting:add_information"))["Location"] == reverse("reporting:check")
