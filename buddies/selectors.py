"""Reads of the buddy scheme: lists for the coordinator, the engine's inputs, the pilot report."""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils import timezone

from directory.geography import distance_m

from .models import BuddyRequest, Match, Meeting, SafeguardingConcern, Volunteer

Stage = Volunteer.Stage
ONBOARDING_STAGES = [Stage.APPLIED, Stage.REFERENCES, Stage.IDENTITY, Stage.DBS, Stage.TRAINED, Stage.APPROVED]
EXPIRY_LIST_DAYS = 60
QUIET_MATCH_DAYS = 21


def buddy_request_counts(*, field):
    """Number of buddy requests for each value of ``field`` (e.g. ``"ward_code"``, ``"source"``)."""
    rows = BuddyRequest.objects.values(field).annotate(count=Count("id")).order_by(field)
    return {row[field]: row["count"] for row in rows}


def volunteers_visible_to(user):
    """Every volunteer for a coordinator; a partner user's own organisation's otherwise."""
    volunteers = Volunteer.objects.select_related("user", "organisation").order_by("user__full_name")
    if user.has_perm("buddies.view_dashboard"):
        return volunteers
    if user.organisation_id:
        return volunteers.filter(organisation_id=user.organisation_id)
    return volunteers.none()


def volunteer_detail(volunteer_id):
    return (
        Volunteer.objects.select_related("user", "organisation", "put_forward_by")
        .prefetch_related("stage_changes__changed_by")
        .filter(pk=volunteer_id)
        .first()
    )


def active_match_counts():
    rows = Match.objects.filter(status=Match.Status.ACCEPTED).values("volunteer_id").annotate(n=Count("id"))
    return {row["volunteer_id"]: row["n"] for row in rows}


def free_places(volunteer):
    return volunteer.capacity - volunteer.matches.filter(status=Match.Status.ACCEPTED).count()


def waiting_days(request, now=None):
    end = request.matched_at or now or timezone.now()
    return max((end - request.created_at).total_seconds() / 86400, 0.0)


def requests_waiting():
    """Waiting requests, longest wait first, each with its waiting time in days."""
    now = timezone.now()
    requests = list(
        BuddyRequest.objects.filter(status=BuddyRequest.Status.WAITING)
        .select_related("referring_organisation")
        .order_by("created_at")
    )
    for request in requests:
        request.waiting_days = int(waiting_days(request, now))
    return requests


def request_detail(request_id):
    return (
        BuddyRequest.objects.select_related("referred_by", "referring_organisation")
        .prefetch_related("matches__volunteer__user")
        .filter(pk=request_id)
        .first()
    )


@dataclass(frozen=True)
class MatchingInputs:
    newcomers: list
    volunteers: list
    places_of_welcome: list
    excluded_pairs: frozenset


def volunteer_is_cleared(volunteer, today):
    valid_until = volunteer.checks_valid_until
    return volunteer.stage == Stage.ACTIVE and valid_until is not None and valid_until >= today


def matching_inputs(*, today):
    """The engine's inputs: waiting requests, and active, cleared volunteers with free places.

    Volunteers whose checks have expired are not offered at all (the engine would refuse them too).
    """
    from pledges.selectors import active_places_of_welcome

    from . import matching

    now = timezone.now()
    newcomers = [
        matching.Newcomer(
            id=request.pk,
            languages=frozenset(request.languages),
            latitude=request.latitude,
            longitude=request.longitude,
            availability=frozenset(request.availability),
            interests=frozenset(request.interests),
            buddy_gender=request.buddy_gender,
            meet_only_at_place_of_welcome=request.meet_only_at_place_of_welcome,
            waiting_days=waiting_days(request, now),
        )
        for request in BuddyRequest.objects.filter(
            status=BuddyRequest.Status.WAITING, latitude__isnull=False, longitude__isnull=False
        )
    ]
    taken = active_match_counts()
    volunteers = []
    for volunteer in Volunteer.objects.filter(stage=Stage.ACTIVE, latitude__isnull=False, longitude__isnull=False):
        free = volunteer.capacity - taken.get(volunteer.pk, 0)
        if free <= 0 or not volunteer_is_cleared(volunteer, today):
            continue
        volunteers.append(
            matching.Volunteer(
                id=volunteer.pk,
                languages=frozenset(volunteer.languages),
                latitude=volunteer.latitude,
                longitude=volunteer.longitude,
                availability=frozenset(volunteer.availability),
                interests=frozenset(volunteer.interests),
                gender=volunteer.gender,
                capacity=free,
                max_travel_km=volunteer.max_travel_km,
                checks_valid_until=volunteer.checks_valid_until,
                active=True,
            )
        )
    places = [
        (place.location.latitude, place.location.longitude)
        for place in active_places_of_welcome()
        if place.location.latitude is not None and place.location.longitude is not None
    ]
    # Every pair that already has a match row: rejected pairs are never proposed again.
    excluded = frozenset(Match.objects.exclude(status=Match.Status.PROPOSED).values_list("request_id", "volunteer_id"))
    return MatchingInputs(newcomers, volunteers, places, excluded)


