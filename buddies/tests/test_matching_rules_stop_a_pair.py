"""Every hard rule on its own stops a pair from being proposed; allowed pairs are the only ones proposed."""

import datetime

import pytest
from hypothesis import given, settings

from buddies.matching import RULES, blocking_rule, propose

from .test_matching_examples import CENTRE, TODAY, newcomer, pools, volunteer

# A Place of Welcome 0.5 km north of the newcomer, 0.6 km south of the volunteer.
PLACE_NEARBY = (CENTRE[0] + 0.0045, CENTRE[1])

BLOCKED = [
    ("not_active", newcomer(), volunteer(active=False)),
    ("checks_expired", newcomer(), volunteer(checks_valid_until=TODAY - datetime.timedelta(days=1))),
    ("checks_expired", newcomer(), volunteer(checks_valid_until=None)),
    ("no_shared_language", newcomer(languages=frozenset({"ur"})), volunteer()),
    ("too_far", newcomer(), volunteer(latitude=CENTRE[0] + 0.1)),  # about 11 km
    ("too_far", newcomer(), volunteer(max_travel_km=1.0)),  # 1.1 km apart
    ("no_shared_time", newcomer(availability=frozenset({"sun_evening"})), volunteer()),
    ("no_capacity", newcomer(), volunteer(capacity=0)),
    ("buddy_gender", newcomer(buddy_gender="man"), volunteer(gender="woman")),
    ("buddy_gender", newcomer(buddy_gender="woman"), volunteer(gender="")),
    ("no_place_of_welcome_nearby", newcomer(meet_only_at_place_of_welcome=True), volunteer()),
]


def test_the_example_pair_is_allowed_and_proposed():
    assert blocking_rule(newcomer(), volunteer(), today=TODAY) is None
    [proposal] = propose([newcomer()], [volunteer()], today=TODAY)
    assert (proposal.newcomer_id, proposal.volunteer_id) == (1, 1)


@pytest.mark.parametrize(
    ("code", "person", "buddy"), BLOCKED, ids=[f"{code}-{n}" for n, (code, *_) in enumerate(BLOCKED)]
)
def test_each_rule_alone_stops_the_pair(code, person, buddy):
    assert blocking_rule(person, buddy, today=TODAY) == code
    assert propose([person], [buddy], today=TODAY) == []


def test_every_rule_is_covered_here():
    assert {code for code, *_ in BLOCKED} == {code for code, _rule in RULES}


def test_the_first_failing_rule_is_named():
    tired = volunteer(active=False, checks_valid_until=None, capacity=0)
    assert blocking_rule(newcomer(languages=frozenset({"ur"})), tired, today=TODAY) == "not_active"


def test_checks_are_valid_up_to_and_including_their_last_day():
    assert blocking_rule(newcomer(), volunteer(checks_valid_until=TODAY), today=TODAY) is None


def test_a_preferred_gender_is_met_by_a_volunteer_of_that_gender():
    assert blocking_rule(newcomer(buddy_gender="woman"), volunteer(gender="woman"), today=TODAY) is None


def test_place_of_welcome_only_needs_an_open_place_both_can_reach():
    person = newcomer(meet_only_at_place_of_welcome=True)
    assert blocking_rule(person, volunteer(), today=TODAY, places_of_welcome=[PLACE_NEARBY]) is None
    assert len(propose([person], [volunteer()], today=TODAY, places_of_welcome=[PLACE_NEARBY])) == 1


def test_a_place_of_welcome_beyond_the_newcomers_reach_does_not_count():
    person = newcomer(meet_only_at_place_of_welcome=True)
    place_3km_south = (CENTRE[0] - 0.027, CENTRE[1])
    assert (
        blocking_rule(person, volunteer(), today=TODAY, places_of_welcome=[place_3km_south])
        == "no_place_of_welcome_nearby"
    )
    assert propose([person], [volunteer()], today=TODAY, places_of_welcome=[place_3km_south]) == []


def test_a_place_of_welcome_beyond_the_volunteers_travel_does_not_count():
    person = newcomer(meet_only_at_place_of_welcome=True)
    place_south = (CENTRE[0] - 0.015, CENTRE[1])  # 1.7 km from the newcomer, 2.8 km from the volunteer
    buddy = volunteer(max_travel_km=2.0)
    assert blocking_rule(person, buddy, today=TODAY, places_of_welcome=[place_south]) == "no_place_of_welcome_nearby"
    assert propose([person], [buddy], today=TODAY, places_of_welcome=[place_south]) == []
    assert blocking_rule(person, volunteer(max_travel_km=3.0), today=TODAY, places_of_welcome=[place_south]) is None


def test_a_rejected_pair_is_never_proposed_again():
    near, far = volunteer(1), volunteer(2, latitude=CENTRE[0] + 0.02)
    assert propose([newcomer()], [near, far], today=TODAY)[0].volunteer_id == 1
    [proposal] = propose([newcomer()], [near, far], today=TODAY, excluded_pairs=frozenset({(1, 1)}))
    assert proposal.volunteer_id == 2
    assert propose([newcomer()], [near], today=TODAY, excluded_pairs=frozenset({(1, 1)})) == []


@settings(max_examples=150, deadline=None)
@given(pools(max_newcomers=5, max_volunteers=4, max_capacity=3))
def test_only_allowed_pairs_are_proposed_and_capacity_is_respected(pool):
    newcomers, volunteers, places = pool
    excluded = frozenset((person.id, buddy.id) for person in newcomers[::2] for buddy in volunteers[:1])
    proposals = propose(newcomers, volunteers, today=TODAY, places_of_welcome=places, excluded_pairs=excluded)
    by_id = {buddy.id: buddy for buddy in volunteers}
    people = {person.id: person for person in newcomers}
    for proposal in proposals:
        assert (proposal.newcomer_id, proposal.volunteer_id) not in excluded
        assert (
            blocking_rule(
                people[proposal.newcomer_id], by_id[proposal.volunteer_id], today=TODAY, places_of_welcome=places
            )
            is None
        )
    newcomer_ids = [proposal.newcomer_id for proposal in proposals]
    assert len(newcomer_ids) == len(set(newcomer_ids))
    for buddy in volunteers:
        assert sum(proposal.volunteer_id == buddy.id for proposal in proposals) <= max(buddy.capacity, 0)


@settings(max_examples=150, deadline=None)
@given(pools(max_newcomers=4, max_volunteers=4))
def test_every_allowed_pair_alone_is_proposed_and_every_blocked_pair_is_not(pool):
    """The whole-pool screen (numpy, in blocks) agrees with ``blocking_rule`` pair by pair."""
    newcomers, volunteers, places = pool
    for person in newcomers:
        for buddy in volunteers:
            allowed = blocking_rule(person, buddy, today=TODAY, places_of_welcome=places) is None
            proposed = propose([person], [buddy], today=TODAY, places_of_welcome=places)
            assert bool(proposed) == allowed
