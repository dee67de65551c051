"""Making the 2011 and 2021 Censuses comparable: the same groups on the same areas.

- Groups: our 2011 file has 14 ethnic groups (KS201EW's 18 with the 4 Mixed ones summed) and 2021
  5 broad ones (TS021). They are summed into the 5 broad groups of 2021, following ONS's
  comparability of the 2011 and 2021 classifications: the White, Mixed, Asian (including Chinese)
  and Black groups map to the broad group of the same name, and Arab and "Any other ethnic group"
  to Other (in 2011 as in 2021).
- Gypsy or Irish Traveller: the 2011 file (and places' label "Other White (including Gypsy or Irish
  Traveller)") says they are inside Other White, but they are not: its 14 columns fall short of its
  total by exactly them (England and Wales: 57,680, ONS's 2011 count; Walsall: 287). They are the
  total minus the 14 groups (``GYPSY_2011``) and count as White, as in 2021.
- Areas: some 2011 LSOAs were split, merged or redrawn for 2021. The LSOAs linked by the ONS
  2011 → 2021 change table are joined into one harmonised area (union-find over the links), so
  both Censuses are counted on areas that cover the same ground.

pandas only, no Django.
"""

import pandas as pd

__all__ = [
    "BROAD_GROUPS",
    "BROAD_GROUPS_2021_LABELS",
    "GROUPS_2011",
    "GROUPS_2011_COLUMNS",
    "GROUPS_2011_PUBLISHED",
    "GROUPS_2011_TO_BROAD",
    "GYPSY_2011",
    "harmonise",
    "harmonised_areas",
    "to_broad_groups_2011",
    "with_gypsy_2011",
]

BROAD_GROUPS = ("Asian", "Black", "Mixed", "Other", "White")

# Census 2021 TS021's 5 broad groups, as published (and as places stores them) → short names.
BROAD_GROUPS_2021_LABELS = {
    "Asian, Asian British or Asian Welsh": "Asian",
    "Black, Black British, Black Welsh, Caribbean or African": "Black",
    "Mixed or Multiple ethnic groups": "Mixed",
    "Other ethnic group": "Other",
    "White": "White",
}

# Census 2011 KS201EW's 14 groups as published (and as places stores them) → 2021 broad group.
GROUPS_2011_TO_BROAD = {
    "White: English, Welsh, Scottish, Northern Irish or British": "White",
    "White: Irish": "White",
    "White: Other White (including Gypsy or Irish Traveller)": "White",
    "Mixed or multiple ethnic groups": "Mixed",
    "Asian or Asian British: Indian": "Asian",
    "Asian or Asian British: Pakistani": "Asian",
    "Asian or Asian British: Bangladeshi": "Asian",
    "Asian or Asian British: Chinese": "Asian",
    "Asian or Asian British: Other Asian": "Asian",
    "Black or Black British: African": "Black",
    "Black or Black British: Caribbean": "Black",
    "Black or Black British: Other Black": "Black",
    "Other ethnic group: Arab": "Other",
    "Other ethnic group: Any other ethnic group": "Other",
}
GROUPS_2011_PUBLISHED = tuple(GROUPS_2011_TO_BROAD)  # the 14 columns of the file, as places stores them
# Not a column of the file: its total minus the 14 groups (see the module docstring).
GYPSY_2011 = "White: Gypsy or Irish Traveller"
GROUPS_2011_TO_BROAD[GYPSY_2011] = "White"
GROUPS_2011 = (*GROUPS_2011_PUBLISHED, GYPSY_2011)  # the detailed 2011 groups the engine uses
TOTAL_COLUMNS = ("Total", "Persons")  # the table total as places stores it, and in the tidy CSV

# The same 14 groups as the columns of the tidy 2011 CSVs (ethnicity11_14cat_*.csv) → published label.
GROUPS_2011_COLUMNS = dict(
    zip(
        (
            "WhiteBrit",
            "Irish",
            "OtherWhite",
            "Mixed",
            "Indian",
            "Pakistani",
            "Bangladeshi",
            "Chinese",
            "OtherAsian",
            "BlkAfrican",
            "BlkCaribbean",
            "OtherBlk",
            "Arab",
            "Other",
        ),
        GROUPS_2011_PUBLISHED,
        strict=True,
    )
)


