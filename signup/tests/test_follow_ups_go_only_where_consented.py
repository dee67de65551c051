import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from signup import notify, services
from signup.models import Channel, ErasureCount, FollowUp, Purpose, SignUp

from .factories import SignUpFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def signed_up(consents, days_ago=31, **fields):
    signup, _created = services.signup_create(
        idempotency_key=SignUpFactory.build().idempotency_key,
        name="Ola",
        postcode="WS1 1TP",
        ward_code="E05001316",
        latitude=52.58555,
        longitude=-1.98242,
        language=fields.pop("language", "en"),
        languages=["pl"],
        email=fields.pop("email", "ola@example.test"),
        phone=fields.pop("phone", "07700900982"),
        consents=consents,
        created_at=NOW - datetime.timedelta(days=days_ago),
    )
    return signup


def sent_to(fake_notify):
    return sorted(
        (message["channel"], message.get("email_address") or message.get("phone_number"), message["template_id"])
        for message in fake_notify.sent
    )


def test_follow_ups_are_due_on_days_7_14_and_30(nearby_services):
    signup = signed_up({(Purpose.SETTLING_IN, Channel.EMAIL), (Purpose.LOCAL_ACTIVITIES, Channel.EMAIL)}, days_ago=0)

    due = {f.kind: (f.due_at - signup.created_at).days for f in signup.follow_ups.all()}

    assert due == {"gp_registration": 7, "conversation_club": 14, "settling_in": 30}


def test_each_follow_up_goes_only_through_the_consented_purpose_and_channel(fake_notify, nearby_services):
    signed_up({(Purpose.SETTLING_IN, Channel.EMAIL), (Purpose.LOCAL_ACTIVITIES, Channel.SMS)})

    sent = services.follow_ups_send_due(now=NOW)

    assert sent == 3
    assert sent_to(fake_notify) == sorted(
        [
            ("email", "ola@example.test", notify.template_id("gp_registration", "email")),
            ("email", "ola@example.test", notify.template_id("settling_in", "email")),
            ("sms", "07700900982", notify.template_id("conversation_club", "sms")),
        ]
    )


def test_no_consent_means_no_follow_ups_and_no_messages(fake_notify, nearby_services):
    signup = signed_up(set())

    services.follow_ups_send_due(now=NOW)

    assert signup.follow_ups.count() == 0
    assert fake_notify.sent == []


def test_a_withdrawn_consent_stops_the_messages_still_to_come(fake_notify, nearby_services):
    signup = signed_up({(Purpose.SETTLING_IN, Channel.EMAIL), (Purpose.SETTLING_IN, Channel.SMS)})
    services.consent_withdraw(signup=signup, purpose=Purpose.SETTLING_IN, channel=Channel.EMAIL)

    services.follow_ups_send_due(now=NOW)

    assert {message["channel"] for message in fake_notify.sent} == {"sms"}


def test_follow_ups_not_yet_due_wait(fake_notify, nearby_services):
    signed_up({(Purpose.SETTLING_IN, Channel.EMAIL)}, days_ago=8)

    services.follow_ups_send_due(now=NOW)

    assert [message["template_id"] for message in fake_notify.sent] == [notify.template_id("gp_registration", "email")]


def test_each_follow_up_is_sent_once_even_when_the_command_runs_twice(fake_notify, nearby_services):
    signup = signed_up({(Purpose.SETTLING_IN, Channel.EMAIL), (Purpose.LOCAL_ACTIVITIES, Channel.EMAIL)})

    first, second = StringIO(), StringIO()
    call_command("send_due_followups", stdout=first)
    call_command("send_due_followups", stdout=second)

    assert "Follow-ups sent: 3." in first.getvalue()
    assert "Follow-ups sent: 0." in second.getvalue()
    assert len(fake_notify.sent) == 3
    assert all(f.sent_at is not None for f in signup.follow_ups.all())


def test_the_gp_message_links_the_nearest_gp_and_carries_nothing_sensitive(fake_notify, nearby_services):
    signed_up({(Purpose.SETTLING_IN, Channel.EMAIL)}, days_ago=8)

    services.follow_ups_send_due(now=NOW)

    personalisation = fake_notify.sent[0]["personalisation"]
    assert "Pleck Health Centre" in personalisation["service"]
    assert "Brownhills" not in personalisation["service"]
    assert f"/services/{nearby_services['gp'].pk}" in personalisation["service"]
    assert "/sign-up/answer/" in personalisation["answer_link"]
    assert "/sign-up/your-details/" in personalisation["erase_link"]
    text = " ".join(personalisation.values())
    assert "Ola" not in text and "WS1 1TP" not in text and "ola@example.test" not in text


def test_the_club_message_names_the_nearest_club_and_its_session(fake_notify, nearby_services):
    signed_up({(Purpose.LOCAL_ACTIVITIES, Channel.SMS)}, days_ago=15)

    services.follow_ups_send_due(now=NOW)

    assert "Tuesday English Chat – Tuesdays, 10:00 to 12:00" in fake_notify.sent[0]["personalisation"]["service"]


def test_messages_are_written_in_the_language_the_resident_signed_up_in(fake_notify, nearby_services):
    signed_up({(Purpose.SETTLING_IN, Channel.EMAIL)}, days_ago=8, language="pl")

    services.follow_ups_send_due(now=NOW)

    assert "/pl/sign-up/answer/" in fake_notify.sent[0]["personalisation"]["answer_link"]


def test_the_command_says_it_is_idempotent_and_run_hourly():
    from signup.management.commands.send_due_followups import Command

    assert "at most once" in Command.help and "hourly" in Command.help


def test_the_background_task_sends_what_is_due(fake_notify, nearby_services):
    from signup.tasks import send_due_followups

    signed_up({(Purpose.SETTLING_IN, Channel.EMAIL)}, days_ago=8)

    result = send_due_followups.enqueue()

    assert result.return_value == 1
    assert FollowUp.objects.filter(sent_at__isnull=False).count() == 1


def test_sign_ups_are_erased_twelve_months_after_they_were_made(fake_notify, nearby_services):
    kept = signed_up({(Purpose.SETTLING_IN, Channel.EMAIL)}, days_ago=364)
    signed_up({(Purpose.SETTLING_IN, Channel.EMAIL)}, days_ago=366)

    call_command("send_due_followups", stdout=StringIO())

    assert list(SignUp.objects.all()) == [kept]
    # Officers read the count as "deleted at the resident's request": routine deletion is not one.
    assert not ErasureCount.objects.exists()
