"""Writes of the pledge registry and of Places of Welcome. Each function runs in one transaction."""

import uuid
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from core import page_cache
from core.notifications import send_email
from directory.models import Address, Location

from . import notify
from .models import PLEDGE_YEAR, FivePsCheck, OpeningTime, PlaceOfWelcome, Pledge, PledgeReminder


class PledgeStateError(ValueError):
    """The pledge is not in a state that allows the action (e.g. approving a withdrawn pledge)."""


# The pledge ----------------------------------------------------------------------------------------


def pledge_submit(
    *,
    submission_key,
    kind,
    organisation_name="",
    show_name=False,
    contact_name,
    contact_email,
    contact_phone="",
    commitments=(),
    own_words="",
    organisation=None,
    signed_on=None,
    is_demo=False,
):
    """Record a signature waiting for approval. The same ``submission_key`` twice gives the same pledge.

    A public signature is never linked to a partner organisation here (anyone can type a name): the
    officer who approves it links it, so partner users never see a stranger's contact details.
    """
    existing = Pledge.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    signed_on = signed_on or timezone.localdate()
    is_individual = kind == Pledge.Kind.INDIVIDUAL
    try:
        with transaction.atomic():
            return Pledge.objects.create(
                submission_key=submission_key,
                kind=kind,
                organisation=None if is_individual else organisation,
                organisation_name="" if is_individual else organisation_name.strip(),
                individual_name=contact_name.strip() if is_individual and show_name else "",
                contact_name=contact_name.strip(),
                contact_email=contact_email.strip(),
                contact_phone=contact_phone.strip() or None,
                commitments=list(commitments),
                own_words=own_words.strip(),
                signed_on=signed_on,
                renewal_due=signed_on + PLEDGE_YEAR,
                is_demo=is_demo,
            )
    except IntegrityError:
        # Two submits of the same form at the same moment: the first one won.
        return Pledge.objects.get(submission_key=submission_key)


def _locked(pledge):
    return Pledge.objects.select_for_update().get(pk=pledge.pk)


def _public_pages_changed():
    """Anonymous visitors' cached copies of the lists would otherwise show the old state for minutes."""
    transaction.on_commit(page_cache.invalidate)


@transaction.atomic
def pledge_approve(*, pledge, by, organisation=None, today=None):
    """Approve a waiting pledge: it is listed publicly for a year from today."""
    today = today or timezone.localdate()
    pledge = _locked(pledge)
    if pledge.status != Pledge.Status.PENDING:
        raise PledgeStateError(pledge.status)
    if organisation is not None and pledge.kind == Pledge.Kind.ORGANISATION:
        pledge.organisation = organisation
    pledge.status = Pledge.Status.ACTIVE
    pledge.decided_on = today
    pledge.decided_by = by
    pledge.renewal_due = today + PLEDGE_YEAR
    pledge.save()
    _public_pages_changed()
    return pledge


@transaction.atomic
def pledge_reject(*, pledge, by, note="", today=None):
    pledge = _locked(pledge)
    if pledge.status != Pledge.Status.PENDING:
        raise PledgeStateError(pledge.status)
    pledge.status = Pledge.Status.REJECTED
    pledge.decided_on = today or timezone.localdate()
    pledge.decided_by = by
    pledge.decision_note = note
    pledge.save()
    _public_pages_changed()
    return pledge


@transaction.atomic
def pledge_renew(*, pledge, by, today=None):
    """Record that the signatory renewed: another year from today (reminders start again for it)."""
    today = today or timezone.localdate()
    pledge = _locked(pledge)
    if pledge.status not in (Pledge.Status.ACTIVE, Pledge.Status.LAPSED):
        raise PledgeStateError(pledge.status)
    pledge.status = Pledge.Status.ACTIVE
    pledge.renewed_on = today
    # Renewed in time: the anniversary stays; renewed after lapsing: a year from today.
    pledge.renewal_due = max(pledge.renewal_due, today) + PLEDGE_YEAR
    pledge.decided_by = by
    pledge.save()
    _public_pages_changed()
    return pledge


@transaction.atomic
def pledge_withdraw(*, pledge, by, note="", today=None):
    pledge = _locked(pledge)
    if pledge.status == Pledge.Status.WITHDRAWN:
        return pledge
    pledge.status = Pledge.Status.WITHDRAWN
    pledge.decided_on = today or timezone.localdate()
    pledge.decided_by = by
    pledge.decision_note = note
    pledge.save()
    _public_pages_changed()
    return pledge


REMINDER_TEMPLATES = {
    PledgeReminder.Kind.DAYS_30: notify.RENEWAL_30_DAYS,
    PledgeReminder.Kind.DAYS_7: notify.RENEWAL_7_DAYS,
    PledgeReminder.Kind.LAPSED: notify.LAPSED,
}


