"""Newcomers, volunteers and small random pools for the matching engine's tests (no tests of its own, no database)."""

import datetime
import itertools
import random

from hypothesis import strategies as st

from buddies.matching import Newcomer, Volunteer, blocking_rule, pair_score

TODAY = datetime.date(2026, 11, 26)
# Walsall town centre; 0.01 degrees of latitude is about 1.1 km.
CENTRE = (52.586, -1.982)


def newcomer(id=1, **changes):
    values = {
        "id": id,
        "languages": frozenset({"pl", "en"}),
        "latitude": CENTRE[0],
        "longitude": CENTRE[1],
        "availability": frozenset({"sat_morning", "tue_evening"}),
        "interests": frozenset({"sport-leisure"}),
        "waiting_days": 10.0,
    }
    return Newcomer(**values | changes)


def volunteer(id=1, **changes):
    values = {
        "id": id,
        "languages": frozenset({"pl", "en"}),
        "latitude": CENTRE[0] + 0.01,
        "longitude": CENTRE[1],
        "availability": frozenset({"sat_morning"}),
        "interests": frozenset({"sport-leisure", "health"}),
        "gender": "woman",
        "capacity": 1,
        "max_travel_km": 5.0,
        "checks_valid_until": TODAY + datetime.timedelta(days=200),
        "active": True,
    }
    return Volunteer(**values | changes)


_LANGUAGES = ["pl", "ur", "ro"]
_SLOTS = ["mon_morning", "wed_evening", "sat_morning", "sun_afternoon"]
_INTERESTS = ["health", "sport-leisure", "learning-english", "faith"]


def _languages(rng, english):
    spoken = {rng.choice(_LANGUAGES)}
    return frozenset(spoken | {"en"} if rng.random() < english else spoken)


def _subset(rng, items, smallest):
    return frozenset(rng.sample(items, rng.randint(smallest, len(items) - 1)))


@st.composite
def pools(draw, max_newcomers=5, max_volunteers=3, max_capacity=2):
    """A small pool: newcomers, volunteers and Places of Welcome, with every rule in play.

    Drawn from a seeded generator with fixed odds, so most pools have several allowed pairs
    competing for places (hypothesis's own choices pile onto edge cases: every volunteer inactive,
    every check expired, one person). Empty pools have their own test.
    """
    rng = random.Random(draw(st.integers(0, 2**32)))

    def point():
        return CENTRE[0] + rng.uniform(-0.025, 0.025), CENTRE[1] + rng.uniform(-0.035, 0.035)

    newcomers = [
        Newcomer(
            number,
            _languages(rng, english=0.5),
            *point(),
            availability=_subset(rng, _SLOTS, 1),
            interests=_subset(rng, _INTERESTS, 0),
            buddy_gender=rng.choice(["", "", "", "", "woman", "man"]),
            meet_only_at_place_of_welcome=rng.random() < 0.2,
            waiting_days=rng.choice([0.0, rng.uniform(0, 200)]),
        )
        for number in range(1, rng.randint(1, max_newcomers) + 1)
    ]
    volunteers = [
        Volunteer(
            100 + number,
            _languages(rng, english=0.9),
            *point(),
            availability=_subset(rng, _SLOTS, 1),
            interests=_subset(rng, _INTERESTS, 0),
            gender=rng.choice(["woman", "man", ""]),
            capacity=rng.choice([0] + [1, 2, 3][:max_capacity] * 3),
            max_travel_km=rng.uniform(2, 8),
            checks_valid_until=rng.choice([None, TODAY - datetime.timedelta(days=1), TODAY] + [TODAY + _YEAR] * 15),
            active=rng.random() < 0.9,
        )
        for number in range(1, rng.randint(1, max_volunteers) + 1)
    ]
    places = [point() for _place in range(rng.randint(0, 3))]
    return newcomers, volunteers, places


_YEAR = datetime.timedelta(days=365)


def best_total_by_brute_force(newcomers, volunteers, *, places_of_welcome, excluded_pairs=frozenset()):
    """The greatest total score over every way of giving each newcomer one allowed volunteer or none."""
    options = [
        [None]
        + [
            (volunteer, pair_score(newcomer, volunteer, places_of_welcome=places_of_welcome))
            for volunteer in volunteers
            if (newcomer.id, volunteer.id) not in excluded_pairs
            and blocking_rule(newcomer, volunteer, today=TODAY, places_of_welcome=places_of_welcome) is None
        ]
        for newcomer in newcomers
    ]
    best = 0.0
    for choice in itertools.product(*options):
        taken = [option[0].id for option in choice if option is not None]
        if all(taken.count(volunteer.id) <= volunteer.capacity for volunteer in volunteers):
            best = max(best, sum(option[1] for option in choice if option is not None))
    return best
