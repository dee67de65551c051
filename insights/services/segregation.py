"""Every write of the segregation figures: recompute the indices from the Census and store them.

The indices are computed for each broad ethnic group against everyone else and for all groups together,
at every geography each Census publishes (2011: output areas, LSOAs, wards; 2021: LSOAs, wards), each with
a bootstrap confidence interval; and the 2011 → 2021 change on the neighbourhoods made comparable between
the two Censuses, with a test of whether the change is larger than chance. The work is idempotent: when
the Census inputs, the method and the number of iterations are unchanged, nothing is recomputed.
"""

import hashlib
import logging
import time
from dataclasses import dataclass

import numpy as np
from django.db import transaction

from core import page_cache
from insights import census, harmonise, indices, inference
from insights.models import IndexChange, IndexResult

logger = logging.getLogger(__name__)

DEFAULT_ITERATIONS = 200
# Bump when the way figures are computed changes, so the next run recomputes them.
# 2: the change's p-value comes from the same bootstrap as its interval (was a random-label permutation).
METHOD_VERSION = "2"

# The geographies each Census is published on (the engine aggregates LSOAs into wards).
GEOGRAPHIES = {2011: ("oa", "lsoa", "ward"), 2021: ("lsoa", "ward")}
HARMONISED = "harmonised"
ALL_GROUPS = "all"


def single_group_indices():
    """Index name → fn(group, total): D, isolation, exposure, Theil's H and Gini, in the order pages show them."""
    return {
        "dissimilarity": indices.dissimilarity,
        "isolation": indices.isolation,
        "exposure": indices.exposure,
        "entropy": indices.entropy,
        "gini": indices.gini,
    }


def multigroup_indices():
    """Index name → fn(counts) over every broad group together."""
    return {
        "multigroup_dissimilarity": indices.multigroup_dissimilarity,
        "multigroup_information_theory": indices.multigroup_information_theory,
    }


@dataclass
class RecomputeResult:
    skipped: bool
    fingerprint: str
    results: int = 0
    changes: int = 0
    seconds: float = 0.0


def _group_versus_rest(frame, group):
    """Areas × 2 counts: column 0 the group, column 1 everyone else (what inference.single_group expects)."""
    values = frame[list(harmonise.BROAD_GROUPS)].to_numpy(dtype=float)
    column = list(harmonise.BROAD_GROUPS).index(group)
    return np.column_stack([values[:, column], values.sum(axis=1) - values[:, column]])


def _all_groups(frame):
    return frame[list(harmonise.BROAD_GROUPS)].to_numpy(dtype=float)


def _populated(frame):
    """Areas with nobody in them add nothing to an index and would divide by zero."""
    return frame[frame[list(harmonise.BROAD_GROUPS)].sum(axis=1) > 0]


def _measures():
    """(group, index name, fn(counts), counts builder) for every index of every group."""
    for group in harmonise.BROAD_GROUPS:
        for name, fn in single_group_indices().items():
            yield group, name, inference.single_group(fn), lambda frame, group=group: _group_versus_rest(frame, group)
    for name, fn in multigroup_indices().items():
        yield ALL_GROUPS, name, fn, _all_groups


def _inputs():
    frames = {
        (year, geography): _populated(census.ethnicity_counts(year, geography))
        for year, geographies in GEOGRAPHIES.items()
        for geography in geographies
    }
    empty = [f"{geography} {year}" for (year, geography), frame in frames.items() if frame.empty]
    if empty:
        raise ValueError(f"no Census ethnicity counts for {', '.join(empty)}: import the open data first")
    before, after = census.harmonised_ethnicity_counts()
    populated = (before.sum(axis=1) > 0) | (after.sum(axis=1) > 0)  # keep both Censuses on the same areas
    return frames, before[populated], after[populated]


def _fingerprint(frames, before, after, iterations):
    data = census.inputs_fingerprint(*frames.values(), before, after)
    payload = f"{data}|method={METHOD_VERSION}|iterations={iterations}|geographies={sorted(frames)}"
    return hashlib.sha256(payload.encode()).hexdigest()


