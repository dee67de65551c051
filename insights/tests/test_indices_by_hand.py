"""Every index on small cases worked out by hand (the arithmetic is in the comments)."""

from math import isclose, log

import numpy as np
import pytest

from insights import indices

# Single group: three areas of 10 people, with 0, 5 and 10 of the group, and an empty area that
# must be ignored. T = 30, X = 15, P = 0.5; the area shares p = 0, 0.5, 1.
GROUP = np.array([0, 5, 10, 0])
TOTAL = np.array([10, 10, 10, 0])


def test_dissimilarity_by_hand():
    # D = Σ t|p − P| / (2 T P (1 − P)) = (10·0.5 + 10·0 + 10·0.5) / (2·30·0.25) = 10 / 15
    assert isclose(indices.dissimilarity(GROUP, TOTAL), 2 / 3)
    # Duncan's form: ½ Σ |x_i/X − y_i/Y| = ½ (|0 − 10/15| + |5/15 − 5/15| + |10/15 − 0|) = 2/3
    assert isclose(indices.dissimilarity([0, 5, 10], [10, 10, 10]), 2 / 3)


def test_isolation_and_exposure_by_hand():
    # xPx = Σ (x/X)(x/t) = 0 + (5/15)(5/10) + (10/15)(10/10) = 1/6 + 2/3 = 5/6
    assert isclose(indices.isolation(GROUP, TOTAL), 5 / 6)
    # xPy = Σ (x/X)((t − x)/t) = 0 + (5/15)(5/10) + (10/15)(0/10) = 1/6
    assert isclose(indices.exposure(GROUP, TOTAL), 1 / 6)


def test_entropy_by_hand():
    # E = 0.5 ln 2 + 0.5 ln 2 = ln 2; E_i = 0, ln 2, 0 (0 ln 0 = 0)
    # H = Σ t (E − E_i) / (E T) = (10 ln 2 + 0 + 10 ln 2) / (30 ln 2) = 2/3
    assert isclose(indices.entropy(GROUP, TOTAL), 2 / 3)


def test_gini_by_hand():
    # Pairs (i ≠ j, each counted twice): t_i t_j |p_i − p_j| = 100·0.5 (A,B) + 100·1 (A,C) + 100·0.5 (B,C) = 200
    # G = 2·200 / (2 T² P (1 − P)) = 400 / (2·900·0.25) = 400 / 450 = 8/9
    assert isclose(indices.gini(GROUP, TOTAL), 8 / 9)


def test_gini_differs_from_dissimilarity_with_unequal_areas():
    # Areas (x, t): (1, 10), (3, 5), (6, 10). T = 25, X = 10, P = 0.4; p = 0.1, 0.6, 0.6
    # D = (10·0.3 + 5·0.2 + 10·0.2) / (2·25·0.24) = 6 / 12 = 0.5
    # Pairs once: 10·5·0.5 + 10·10·0.5 + 5·10·0 = 75; G = 2·75 / (2·625·0.24) = 150 / 300 = 0.5
    assert isclose(indices.dissimilarity([1, 3, 6], [10, 5, 10]), 0.5)
    assert isclose(indices.gini([1, 3, 6], [10, 5, 10]), 0.5)
    # Areas (x, t): (0, 10), (2, 10), (8, 10): P = 1/3, p = 0, 0.2, 0.8
    # D = 10 (1/3 + 2/15 + 7/15) / (2·30·(2/9)) = (28/3) / (40/3) = 0.7
    # Pairs once: 100·(0.2 + 0.8 + 0.6) = 160; G = 320 / (2·900·(2/9)) = 320 / 400 = 0.8
    assert isclose(indices.dissimilarity([0, 2, 8], [10, 10, 10]), 0.7)
    assert isclose(indices.gini([0, 2, 8], [10, 10, 10]), 0.8)


def test_even_and_complete_segregation_bounds():
    even = ([2, 4, 6], [10, 20, 30])  # 20% everywhere
    apart = ([10, 0, 0], [10, 20, 30])  # all of the group in the first area, alone
    for name, fn in indices.SINGLE_GROUP_INDICES.items():
        if name in ("dissimilarity", "entropy", "gini"):
            assert isclose(fn(*even), 0, abs_tol=1e-12), name
            assert isclose(fn(*apart), 1), name
    assert isclose(indices.isolation(*even), 0.2)  # the group's share around its members = the city's
    assert isclose(indices.isolation(*apart), 1)
    assert isclose(indices.exposure(*apart), 0)


# Multigroup: two areas of 10 and an empty one. A = (6, 3, 1), B = (0, 3, 7); group totals (6, 6, 8),
# T = 20, P = (0.3, 0.3, 0.4); shares A = (0.6, 0.3, 0.1), B = (0, 0.3, 0.7).
COUNTS = np.array([[6, 3, 1], [0, 3, 7], [0, 0, 0]])


