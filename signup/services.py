import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from buddies.services import buddy_request_create, buddy_requests_contact_withdraw, buddy_requests_erase_for_signup
from core import notifications

from . import links, notify, selectors
from .models import Channel, Consent, ErasureCount, FollowUp, Purpose, SignUp

logger = logging.getLogger(__name__)

# (follow-up, days after sign-up, the purpose the resident must have consented to)
FOLLOW_UP_SCHEDULE = (
    (FollowUp.Kind.GP_REGISTRATION, 7, Purpose.SETTLING_IN),
    (FollowUp.Kind.CONVERSATION_CLUB, 14, Purpose.LOCAL_ACTIVITIES),
    (FollowUp.Kind.SETTLING_IN, 30, Purpose.SETTLING_IN),
)
PURPOSE_OF = {kind: purpose for kind, _days, purpose in FOLLOW_UP_SCHEDULE}
# The privacy notice promises this: a sign-up is deleted a year after it was made, and the resident
# is told once, this long before, through the channels they still agree to.
RETENTION = datetime.timedelta(days=365)
DELETION_NOTICE_BEFORE = datetime.timedelta(days=30)


def signup_create(
    *,
    idempotency_key,
    name,
    postcode,
    ward_code,
    language,
    latitude=None,
    longitude=None,
    languages=(),
    interests=(),
    email="",
    phone="",
    safe_times="",
    consents=(),
    buddy=None,
    is_demo=False,
    created_at=None,
):
    """Make the sign-up, its consents, its follow-ups and (when asked) its buddy request.

    ``consents`` is a collection of (purpose, channel); ``buddy`` is None or a dict with
    ``availability``, ``buddy_gender``, ``meet_only_at_place_of_welcome`` and ``notes``.
    Returns (sign-up, created): a second call with the same ``idempotency_key`` returns the first.
    """
    existing = SignUp.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            signup = SignUp.objects.create(
                idempotency_key=idempotency_key,
                name=name,
                email=email,
                phone=phone,
                safe_times=safe_times,
                postcode=postcode,
                latitude=latitude,
                longitude=longitude,
                ward_code=ward_code,
                languages=list(languages),
                language=language,
                interests=list(interests),
                wants_buddy=buddy is not None,
                is_demo=is_demo,
            )
            if created_at is not None:
                SignUp.objects.filter(pk=signup.pk).update(created_at=created_at)
                signup.refresh_from_db()
            consents = set(consents)
            Consent.objects.bulk_create(
                Consent(signup=signup, purpose=purpose, channel=channel) for purpose, channel in sorted(consents)
            )
            consented_purposes = {purpose for purpose, _channel in consents}
            FollowUp.objects.bulk_create(
                FollowUp(signup=signup, kind=kind, due_at=signup.created_at + datetime.timedelta(days=days))
                for kind, days, purpose in FOLLOW_UP_SCHEDULE
                if purpose in consented_purposes
            )
            if buddy is not None:
                # The buddy scheme gets only the ways of contact the resident agreed it may use.
                buddy_request_create(
                    source="welcome_signup",
                    signup_reference=signup.reference,
                    name=name,
                    languages=languages,
                    email=email if (Purpose.BUDDY_SCHEME, Channel.EMAIL) in consents else "",
                    phone=phone if (Purpose.BUDDY_SCHEME, Channel.SMS) in consents else "",
                    postcode=postcode,
                    ward_code=ward_code,
                    latitude=latitude,
                    longitude=longitude,
                    interests=interests,
                    availability=buddy.get("availability", ()),
                    buddy_gender=buddy.get("buddy_gender", ""),
                    meet_only_at_place_of_welcome=buddy.get("meet_only_at_place_of_welcome", False),
                    notes=buddy.get("notes", ""),
                    is_demo=is_demo,
                )
    except IntegrityError:
        # Two submits raced: the other one made it.
        existing = SignUp.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return signup, True


