"""The Census counts that the segregation engine needs, read from the places app.

The only database access of the engine: the indices (``insights.indices``), their inference and the
harmonisation work on the pandas frames built here. places/selectors.py has no reads of whole
census tables or of the LSOA → ward and 2011 → 2021 lookups, so they are written here, reading
places' models only.

Data available (Walsall): 2021 by LSOA (TS021, 5 broad groups); 2011 by LSOA and output area
(KS201EW, 14 groups); wards in both years as sums of their LSOAs.
"""

import hashlib

import numpy as np
import pandas as pd

from places import selectors as places_selectors
from places.models import CensusCount, CensusTable, LsoaChange, LsoaWard

from .harmonise import (
    BROAD_GROUPS,
    BROAD_GROUPS_2021_LABELS,
    GROUPS_2011,
    GROUPS_2011_PUBLISHED,
    harmonise,
    harmonised_areas,
    to_broad_groups_2011,
    with_gypsy_2011,
)

__all__ = [
    "AVAILABLE",
    "ethnicity_counts",
    "ethnicity_counts_2011_detailed",
    "harmonised_ethnicity_counts",
    "inputs_fingerprint",
    "lsoa_wards",
]

TABLE_2021 = {"dataset": "TS021", "census_year": 2021, "classification": "ethnic_group_5"}
TABLE_2011 = {"dataset": "KS201EW", "census_year": 2011, "classification": "ethnic_group_14"}

# (census year, geography) pairs that ethnicity_counts can give.
AVAILABLE = ((2011, "oa"), (2011, "lsoa"), (2011, "ward"), (2021, "lsoa"), (2021, "ward"))


def _table_counts(table_filter, geography, labels):
    """Counts of one published table as a wide frame: index area code, one column per label."""
    table = CensusTable.objects.filter(**table_filter).first()
    rows = []
    if table is not None:
        rows = list(
            CensusCount.objects.filter(table=table, geography=geography, category__in=labels).values_list(
                "area_code", "category", "count"
            )
        )
    long = pd.DataFrame(rows, columns=["area", "category", "count"])
    wide = long.pivot_table(index="area", columns="category", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(labels), fill_value=0).sort_index().astype(np.int64)
    wide.columns.name = None
    wide.index.name = "area"
    return wide


def _lsoa_wards(census_year, generation=None):
    """{LSOA code of ``census_year``: ward GSS code} of a ward generation (default: in force, or latest)."""
    if generation is None:
        choice = places_selectors.generation_in_force()
        if choice is None:
            return {}
        generation = choice.generation
    return dict(
        LsoaWard.objects.filter(ward__generation=generation, lsoa__census_year=census_year).values_list(
            "lsoa__code", "ward__gss_code"
        )
    )


def lsoa_wards(census_year, generation=None):
    """{LSOA code: ward GSS code} for ``census_year``'s LSOAs (default generation: in force, or latest)."""
    return _lsoa_wards(census_year, generation)


def _by_ward(lsoa_frame, census_year, generation):
    wards = _lsoa_wards(census_year, generation)
    unknown = [code for code in lsoa_frame.index if code not in wards]
    if unknown:
        raise ValueError(f"{census_year} LSOAs without a ward in the lookup: {', '.join(unknown[:10])}")
    frame = lsoa_frame.groupby(lsoa_frame.index.map(wards)).sum().sort_index()
    frame.index.name = "area"
    return frame


def _check(census_year, geography):
    if (census_year, geography) not in AVAILABLE:
        raise ValueError(f"no ethnicity counts for {geography} in {census_year}; available: {AVAILABLE}")


def ethnicity_counts_2011_detailed(geography, *, generation=None) -> pd.DataFrame:
    """Census 2011 KS201EW: index area code, columns ``harmonise.GROUPS_2011``.

    That is the 14 groups as published and stored by places, then "White: Gypsy or Irish
    Traveller", which the file leaves out of its 14 columns: the table total minus the 14 (see
    ``insights.harmonise``). ``geography``: "oa", "lsoa" or "ward" (the sum of the 2011 LSOAs of
    each ward, by the 2011 LSOA → ward lookup of ``generation``, default the generation in force or
    the latest).
    """
    _check(2011, geography)
    published = _table_counts(
        TABLE_2011, "lsoa" if geography == "ward" else geography, (*GROUPS_2011_PUBLISHED, CensusCount.TOTAL)
    )
    detailed = with_gypsy_2011(published)[list(GROUPS_2011)].astype(np.int64)
    return _by_ward(detailed, 2011, generation) if geography == "ward" else detailed


def ethnicity_counts(census_year: int, geography: str, *, generation=None) -> pd.DataFrame:
    """Residents by broad ethnic group: index area code, columns ``BROAD_GROUPS``.

    2021: TS021's 5 broad groups renamed to their short names. 2011: KS201EW's 14 groups summed into
    the same broad groups. ``geography``: "lsoa", "oa" (2011 only) or "ward" (the sum of the
    year's LSOAs by the LSOA → ward lookup of ``generation``, default the generation in force, or
    the latest one). Empty (no rows) when the table has not been imported.
    """
    _check(census_year, geography)
    if census_year == 2011:
        return to_broad_groups_2011(ethnicity_counts_2011_detailed(geography, generation=generation))
    lsoa = _table_counts(TABLE_2021, "lsoa", tuple(BROAD_GROUPS_2021_LABELS)).rename(columns=BROAD_GROUPS_2021_LABELS)
    lsoa = lsoa[list(BROAD_GROUPS)]
    return _by_ward(lsoa, 2021, generation) if geography == "ward" else lsoa


def harmonised_ethnicity_counts() -> tuple[pd.DataFrame, pd.DataFrame]:
    """2011 and 2021 residents by broad group on the harmonised LSOA geography (same index order).

    The areas join the LSOAs linked by the ONS 2011 → 2021 change table (``harmonise.harmonised_areas``).
    """
    changes = LsoaChange.objects.values_list("lsoa11_code", "lsoa21_code")
    return harmonise(ethnicity_counts_2011_detailed("lsoa"), ethnicity_counts(2021, "lsoa"), harmonised_areas(changes))


def inputs_fingerprint(*frames) -> str:
    """SHA-256 of the frames' area codes, column names and counts: equal when the data are equal."""
    digest = hashlib.sha256()
    for frame in frames:
        digest.update(f"{frame.shape}|{list(map(str, frame.columns))}|".encode())
        digest.update("\x1f".join(map(str, frame.index)).encode())
        digest.update(np.ascontiguousarray(frame.to_numpy(dtype=np.float64)).tobytes())
    return digest.hexdigest()