def harmonised_areas(changes) -> dict[str, str]:
    """Every 2011 and 2021 LSOA code → its harmonised area id.

    ``changes`` is an iterable of (lsoa11_code, lsoa21_code) links of the ONS change table. Codes
    linked directly or through a chain of links (splits, merges, redesigns) form one harmonised
    area, named by the smallest code in it. An unchanged LSOA (same code both years, no other
    link) is its own area. 2011 and 2021 codes are never confused: a code is the same LSOA in both
    years only when ONS kept it.
    """
    parent = {}

    def find(code):
        parent.setdefault(code, code)
        root = code
        while parent[root] != root:
            root = parent[root]
        while parent[code] != root:  # path compression
            parent[code], code = root, parent[code]
        return root

    for lsoa11, lsoa21 in changes:
        a, b = find(lsoa11), find(lsoa21)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is always the smallest code of its component
    return {code: find(code) for code in parent}


def with_gypsy_2011(frame_2011) -> pd.DataFrame:
    """The 2011 groups (GROUPS_2011: the 14 published and Gypsy or Irish Traveller), same index.

    Columns may be the published labels or the tidy CSV's short names (WhiteBrit, Irish, …). Gypsy
    or Irish Traveller is taken from a GYPSY_2011 column, else as the total ("Total" or "Persons")
    minus the 14 groups, else 0 (no total given). Other columns are ignored.
    """
    frame = frame_2011.rename(columns=GROUPS_2011_COLUMNS)
    missing = [label for label in GROUPS_2011_PUBLISHED if label not in frame.columns]
    if missing:
        raise ValueError(f"2011 groups missing: {', '.join(missing)}")
    groups = frame[list(GROUPS_2011_PUBLISHED)].copy()
    if GYPSY_2011 in frame.columns:
        groups[GYPSY_2011] = frame[GYPSY_2011]
    else:
        total = next((frame[column] for column in TOTAL_COLUMNS if column in frame.columns), None)
        groups[GYPSY_2011] = 0 if total is None else total - groups.sum(axis=1)
    if (groups[GYPSY_2011] < 0).any():
        raise ValueError("the 2011 total is smaller than the sum of its groups")
    return groups


def to_broad_groups_2011(frame_2011) -> pd.DataFrame:
    """The 2011 groups summed into BROAD_GROUPS (same index, columns BROAD_GROUPS).

    Takes what ``with_gypsy_2011`` takes: the 14 groups, with the total or the Gypsy or Irish
    Traveller column (else they are missing from White).
    """
    groups = with_gypsy_2011(frame_2011)
    broad = groups.T.groupby(pd.Series(GROUPS_2011_TO_BROAD)).sum().T
    return broad.reindex(columns=list(BROAD_GROUPS), fill_value=0)


def _broad(frame):
    if all(group in frame.columns for group in BROAD_GROUPS):
        return frame[list(BROAD_GROUPS)]
    renamed = frame.rename(columns=BROAD_GROUPS_2021_LABELS)
    if all(group in renamed.columns for group in BROAD_GROUPS):
        return renamed[list(BROAD_GROUPS)]
    return to_broad_groups_2011(frame)


def harmonise(frame_2011, frame_2021, areas_map) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both Censuses on the harmonised areas: two frames with the same index (sorted harmonised
    ids) and columns BROAD_GROUPS, each area the sum of the LSOAs of its year that it holds.

    ``frame_2011`` (indexed by 2011 LSOA code) may hold the 14 groups or the broad ones;
    ``frame_2021`` (indexed by 2021 LSOA code) the broad groups, short or published names.
    ``areas_map`` comes from ``harmonised_areas``. An LSOA missing from it, or a harmonised area
    counted in one Census only, is an error rather than a silent gap.
    """
    frames = []
    for frame in (frame_2011, frame_2021):
        broad = _broad(frame)
        unknown = [code for code in broad.index if code not in areas_map]
        if unknown:
            raise ValueError(f"LSOAs not in the 2011 → 2021 change table: {', '.join(map(str, unknown[:10]))}")
        harmonised = broad.groupby(broad.index.map(areas_map)).sum().sort_index()
        harmonised.index.name = "area"
        frames.append(harmonised)
    before, after = frames
    if not before.index.equals(after.index):
        only = before.index.symmetric_difference(after.index)
        raise ValueError(f"harmonised areas counted in one Census only: {', '.join(map(str, only[:10]))}")
    return before, after
