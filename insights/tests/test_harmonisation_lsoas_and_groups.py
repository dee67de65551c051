"""2011 and 2021 on common areas and common groups: splits join their parts, totals are kept."""

from pathlib import Path

import pandas as pd
import pytest
from django.conf import settings

from insights import census
from insights.harmonise import (
    BROAD_GROUPS,
    GROUPS_2011_COLUMNS,
    GROUPS_2011_TO_BROAD,
    GYPSY_2011,
    harmonise,
    harmonised_areas,
    to_broad_groups_2011,
)
from places.tests.fixtures import import_walsall

SHARED = Path(settings.OPEN_DATA_DIR).parent
# Walsall's splits (lookup_lsoa11_lsoa21.csv, change code S): each 2011 LSOA into two 2021 ones.
SPLITS = {"E01032889": ("E01033894", "E01033895"), "E01010371": ("E01033896", "E01033897")}


@pytest.fixture(scope="module")
def walsall(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        import_walsall()
        return {
            "harmonised": census.harmonised_ethnicity_counts(),
            "2011": census.ethnicity_counts(2011, "lsoa"),
            "2021": census.ethnicity_counts(2021, "lsoa"),
        }


def test_union_find_joins_splits_merges_and_chains():
    changes = [
        ("A1", "A1"),  # unchanged
        ("B1", "B2"),  # split: B1 → B2 + B3
        ("B1", "B3"),
        ("C1", "C3"),  # merge: C1 + C2 → C3
        ("C2", "C3"),
        ("D1", "D3"),  # complex: D1 → D3 + D4, D2 → D4 (a chain)
        ("D1", "D4"),
        ("D2", "D4"),
    ]
    areas = harmonised_areas(changes)
    assert areas == {
        "A1": "A1",
        "B1": "B1",
        "B2": "B1",
        "B3": "B1",
        "C1": "C1",
        "C2": "C1",
        "C3": "C1",
        "D1": "D1",
        "D2": "D1",
        "D3": "D1",
        "D4": "D1",
    }
    # The order of the links does not matter.
    assert harmonised_areas(reversed(changes)) == areas


def test_england_change_table_gives_consistent_areas():
    lookup = pd.read_csv(SHARED / "england" / "lookup_lsoa11_lsoa21_ltla22.csv")
    areas = harmonised_areas(zip(lookup["lsoa11_code"], lookup["lsoa21_code"], strict=True))
    assert set(areas) == set(lookup["lsoa11_code"]) | set(lookup["lsoa21_code"])
    # Both ends of every link share an area, named by its smallest code, which maps to itself.
    assert all(areas[a] == areas[b] for a, b in zip(lookup["lsoa11_code"], lookup["lsoa21_code"], strict=True))
    assert all(areas[area] == area and area <= code for code, area in areas.items())
    unchanged = lookup.loc[lookup["change_code"] == "U", "lsoa11_code"]
    assert all(areas[code] == code for code in unchanged)
    # Every area holds at least one LSOA of each year, so both Censuses are counted on all of them.
    years = pd.DataFrame({"code": list(areas), "area": list(areas.values())})
    years["is_2011"] = years["code"].isin(set(lookup["lsoa11_code"]))
    years["is_2021"] = years["code"].isin(set(lookup["lsoa21_code"]))
    assert years.groupby("area")[["is_2011", "is_2021"]].any().all().all()


@pytest.mark.django_db
def test_walsall_splits_become_one_area_each(walsall):
    before, after = walsall["harmonised"]
    assert list(before.index) == list(after.index)
    assert list(before.columns) == list(after.columns) == list(BROAD_GROUPS)
    assert len(before) == 167  # 165 unchanged LSOAs and 2 split ones, whose 4 parts join them
    lsoa21 = walsall["2021"]
    for lsoa11, parts in SPLITS.items():
        assert lsoa11 in after.index
        assert not any(part in after.index for part in parts)
        assert (after.loc[lsoa11] == lsoa21.loc[list(parts)].sum()).all()
        assert (before.loc[lsoa11] == walsall["2011"].loc[lsoa11]).all()


@pytest.mark.django_db
def test_walsall_unchanged_lsoas_map_to_themselves_and_totals_are_kept(walsall):
    before, after = walsall["harmonised"]
    lsoa11, lsoa21 = walsall["2011"], walsall["2021"]
    unchanged = [code for code in lsoa11.index if code not in SPLITS]
    assert len(unchanged) == 165
    assert (before.loc[unchanged] == lsoa11.loc[unchanged]).all().all()
    assert (after.loc[unchanged] == lsoa21.loc[unchanged]).all().all()
    assert (before.sum() == lsoa11.sum()).all()
    assert (after.sum() == lsoa21.sum()).all()
    assert before.to_numpy().sum() == 269_323
    assert after.to_numpy().sum() == lsoa21.to_numpy().sum()


def test_2011_groups_follow_the_2021_broad_groups():
    assert set(GROUPS_2011_TO_BROAD.values()) == set(BROAD_GROUPS)
    short = {name: GROUPS_2011_TO_BROAD[label] for name, label in GROUPS_2011_COLUMNS.items()}
    assert short == {
        "WhiteBrit": "White",
        "Irish": "White",
        "OtherWhite": "White",
        "Mixed": "Mixed",
        "Indian": "Asian",
        "Pakistani": "Asian",
        "Bangladeshi": "Asian",
        "Chinese": "Asian",  # Asian in 2011 already, and in 2021
        "OtherAsian": "Asian",
        "BlkAfrican": "Black",
        "BlkCaribbean": "Black",
        "OtherBlk": "Black",
        "Arab": "Other",  # "Other ethnic group: Arab" in both Censuses
        "Other": "Other",
    }
    assert GROUPS_2011_TO_BROAD[GYPSY_2011] == "White"


def test_broad_groups_from_the_2011_file_keep_gypsy_and_irish_travellers_in_white():
    published = pd.read_csv(SHARED / "walsall" / "ethnicity11_14cat_lsoa11.csv").set_index("LSOA")
    broad = to_broad_groups_2011(published)
    assert list(broad.columns) == list(BROAD_GROUPS)
    assert (broad.sum(axis=1) == published["Persons"]).all()
    white = published[["WhiteBrit", "Irish", "OtherWhite"]].sum(axis=1)
    # 287 Walsall residents are in the total but in none of the 14 columns: Gypsy or Irish Traveller.
    assert (broad["White"] - white).sum() == 287
    # Without a total the 14 columns are all there is.
    assert (to_broad_groups_2011(published.drop(columns="Persons"))["White"] == white).all()


def test_harmonise_refuses_gaps():
    areas = harmonised_areas([("X1", "X1"), ("Y1", "Y2")])
    frame_2011 = pd.DataFrame({group: [1, 2] for group in BROAD_GROUPS}, index=["X1", "Y1"])
    frame_2021 = pd.DataFrame({group: [3, 4] for group in BROAD_GROUPS}, index=["X1", "Y2"])
    before, after = harmonise(frame_2011, frame_2021, areas)
    assert list(before.index) == list(after.index) == ["X1", "Y1"]
    with pytest.raises(ValueError, match="not in the 2011"):
        harmonise(frame_2011, frame_2021.rename(index={"Y2": "Z9"}), areas)
    with pytest.raises(ValueError, match="one Census only"):
        harmonise(frame_2011, frame_2021.loc[["X1"]], areas)
