"""Synthetic sign-ups for the demonstration: residents across wards and languages, some asking for a buddy.

``load(rng)`` makes what is missing of ``DEMO_SIGNUPS`` sign-ups; each has a stable idempotency key,
so a second run makes nothing. Names are plainly invented ("Demo resident 07"), email addresses use
the reserved ``example.invalid`` domain and mobile numbers Ofcom's drama range. Follow-ups already due
are marked sent (no message goes to Notify) with a spread of answers, as officers would see them.
"""

import datetime
import uuid

from django.utils import timezone

from places import selectors as places_selectors
from places.models import Postcode

from . import selectors, services
from .models import Channel, FollowUp, Purpose, SignUp

DEMO_SIGNUPS = 60
_NAMESPACE = uuid.UUID("b1f4c0de-5a7e-4c1b-9d3e-6a2f0c8e4d17")
# Weighted towards the languages most spoken in Walsall after English.
DEMO_LANGUAGES = ["pl", "pl", "pa", "pa", "ur", "ur", "ro", "bn", "ar", "uk", "ku", "so", "ti", "fa"]
DEMO_INTERESTS = ["learning-english", "health", "schools-childcare", "employment", "community-groups", "sport-leisure"]
OUTCOMES = ["", "", "", "done", "done", "done", "not_yet", "not_yet", "wants_help"]


def _postcodes(rng, count):
    """(postcode lookup) for ``count`` synthetic postcodes inside Walsall's wards."""
    candidates = list(
        Postcode.objects.filter(lat__isnull=False).order_by("postcode").values_list("postcode", flat=True)
    )
    rng.shuffle(candidates)
    found = []
    for postcode in candidates:
        lookup = places_selectors.postcode_lookup(postcode)
        if lookup is not None and lookup.ward is not None:
            found.append(lookup)
        if len(found) == count:
            break
    return found


def _consents(rng, wants_buddy):
    consents = {
        (purpose, channel)
        for purpose in (Purpose.SETTLING_IN, Purpose.LOCAL_ACTIVITIES)
        for channel in Channel
        if rng.random() < 0.55
    }
    if wants_buddy:
        consents |= {(Purpose.BUDDY_SCHEME, Channel.EMAIL), (Purpose.BUDDY_SCHEME, Channel.SMS)}
    return consents


def _answer_due_follow_ups(rng, signup, now):
    choices = None
    for follow_up in signup.follow_ups.filter(due_at__lte=now):
        channels = services.active_channels(signup, services.PURPOSE_OF[follow_up.kind])
        follow_up.sent_at = follow_up.due_at
        follow_up.sent_channels = channels
        outcome = rng.choice(OUTCOMES) if channels else ""
        joined = []
        if outcome == "done" and follow_up.kind != FollowUp.Kind.GP_REGISTRATION:
            if choices is None:
                choices = selectors.services_to_choose_from(signup, limit=4)
            joined = rng.sample(choices, k=min(len(choices), rng.randint(1, 2)))
        follow_up.outcome = outcome
        follow_up.services_joined = [{"id": str(service.pk), "name": service.name} for service in joined]
        follow_up.answered_at = follow_up.due_at + datetime.timedelta(days=rng.randint(0, 5)) if outcome else None
        follow_up.answered_by = rng.choice(["link", "link", "phone_call"]) if outcome else ""
        follow_up.save()


def load(rng):
    existing = set(SignUp.objects.filter(is_demo=True).values_list("idempotency_key", flat=True))
    wanted = [uuid.uuid5(_NAMESPACE, f"demo-signup-{number}") for number in range(1, DEMO_SIGNUPS + 1)]
    missing = [(number, key) for number, key in enumerate(wanted, start=1) if key not in existing]
    if not missing:
        return f"{DEMO_SIGNUPS} demo sign-ups already present"
    lookups = _postcodes(rng, len(missing))
    if not lookups:
        return "no postcodes imported: demo sign-ups skipped (run make data first)"
    now = timezone.now()
    made = buddies = 0
    for (number, key), lookup in zip(missing, (lookups * len(missing))[: len(missing)], strict=True):
        wants_buddy = rng.random() < 0.35
        first_language = rng.choice(DEMO_LANGUAGES)
        buddy = None
        if wants_buddy:
            buddies += 1
            buddy = {
                "availability": sorted(
                    rng.sample(
                        [
                            f"{day}_{part}"
                            for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
                            for part in ("morning", "afternoon", "evening")
                        ],
                        k=rng.randint(2, 6),
                    )
                ),
                "buddy_gender": rng.choice(["", "", "woman", "man"]),
                "meet_only_at_place_of_welcome": rng.random() < 0.3,
                "notes": "Synthetic demo request.",
            }
        signup, created = services.signup_create(
            idempotency_key=key,
            name=f"Demo resident {number:02d}",
            postcode=lookup.postcode.postcode,
            ward_code=lookup.ward.gss_code,
            latitude=lookup.postcode.lat,
            longitude=lookup.postcode.lon,
            language=first_language if first_language in {"pl", "ro", "pa", "ur", "bn", "ar"} else "en",
            languages=[first_language, "en"] if rng.random() < 0.6 else [first_language],
            interests=rng.sample(DEMO_INTERESTS, k=rng.randint(1, 3)),
            email=f"demo-resident-{number:02d}@example.invalid",
            phone=f"07700900{number:03d}",
            consents=_consents(rng, wants_buddy),
            buddy=buddy,
            is_demo=True,
            created_at=now - datetime.timedelta(days=rng.randint(0, 120), hours=rng.randint(0, 23)),
        )
        if created:
            made += 1
            _answer_due_follow_ups(rng, signup, now)
    return f"{made} demo sign-ups made ({buddies} asking for a buddy), follow-ups answered as due"
