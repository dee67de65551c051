"""Synthetic buddy scheme: volunteers at every onboarding stage, referrals, matches, meetings, surveys.

``load(rng)`` (run by ``manage.py load_demo`` after accounts, directory and pledges) is idempotent:
volunteers are keyed by their demo email address, referrals by a fixed idempotency key, and matches
by their pair. Everyone is made up. The demo volunteer sign-in (accounts.demo) gets an active
volunteer record with a buddy and meetings to log. Sign-up requests come from the signup app's demo.
"""

import datetime
import uuid

from django.utils import timezone

from accounts.demo import DEMO_EMAIL_DOMAIN, FIRST_NAMES, LAST_NAMES, demo_email
from accounts.models import Organisation, User
from accounts.roles import Role
from accounts.services import user_create
from places.models import Postcode
from pledges.models import Pledge
from pledges.selectors import active_places_of_welcome

from .models import (
    AVAILABILITY_SLOTS,
    BuddyRequest,
    DbsLevel,
    Match,
    Meeting,
    SurveyResponse,
    Volunteer,
    VolunteerStageChange,
)
from .selectors import place_of_welcome_between

_NAMESPACE = uuid.UUID("5d1c0b7e-9f3a-4e21-8c5b-6a7d2e9f0c14")
PLEDGE_ORGANISATIONS = ["Caldmore Community Forum", "Palfrey Women's Network", "Brookvale Homes"]
LANGUAGE_SETS = [["pl", "en"], ["ur", "pa", "en"], ["ro", "en"], ["ar", "en"], ["bn", "en"], ["uk", "en"], ["en"]]
INTERESTS = ["learning-english", "health", "schools-childcare", "council-services"]
Stage = Volunteer.Stage
# (stage reached, days until the checks expire or None before they are recorded)
VOLUNTEER_PLAN = [
    (Stage.ACTIVE, 700),
    (Stage.ACTIVE, 500),
    (Stage.ACTIVE, 45),  # expiring soon: warnings at 60 and 30 days
    (Stage.ACTIVE, 20),
    (Stage.ACTIVE, 900),
    (Stage.ACTIVE, -10),  # checks expired: never offered to the matching engine
    (Stage.PAUSED, 300),
    (Stage.APPROVED, 1000),
    (Stage.TRAINED, 1000),
    (Stage.DBS, None),
    (Stage.IDENTITY, None),
    (Stage.REFERENCES, None),
    (Stage.APPLIED, None),
]
PIPELINE = [Stage.APPLIED, Stage.REFERENCES, Stage.IDENTITY, Stage.DBS, Stage.TRAINED, Stage.APPROVED, Stage.ACTIVE]
REFERRALS = 10


def _pledge_organisations():
    """The demo's pledge organisations; if the pledges demo gave none an active pledge, sign one for them."""
    organisations = list(Organisation.objects.filter(name__in=PLEDGE_ORGANISATIONS, is_demo=True))
    today = timezone.localdate()
    for organisation in organisations:
        if not organisation.pledges.filter(status=Pledge.Status.ACTIVE).exists():
            Pledge.objects.create(
                organisation=organisation,
                status=Pledge.Status.ACTIVE,
                signed_on=today - datetime.timedelta(days=200),
                renewal_due=today + datetime.timedelta(days=165),
                is_demo=True,
            )
    return organisations


def _checks(stage, valid_for, today, rng):
    """The onboarding fields a volunteer at ``stage`` has recorded."""
    reached = PIPELINE.index(stage) if stage in PIPELINE else PIPELINE.index(Stage.ACTIVE)
    fields = {}
    if reached >= 1:
        fields.update(
            first_referee=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            first_reference_received_on=today - datetime.timedelta(days=120),
            second_referee=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            second_reference_received_on=today - datetime.timedelta(days=110),
        )
    if reached >= 2:
        fields.update(identity_checked_on=today - datetime.timedelta(days=100), identity_document="passport")
    if reached >= 3:
        valid_until = today + datetime.timedelta(days=valid_for or 1000)
        fields.update(
            dbs_level=DbsLevel.BASIC,
            dbs_certificate_number=f"00{rng.randrange(10**9, 10**10)}",
            dbs_issued_on=valid_until.replace(year=valid_until.year - 3),
            dbs_valid_until=valid_until,
        )
    if reached >= 4:
        fields.update(
            training_course="Befriending and safeguarding adults",
            training_completed_on=today - datetime.timedelta(days=60),
            training_expires_on=today + datetime.timedelta(days=valid_for or 1000),
        )
    return fields, PIPELINE[: reached + 1] + ([stage] if stage not in PIPELINE else [])


