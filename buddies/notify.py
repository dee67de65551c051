"""The GOV.UK Notify messages of the buddy scheme. Personal details travel only as first names.

Template ids come from ``settings.BUDDIES_NOTIFY_TEMPLATES`` (name -> id) when set, else the ids below
(the scheme's templates on the council's Notify service).
"""

import datetime

from django.conf import settings
from django.core import signing

from accounts.roles import Role
from core import notifications

TEMPLATE_IDS = {
    "expiry_warning": "7c1f4a52-1b0e-4c59-9e43-0f3a9c1d2e01",
    "introduction_volunteer": "7c1f4a52-1b0e-4c59-9e43-0f3a9c1d2e02",
    "introduction_newcomer": "7c1f4a52-1b0e-4c59-9e43-0f3a9c1d2e03",
    "safeguarding_concern": "7c1f4a52-1b0e-4c59-9e43-0f3a9c1d2e04",
    "quiet_match": "7c1f4a52-1b0e-4c59-9e43-0f3a9c1d2e05",
    "survey_invitation": "7c1f4a52-1b0e-4c59-9e43-0f3a9c1d2e06",
}
NEWCOMER_LINK_SALT = "buddies.newcomer-link"
# The newcomer's link works while the match runs and for this long after it ends: time to answer the
# survey or raise a late concern, and no longer, as a forwarded or leaked link shows their buddy.
NEWCOMER_LINK_DAYS_AFTER_END = 90


def template_id(name):
    return getattr(settings, "BUDDIES_NOTIFY_TEMPLATES", {}).get(name, TEMPLATE_IDS[name])


def newcomer_token(match):
    """The secret part of the newcomer's own link to their match (signed, so it cannot be guessed)."""
    return signing.dumps(match.pk, salt=NEWCOMER_LINK_SALT)


def match_id_from_newcomer_token(token):
    try:
        return int(signing.loads(token, salt=NEWCOMER_LINK_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def newcomer_link_is_live(match, now=None):
    from django.utils import timezone

    if match.ended_at is None:
        return True
    now = now or timezone.now()
    return now <= match.ended_at + datetime.timedelta(days=NEWCOMER_LINK_DAYS_AFTER_END)


def coordinator_emails():
    from accounts.models import User

    return list(
        User.objects.filter(is_active=True, groups__name=Role.BUDDY_COORDINATOR).values_list("email", flat=True)
    )


def to_coordinators(name, personalisation, reference=None):
    for email in coordinator_emails():
        notifications.send_email(
            to=email, template_id=template_id(name), personalisation=personalisation, reference=reference
        )


def to_volunteer(volunteer, name, personalisation, reference=None):
    notifications.send_email(
        to=volunteer.user.email, template_id=template_id(name), personalisation=personalisation, reference=reference
    )


def to_newcomer(request, name, personalisation, reference=None):
    """By email if they gave one, else by text; nothing if they gave neither (the coordinator phones)."""
    if request.email:
        notifications.send_email(
            to=request.email, template_id=template_id(name), personalisation=personalisation, reference=reference
        )
    elif request.phone:
        notifications.send_sms(
            to=request.phone, template_id=template_id(name), personalisation=personalisation, reference=reference
        )