def _expected_counts():
    measures = len(harmonise.BROAD_GROUPS) * len(single_group_indices()) + len(multigroup_indices())
    geographies = sum(len(names) for names in GEOGRAPHIES.values()) + 2  # + harmonised 2011 and 2021
    return measures * geographies, measures


def _up_to_date(fingerprint):
    results, changes = _expected_counts()
    return (
        IndexResult.objects.filter(inputs_fingerprint=fingerprint).count() == results
        and IndexChange.objects.filter(inputs_fingerprint=fingerprint).count() == changes
        and not IndexResult.objects.exclude(inputs_fingerprint=fingerprint).exists()
        and not IndexChange.objects.exclude(inputs_fingerprint=fingerprint).exists()
    )


def _seed(*parts):
    """A fixed seed per figure, so a recompute of the same inputs gives the same intervals."""
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:4], "big")


def indices_recompute(*, iterations=DEFAULT_ITERATIONS, force=False):
    """Compute and store every index and every 2011 → 2021 change; skipped when the inputs are unchanged."""
    started = time.perf_counter()
    frames, before, after = _inputs()
    fingerprint = _fingerprint(frames, before, after, iterations)
    if not force and _up_to_date(fingerprint):
        return RecomputeResult(skipped=True, fingerprint=fingerprint, seconds=time.perf_counter() - started)

    results = []
    changes = []
    measures = list(_measures())
    inputs = [(year, geography, frame) for (year, geography), frame in frames.items()]
    inputs += [(2011, HARMONISED, before), (2021, HARMONISED, after)]
    for year, geography, frame in inputs:
        for group, name, fn, build in measures:
            interval = inference.bootstrap_interval(
                fn, build(frame), iterations=iterations, seed=_seed(year, geography, group, name)
            )
            results.append((year, geography, group, name, interval, len(frame)))
    for group, name, fn, build in measures:
        change = inference.change_test(
            fn, build(before), build(after), iterations=iterations, seed=_seed(HARMONISED, group, name)
        )
        changes.append((group, name, change))

    with transaction.atomic():
        IndexResult.objects.bulk_create(
            [
                IndexResult(
                    census_year=year,
                    geography=geography,
                    group=group,
                    index=name,
                    value=float(interval.value),
                    ci_low=float(interval.low),
                    ci_high=float(interval.high),
                    iterations=interval.iterations,
                    areas=areas,
                    inputs_fingerprint=fingerprint,
                )
                for year, geography, group, name, interval, areas in results
            ],
            update_conflicts=True,
            unique_fields=["census_year", "geography", "group", "index"],
            update_fields=["value", "ci_low", "ci_high", "iterations", "areas", "inputs_fingerprint", "computed_at"],
        )
        IndexResult.objects.exclude(inputs_fingerprint=fingerprint).delete()
        IndexChange.objects.bulk_create(
            [
                IndexChange(
                    geography=HARMONISED,
                    group=group,
                    index=name,
                    value_2011=float(change.value_before),
                    value_2021=float(change.value_after),
                    difference=float(change.difference),
                    ci_low=float(change.low),
                    ci_high=float(change.high),
                    p_value=float(change.p_value),
                    iterations=change.iterations,
                    inputs_fingerprint=fingerprint,
                )
                for group, name, change in changes
            ],
            update_conflicts=True,
            unique_fields=["geography", "group", "index"],
            update_fields=[
                "value_2011",
                "value_2021",
                "difference",
                "ci_low",
                "ci_high",
                "p_value",
                "iterations",
                "inputs_fingerprint",
                "computed_at",
            ],
        )
        IndexChange.objects.exclude(inputs_fingerprint=fingerprint).delete()
        transaction.on_commit(page_cache.invalidate)
    seconds = time.perf_counter() - started
    logger.info("Recomputed %s indices and %s changes in %.1f s", len(results), len(changes), seconds)
    return RecomputeResult(
        skipped=False, fingerprint=fingerprint, results=len(results), changes=len(changes), seconds=seconds
    )
