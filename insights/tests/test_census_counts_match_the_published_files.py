"""insights.census reads the Census counts that places imported, and they equal the published files."""

from pathlib import Path

import pandas as pd
import pytest
from django.conf import settings

from insights import census
from insights.harmonise import (
    BROAD_GROUPS,
    BROAD_GROUPS_2021_LABELS,
    GROUPS_2011,
    GROUPS_2011_COLUMNS,
    GROUPS_2011_PUBLISHED,
    GYPSY_2011,
)
from places.models import CensusCount, CensusTable
from places.tests.fixtures import import_walsall

WALSALL = Path(settings.OPEN_DATA_DIR)


@pytest.fixture(scope="module")
def walsall(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_walsall()
        yield


def _csv(name, index):
    return pd.read_csv(WALSALL / name).set_index(index)


@pytest.mark.django_db
def test_places_stores_the_labels_the_engine_maps(walsall):
    labels_2011 = set(
        CensusCount.objects.filter(table__in=CensusTable.objects.filter(**census.TABLE_2011))
        .exclude(category=CensusCount.TOTAL)
        .values_list("category", flat=True)
    )
    labels_2021 = set(
        CensusCount.objects.filter(table__in=CensusTable.objects.filter(**census.TABLE_2021))
        .exclude(category=CensusCount.TOTAL)
        .values_list("category", flat=True)
    )
    assert labels_2011 == set(GROUPS_2011_PUBLISHED)
    assert labels_2021 == set(BROAD_GROUPS_2021_LABELS)
    # The tidy CSV headers are the ones harmonise knows (short 2011 names, published 2021 labels).
    assert list(pd.read_csv(WALSALL / "ethnicity11_14cat_lsoa11.csv", nrows=0).columns[2:16]) == list(
        GROUPS_2011_COLUMNS
    )
    assert list(pd.read_csv(WALSALL / "ethnicity21_5cat_lsoa21.csv", nrows=0).columns[2:]) == list(
        BROAD_GROUPS_2021_LABELS
    )


@pytest.mark.django_db
def test_2021_lsoa_counts_equal_the_file(walsall):
    frame = census.ethnicity_counts(2021, "lsoa")
    published = _csv("ethnicity21_5cat_lsoa21.csv", "lsoa21_code").rename(columns=BROAD_GROUPS_2021_LABELS)
    assert list(frame.columns) == list(BROAD_GROUPS)
    assert len(frame) == 169
    assert (frame.to_numpy() == published.loc[frame.index, list(BROAD_GROUPS)].to_numpy()).all()
    assert (frame.sum(axis=1) == published.loc[frame.index, "total_residents"]).all()


@pytest.mark.parametrize(
    ("geography", "name", "column", "areas"), [("lsoa", "lsoa11", "LSOA", 167), ("oa", "oa11", "OA", 829)]
)
@pytest.mark.django_db
def test_2011_counts_equal_the_file_in_14_and_broad_groups(walsall, geography, name, column, areas):
    detailed = census.ethnicity_counts_2011_detailed(geography)
    published = _csv(f"ethnicity11_14cat_{name}.csv", column)
    assert len(detailed) == areas
    assert list(detailed.columns) == list(GROUPS_2011)
    fourteen = published.loc[detailed.index, list(GROUPS_2011_COLUMNS)]
    assert (detailed[list(GROUPS_2011_PUBLISHED)].to_numpy() == fourteen.to_numpy()).all()
    # The file's 14 columns leave out Gypsy or Irish Traveller: the total minus the 14 (287 in Walsall).
    assert (detailed[GYPSY_2011] == published.loc[detailed.index, "Persons"] - fourteen.sum(axis=1)).all()
    assert detailed[GYPSY_2011].sum() == 287
    broad = census.ethnicity_counts(2011, geography)
    assert list(broad.columns) == list(BROAD_GROUPS)
    assert (broad.sum(axis=1) == published.loc[broad.index, "Persons"]).all()
    assert broad.to_numpy().sum() == 269_323
    asian = published[["Indian", "Pakistani", "Bangladeshi", "Chinese", "OtherAsian"]].sum(axis=1)
    assert (broad["Asian"] == asian.loc[broad.index]).all()
    assert (broad["Other"] == (published["Arab"] + published["Other"]).loc[broad.index]).all()


@pytest.mark.parametrize("year", [2011, 2021])
@pytest.mark.django_db
def test_wards_are_sums_of_their_lsoas(walsall, year):
    wards = census.ethnicity_counts(year, "ward")
    lsoas = census.ethnicity_counts(year, "lsoa")
    assert len(wards) == 20
    assert wards.index.str.startswith("E05").all()
    assert (wards.sum() == lsoas.sum()).all()
    lookup = _csv("lookup_lsoa21_ward24.csv" if year == 2021 else "lookup_lsoa11_ward17.csv", f"lsoa{year % 100}_code")
    ward_column = "ward24_code" if year == 2021 else "ward17_code"
    expected = lsoas.groupby(lookup.loc[lsoas.index, ward_column]).sum()
    assert (wards.loc[expected.index].to_numpy() == expected.to_numpy()).all()


@pytest.mark.django_db
def test_2021_output_areas_are_not_available():
    with pytest.raises(ValueError, match="no ethnicity counts"):
        census.ethnicity_counts(2021, "oa")


@pytest.mark.django_db
def test_nothing_imported_gives_empty_frames(walsall):
    CensusTable.objects.filter(**census.TABLE_2021).delete()  # rolled back after the test
    frame = census.ethnicity_counts(2021, "lsoa")
    assert frame.empty
    assert list(frame.columns) == list(BROAD_GROUPS)


def test_fingerprint_changes_with_any_count_code_or_column():
    frame = pd.DataFrame({"Asian": [1, 2], "White": [3, 4]}, index=["E01000001", "E01000002"])
    same = census.inputs_fingerprint(frame.copy())
    assert census.inputs_fingerprint(frame) == same
    assert len(same) == 64
    changed_count = frame.copy()
    changed_count.iloc[0, 0] = 5
    renamed_area = frame.rename(index={"E01000002": "E01000003"})
    renamed_column = frame.rename(columns={"White": "Other"})
    fingerprints = {
        same,
        census.inputs_fingerprint(changed_count),
        census.inputs_fingerprint(renamed_area),
        census.inputs_fingerprint(renamed_column),
        census.inputs_fingerprint(frame, frame),
    }
    assert len(fingerprints) == 5
