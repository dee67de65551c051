"""Our indices equal PySAL ``segregation``'s to 1e-9 on Walsall's real Census data, and give the
reference values of shared/domain/housing.md §2. PySAL is a test-only dependency."""

import warnings

import numpy as np
import pandas as pd
import pytest

from insights import census, indices
from insights.harmonise import BROAD_GROUPS
from places.tests.fixtures import import_walsall

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from segregation import local as pysal_local
    from segregation import multigroup as pysal_multi
    from segregation import singlegroup as pysal_single

PYSAL_SINGLE = {
    "dissimilarity": pysal_single.Dissim,
    "isolation": pysal_single.Isolation,
    "exposure": pysal_single.Interaction,
    "entropy": pysal_single.Entropy,
    "gini": pysal_single.Gini,
}
PYSAL_MULTI = {
    "multigroup_dissimilarity": pysal_multi.MultiDissim,
    "multigroup_information_theory": pysal_multi.MultiInfoTheory,
}
DATASETS = {
    "2011 lsoa": (2011, "lsoa", 167),
    "2021 lsoa": (2021, "lsoa", 169),
    "2011 oa": (2011, "oa", 829),
    "2011 ward": (2011, "ward", 20),
    "2021 ward": (2021, "ward", 20),
}


def pysal(cls, *args):
    """A PySAL index's statistic(s); its own 0/0 and log(0) warnings are not ours."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        result = cls(*args)
    return getattr(result, "statistics", None) if hasattr(result, "statistics") else result.statistic


@pytest.fixture(scope="module")
def frames(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_walsall()
        loaded = {name: census.ethnicity_counts(year, geography) for name, (year, geography, _n) in DATASETS.items()}
        loaded["harmonised 2011"], loaded["harmonised 2021"] = census.harmonised_ethnicity_counts()
    return loaded


def _single_frame(frame, group):
    return pd.DataFrame({"group": frame[group].astype(float), "total": frame.sum(axis=1).astype(float)})


@pytest.mark.parametrize("dataset", [*DATASETS, "harmonised 2011", "harmonised 2021"])
@pytest.mark.parametrize("index", list(indices.SINGLE_GROUP_INDICES))
def test_single_group_indices_equal_pysal(frames, dataset, index):
    frame = frames[dataset]
    if dataset in DATASETS:
        assert len(frame) == DATASETS[dataset][2]
    for group in BROAD_GROUPS:
        data = _single_frame(frame, group)
        ours = indices.SINGLE_GROUP_INDICES[index](data["group"].to_numpy(), data["total"].to_numpy())
        assert ours == pytest.approx(pysal(PYSAL_SINGLE[index], data, "group", "total"), abs=1e-9), group
        assert 0 < ours < 1


@pytest.mark.parametrize("dataset", [*DATASETS, "harmonised 2011", "harmonised 2021"])
def test_multigroup_and_local_indices_equal_pysal(frames, dataset):
    frame = frames[dataset].astype(float)
    groups = list(BROAD_GROUPS)
    counts = frame.to_numpy()
    for name, fn in indices.MULTIGROUP_INDICES.items():
        assert fn(counts) == pytest.approx(pysal(PYSAL_MULTI[name], frame, groups), abs=1e-9), name
    np.testing.assert_allclose(
        indices.location_quotients(counts), pysal(pysal_local.MultiLocationQuotient, frame, groups), rtol=0, atol=1e-9
    )
    np.testing.assert_allclose(
        indices.local_entropy(counts), pysal(pysal_local.MultiLocalEntropy, frame, groups), rtol=0, atol=1e-9
    )


def test_empty_areas_are_treated_as_pysal_treats_them():
    # PySAL keeps areas of total 0 and gives them no weight (or NaN, skipped by nansum); we drop them.
    frame = pd.DataFrame({"a": [0.0, 120, 30, 0, 400, 5], "b": [0.0, 80, 270, 0, 100, 0], "c": [0.0, 10, 20, 0, 30, 1]})
    data = pd.DataFrame({"group": frame["a"], "total": frame.sum(axis=1)})
    for name, fn in indices.SINGLE_GROUP_INDICES.items():
        assert fn(data["group"], data["total"]) == pytest.approx(
            pysal(PYSAL_SINGLE[name], data, "group", "total"), abs=1e-12
        ), name
    for name, fn in indices.MULTIGROUP_INDICES.items():
        assert fn(frame) == pytest.approx(pysal(PYSAL_MULTI[name], frame, ["a", "b", "c"]), abs=1e-12), name
    lq = pysal(pysal_local.MultiLocationQuotient, frame, ["a", "b", "c"])
    np.testing.assert_allclose(indices.location_quotients(frame), lq, equal_nan=True)
    local = pysal(pysal_local.MultiLocalEntropy, frame, ["a", "b", "c"])
    # PySAL's nansum turns an empty area's NaN into 0; we keep NaN: nobody lives there.
    assert np.isnan(indices.local_entropy(frame)[[0, 3]]).all()
    np.testing.assert_allclose(indices.local_entropy(frame)[[1, 2, 4, 5]], local[[1, 2, 4, 5]])


# Reference values (housing.md §2: Walsall, Asian vs rest) ---------------------------------------


@pytest.mark.parametrize(
    ("dataset", "dissimilarity", "isolation", "share"),
    [("2011 lsoa", 0.571, 0.376, 0.152), ("2021 lsoa", 0.517, 0.389, 0.187)],
)
def test_walsall_asian_reference_values(frames, dataset, dissimilarity, isolation, share):
    data = _single_frame(frames[dataset], "Asian")
    assert round(indices.dissimilarity(data["group"], data["total"]), 3) == dissimilarity
    assert round(indices.isolation(data["group"], data["total"]), 3) == isolation
    assert round(data["group"].sum() / data["total"].sum(), 3) == share


@pytest.mark.parametrize(("dataset", "dissimilarity"), [("2011 lsoa", 0.332), ("2021 lsoa", 0.318)])
def test_walsall_black_reference_values(frames, dataset, dissimilarity):
    data = _single_frame(frames[dataset], "Black")
    assert round(indices.dissimilarity(data["group"], data["total"]), 3) == dissimilarity


def test_walsall_ward_level_asian_dissimilarity_2021(frames):
    # Fewer, larger areas average out the contrasts (the modifiable areal unit problem).
    data = _single_frame(frames["2021 ward"], "Asian")
    assert round(indices.dissimilarity(data["group"], data["total"]), 3) == 0.436
