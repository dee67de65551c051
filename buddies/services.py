"""Every write of the buddy scheme: requests, volunteers and their onboarding, matching, meetings."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from accounts.services import user_create

from . import notify
from .models import (
    BuddyRequest,
    ExpiryWarning,
    Match,
    Meeting,
    SafeguardingConcern,
    SurveyResponse,
    Volunteer,
    VolunteerStageChange,
    dbs_levels_allowed,
)

Stage = Volunteer.Stage
# Without the update service the scheme asks for a new certificate every three years.
DBS_RECHECK_YEARS = 3
EXPIRY_WARNING_DAYS = (60, 30, 7)
QUIET_MATCH_DAYS = 21


class OnboardingError(ValueError):
    """A step taken out of order, or a check the role may not have."""


@transaction.atomic
def buddy_request_create(
    *,
    source,
    name,
    languages,
    signup_reference=None,
    email="",
    phone="",
    postcode="",
    ward_code="",
    latitude=None,
    longitude=None,
    interests=(),
    availability=(),
    buddy_gender="",
    meet_only_at_place_of_welcome=False,
    notes="",
    is_demo=False,
    referred_by=None,
    referring_organisation=None,
    idempotency_key=None,
):
    """A newcomer asks for a buddy. With ``idempotency_key`` a second submit returns the first request."""
    if idempotency_key is not None:
        existing = BuddyRequest.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    return BuddyRequest.objects.create(
        source=source,
        signup_reference=signup_reference,
        name=name,
        email=email,
        phone=phone,
        languages=list(languages),
        postcode=postcode,
        ward_code=ward_code,
        latitude=latitude,
        longitude=longitude,
        interests=list(interests),
        availability=list(availability),
        buddy_gender=buddy_gender,
        meet_only_at_place_of_welcome=meet_only_at_place_of_welcome,
        notes=notes,
        referred_by=referred_by,
        referring_organisation=referring_organisation,
        idempotency_key=idempotency_key,
        is_demo=is_demo,
    )


@transaction.atomic
def buddy_requests_erase_for_signup(*, signup_reference):
    """The newcomer withdrew their consent: their buddy requests go with their sign-up.

    Their matches, meetings and survey answers go too; safeguarding concerns stay, cut off from the
    newcomer (see ``SafeguardingConcern`` for why and what is kept). Returns how many rows were deleted.
    """
    requests = BuddyRequest.objects.filter(signup_reference=signup_reference)
    SafeguardingConcern.objects.filter(match__request__in=requests).update(
        match=None, newcomer_erased_at=timezone.now()
    )
    deleted, _by_model = requests.delete()
    return deleted


@transaction.atomic
def buddy_requests_contact_withdraw(*, signup_reference, email=False, phone=False):
    """The newcomer no longer lets the buddy scheme use their email or phone: the address is blanked.

    A request left with no way of contact cannot be used, so it is deleted. Returns how many remain.
    """
    remaining = 0
    for request in BuddyRequest.objects.filter(signup_reference=signup_reference):
        if email:
            request.email = ""
        if phone:
            request.phone = ""
        if request.email or request.phone:
            request.save(update_fields=["email", "phone"])
            remaining += 1
        else:
            request.delete()
    return remaining


# Volunteers and onboarding -----------------------------------------------------------------------


def _stage_change(volunteer, stage, by, note=""):
    volunteer.stage = stage
    volunteer.save(update_fields=["stage"])
    VolunteerStageChange.objects.create(volunteer=volunteer, stage=stage, changed_by=by, note=note)


@transaction.atomic
def volunteer_put_forward(
    *,
    by,
    organisation,
    full_name,
    email,
    phone="",
    role,
    languages,
    postcode="",
    ward_code="",
    latitude=None,
    longitude=None,
    interests=(),
    availability=(),
    gender="",
    capacity=1,
    max_travel_km=5.0,
    is_demo=False,
    idempotency_key=None,
):
    """A pledge organisation puts someone forward: they get a volunteer sign-in (set by password reset).

    With ``idempotency_key`` a second submit of the same form returns the first volunteer.
    """
    if idempotency_key is not None:
        existing = Volunteer.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    user = user_create(
        email=email,
        full_name=full_name,
        organisation=organisation,
        phone=phone,
        roles=[Role.VOLUNTEER],
        job_title=_("Community buddy"),
        is_demo=is_demo,
    )
    volunteer = Volunteer.objects.create(
        user=user,
        organisation=organisation,
        put_forward_by=by,
        role=role,
        languages=list(languages),
        postcode=postcode,
        ward_code=ward_code,
        latitude=latitude,
        longitude=longitude,
        interests=list(interests),
        availability=list(availability),
        gender=gender,
        capacity=capacity,
        max_travel_km=max_travel_km,
        is_demo=is_demo,
        idempotency_key=idempotency_key,
    )
    VolunteerStageChange.objects.create(volunteer=volunteer, stage=Stage.APPLIED, changed_by=by)
    return volunteer


def _require_stage(volunteer, *stages):
    if volunteer.stage not in stages:
        raise OnboardingError(
            _("This step cannot be recorded while the volunteer is at the stage “%(stage)s”.")
            % {"stage": volunteer.get_stage_display()}
        )


@transaction.atomic
def volunteer_record_references(
    *, volunteer, by, first_referee, first_received_on, second_referee="", second_received_on=None
):
    """Record the references; with two received the volunteer moves on to the identity check."""
    _require_stage(volunteer, Stage.APPLIED)
    volunteer.first_referee = first_referee
    volunteer.first_reference_received_on = first_received_on
    volunteer.second_referee = second_referee
    volunteer.second_reference_received_on = second_received_on
    volunteer.save()
    if volunteer.references_received == 2:
        _stage_change(volunteer, Stage.REFERENCES, by)
    return volunteer


@transaction.atomic
def volunteer_record_identity(*, volunteer, by, checked_on, document):
    _require_stage(volunteer, Stage.REFERENCES)
    volunteer.identity_checked_on = checked_on
    volunteer.identity_document = document
    volunteer.save()
    _stage_change(volunteer, Stage.IDENTITY, by)
    return volunteer


def dbs_valid_until(*, issued_on, update_service, subscription_renews_on=None):
    if update_service and subscription_renews_on:
        return subscription_renews_on
    try:
        return issued_on.replace(year=issued_on.year + DBS_RECHECK_YEARS)
    except ValueError:  # 29 February
        return issued_on.replace(year=issued_on.year + DBS_RECHECK_YEARS, day=28)


@transaction.atomic
def volunteer_record_dbs(
    *, volunteer, by, level, certificate_number, issued_on, update_service=False, subscription_renews_on=None
):
    """Record a DBS check (first, or a renewal later). Never a level higher than the role is eligible for."""
    _require_stage(volunteer, Stage.IDENTITY, Stage.DBS, Stage.TRAINED, Stage.APPROVED, Stage.ACTIVE, Stage.PAUSED)
    if level not in dbs_levels_allowed(volunteer.role):
        raise OnboardingError(_("This role is not eligible for that level of DBS check."))
    volunteer.dbs_level = level
    volunteer.dbs_certificate_number = certificate_number
    volunteer.dbs_issued_on = issued_on
    volunteer.dbs_update_service = update_service
    volunteer.dbs_valid_until = dbs_valid_until(
        issued_on=issued_on, update_service=update_service, subscription_renews_on=subscription_renews_on
    )
    volunteer.save()
    if volunteer.stage == Stage.IDENTITY:
        _stage_change(volunteer, Stage.DBS, by)
    return volunteer


@transaction.atomic
def volunteer_record_training(*, volunteer, by, course, completed_on, expires_on):
    """Record training (first, or a refresher later)."""
    _require_stage(volunteer, Stage.DBS, Stage.TRAINED, Stage.APPROVED, Stage.ACTIVE, Stage.PAUSED)
    volunteer.training_course = course
    volunteer.training_completed_on = completed_on
    volunteer.training_expires_on = expires_on
    volunteer.save()
    if volunteer.stage == Stage.DBS:
        _stage_change(volunteer, Stage.TRAINED, by)
    return volunteer


@transaction.atomic
def volunteer_approve(*, volunteer, by):
    _require_stage(volunteer, Stage.TRAINED)
    _stage_change(volunteer, Stage.APPROVED, by)
    return volunteer


ALLOWED_STATUS_CHANGES = {
    Stage.ACTIVE: (Stage.APPROVED, Stage.PAUSED),
    Stage.PAUSED: (Stage.ACTIVE,),
    Stage.LEFT: tuple(stage for stage in Stage if stage != Stage.LEFT),
}


@transaction.atomic
def volunteer_set_status(*, volunteer, by, stage, note=""):
    """Make an approved volunteer active, pause or resume them, or record that they left."""
    if stage not in ALLOWED_STATUS_CHANGES:
        raise OnboardingError(_("Choose active, paused or left."))
    _require_stage(volunteer, *ALLOWED_STATUS_CHANGES[stage])
    _stage_change(volunteer, stage, by, note)
    return volunteer


def _warning_due(expires_on, today):
    """The lead time (60, 30 or 7 days) a check expiring on ``expires_on`` is within today, or None."""
    days_left = (expires_on - today).days
    if days_left < 0:
        return None
    due = [days for days in EXPIRY_WARNING_DAYS if days_left <= days]
    return min(due) if due else None


def volunteer_expiry_warnings_send(*, today=None):
    """Warn volunteers 60, 30 and 7 days before a check expires; each warning once. Returns how many sent."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(EXPIRY_WARNING_DAYS))
    volunteers = Volunteer.objects.exclude(stage=Stage.LEFT).select_related("user")
    sent = 0
    for volunteer in volunteers:
        for kind, expires_on in (
            (ExpiryWarning.Check.DBS, volunteer.dbs_valid_until),
            (ExpiryWarning.Check.TRAINING, volunteer.training_expires_on),
        ):
            if expires_on is None or expires_on > horizon:
                continue
            days_before = _warning_due(expires_on, today)
            if days_before is None:
                continue
            with transaction.atomic():
                _warning, created = ExpiryWarning.objects.get_or_create(
                    volunteer=volunteer, kind=kind, expires_on=expires_on, days_before=days_before
                )
                if created:
                    notify.to_volunteer(
                        volunteer,
                        "expiry_warning",
                        {
                            "first_name": volunteer.first_name,
                            "check": str(ExpiryWarning.Check(kind).label),
                            "expires_on": expires_on.isoformat(),
                            "days_left": str((expires_on - today).days),
                        },
                        reference=f"buddies-expiry-{volunteer.pk}-{kind}-{expires_on}-{days_before}",
                    )
                    sent += 1
    return sent