def _reminder_due(pledge, today):
    """The one reminder a pledge needs today, or None. Late runs catch up with the latest one only."""
    days_left = (pledge.renewal_due - today).days
    if days_left < 0:
        return PledgeReminder.Kind.LAPSED
    if days_left <= 7:
        return PledgeReminder.Kind.DAYS_7
    if days_left <= 30:
        return PledgeReminder.Kind.DAYS_30
    return None


def pledge_reminders_send(*, today=None):
    """Send the renewal reminders due today, each once per renewal date, and mark overdue pledges lapsed.

    Safe to run any number of times a day: a reminder is recorded before it is queued, and the
    record's unique key (pledge, kind, renewal date) stops a second one.
    """
    from .selectors import pledges_due_reminders

    today = today or timezone.localdate()
    sent = 0
    for pledge in pledges_due_reminders(today):
        kind = _reminder_due(pledge, today)
        if kind is None:
            continue
        with transaction.atomic():
            if kind == PledgeReminder.Kind.LAPSED and pledge.status == Pledge.Status.ACTIVE:
                Pledge.objects.filter(pk=pledge.pk, status=Pledge.Status.ACTIVE).update(status=Pledge.Status.LAPSED)
                _public_pages_changed()
            _reminder, created = PledgeReminder.objects.get_or_create(
                pledge=pledge, kind=kind, renewal_due=pledge.renewal_due
            )
            if not created or not pledge.contact_email:
                continue
            personalisation = {
                "name": pledge.contact_name or "",
                "signatory": pledge.public_name or pledge.contact_name or "",
                "renewal_due": pledge.renewal_due.strftime("%-d %B %Y"),
            }
            transaction.on_commit(
                partial(
                    send_email,
                    to=pledge.contact_email,
                    template_id=REMINDER_TEMPLATES[kind],
                    personalisation=personalisation,
                    reference=f"pledge-{pledge.pk}-{kind}-{pledge.renewal_due:%Y%m%d}",
                )
            )
            sent += 1
    return sent


# Places of Welcome --------------------------------------------------------------------------------


@transaction.atomic
def location_create(*, name, address_1, city, postal_code, latitude, longitude, is_demo=False):
    """A new directory location (with its address) for a venue not yet in the directory."""
    location = Location.objects.create(name=name, latitude=latitude, longitude=longitude)
    Address.objects.create(
        location=location,
        address_1=address_1,
        city=city or "Walsall",
        state_province="West Midlands",
        postal_code=postal_code,
    )
    return location


@transaction.atomic
def place_create(
    *,
    location,
    organisation,
    what_to_expect="",
    coordinator_name="",
    coordinator_email="",
    coordinator_phone="",
    status=PlaceOfWelcome.Status.PROPOSED,
    is_demo=False,
):
    """Make a location a Place of Welcome (a location is one place at most: a second call returns it)."""
    place, _created = PlaceOfWelcome.objects.get_or_create(
        location=location,
        defaults={
            "organisation": organisation,
            "what_to_expect": what_to_expect,
            "coordinator_name": coordinator_name or None,
            "coordinator_email": coordinator_email or None,
            "coordinator_phone": coordinator_phone or None,
            "status": status,
            "status_changed_on": timezone.localdate(),
            "is_demo": is_demo,
        },
    )
    _public_pages_changed()
    return place


@transaction.atomic
def place_update(*, place, what_to_expect, coordinator_name, coordinator_email, coordinator_phone, status):
    place = PlaceOfWelcome.objects.select_for_update().get(pk=place.pk)
    if status != place.status:
        place.status = status
        place.status_changed_on = timezone.localdate()
    place.what_to_expect = what_to_expect
    place.coordinator_name = coordinator_name or None
    place.coordinator_email = coordinator_email or None
    place.coordinator_phone = coordinator_phone or None
    place.save()
    _public_pages_changed()
    return place


@transaction.atomic
def place_set_opening_times(*, place, sessions):
    """Replace a place's weekly sessions with ``sessions``: (weekday, opens, closes, notes) tuples."""
    PlaceOfWelcome.objects.select_for_update().filter(pk=place.pk).first()
    place.opening_times.all().delete()
    OpeningTime.objects.bulk_create(
        OpeningTime(place=place, weekday=weekday, opens=opens, closes=closes, notes=notes)
        for weekday, opens, closes, notes in sessions
    )
    _public_pages_changed()
    return list(place.opening_times.all())


def five_ps_check_record(*, place, by, checked_on, results, submission_key=None, is_demo=False):
    """Record a 5 Ps check. ``results``: {code: (met, note)}. The same ``submission_key`` records once."""
    if submission_key is not None:
        existing = FivePsCheck.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    values = {}
    for code, (met, note) in results.items():
        values[f"{code}_met"] = bool(met)
        values[f"{code}_note"] = note or ""
    try:
        with transaction.atomic():
            _public_pages_changed()
            return FivePsCheck.objects.create(
                place=place,
                checked_by=by,
                checked_on=checked_on,
                submission_key=submission_key or uuid.uuid4(),
                is_demo=is_demo,
                **values,
            )
    except IntegrityError:
        return FivePsCheck.objects.get(submission_key=submission_key)
