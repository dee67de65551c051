"""Telling a reporter there is news, and nothing more.

The email or text carries no content of the report or the message (a phone or inbox may be seen
by the people responsible); it only says to check the report on the site with the receipt.
Template ids come from the environment; the defaults are placeholders for development and tests.
"""

import environ
from django.urls import reverse
from django.utils import translation

from core import notifications

env = environ.Env()

NEWS_EMAIL_TEMPLATE_ID = env.str("NOTIFY_REPORT_NEWS_EMAIL_TEMPLATE_ID", default="6f1c1d0e-2f0a-4c55-9a57-4a1f3e0b7d21")
NEWS_SMS_TEMPLATE_ID = env.str("NOTIFY_REPORT_NEWS_SMS_TEMPLATE_ID", default="0c9e2b4a-7d3f-4e61-8b0a-5d2c6f1e9a34")


def tell_reporter_there_is_news(report, *, site_url=""):
    """Email or text the reporter that there is news, if they gave a way and asked to be contacted."""
    from .models import ContactMethod

    with translation.override(report.language or "en"):
        check_url = site_url.rstrip("/") + reverse("reporting:check")
    personalisation = {"check_url": check_url}
    if report.contact_method == ContactMethod.EMAIL and report.contact_email:
        return notifications.send_email(
            to=report.contact_email, template_id=NEWS_EMAIL_TEMPLATE_ID, personalisation=personalisation
        )
    if report.contact_method == ContactMethod.TEXT and report.contact_phone:
        return notifications.send_sms(
            to=report.contact_phone, template_id=NEWS_SMS_TEMPLATE_ID, personalisation=personalisation
        )
    return None
