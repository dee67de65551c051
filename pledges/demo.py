"""Synthetic pledges and Places of Welcome for the demonstration site. Everything here is made up.

Pledges come from accounts' demo organisations and from invented community groups and residents;
Places of Welcome are made at the directory's demo locations of the "Places of Welcome" category.
Stable keys (uuid5 submission keys, the location of each place) make ``load`` idempotent.
"""

import datetime
import uuid

from django.utils import timezone

from accounts.demo import DEMO_EMAIL_DOMAIN
from accounts.models import Organisation, User

from . import selectors
from .models import COMMITMENTS, PLEDGE_YEAR, FivePsCheck, OpeningTime, PlaceOfWelcome, Pledge

_NAMESPACE = uuid.UUID("6f1d1c2e-8d4b-4b8a-9a57-5f0e2b7c9d13")
DEMO_PLACES = 12

# (name, linked to an accounts demo organisation?) — invented groups have no account.
ORGANISATION_SIGNATORIES = [
    ("Walsall for All CIC", True),
    ("Brookvale Homes", True),
    ("Wyrley Vale Housing Trust", True),
    ("Caldmore Community Forum", True),
    ("Palfrey Women's Network", True),
    ("Bloxwich Library Place of Welcome", True),
    ("Victim Support West Midlands", True),
    ("Pleck Allotment Society", False),
    ("Darlaston Youth Football Club", False),
    ("Birchills Over-60s Lunch Club", False),
    ("Willenhall Polish Saturday School", False),
    ("Brownhills Canal Walkers", False),
]
INDIVIDUALS = [
    ("Aisha Rahman", True),
    ("Tomasz Kowalski", False),
    ("Gurpreet Sandhu", True),
    ("Elena Popescu", False),
    ("Owen Walker", True),
    ("Nasreen Begum", False),
]
OWN_WORDS = [
    "We will hold a welcome coffee morning for new tenants every quarter.",
    "Our volunteers will learn about reporting hate crime and share it with members.",
    "I will invite my new neighbours to the street party.",
    "We will run a conversation club before training on Saturdays.",
    "",
]
PLACE_HOSTS = [
    "Bloxwich Library Place of Welcome",
    "Caldmore Community Forum",
    "Palfrey Women's Network",
    "Walsall for All CIC",
    "Brookvale Homes",
]
WHAT_TO_EXPECT = [
    "Drop in for a free cup of tea and a chat. Volunteers can tell you about English classes and local groups.",
    "A warm room, hot drinks and biscuits, and a noticeboard of what is on nearby. Children welcome.",
    "A friendly café corner run by volunteers. Bring your questions about life in Walsall, or just come to talk.",
    "Board games, newspapers and a free hot drink. Once a month people share a skill: knitting, cooking, music.",
]
SESSIONS = [
    (2, datetime.time(9, 30), datetime.time(11, 30)),
    (1, datetime.time(10, 0), datetime.time(12, 0)),
    (5, datetime.time(10, 0), datetime.time(12, 0)),
    (3, datetime.time(13, 30), datetime.time(15, 30)),
    (0, datetime.time(10, 0), datetime.time(12, 30)),
    (4, datetime.time(14, 0), datetime.time(16, 0)),
]


def _key(kind, name):
    return uuid.uuid5(_NAMESPACE, f"{kind}:{name}")


def _pledges(rng, today):
    organisations = {org.name: org for org in Organisation.objects.filter(is_demo=True)}
    existing = set(Pledge.objects.filter(is_demo=True).values_list("submission_key", flat=True))
    made = 0
    signatories = [("organisation", name, linked) for name, linked in ORGANISATION_SIGNATORIES] + [
        ("individual", name, shown) for name, shown in INDIVIDUALS
    ]
    for number, (kind, name, flag) in enumerate(signatories):
        # Draw every pledge's randomness in order so a partial reload makes the same records.
        age_days = rng.randrange(20, 330)
        commitments = sorted(rng.sample([code for code, _label in COMMITMENTS], rng.randrange(2, 5)))
        own_words = rng.choice(OWN_WORDS)
        key = _key(kind, name)
        if key in existing:
            continue
        # One pledge due for renewal within the month, one past its renewal date.
        age_days = {2: 350, 11: 380}.get(number, age_days)
        signed_on = today - datetime.timedelta(days=age_days)
        status = Pledge.Status.ACTIVE
        if number in (3, 14):
            status = Pledge.Status.PENDING
        elif number == 9:
            status = Pledge.Status.WITHDRAWN
        elif signed_on + PLEDGE_YEAR < today:
            status = Pledge.Status.LAPSED
        first_name = name.split(" ")[0]
        is_individual = kind == "individual"
        Pledge.objects.create(
            submission_key=key,
            kind=kind,
            organisation=organisations.get(name) if not is_individual and flag else None,
            organisation_name="" if is_individual else name,
            individual_name=name if is_individual and flag else "",
            commitments=commitments,
            own_words=own_words,
            contact_name=name if is_individual else f"{first_name} Contact",
            contact_email=f"pledge-{number}@{DEMO_EMAIL_DOMAIN}",
            contact_phone=f"01632 960{number:03d}",
            status=status,
            signed_on=signed_on,
            renewal_due=signed_on + PLEDGE_YEAR,
            decided_on=None if status == Pledge.Status.PENDING else signed_on + datetime.timedelta(days=7),
            is_demo=True,
        )
        made += 1
    return made


def _places(rng, today):
    hosts = list(Organisation.objects.filter(is_demo=True, name__in=PLACE_HOSTS).order_by("name"))
    if not hosts:
        return 0
    officer = User.objects.filter(email=f"integration@{DEMO_EMAIL_DOMAIN}").first()
    have = PlaceOfWelcome.objects.filter(is_demo=True).count()
    candidates = list(
        selectors.locations_without_a_place().filter(service_at_locations__service__is_demo=True).order_by("id")
    )
    made = 0
    for number, location in enumerate(candidates[: max(DEMO_PLACES - have, 0)], start=have):
        place = PlaceOfWelcome.objects.create(
            location=location,
            organisation=hosts[number % len(hosts)],
            status=PlaceOfWelcome.Status.PAUSED if number == 5 else PlaceOfWelcome.Status.ACTIVE,
            what_to_expect=rng.choice(WHAT_TO_EXPECT),
            coordinator_name=f"Coordinator {number + 1}",
            coordinator_email=f"place-{number + 1}@{DEMO_EMAIL_DOMAIN}",
            coordinator_phone=f"01632 961{number:03d}",
            status_changed_on=today - datetime.timedelta(days=rng.randrange(30, 300)),
            is_demo=True,
        )
        for weekday, opens, closes in rng.sample(SESSIONS, rng.randrange(1, 3)):
            OpeningTime.objects.create(place=place, weekday=weekday, opens=opens, closes=closes)
        met = {code: rng.random() < 0.85 for code in ("place", "people", "presence", "provision", "participation")}
        FivePsCheck.objects.create(
            place=place,
            checked_on=today - datetime.timedelta(days=rng.randrange(5, 200)),
            checked_by=officer,
            submission_key=_key("check", str(location.pk)),
            is_demo=True,
            **{f"{code}_met": value for code, value in met.items()},
            **{
                f"{code}_note": "" if value else "Agreed to work on this before the next visit."
                for code, value in met.items()
            },
        )
        made += 1
    return made


def load(rng):
    today = timezone.localdate()
    pledges = _pledges(rng, today)
    places = _places(rng, today)
    if not (pledges or places):
        return ""
    return f"{pledges} pledges and {places} Places of Welcome with opening times and 5 Ps checks"