# Matching ----------------------------------------------------------------------------------------


@transaction.atomic
def matching_run(*, today=None):
    """Ask the engine for pairs among waiting requests and volunteers' free places; store its proposals.

    Undecided proposals of an earlier run are replaced; accepted matches stay (only waiting requests
    and remaining capacity go in) and rejected pairs are passed as excluded, so never proposed again.
    """
    from . import matching, selectors

    today = today or timezone.localdate()
    Match.objects.filter(status=Match.Status.PROPOSED).delete()
    inputs = selectors.matching_inputs(today=today)
    proposals = matching.propose(
        inputs.newcomers,
        inputs.volunteers,
        today=today,
        places_of_welcome=inputs.places_of_welcome,
        excluded_pairs=inputs.excluded_pairs,
    )
    newcomer_ids = {newcomer.id for newcomer in inputs.newcomers}
    volunteer_ids = {volunteer.id for volunteer in inputs.volunteers}
    return [
        Match.objects.create(
            request_id=proposal.newcomer_id,
            volunteer_id=proposal.volunteer_id,
            score=float(proposal.score),
            reasons=[{"code": reason.code, "params": _json_safe(dict(reason.params))} for reason in proposal.reasons],
        )
        for proposal in proposals
        # Only pairs the engine was offered, and never an excluded one, whatever the engine returns.
        if proposal.newcomer_id in newcomer_ids
        and proposal.volunteer_id in volunteer_ids
        and (proposal.newcomer_id, proposal.volunteer_id) not in inputs.excluded_pairs
    ]


