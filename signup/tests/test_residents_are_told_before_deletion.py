import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from signup import notify, services
from signup.models import Channel, Consent, Purpose, SignUp

from .factories import ConsentFactory, SignUpFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def signed_up(days_ago, consents=(), **fields):
    signup = SignUpFactory(**fields)
    SignUp.objects.filter(pk=signup.pk).update(created_at=NOW - datetime.timedelta(days=days_ago))
    for purpose, channel in consents:
        ConsentFactory(signup=signup, purpose=purpose, channel=channel)
    signup.refresh_from_db()
    return signup


def test_a_resident_who_agreed_to_email_is_told_a_month_before_deletion(fake_notify):
    signup = signed_up(340, [(Purpose.SETTLING_IN, Channel.EMAIL)])

    told = services.deletion_notices_send(now=NOW)

    assert told == 1
    [message] = fake_notify.sent
    assert message["email_address"] == signup.email
    assert message["template_id"] == notify.deletion_notice_template_id("email")
    assert "/sign-up/your-details/" in message["personalisation"]["erase_link"]


def test_the_notice_goes_only_through_channels_still_agreed_to(fake_notify):
    signup = signed_up(340, [(Purpose.SETTLING_IN, Channel.EMAIL), (Purpose.LOCAL_ACTIVITIES, Channel.SMS)])
    Consent.objects.filter(signup=signup, channel=Channel.EMAIL).update(withdrawn_at=NOW)

    services.deletion_notices_send(now=NOW)

    assert [(m["channel"], m.get("phone_number")) for m in fake_notify.sent] == [("sms", signup.phone)]


def test_no_consent_means_no_notice(fake_notify):
    signed_up(340)
    withdrawn = signed_up(340, [(Purpose.SETTLING_IN, Channel.EMAIL)])
    Consent.objects.filter(signup=withdrawn).update(withdrawn_at=NOW)

    assert services.deletion_notices_send(now=NOW) == 0
    assert fake_notify.sent == []


def test_the_notice_is_sent_once_however_often_the_job_runs(fake_notify):
    signed_up(340, [(Purpose.SETTLING_IN, Channel.EMAIL)])

    services.deletion_notices_send(now=NOW)
    services.deletion_notices_send(now=NOW + datetime.timedelta(hours=1))
    services.deletion_notices_send(now=NOW + datetime.timedelta(days=5))

    assert len(fake_notify.sent) == 1


def test_nobody_is_told_too_early(fake_notify):
    signed_up(300, [(Purpose.SETTLING_IN, Channel.EMAIL)])

    assert services.deletion_notices_send(now=NOW) == 0
    assert fake_notify.sent == []


def test_the_notice_is_written_in_the_residents_language_with_a_local_date(fake_notify):
    signed_up(340, [(Purpose.SETTLING_IN, Channel.EMAIL)], language="pl")

    services.deletion_notices_send(now=NOW)

    personalisation = fake_notify.sent[0]["personalisation"]
    assert "/pl/sign-up/your-details/" in personalisation["erase_link"]
    deletion_day = timezone.localdate(NOW - datetime.timedelta(days=340) + services.RETENTION)
    assert str(deletion_day.year) in personalisation["body"]
    assert deletion_day.strftime("%B") not in personalisation["body"]  # the month is not in English


def test_the_privacy_notice_promises_the_warning(client):
    page = client.get(reverse("signup:privacy")).content.decode()

    assert "A month before we delete them, we send you one message to say so" in page
