"""How much of a segregation index, or of its change between two Censuses, could be chance.

A Census counts everybody, but who lives where also reflects many individual moves, and small
areas hold few people: in an area of 1,500 residents a handful of households moving changes its
shares. These functions ask "if people had been placed again by the same area shares, how much
would the index move?" (a confidence interval) and, for a change between two Censuses, how often
that variation alone would put the change on the other side of 0 (a p-value, read from the same
resampled differences as the change's interval, so that the two always agree).

``index(counts) -> float`` everywhere takes counts of areas × groups. For a single-group index
(``fn(group, total)`` of ``insights.indices``) wrap it with ``single_group(fn)`` and pass counts
whose column 0 is the group and whose other columns are the rest (``group_vs_rest`` builds them).

numpy only; results depend only on the inputs and ``seed``.
"""

from dataclasses import dataclass
from functools import wraps

import numpy as np

__all__ = ["Change", "Interval", "bootstrap_interval", "change_test", "group_vs_rest", "single_group"]

_DRAWS_PER_CHUNK = 4_000_000  # counts drawn at once (areas × groups × iterations): ~32 MB


@dataclass(frozen=True)
class Interval:
    value: float
    low: float
    high: float
    iterations: int


@dataclass(frozen=True)
class Change:
    value_before: float
    value_after: float
    difference: float  # after − before
    low: float
    high: float
    p_value: float
    iterations: int

    @property
    def larger_than_chance(self):
        return self.p_value < 0.05


def single_group(fn):
    """Adapt ``fn(group, total)`` to ``fn(counts)``: column 0 is the group, the row sum the total."""

    @wraps(fn)
    def index(counts):
        counts = np.asarray(counts, dtype=float)
        return fn(counts[:, 0], counts.sum(axis=1))

    return index


def group_vs_rest(counts, column):
    """Counts of areas × 2: the group in ``column`` and everyone else (for ``single_group`` indices)."""
    counts = np.asarray(counts, dtype=float)
    group = counts[:, column]
    return np.column_stack([group, counts.sum(axis=1) - group])


def _as_counts(counts):
    counts = np.asarray(counts, dtype=float)
    if counts.ndim != 2 or counts.shape[1] < 2:
        raise ValueError("counts must be a 2-D array of areas × groups (at least 2 groups)")
    if np.isnan(counts).any() or (counts < 0).any():
        raise ValueError("counts must be non-negative numbers")
    return np.rint(counts).astype(np.int64)  # published counts may be stored as floats (25.0)


def _resampled(counts, iterations, rng):
    """Yield ``iterations`` copies of counts, each area's people drawn again from its own shares.

    A multinomial draw per area with the observed area total and proportions (a parametric
    bootstrap), drawn for many iterations at once.
    """
    totals = counts.sum(axis=1)
    shares = np.where(totals[:, None] > 0, counts / np.maximum(totals, 1)[:, None], 1 / counts.shape[1])
    chunk = max(1, _DRAWS_PER_CHUNK // counts.size)
    done = 0
    while done < iterations:
        size = min(chunk, iterations - done)
        yield from rng.multinomial(totals, shares, size=(size, counts.shape[0]))
        done += size


def _spread_around(value, draws, level):
    """The central ``level`` range of the draws, moved so that it sits around ``value``.

    Resampling few people pushes indices like D up (they cannot fall below 0, so noise only adds),
    which would put a plain percentile range above the observed value. The draws' spread around
    their own mean is what chance does; it is placed around the observed value instead.
    """
    tail = (1 - level) / 2
    q_low, q_high = np.quantile(draws, [tail, 1 - tail])
    centre = draws.mean()
    return value - (centre - q_low), value + (q_high - centre)


def bootstrap_interval(index, counts, *, iterations=500, level=0.95, seed=0) -> Interval:
    """The index and its ``level`` confidence interval by resampling people within each area.

    In plain words: each area keeps its number of residents and its observed group shares; its
    residents are drawn again at random from those shares, ``iterations`` times, and the index is
    computed on each draw. The range that the middle ``level`` (95%) of those values cover around
    their mean, placed around the observed value, is the interval. Areas with no residents stay
    empty. The same ``seed`` gives the same interval.
    """
    counts = _as_counts(counts)
    rng = np.random.default_rng(seed)
    value = float(index(counts))
    draws = np.fromiter((index(draw) for draw in _resampled(counts, iterations, rng)), float, iterations)
    low, high = _spread_around(value, draws, level)
    if value >= 0 and draws.min() >= 0:
        low = max(low, 0.0)  # a non-negative index: the interval does not go below 0
    return Interval(value=value, low=float(low), high=float(high), iterations=iterations)


def _p_from_draws(difference, shifted, iterations):
    """Two-sided p: twice the share of the differences on the other side of 0 from the observed one.

    Floored at 1/(iterations + 1), since ``iterations`` draws cannot show a smaller chance; 1 when
    nothing changed.
    """
    if difference > 0:
        beyond = np.count_nonzero(shifted <= 0)
    elif difference < 0:
        beyond = np.count_nonzero(shifted >= 0)
    else:
        return 1.0
    return float(min(1.0, max(1 / (iterations + 1), 2 * beyond / iterations)))


def change_test(index, counts_before, counts_after, *, iterations=500, seed=0, level=0.95) -> Change:
    """The change of an index between two Censuses on the same areas, its interval and p-value.

    ``counts_before`` and ``counts_after`` must have the same areas in the same row order (the
    harmonised geography of ``insights.harmonise``) and the same groups in the same columns.

    In plain words, "chance" is the variation we would expect if slightly different people had been
    counted in each neighbourhood. ``iterations`` times, each area's residents are drawn again at
    random from its own shares in both Censuses (as in ``bootstrap_interval``) and the difference is
    computed again; those differences, moved so that they sit around the observed difference (the
    resampling's own drift taken off), are one distribution, and both figures come from it:

    - the difference is the index after minus the index before;
    - its ``level`` (95%) interval is the middle 95% of that distribution;
    - the two-sided p-value is twice the share of that distribution on the other side of 0 from the
      observed difference, floored at 1/(iterations + 1). Below 0.05, chance alone rarely gives
      such a change.

    Because they are read from the same distribution at matching points (the interval's ends are
    the draws at which 2.5% lie beyond), p < 0.05 exactly when the 95% interval leaves out 0, as
    long as there are at least 20 iterations (with fewer, p cannot go below 0.05). "Larger than
    chance" may be read from either.

    The same ``seed`` gives the same result.
    """
    before = _as_counts(counts_before)
    after = _as_counts(counts_after)
    if before.shape != after.shape:
        raise ValueError("the two Censuses must have the same areas and groups (harmonise them first)")
    rng = np.random.default_rng(seed)
    value_before = float(index(before))
    value_after = float(index(after))
    difference = value_after - value_before

    draws = np.fromiter(
        (
            index(a) - index(b)
            for b, a in zip(_resampled(before, iterations, rng), _resampled(after, iterations, rng), strict=True)
        ),
        float,
        iterations,
    )
    shifted = draws - draws.mean() + difference
    tail = (1 - level) / 2
    # Read the ends as draws ("inverted_cdf"), each from its own side, so that an end lies beyond 0
    # exactly when fewer than ``tail`` of the draws do: the interval and the p-value cannot disagree.
    low = np.quantile(shifted, tail, method="inverted_cdf")
    high = -np.quantile(-shifted, tail, method="inverted_cdf")
    return Change(
        value_before=value_before,
        value_after=value_after,
        difference=difference,
        low=float(low),
        high=float(high),
        p_value=_p_from_draws(difference, shifted, iterations),
        iterations=iterations,
    )