@transaction.atomic
def consent_withdraw(*, signup, purpose, channel):
    """Stop one purpose through one channel; follow-ups check consent when they are sent.

    Withdrawing what the buddy scheme may use takes that address away from the buddy request too
    (and the request itself once no way of contact is left).
    """
    withdrawn = Consent.objects.filter(signup=signup, purpose=purpose, channel=channel, withdrawn_at=None).update(
        withdrawn_at=timezone.now()
    )
    if withdrawn and purpose == Purpose.BUDDY_SCHEME:
        buddy_requests_contact_withdraw(
            signup_reference=signup.reference, email=channel == Channel.EMAIL, phone=channel == Channel.SMS
        )
    return withdrawn


def _message_references(signup):
    return [f"signup-{pk}" for pk in signup.follow_ups.values_list("pk", flat=True)] + [
        _deletion_notice_reference(signup)
    ]


def _deletion_notice_reference(signup):
    return f"signup-deletion-{signup.pk}"


@transaction.atomic
def signup_erase(*, signup, at_residents_request=True):
    """Delete a sign-up, its follow-ups and its buddy requests.

    An erasure the resident asked for is counted anonymously by ward and month (officers see it as
    "deleted at the resident's request"); the routine deletion after 12 months is not.
    """
    if at_residents_request:
        month = timezone.localdate().replace(day=1)
        counter, _created = ErasureCount.objects.get_or_create(ward_code=signup.ward_code, month=month)
        ErasureCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    buddy_requests_erase_for_signup(signup_reference=signup.reference)
    # The task queue keeps each message's address and text; a message not sent yet is not sent at all.
    DBTaskResult.objects.filter(args_kwargs__kwargs__reference__in=_message_references(signup)).delete()
    signup.delete()  # consents and follow-ups go with it


def signups_past_retention_erase(*, now=None):
    """Erase every sign-up older than the retention period. Returns how many were erased."""
    cutoff = (now or timezone.now()) - RETENTION
    expired = list(SignUp.objects.filter(created_at__lt=cutoff))
    for signup in expired:
        signup_erase(signup=signup, at_residents_request=False)
    return len(expired)


def active_channels(signup, purpose=None):
    """The channels the resident still agrees to for ``purpose`` (for any purpose when None)."""
    consents = signup.consents.filter(withdrawn_at=None)
    if purpose is not None:
        consents = consents.filter(purpose=purpose)
    given = set(consents.values_list("channel", flat=True))
    return [channel for channel in Channel.values if channel in given]


def _send(signup, channel, template, personalisation, reference):
    """Send through ``channel`` if the resident gave an address for it; True if a message went."""
    if channel == Channel.EMAIL and signup.email:
        notifications.send_email(
            to=signup.email, template_id=template, personalisation=personalisation, reference=reference
        )
        return True
    if channel == Channel.SMS and signup.phone:
        notifications.send_sms(
            to=signup.phone, template_id=template, personalisation=personalisation, reference=reference
        )
        return True
    return False


def deletion_notices_send(*, now=None):
    """Tell each resident, once, that their sign-up will be deleted soon. Returns how many were told.

    Only through channels they still agree to for some purpose; a sign-up with none is marked and
    left alone. The notice is claimed before it is sent, so it never goes twice.
    """
    now = now or timezone.now()
    due = SignUp.objects.filter(
        deletion_notice_sent_at=None,
        created_at__lt=now - RETENTION + DELETION_NOTICE_BEFORE,
        created_at__gte=now - RETENTION,
    )
    told = 0
    for signup in due.iterator():
        if not SignUp.objects.filter(pk=signup.pk, deletion_notice_sent_at=None).update(deletion_notice_sent_at=now):
            continue
        channels = active_channels(signup)
        if not channels:
            continue
        with translation.override(signup.language):
            personalisation = _deletion_notice(signup)
        reference = _deletion_notice_reference(signup)
        sent = [
            _send(signup, channel, notify.deletion_notice_template_id(channel), personalisation, reference)
            for channel in channels
        ]
        told += any(sent)
    return told


