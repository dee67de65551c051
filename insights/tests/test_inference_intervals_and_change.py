"""Confidence intervals and the 2011 → 2021 change test on toy cases whose answer is known."""

import numpy as np
import pytest

from insights import indices
from insights.inference import Change, Interval, bootstrap_interval, change_test, group_vs_rest, single_group

D = single_group(indices.dissimilarity)
# No segregation: 40 areas of 500 people, 100 of the group in each (20% everywhere): D = 0.
EVEN = np.column_stack([np.full(40, 100), np.full(40, 400)])
# Strong segregation: the same people, 180 of the group in half of the areas and 20 in the other half.
APART = np.column_stack([np.r_[np.full(20, 180), np.full(20, 20)], np.r_[np.full(20, 320), np.full(20, 480)]])


def test_single_group_adapter_uses_column_0_against_the_row_total():
    counts = np.array([[0, 10, 0], [5, 3, 2], [10, 0, 0]])
    assert D(counts) == indices.dissimilarity([0, 5, 10], [10, 10, 10])
    assert D.__name__ == "dissimilarity"
    assert (group_vs_rest(counts, 1) == [[10, 0], [3, 7], [0, 10]]).all()


def test_no_segregation_interval_contains_the_value():
    interval = bootstrap_interval(D, EVEN, iterations=300)
    assert isinstance(interval, Interval)
    assert interval.value == 0
    assert interval.low <= interval.value <= interval.high
    assert interval.low == 0  # D cannot be negative
    assert interval.high < 0.05  # resampling 500 people an area moves D by a few hundredths at most
    assert interval.iterations == 300


def test_random_allocation_interval_contains_the_value():
    # People placed at random with a 20% chance each: some D from chance alone, inside its interval.
    rng = np.random.default_rng(3)
    group = rng.binomial(500, 0.2, 40)
    counts = np.column_stack([group, 500 - group])
    for index in (D, single_group(indices.isolation), single_group(indices.gini), indices.multigroup_dissimilarity):
        interval = bootstrap_interval(index, counts, iterations=300)
        assert interval.low <= interval.value <= interval.high


def test_interval_narrows_with_more_people():
    small = bootstrap_interval(D, APART, iterations=300)
    large = bootstrap_interval(D, APART * 100, iterations=300)
    assert small.value == pytest.approx(large.value)  # same shares
    assert small.low < small.value < small.high
    assert (large.high - large.low) < (small.high - small.low) / 5  # ~ 1/√100 of the width


def test_zero_change_is_not_larger_than_chance():
    change = change_test(D, APART, APART, iterations=300)
    assert isinstance(change, Change)
    assert change.difference == 0
    assert change.low <= 0 <= change.high
    assert change.p_value >= 0.05
    assert not change.larger_than_chance


def test_small_random_change_is_not_larger_than_chance():
    rng = np.random.default_rng(11)
    shares = np.r_[np.full(20, 0.3), np.full(20, 0.1)]
    before = rng.binomial(500, shares)
    after = rng.binomial(500, shares)  # the same pattern drawn again: only chance differs
    change = change_test(
        D, group_vs_rest(np.column_stack([before, 500 - before]), 0), np.column_stack([after, 500 - after])
    )
    assert change.difference != 0
    assert not change.larger_than_chance


def test_large_change_is_larger_than_chance():
    change = change_test(D, EVEN, APART, iterations=300)
    assert change.value_before == 0
    # p = 0.36 or 0.04 against P = 0.2: D = 40·500·0.16 / (2·20000·0.2·0.8) = 3200 / 6400 = 0.5
    assert change.value_after == pytest.approx(0.5)
    assert change.difference == pytest.approx(0.5)
    assert 0 < change.low < 0.5 < change.high
    assert change.p_value < 0.05
    assert change.p_value == pytest.approx(1 / 301)  # no resampled difference came near 0: the floor
    assert change.larger_than_chance
    falling = change_test(indices.multigroup_information_theory, APART, EVEN, iterations=300)
    assert falling.difference < 0
    assert falling.high < 0
    assert falling.larger_than_chance


