"""Email and text messages, through GOV.UK Notify, behind one small interface.

Callers say which Notify template to use and give its personalisation; nothing else about Notify
leaks out. Messages are sent by a background task so a slow or failing Notify never holds up a page.
Settings: NOTIFY_BACKEND ("console" in development, "govuk" elsewhere), NOTIFY_API_KEY, NOTIFY_BASE_URL.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from notifications_python_client.notifications import NotificationsAPIClient

logger = logging.getLogger(__name__)

EMAIL = "email"
SMS = "sms"


@dataclass(frozen=True)
class Notification:
    channel: str
    to: str
    template_id: str
    personalisation: dict = field(default_factory=dict)
    reference: str | None = None


class ConsoleBackend:
    """Development: say what would have been sent, and to whom."""

    def send(self, notification):
        logger.info(
            "Notify (console) %s to %s with template %s: %s",
            notification.channel,
            notification.to,
            notification.template_id,
            notification.personalisation,
        )
        return {"id": None, "backend": "console"}


class GovukNotifyBackend:
    def __init__(self):
        self.client = NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=10)

    def send(self, notification):
        if notification.channel == EMAIL:
            return self.client.send_email_notification(
                email_address=notification.to,
                template_id=notification.template_id,
                personalisation=notification.personalisation,
                reference=notification.reference,
            )
        return self.client.send_sms_notification(
            phone_number=notification.to,
            template_id=notification.template_id,
            personalisation=notification.personalisation,
            reference=notification.reference,
        )


BACKENDS = {"console": ConsoleBackend, "govuk": GovukNotifyBackend}


def backend():
    return BACKENDS[settings.NOTIFY_BACKEND]()


def site_url(path):
    """An absolute link to ``path`` on this site, for messages read outside it."""
    return settings.SITE_URL + path


def send_email(*, to, template_id, personalisation=None, reference=None):
    return _enqueue(Notification(EMAIL, to, template_id, personalisation or {}, reference))


def send_sms(*, to, template_id, personalisation=None, reference=None):
    return _enqueue(Notification(SMS, to, template_id, personalisation or {}, reference))


def _enqueue(notification):
    from .tasks import deliver_notification

    return deliver_notification.enqueue(
        channel=notification.channel,
        to=notification.to,
        template_id=notification.template_id,
        personalisation=notification.personalisation,
        reference=notification.reference,
    )
