import json

import pytest

from reporting import services
from reporting.models import Side

from .factories import report

pytestmark = pytest.mark.django_db


def test_a_caseworker_message_emails_only_that_there_is_news(fake_notify, django_capture_on_commit_callbacks):
    made, _receipt = report(
        contact_preference="confidential", contact_method="email", contact_email="synthetic@example.test"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(report=made, author_side=Side.CASEWORKER, body="SYNTHETIC the suspect was arrested")

    [sent] = fake_notify.sent
    assert sent["channel"] == "email" and sent["email_address"] == "synthetic@example.test"
    assert set(sent["personalisation"]) == {"check_url"}
    assert "SYNTHETIC" not in json.dumps(sent) and made.reference not in json.dumps(sent)


def test_a_text_is_sent_to_a_reporter_who_chose_texts(fake_notify, django_capture_on_commit_callbacks):
    made, _receipt = report(contact_preference="named", contact_method="text", contact_phone="07700 900982")

    with django_capture_on_commit_callbacks(execute=True):
        services.report_status_change(report=made, status="in_progress")

    [sent] = fake_notify.sent
    assert sent["channel"] == "sms" and "SYNTHETIC" not in json.dumps(sent)


def test_an_anonymous_reporter_is_never_contacted(fake_notify, django_capture_on_commit_callbacks):
    made, _receipt = report(contact_method="email", contact_email="typed-before-choosing@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(report=made, author_side=Side.CASEWORKER, body="SYNTHETIC news")

    assert fake_notify.sent == []
    assert made.contact_email in ("", None)


def test_the_reporters_own_message_sends_nothing(fake_notify, django_capture_on_commit_callbacks):
    made, _receipt = report(contact_preference="confidential", contact_method="email", contact_email="a@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(report=made, author_side=Side.REPORTER, body="SYNTHETIC")

    assert fake_notify.sent == []
