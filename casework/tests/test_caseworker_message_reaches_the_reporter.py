import pytest
from django.urls import reverse

from casework.models import Case
from casework.tests.factories import ReportFactory, caseworker, open_case
from reporting.models import Message

pytestmark = pytest.mark.django_db


def test_the_message_is_kept_for_the_reporter_and_only_news_is_emailed(
    client, fake_notify, django_capture_on_commit_callbacks
):
    worker = caseworker()
    report = ReportFactory(contact_preference="confidential", contact_method="email", contact_email="r@example.test")
    case = open_case(by=worker, report=report)
    fake_notify.sent.clear()
    client.force_login(worker)
    data = {
        "report": report.reference,
        "body": "SYNTHETIC: we have spoken to the housing officer",
        "idempotency_key": "1a0e2f6a-4a7e-4a5b-9f0e-1a2b3c4d5e6f",
    }

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("casework:case_message", kwargs={"reference": case.reference}), data)
        client.post(reverse("casework:case_message", kwargs={"reference": case.reference}), data)

    message = Message.objects.get(report=report)
    assert (message.author_side, message.author, message.body) == ("caseworker", worker, data["body"])
    assert [sent["email_address"] for sent in fake_notify.sent] == ["r@example.test"]
    assert "SYNTHETIC" not in str(fake_notify.sent)
    case = Case.objects.get(pk=case.pk)
    assert case.first_contact_at is not None
    assert case.last_update_at is not None


def test_an_empty_message_is_refused_with_the_reason(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)

    response = client.post(
        reverse("casework:case_message", kwargs={"reference": case.reference}),
        {
            "report": case.case_reports.get().report.reference,
            "body": "",
            "idempotency_key": "2a0e2f6a-4a7e-4a5b-9f0e-1a2b3c4d5e6f",
        },
    )

    assert response.status_code == 400
    assert "Enter a message" in response.content.decode()
    assert not Message.objects.exists()