def _json_safe(value):
    """Reason parameters as JSON: sets and tuples become sorted lists, numpy numbers plain ones."""
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_json_safe(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value


class DecisionError(ValueError):
    pass


def _lock_proposal(match):
    match = Match.objects.select_for_update().select_related("request", "volunteer__user").get(pk=match.pk)
    if match.status != Match.Status.PROPOSED:
        raise DecisionError(_("This proposal has already been decided."))
    return match


@transaction.atomic
def match_accept(*, match, by, site_url=""):
    """The coordinator accepts a pair: the request is matched and both sides are introduced."""
    from . import selectors

    match = _lock_proposal(match)
    request = match.request
    if request.status != BuddyRequest.Status.WAITING:
        raise DecisionError(_("This newcomer already has a buddy."))
    # A proposal can wait days for a decision: the volunteer may have been paused, left, run out of
    # in-date checks or filled their places since the run. An expired volunteer is never matched.
    volunteer = Volunteer.objects.select_for_update().get(pk=match.volunteer_id)
    if not selectors.volunteer_is_cleared(volunteer, timezone.localdate()):
        raise DecisionError(
            _("%(name)s is not active with in-date checks any more, so cannot be matched. Find matches again.")
            % {"name": match.volunteer.first_name}
        )
    if selectors.free_places(volunteer) <= 0:
        raise DecisionError(_("%(name)s has no free places any more.") % {"name": match.volunteer.first_name})
    now = timezone.now()
    match.status = Match.Status.ACCEPTED
    match.decided_at = now
    match.decided_by = by
    match.place_of_welcome = selectors.place_of_welcome_between(request, match.volunteer)
    match.introduced_at = now
    match.save()
    request.status = BuddyRequest.Status.MATCHED
    request.matched_at = now
    request.save(update_fields=["status", "matched_at"])
    # The other proposals for this newcomer are moot; so are the volunteer's once they are full.
    Match.objects.filter(request=request, status=Match.Status.PROPOSED).delete()
    if selectors.free_places(match.volunteer) <= 0:
        Match.objects.filter(volunteer=match.volunteer, status=Match.Status.PROPOSED).delete()
    _introduce(match, site_url)
    return match


def _introduce(match, site_url):
    """First names and the first meeting's Place of Welcome: nothing else either side has not agreed to share."""
    from django.urls import reverse

    place = match.place_of_welcome
    place_name = place.location.name if place else _("a Place of Welcome the coordinator will suggest")
    reference = f"buddies-introduction-{match.pk}"
    notify.to_volunteer(
        match.volunteer,
        "introduction_volunteer",
        {
            "first_name": match.volunteer.first_name,
            "buddy_first_name": match.request.first_name,
            "place": place_name,
            "link": site_url.rstrip("/") + reverse("buddies:match_detail", kwargs={"match_id": match.pk}),
        },
        reference=reference,
    )
    notify.to_newcomer(
        match.request,
        "introduction_newcomer",
        {
            "first_name": match.request.first_name,
            "buddy_first_name": match.volunteer.first_name,
            "place": place_name,
            "link": newcomer_link(match, site_url),
        },
        reference=reference,
    )


def newcomer_link(match, site_url):
    from django.urls import reverse

    return site_url.rstrip("/") + reverse("buddies:newcomer_match", kwargs={"token": notify.newcomer_token(match)})


@transaction.atomic
def match_reject(*, match, by, reason):
    match = _lock_proposal(match)
    match.status = Match.Status.REJECTED
    match.decided_at = timezone.now()
    match.decided_by = by
    match.rejection_reason = reason
    match.save()
    return match


@transaction.atomic
def match_end(*, match, by, site_url=""):
    """The buddying is over: the request is closed and both sides are asked for the short survey."""
    from django.urls import reverse

    match = Match.objects.select_for_update().select_related("request", "volunteer__user").get(pk=match.pk)
    if match.status != Match.Status.ACCEPTED:
        raise DecisionError(_("Only an ongoing match can be ended."))
    match.status = Match.Status.ENDED
    match.ended_at = timezone.now()
    match.save(update_fields=["status", "ended_at"])
    match.request.status = BuddyRequest.Status.CLOSED
    match.request.save(update_fields=["status"])
    reference = f"buddies-survey-{match.pk}"
    notify.to_volunteer(
        match.volunteer,
        "survey_invitation",
        {
            "first_name": match.volunteer.first_name,
            "link": site_url.rstrip("/") + reverse("buddies:volunteer_survey", kwargs={"match_id": match.pk}),
        },
        reference=reference,
    )
    notify.to_newcomer(
        match.request,
        "survey_invitation",
        {
            "first_name": match.request.first_name,
            "link": site_url.rstrip("/")
            + reverse("buddies:newcomer_survey", kwargs={"token": notify.newcomer_token(match)}),
        },
        reference=reference,
    )
    return match


# After a match -----------------------------------------------------------------------------------


def meeting_log(
    *, match, by, met_on, duration_minutes, outcomes, idempotency_key, place_of_welcome=None, other_place=""
):
    """Log a meeting; the same form submitted twice logs it once."""
    try:
        with transaction.atomic():
            return Meeting.objects.create(
                match=match,
                logged_by=by,
                met_on=met_on,
                duration_minutes=duration_minutes,
                outcomes=list(outcomes),
                place_of_welcome=place_of_welcome,
                other_place=other_place,
                idempotency_key=idempotency_key,
            )
    except IntegrityError:
        return Meeting.objects.get(idempotency_key=idempotency_key, match=match)


def concern_raise(*, match, raised_by, description, idempotency_key):
    """A safeguarding concern reaches every coordinator at once (the message says only that there is one)."""
    try:
        with transaction.atomic():
            concern = SafeguardingConcern.objects.create(
                match=match,
                volunteer_id=match.volunteer_id,
                raised_by=raised_by,
                description=description,
                idempotency_key=idempotency_key,
            )
    except IntegrityError:
        return SafeguardingConcern.objects.get(idempotency_key=idempotency_key, match=match)
    notify.to_coordinators(
        "safeguarding_concern",
        {"raised_by": str(SafeguardingConcern.RaisedBy(raised_by).label), "match": str(match.pk)},
        reference=f"buddies-concern-{concern.pk}",
    )
    return concern


@transaction.atomic
def concern_acknowledge(*, concern, by):
    if concern.acknowledged_at is None:
        concern.acknowledged_at = timezone.now()
        concern.acknowledged_by = by
        concern.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return concern


def survey_answer(*, match, respondent, rating, feels_more_connected, comment=""):
    """One answer per side of a match; a second submit keeps the first. Returns (response, created)."""
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                match=match,
                respondent=respondent,
                rating=rating,
                feels_more_connected=feels_more_connected,
                comment=comment,
            )
            return response, True
    except IntegrityError:
        return SurveyResponse.objects.get(match=match, respondent=respondent), False


def quiet_match_alerts_send(*, today=None):
    """Alert coordinators once about each match with no meeting for three weeks. Returns how many."""
    from . import selectors

    today = today or timezone.localdate()
    sent = 0
    for match, last in selectors.quiet_matches(today=today):
        with transaction.atomic():
            updated = Match.objects.filter(pk=match.pk).exclude(quiet_alert_for=last).update(quiet_alert_for=last)
            if updated:
                notify.to_coordinators(
                    "quiet_match",
                    {"match": str(match.pk), "days": str((today - last).days)},
                    reference=f"buddies-quiet-{match.pk}-{last}",
                )
                sent += 1
    return sent