def _deletion_notice(signup):
    deletion_date = timezone.localdate(signup.created_at + RETENTION)
    erase_link = notifications.site_url(reverse("signup:erase", kwargs={"token": links.erase_token(signup)}))
    return {
        "heading": _("We will delete your Walsall sign-up soon"),
        "body": _(
            "You signed up for help settling in to Walsall almost a year ago. We keep your details for "
            "12 months, so we will delete them on %(date)s. You do not need to do anything. To delete "
            "them now, or to stop our messages, use the link below."
        )
        % {"date": formats.date_format(deletion_date, "DATE_FORMAT")},
        "erase_link": erase_link,
    }


def _message(follow_up):
    """(personalisation) for a follow-up, in the resident's language; only public information in it."""
    signup = follow_up.signup
    answer_link = notifications.site_url(reverse("signup:outcome", kwargs={"token": links.outcome_token(follow_up)}))
    erase_link = notifications.site_url(reverse("signup:erase", kwargs={"token": links.erase_token(signup)}))
    service_text = ""
    category = selectors.FOLLOW_UP_CATEGORIES.get(follow_up.kind)
    service = next(iter(selectors.nearest_services(signup, category)), None) if category else None
    if service is not None:
        service_link = notifications.site_url(reverse("directory:service_detail", kwargs={"service_id": service.pk}))
        session = selectors.next_session_text(service) if follow_up.kind == FollowUp.Kind.CONVERSATION_CLUB else ""
        service_text = " – ".join(part for part in (service.name, session, service_link) if part)
    if follow_up.kind == FollowUp.Kind.GP_REGISTRATION:
        heading = _("Have you registered with a GP?")
        body = _(
            "Registering with a GP (family doctor) is free. Everyone in England can register, you do not "
            "need proof of address or immigration status. The GP surgery nearest you is below."
        )
    elif follow_up.kind == FollowUp.Kind.CONVERSATION_CLUB:
        heading = _("English conversation club this week near you")
        body = _("Practise everyday English with your neighbours. It is free and friendly. The nearest one is below.")
    else:
        heading = _("How are you settling in?")
        body = _("It is a month since you signed up. Have you joined anything? Tell us, or ask us for help.")
    return {
        "heading": heading,
        "body": body,
        "service": service_text,
        "answer_link": answer_link,
        "erase_link": erase_link,
    }


def follow_up_send(*, follow_up, now=None):
    """Send one follow-up through the channels still consented, at most once. True if this call sent it."""
    now = now or timezone.now()
    claimed = FollowUp.objects.filter(pk=follow_up.pk, sent_at=None).update(sent_at=now)
    if not claimed:
        return False
    signup = follow_up.signup
    channels = active_channels(signup, PURPOSE_OF[follow_up.kind])
    with translation.override(signup.language):
        personalisation = _message(follow_up)
    reference = f"signup-{follow_up.pk}"
    sent = [
        channel
        for channel in channels
        if _send(signup, channel, notify.template_id(follow_up.kind, channel), personalisation, reference)
    ]
    FollowUp.objects.filter(pk=follow_up.pk).update(sent_channels=sent)
    return True


def follow_ups_send_due(*, now=None):
    """Send every follow-up that is due and not sent yet. Returns how many were sent."""
    now = now or timezone.now()
    due = FollowUp.objects.filter(sent_at=None, due_at__lte=now).select_related("signup")
    return sum(follow_up_send(follow_up=follow_up, now=now) for follow_up in due.iterator())


@transaction.atomic
def follow_up_record_outcome(*, follow_up, outcome, services_joined=(), answered_by=FollowUp.AnsweredBy.LINK):
    """Record the resident's answer; ``services_joined`` are directory services (objects with pk and name)."""
    follow_up.outcome = outcome
    follow_up.services_joined = [{"id": str(service.pk), "name": service.name} for service in services_joined]
    follow_up.answered_at = timezone.now()
    follow_up.answered_by = answered_by
    follow_up.save(update_fields=["outcome", "services_joined", "answered_at", "answered_by"])
    return follow_up
