import pytest

from core import notifications

TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"


def test_email_reaches_notify_signed_with_the_services_key(fake_notify):
    notifications.send_email(
        to="resident@example.test", template_id=TEMPLATE_ID, personalisation={"reference": "WFA-1234"}
    )

    assert fake_notify.sent == [
        {
            "channel": "email",
            "email_address": "resident@example.test",
            "template_id": TEMPLATE_ID,
            "personalisation": {"reference": "WFA-1234"},
        }
    ]


def test_text_message_reaches_notify(fake_notify):
    notifications.send_sms(to="07700900123", template_id=TEMPLATE_ID, reference="case-7")

    assert len(fake_notify.sent) == 1
    assert fake_notify.sent[0]["channel"] == "sms"
    assert fake_notify.sent[0]["phone_number"] == "07700900123"
    assert fake_notify.sent[0]["reference"] == "case-7"


def test_a_message_signed_with_the_wrong_key_is_refused(fake_notify, settings):
    settings.NOTIFY_API_KEY = "test_key-00000000-0000-0000-0000-000000000000-11111111-1111-1111-1111-111111111111"

    result = notifications.send_email(to="resident@example.test", template_id=TEMPLATE_ID)

    assert result.status.name == "FAILED"
    assert fake_notify.sent == []


def test_console_backend_sends_nothing_over_the_network(fake_notify, settings, caplog):
    settings.NOTIFY_BACKEND = "console"

    with caplog.at_level("INFO", logger="core.notifications"):
        notifications.send_email(to="resident@example.test", template_id=TEMPLATE_ID)

    assert fake_notify.sent == []
    assert "resident@example.test" in caplog.text


@pytest.mark.parametrize("channel", [notifications.EMAIL, notifications.SMS])
def test_a_failure_at_notify_is_reported_as_a_failed_task_not_raised_to_the_page(fake_notify, channel):
    fake_notify.fail_next = 1
    send = notifications.send_email if channel == notifications.EMAIL else notifications.send_sms
    to = "resident@example.test" if channel == notifications.EMAIL else "07700900123"

    result = send(to=to, template_id=TEMPLATE_ID)

    assert result.status.name == "FAILED"
    assert fake_notify.sent == []