def _volunteer(*, user, organisation, stage, valid_for, postcode, rng, today):
    fields, history = _checks(stage, valid_for, today, rng)
    profile = {
        "languages": rng.choice(LANGUAGE_SETS),
        "interests": rng.sample(INTERESTS, 2),
        "availability": rng.sample(AVAILABILITY_SLOTS, 5),
        "gender": rng.choice(["woman", "man", ""]),
        "capacity": rng.choice([1, 1, 2, 3]),
        "max_travel_km": rng.choice([3.0, 5.0, 8.0]),
    }
    if Volunteer.objects.filter(user=user).exists():
        return Volunteer.objects.get(user=user), False
    volunteer = Volunteer.objects.create(
        user=user,
        organisation=organisation,
        stage=stage,
        postcode=postcode.postcode,
        ward_code=postcode.ward_code,
        latitude=postcode.lat,
        longitude=postcode.lon,
        is_demo=True,
        **profile,
        **fields,
    )
    for step in history:
        VolunteerStageChange.objects.create(volunteer=volunteer, stage=step, note="Demonstration history")
    return volunteer, True


def load(rng):
    organisations = _pledge_organisations()
    if not organisations:
        return ""
    postcodes = list(Postcode.objects.exclude(lat=None).order_by("postcode"))
    if not postcodes:
        return ""
    today = timezone.localdate()
    now = timezone.now()
    made_volunteers = made_requests = made_matches = 0

    volunteers = []
    sign_in = User.objects.filter(email=demo_email(Role.VOLUNTEER), is_demo=True).first()
    if sign_in is not None:
        volunteer, made = _volunteer(
            user=sign_in,
            organisation=sign_in.organisation if sign_in.organisation in organisations else organisations[0],
            stage=Stage.ACTIVE,
            valid_for=400,
            postcode=rng.choice(postcodes),
            rng=rng,
            today=today,
        )
        if made:
            volunteer.languages = ["pl", "en"]
            volunteer.capacity = 2
            volunteer.save(update_fields=["languages", "capacity"])
        made_volunteers += made
        volunteers.append(volunteer)
    for number, (stage, valid_for) in enumerate(VOLUNTEER_PLAN, start=1):
        email = f"buddy-volunteer-{number:02d}@{DEMO_EMAIL_DOMAIN}"
        full_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        organisation = organisations[number % len(organisations)]
        user = User.objects.filter(email=email).first() or user_create(
            email=email,
            full_name=full_name,
            organisation=organisation,
            roles=[Role.VOLUNTEER],
            job_title="Community buddy",
            is_demo=True,
        )
        volunteer, made = _volunteer(
            user=user,
            organisation=organisation,
            stage=stage,
            valid_for=valid_for,
            postcode=rng.choice(postcodes),
            rng=rng,
            today=today,
        )
        made_volunteers += made
        volunteers.append(volunteer)

    referrers = list(
        User.objects.filter(is_demo=True, groups__name__in=[Role.INTEGRATION_OFFICER, Role.PARTNER_ORGANISATION_USER])
    )
    requests = []
    for number in range(1, REFERRALS + 1):
        key = uuid.uuid5(_NAMESPACE, f"referral-{number}")
        postcode = rng.choice(postcodes)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        languages = rng.choice(LANGUAGE_SETS[:-1])
        days_ago = rng.randrange(2, 80)
        referrer = referrers[number % len(referrers)] if referrers else None
        interests = rng.sample(INTERESTS, 1)
        availability = rng.sample(AVAILABILITY_SLOTS, 6)
        buddy_gender = rng.choice(["", "", "woman"])
        meet_only_at_place_of_welcome = rng.random() < 0.3
        request = BuddyRequest.objects.filter(idempotency_key=key).first()
        if request is None:
            partner = referrer is not None and referrer.has_role(Role.PARTNER_ORGANISATION_USER)
            request = BuddyRequest.objects.create(
                source=BuddyRequest.Source.PARTNER if partner else BuddyRequest.Source.OFFICER,
                name=name,
                email=f"newcomer-{number:02d}@example.test",
                languages=languages,
                postcode=postcode.postcode,
                ward_code=postcode.ward_code,
                latitude=postcode.lat,
                longitude=postcode.lon,
                interests=interests,
                availability=availability,
                buddy_gender=buddy_gender,
                meet_only_at_place_of_welcome=meet_only_at_place_of_welcome,
                notes="Synthetic demonstration referral.",
                referred_by=referrer,
                referring_organisation=referrer.organisation if referrer else None,
                idempotency_key=key,
                is_demo=True,
            )
            BuddyRequest.objects.filter(pk=request.pk).update(created_at=now - datetime.timedelta(days=days_ago))
            request.refresh_from_db()
            made_requests += 1
        requests.append(request)

    # Matches: the demo sign-in's buddy (meetings to log), a quiet one, and one ended with its survey.
    active = [volunteer for volunteer in volunteers if volunteer.stage == Stage.ACTIVE]
    plan = [
        (active[0], requests[0], 30, [25, 18, 11, 4], None),
        (active[1], requests[1], 40, [], None),  # no meeting since: the quiet-match alert
        (active[2], requests[2], 90, [80, 70, 60], (5, 4)),  # ended, both answered the survey
    ]
    places = list(active_places_of_welcome())
    for volunteer, request, days_ago, meetings, survey in plan:
        outcomes = [rng.sample(["practised_english", "signposted", "social"], rng.randrange(1, 3)) for _ in meetings]
        match = Match.objects.filter(request=request, volunteer=volunteer).first()
        if match is not None:
            continue
        decided = now - datetime.timedelta(days=days_ago)
        place = place_of_welcome_between(request, volunteer)
        match = Match.objects.create(
            request=request,
            volunteer=volunteer,
            status=Match.Status.ENDED if survey else Match.Status.ACCEPTED,
            score=1.0,
            reasons=[
                {
                    "code": "shared_language",
                    "params": {"languages": sorted(set(request.languages) & set(volunteer.languages)) or ["en"]},
                }
            ],
            decided_at=decided,
            introduced_at=decided,
            ended_at=now - datetime.timedelta(days=50) if survey else None,
            place_of_welcome=place,
            is_demo=True,
        )
        BuddyRequest.objects.filter(pk=request.pk).update(
            status=BuddyRequest.Status.CLOSED if survey else BuddyRequest.Status.MATCHED, matched_at=decided
        )
        for met_days_ago, meeting_outcomes in zip(meetings, outcomes, strict=True):
            Meeting.objects.create(
                match=match,
                met_on=today - datetime.timedelta(days=met_days_ago),
                place_of_welcome=place or (places[0] if places else None),
                other_place="" if (place or places) else "Walsall Central Library",
                duration_minutes=rng.choice([45, 60, 90]),
                outcomes=meeting_outcomes,
                logged_by=volunteer.user,
                is_demo=True,
            )
        if survey:
            for respondent, rating in zip(("volunteer", "newcomer"), survey, strict=True):
                SurveyResponse.objects.create(
                    match=match, respondent=respondent, rating=rating, feels_more_connected=True, is_demo=True
                )
        made_matches += 1

    if not (made_volunteers or made_requests or made_matches):
        return ""
    return f"{made_volunteers} volunteers, {made_requests} referrals and {made_matches} matches"