def test_multigroup_dissimilarity_by_hand():
    # I = Σ P(1 − P) = 0.21 + 0.21 + 0.24 = 0.66
    # Σ t |p − P| = 10 (0.3 + 0 + 0.3) + 10 (0.3 + 0 + 0.3) = 12;  D = 12 / (2·20·0.66) = 12 / 26.4 = 5/11
    assert isclose(indices.multigroup_dissimilarity(COUNTS), 5 / 11)


def test_multigroup_information_theory_by_hand():
    # E = −Σ P ln P = −(0.3 ln 0.3 + 0.3 ln 0.3 + 0.4 ln 0.4) ≈ 1.0889
    # A: 10 (0.6 ln(0.6/0.3) + 0.3 ln(0.3/0.3) + 0.1 ln(0.1/0.4)) = 10 (0.6 ln 2 − 0.1 ln 4) ≈ 2.7726
    # B: 10 (0 + 0.3 ln 1 + 0.7 ln(0.7/0.4)) = 7 ln 1.75 ≈ 3.9173;  H = (2.7726 + 3.9173) / (20 E) ≈ 0.30719
    entropy = -(0.6 * log(0.3) + 0.4 * log(0.4))
    expected = (10 * (0.6 * log(2) - 0.1 * log(4)) + 7 * log(1.75)) / (20 * entropy)
    assert isclose(indices.multigroup_information_theory(COUNTS), expected)
    assert isclose(expected, 0.30719, abs_tol=5e-6)


def test_multigroup_indices_on_two_groups_equal_the_single_group_ones():
    group, total = np.array([0, 5, 10, 3]), np.array([10, 10, 10, 7])
    two = np.column_stack([group, total - group])
    # Sakoda's D with two groups is Duncan's D; the information theory index is Theil's H.
    assert isclose(indices.multigroup_dissimilarity(two), indices.dissimilarity(group, total))
    assert isclose(indices.multigroup_information_theory(two), indices.entropy(group, total))


def test_location_quotients_by_hand():
    # LQ = p / P: A = (0.6/0.3, 0.3/0.3, 0.1/0.4) = (2, 1, 0.25); B = (0, 1, 0.7/0.4 = 1.75); empty → NaN
    lq = indices.location_quotients(COUNTS)
    assert lq.shape == (3, 3)
    np.testing.assert_allclose(lq[:2], [[2, 1, 0.25], [0, 1, 1.75]])
    assert np.isnan(lq[2]).all()


def test_local_entropy_by_hand():
    # E_i = −Σ p ln p / ln K with K = 3 groups, 0 ln 0 = 0
    a = -(0.6 * log(0.6) + 0.3 * log(0.3) + 0.1 * log(0.1)) / log(3)  # ≈ 0.8173
    b = -(0.3 * log(0.3) + 0.7 * log(0.7)) / log(3)  # ≈ 0.5561
    local = indices.local_entropy(COUNTS)
    np.testing.assert_allclose(local[:2], [a, b])
    assert np.isnan(local[2])
    # Everyone equally present: 1; one group only: 0.
    np.testing.assert_allclose(indices.local_entropy([[4, 4, 4], [0, 9, 0]]), [1, 0], atol=1e-15)


def test_empty_areas_change_nothing():
    for fn in indices.SINGLE_GROUP_INDICES.values():
        assert fn(GROUP, TOTAL) == fn(GROUP[:3], TOTAL[:3])
    for fn in indices.MULTIGROUP_INDICES.values():
        assert fn(COUNTS) == fn(COUNTS[:2])


def test_registries_name_every_index():
    assert set(indices.SINGLE_GROUP_INDICES) == {"dissimilarity", "isolation", "exposure", "entropy", "gini"}
    assert {
        "multigroup_dissimilarity": indices.multigroup_dissimilarity,
        "multigroup_information_theory": indices.multigroup_information_theory,
    } == indices.MULTIGROUP_INDICES


@pytest.mark.parametrize(
    ("group", "total"),
    [([3, 2], [2, 5]), ([-1, 2], [5, 5]), ([np.nan, 1], [5, 5]), ([1, 2, 3], [5, 5])],
)
def test_impossible_counts_are_refused(group, total):
    for fn in indices.SINGLE_GROUP_INDICES.values():
        with pytest.raises(ValueError):
            fn(group, total)


def test_vectorised_gini_equals_the_pairwise_sum():
    rng = np.random.default_rng(7)
    total = rng.integers(0, 3000, 400)
    group = rng.binomial(total, rng.beta(0.5, 3, 400))
    keep = total > 0
    t, p = total[keep].astype(float), group[keep] / total[keep]
    pairwise = (t[:, None] * t[None, :] * np.abs(p[:, None] - p[None, :])).sum()
    share = group.sum() / total.sum()
    expected = pairwise / (2 * t.sum() ** 2 * share * (1 - share))
    assert isclose(indices.gini(group, total), expected, rel_tol=1e-12)
