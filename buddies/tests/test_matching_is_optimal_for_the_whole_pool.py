"""The proposals have the greatest total score (checked against brute force), beat greedy, favour the
longest waiting, and are the same every time for the same pool."""

import random

import numpy as np
import pytest
from hypothesis import given, settings
from scipy.optimize import linprog
from scipy.sparse import csr_array, vstack

from buddies.matching import (
    DEFAULT_WEIGHTS,
    _allowed_pairs,
    blocking_rule,
    pair_score,
    propose,
    propose_greedily,
)

from .test_matching_examples import CENTRE, TODAY, best_total_by_brute_force, newcomer, pools, volunteer


def total(proposals):
    return sum(proposal.score for proposal in proposals)


@settings(max_examples=200, deadline=None)
@given(pools(max_newcomers=5, max_volunteers=3, max_capacity=2))
def test_the_total_score_equals_the_best_found_by_trying_every_assignment(pool):
    newcomers, volunteers, places = pool
    proposals = propose(newcomers, volunteers, today=TODAY, places_of_welcome=places)
    assert total(proposals) == pytest.approx(best_total_by_brute_force(newcomers, volunteers, places_of_welcome=places))


@settings(max_examples=100, deadline=None)
@given(pools(max_newcomers=5, max_volunteers=3, max_capacity=2))
def test_excluded_pairs_are_left_out_of_the_optimum_too(pool):
    newcomers, volunteers, places = pool
    excluded = frozenset((person.id, buddy.id) for person in newcomers[:2] for buddy in volunteers[::2])
    proposals = propose(newcomers, volunteers, today=TODAY, places_of_welcome=places, excluded_pairs=excluded)
    assert total(proposals) == pytest.approx(
        best_total_by_brute_force(newcomers, volunteers, places_of_welcome=places, excluded_pairs=excluded)
    )


@pytest.mark.parametrize("seed", range(20))
def test_larger_random_pools_match_brute_force(seed):
    rng = random.Random(seed)
    slots = ["mon_morning", "wed_evening", "sat_morning"]
    newcomers = [
        newcomer(
            number,
            languages=frozenset(rng.sample(["en", "pl", "ur"], rng.randint(1, 2))),
            latitude=CENTRE[0] + rng.uniform(-0.03, 0.03),
            availability=frozenset(rng.sample(slots, rng.randint(1, 2))),
            interests=frozenset(rng.sample(["health", "faith", "sport-leisure"], rng.randint(0, 2))),
            waiting_days=rng.uniform(0, 90),
        )
        for number in range(1, 8)
    ]
    volunteers = [
        volunteer(
            number,
            languages=frozenset(rng.sample(["en", "pl", "ur"], rng.randint(1, 2))),
            latitude=CENTRE[0] + rng.uniform(-0.03, 0.03),
            availability=frozenset(rng.sample(slots, rng.randint(1, 2))),
            capacity=rng.randint(1, 3),
            max_travel_km=rng.uniform(1, 6),
        )
        for number in range(1, 4)
    ]
    proposals = propose(newcomers, volunteers, today=TODAY)
    assert total(proposals) == pytest.approx(best_total_by_brute_force(newcomers, volunteers, places_of_welcome=()))


def best_total_by_linear_programming(pairs):
    """The optimum of the linear programme: each newcomer at most 1, each volunteer at most capacity.

    Its constraint matrix is the incidence matrix of a bipartite graph, totally unimodular, so the
    programme's optimum is the best whole-number assignment: an independent exact solver.
    """
    edges = np.arange(len(pairs.score))
    per_newcomer = csr_array((np.ones(len(edges)), (pairs.newcomer, edges)), shape=(len(pairs.newcomers), len(edges)))
    per_volunteer = csr_array(
        (np.ones(len(edges)), (pairs.volunteer, edges)), shape=(len(pairs.volunteers), len(edges))
    )
    result = linprog(
        -pairs.score,
        A_ub=vstack([per_newcomer, per_volunteer]),
        b_ub=np.concatenate((np.ones(len(pairs.newcomers)), [v.capacity for v in pairs.volunteers])),
        bounds=(0, 1),
        method="highs",
    )
    assert result.status == 0
    return -result.fun