def test_same_seed_same_results_other_seed_other_draws():
    assert bootstrap_interval(D, APART, seed=5) == bootstrap_interval(D, APART, seed=5)
    assert bootstrap_interval(D, APART, seed=5) != bootstrap_interval(D, APART, seed=6)
    rng = np.random.default_rng(1)
    after = APART + rng.integers(0, 30, APART.shape)
    assert change_test(D, APART, after, seed=5) == change_test(D, APART, after, seed=5)
    assert change_test(D, APART, after, seed=5) != change_test(D, APART, after, seed=6)


def test_empty_areas_are_kept_empty():
    counts = np.vstack([APART, [[0, 0]]])
    interval = bootstrap_interval(D, counts, iterations=50)
    assert interval.value == D(APART)
    assert interval.low <= interval.value <= interval.high


def test_change_needs_the_same_areas():
    with pytest.raises(ValueError, match="same areas"):
        change_test(D, APART, APART[:-1])


@pytest.fixture(scope="module")
def harmonised(django_db_setup, django_db_blocker):
    from insights import census
    from places.tests.fixtures import import_walsall

    with django_db_blocker.unblock():
        import_walsall()
        return census.harmonised_ethnicity_counts()


def test_walsall_asian_dissimilarity_fell_by_more_than_chance(harmonised):
    before, after = harmonised
    asian = list(before.columns).index("Asian")
    change = change_test(D, group_vs_rest(before.to_numpy(), asian), group_vs_rest(after.to_numpy(), asian))
    assert round(change.value_before, 3) == 0.571
    assert round(change.value_after, 3) == 0.517  # the 4 split 2021 LSOAs joined into 2 change nothing here
    assert change.low < change.difference < change.high < 0
    assert change.larger_than_chance


def test_the_p_value_is_twice_the_share_of_resampled_differences_beyond_zero():
    rng = np.random.default_rng(7)
    shares = np.r_[np.full(20, 0.3), np.full(20, 0.1)]
    before = rng.binomial(200, shares)
    after = rng.binomial(200, shares * 1.15)
    counts_before = np.column_stack([before, 200 - before])
    counts_after = np.column_stack([after, 200 - after])

    change = change_test(D, counts_before, counts_after, iterations=400, seed=3)

    # The same draws by hand: the differences of the resampled Censuses, moved around the observed one.
    from insights.inference import _as_counts, _resampled

    draws_rng = np.random.default_rng(3)
    pairs = zip(
        _resampled(_as_counts(counts_before), 400, draws_rng),
        _resampled(_as_counts(counts_after), 400, draws_rng),
        strict=True,
    )
    draws = np.array([D(a) - D(b) for b, a in pairs])
    shifted = draws - draws.mean() + change.difference
    beyond = np.count_nonzero(shifted <= 0) if change.difference > 0 else np.count_nonzero(shifted >= 0)
    assert change.p_value == pytest.approx(max(1 / 401, 2 * beyond / 400))
    assert 0 < change.p_value < 1


@pytest.mark.parametrize("seed", range(12))
def test_the_interval_and_the_p_value_never_disagree(seed):
    """p < 0.05 exactly when the 95% interval leaves out 0: they come from one distribution."""
    rng = np.random.default_rng(seed)
    shares = rng.uniform(0.05, 0.4, 30)
    before = rng.binomial(150, shares)
    after = rng.binomial(150, np.clip(shares * rng.uniform(0.85, 1.2), 0, 1))
    change = change_test(
        D, np.column_stack([before, 150 - before]), np.column_stack([after, 150 - after]), iterations=200, seed=seed
    )
    assert change.larger_than_chance == (change.low > 0 or change.high < 0)
    assert change.low <= change.difference <= change.high