def place_of_welcome_between(request, volunteer):
    """The open Place of Welcome nearest to both (least total distance), or None if none is known."""
    from pledges.selectors import active_places_of_welcome

    if None in (request.latitude, request.longitude, volunteer.latitude, volunteer.longitude):
        return None
    best, best_distance = None, None
    for place in active_places_of_welcome():
        location = place.location
        if location.latitude is None or location.longitude is None:
            continue
        total = distance_m(request.latitude, request.longitude, location.latitude, location.longitude) + distance_m(
            volunteer.latitude, volunteer.longitude, location.latitude, location.longitude
        )
        if best_distance is None or total < best_distance:
            best, best_distance = place, total
    return best


def proposals():
    return list(
        Match.objects.filter(status=Match.Status.PROPOSED)
        .select_related("request", "volunteer__user", "volunteer__organisation")
        .order_by("-score", "id")
    )


def reason_texts(match):
    from . import matching

    return [matching.reason_text(matching.Reason(code=row["code"], params=row["params"])) for row in match.reasons]


def match_detail(match_id):
    return (
        Match.objects.select_related(
            "request", "volunteer__user", "volunteer__organisation", "place_of_welcome__location"
        )
        .filter(pk=match_id)
        .first()
    )


def matches_of_volunteer(user):
    return list(
        Match.objects.filter(volunteer__user=user, status__in=[Match.Status.ACCEPTED, Match.Status.ENDED])
        .select_related("request", "place_of_welcome__location")
        .annotate(meeting_count=Count("meetings"), last_met=Max("meetings__met_on"))
        .order_by("status", "-decided_at")
    )


def ongoing_matches():
    return list(
        Match.objects.filter(status=Match.Status.ACCEPTED)
        .select_related("request", "volunteer__user")
        .annotate(meeting_count=Count("meetings"), last_met=Max("meetings__met_on"))
        .order_by("decided_at")
    )


def quiet_matches(*, today):
    """(match, date of the last meeting or of the match) for ongoing matches with no meeting for three weeks."""
    quiet = []
    for match in ongoing_matches():
        last = match.last_met or timezone.localtime(match.decided_at).date()
        if (today - last).days >= QUIET_MATCH_DAYS:
            quiet.append((match, last))
    return quiet


def open_concerns():
    return list(
        SafeguardingConcern.objects.filter(acknowledged_at__isnull=True)
        .select_related("match__volunteer__user", "match__request")
        .order_by("raised_at")
    )


def expiring_checks(*, today):
    """(volunteer, what, expiry date) for checks expiring within 60 days or already expired, soonest first."""
    horizon = today + datetime.timedelta(days=EXPIRY_LIST_DAYS)
    rows = []
    volunteers = Volunteer.objects.exclude(stage=Stage.LEFT).filter(
        Q(dbs_valid_until__lte=horizon) | Q(training_expires_on__lte=horizon)
    )
    for volunteer in volunteers.select_related("user", "organisation"):
        for what, expires_on in (("dbs", volunteer.dbs_valid_until), ("training", volunteer.training_expires_on)):
            if expires_on is not None and expires_on <= horizon:
                rows.append(
                    {"volunteer": volunteer, "what": what, "expires_on": expires_on, "expired": expires_on < today}
                )
    return sorted(rows, key=lambda row: row["expires_on"])


def dashboard_counts():
    return {
        "waiting": BuddyRequest.objects.filter(status=BuddyRequest.Status.WAITING).count(),
        "proposed": Match.objects.filter(status=Match.Status.PROPOSED).count(),
        "ongoing": Match.objects.filter(status=Match.Status.ACCEPTED).count(),
        "onboarding": Volunteer.objects.filter(stage__in=ONBOARDING_STAGES).count(),
        "active": Volunteer.objects.filter(stage=Stage.ACTIVE).count(),
    }


def meetings_of(match):
    return list(Meeting.objects.filter(match=match).select_related("place_of_welcome__location"))


def volunteer_put_forward_with_key(key, organisations):
    """The volunteer an earlier submit of the put-forward form made, if ``key`` is that form's, else None."""
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return None
    return Volunteer.objects.filter(idempotency_key=key, organisation__in=organisations).first()