@pytest.mark.parametrize("seed", range(5))
def test_a_pool_of_hundreds_scores_the_linear_programming_optimum(seed):
    rng = random.Random(seed)
    slots = ["mon_morning", "wed_evening", "sat_morning", "sun_afternoon"]
    newcomers = [
        newcomer(
            number,
            languages=frozenset(rng.sample(["en", "pl", "ur", "ro"], rng.randint(1, 2))),
            latitude=CENTRE[0] + rng.uniform(-0.05, 0.05),
            longitude=CENTRE[1] + rng.uniform(-0.07, 0.07),
            availability=frozenset(rng.sample(slots, rng.randint(1, 3))),
            interests=frozenset(rng.sample(["health", "faith", "sport-leisure"], rng.randint(0, 2))),
            buddy_gender=rng.choice(["", "", "woman"]),
            waiting_days=rng.uniform(0, 90),
        )
        for number in range(1, 301)
    ]
    volunteers = [
        volunteer(
            number,
            languages=frozenset(rng.sample(["en", "pl", "ur", "ro"], rng.randint(1, 2))),
            latitude=CENTRE[0] + rng.uniform(-0.05, 0.05),
            longitude=CENTRE[1] + rng.uniform(-0.07, 0.07),
            availability=frozenset(rng.sample(slots, rng.randint(1, 3))),
            gender=rng.choice(["woman", "man"]),
            capacity=rng.randint(1, 3),
            max_travel_km=rng.uniform(1, 6),
        )
        for number in range(1, 101)
    ]
    pairs = _allowed_pairs(
        newcomers,
        volunteers,
        today=TODAY,
        places_of_welcome=(),
        excluded_pairs=frozenset(),
        weights=DEFAULT_WEIGHTS,
        place_reach_km=2.0,
    )
    proposals = propose(newcomers, volunteers, today=TODAY)
    assert len(proposals) > 100
    assert total(proposals) == pytest.approx(best_total_by_linear_programming(pairs), abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(pools(max_newcomers=6, max_volunteers=5, max_capacity=3))
def test_the_whole_pool_scores_equal_the_pair_by_pair_score(pool):
    newcomers, volunteers, places = pool
    pairs = _allowed_pairs(
        newcomers,
        volunteers,
        today=TODAY,
        places_of_welcome=tuple(places),
        excluded_pairs=frozenset(),
        weights=DEFAULT_WEIGHTS,
        place_reach_km=2.0,
    )
    for index in range(len(pairs.score)):
        person, buddy = pairs.newcomers[pairs.newcomer[index]], pairs.volunteers[pairs.volunteer[index]]
        assert pairs.score[index] == pytest.approx(pair_score(person, buddy, places_of_welcome=places))


def test_it_beats_greedy_when_the_best_pair_takes_someone_elses_only_volunteer():
    # Ana lives beside Vera and near Wanda; Bo can only reach Vera. Greedy gives Ana her best pair
    # (Vera) and leaves Bo waiting; the optimum gives Ana to Wanda and Bo to Vera.
    ana = newcomer(1, latitude=CENTRE[0])
    bo = newcomer(2, latitude=CENTRE[0] + 0.03)
    vera = volunteer(1, latitude=CENTRE[0] + 0.001, max_travel_km=4.0)
    wanda = volunteer(2, latitude=CENTRE[0] - 0.02, max_travel_km=4.0)
    assert blocking_rule(bo, wanda, today=TODAY) == "too_far"
    greedy = propose_greedily([ana, bo], [vera, wanda], today=TODAY)
    optimal = propose([ana, bo], [vera, wanda], today=TODAY)
    assert {(p.newcomer_id, p.volunteer_id) for p in greedy} == {(1, 1)}
    assert {(p.newcomer_id, p.volunteer_id) for p in optimal} == {(1, 2), (2, 1)}
    assert total(optimal) > total(greedy)


@settings(max_examples=100, deadline=None)
@given(pools(max_newcomers=6, max_volunteers=4, max_capacity=2))
def test_greedy_never_beats_the_matcher(pool):
    newcomers, volunteers, places = pool
    optimal = propose(newcomers, volunteers, today=TODAY, places_of_welcome=places)
    greedy = propose_greedily(newcomers, volunteers, today=TODAY, places_of_welcome=places)
    assert total(optimal) >= total(greedy) - 1e-9


def test_the_longest_waiting_is_not_skipped_for_a_slightly_better_pair():
    # One place; Bo's pair is better by 3 quality points (all interests shared, next door), but
    # Ana has waited 5 weeks longer, worth 10 points under the defaults.
    buddy = volunteer(interests=frozenset({"health", "faith", "sport-leisure"}))
    ana = newcomer(1, interests=frozenset(), latitude=CENTRE[0] + 0.03, waiting_days=42)
    bo = newcomer(2, interests=buddy.interests, latitude=CENTRE[0] + 0.01, waiting_days=7)
    quality_advantage = pair_score(bo, buddy) - pair_score(ana, buddy) + DEFAULT_WEIGHTS.waiting_per_week * 5
    assert 0 < quality_advantage < DEFAULT_WEIGHTS.waiting_per_week * 5
    [proposal] = propose([bo, ana], [buddy], today=TODAY)
    assert proposal.newcomer_id == ana.id


def test_a_much_better_pair_wins_over_a_day_more_of_waiting():
    buddy = volunteer(interests=frozenset({"health", "faith", "sport-leisure"}))
    ana = newcomer(1, interests=frozenset(), latitude=CENTRE[0] + 0.03, waiting_days=8)
    bo = newcomer(2, interests=buddy.interests, latitude=CENTRE[0] + 0.01, waiting_days=7)
    [proposal] = propose([ana, bo], [buddy], today=TODAY)
    assert proposal.newcomer_id == bo.id


@settings(max_examples=200, deadline=None)
@given(pools(max_newcomers=6, max_volunteers=3, max_capacity=2))
def test_no_one_waits_while_a_volunteer_they_could_have_is_free_or_taken_by_someone_waiting_much_less(pool):
    newcomers, volunteers, places = pool
    proposals = propose(newcomers, volunteers, today=TODAY, places_of_welcome=places)
    matched = {proposal.newcomer_id for proposal in proposals}
    people = {person.id: person for person in newcomers}
    weeks_that_always_win = DEFAULT_WEIGHTS.quality_span / DEFAULT_WEIGHTS.waiting_per_week
    for waiting in (person for person in newcomers if person.id not in matched):
        for buddy in volunteers:
            if blocking_rule(waiting, buddy, today=TODAY, places_of_welcome=places) is not None:
                continue
            taken_by = [people[p.newcomer_id] for p in proposals if p.volunteer_id == buddy.id]
            assert len(taken_by) == buddy.capacity
            for other in taken_by:
                assert (waiting.waiting_days - other.waiting_days) / 7 <= weeks_that_always_win
                assert (
                    pair_score(other, buddy, places_of_welcome=places)
                    >= pair_score(waiting, buddy, places_of_welcome=places) - 1e-9
                )


@settings(max_examples=50, deadline=None)
@given(pools(max_newcomers=6, max_volunteers=4, max_capacity=3))
def test_the_same_pool_in_any_order_gives_the_same_proposals(pool):
    newcomers, volunteers, places = pool
    first = propose(newcomers, volunteers, today=TODAY, places_of_welcome=places)
    assert propose(newcomers, volunteers, today=TODAY, places_of_welcome=places) == first
    assert propose(newcomers[::-1], volunteers[::-1], today=TODAY, places_of_welcome=places) == first


def test_an_empty_pool_gives_no_proposals():
    assert propose([], [], today=TODAY) == []
    assert propose([newcomer()], [], today=TODAY) == []
    assert propose([], [volunteer()], today=TODAY) == []
    assert propose_greedily([], [], today=TODAY) == []


def test_a_volunteer_takes_up_to_their_capacity_and_no_more():
    newcomers = [newcomer(number, latitude=CENTRE[0] + 0.001 * number) for number in range(1, 6)]
    proposals = propose(newcomers, [volunteer(capacity=3)], today=TODAY)
    assert len(proposals) == 3
