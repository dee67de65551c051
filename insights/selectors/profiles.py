"""Reads for the ward profile: Census 2021 figures for one ward beside the Walsall average.

Ethnic group, tenure and overcrowding are published by LSOA, so the ward's figures are the sums of its
neighbourhoods (the ONS best-fit lookup). English proficiency and recent migration are published only by
MSOA, which do not nest in wards: the ward's figure is estimated by sharing each overlapping MSOA's counts
among its neighbourhoods in proportion to their population, and the page lists the MSOAs it used.
Every ORM read of the profile is here (about 8 queries per page).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from places import disclosure
from places import selectors as places_selectors
from places.models import CensusArea, CensusCount, CensusTable, Lsoa, WardGeneration

from . import segregation
from .segregation import GROUP_LABELS, number

TABLES = {
    "ethnicity": ("TS021", 2021, "ethnic_group_5"),
    "tenure": ("TS054", 2021, "tenure_8"),
    "overcrowding": ("TS052", 2021, "occupancy_rating_bedrooms_5"),
    "english": ("TS029", 2021, "english_proficiency_6"),
    "migration": ("TS019", 2021, "migrant_indicator"),
}
LSOA_TABLES = ("ethnicity", "tenure", "overcrowding")
MSOA_TABLES = ("english", "migration")

ETHNIC_GROUPS = {
    "Asian, Asian British or Asian Welsh": "Asian",
    "Black, Black British, Black Welsh, Caribbean or African": "Black",
    "Mixed or Multiple ethnic groups": "Mixed",
    "Other ethnic group": "Other",
    "White": "White",
}
ENGLISH_MAIN = "Main language is English (English or Welsh in Wales)"
NOT_ENGLISH_MAIN = "Main language is not English (English or Welsh in Wales)"
CANNOT_SPEAK_WELL = (
    "Main language is not English (English or Welsh in Wales): Cannot speak English well",
    "Main language is not English (English or Welsh in Wales): Cannot speak English",
)
FROM_OUTSIDE_UK = "Migrant from outside the UK"

SOURCES = {
    "ethnicity": _("ONS Census 2021, table TS021 (ethnic group): usual residents"),
    "tenure": _("ONS Census 2021, table TS054 (tenure): households"),
    "overcrowding": _("ONS Census 2021, table TS052 (occupancy rating for bedrooms): households"),
    "english": _("ONS Census 2021, table TS029 (proficiency in English): usual residents aged 3 and over"),
    "migration": _("ONS Census 2021, table TS019 (migrant indicator: address one year ago): usual residents"),
}
GEOGRAPHY_NOTES = {
    "lsoa": _("Sum of the ward's neighbourhoods (LSOAs)"),
    "msoa": _("Estimated from the MSOAs overlapping the ward, shared by population"),
}


def percent_text(value):
    """A share as a percentage in the active language's number format; empty when not shown."""
    return "" if value is None else number(value * 100, 1) + "%"


def page_sources():
    return [
        *SOURCES.values(),
        _(
            "Neighbourhoods are placed in wards by the ONS best-fit lookup (2024 ward codes); MSOAs are matched to "
            "neighbourhoods by their ONS names (an LSOA is named after its MSOA and a letter)."
        ),
    ]


_LSOA_NAME = re.compile(r"^(?P<msoa>.+\S)\s*[A-Z]$")


@dataclass
class ProfileRow:
    key: str
    label: str
    count: int | None  # None: suppressed or not available
    total: int | None
    share: float | None
    walsall_share: float | None
    source: str
    geography: str  # "lsoa" or "msoa"
    hidden_label: str = ""  # what the table and CSV say instead of a hidden count

    @property
    def count_text(self):
        return str(self.hidden_label) if self.count is None else str(self.count)

    @property
    def geography_note(self):
        return GEOGRAPHY_NOTES[self.geography]

    @property
    def share_text(self):
        return percent_text(self.share)

    @property
    def walsall_text(self):
        return percent_text(self.walsall_share)

    @property
    def estimated(self):
        return self.geography == "msoa"


@dataclass
class MsoaRow:
    code: str
    name: str
    in_ward: float  # the share of the MSOA's residents living in the ward's neighbourhoods
    english: float | None
    migration: float | None

    @property
    def in_ward_text(self):
        return percent_text(self.in_ward)

    @property
    def english_text(self):
        return percent_text(self.english)

    @property
    def migration_text(self):
        return percent_text(self.migration)


@dataclass
class Profile:
    ward: object
    generation: object
    population: int | None = None
    neighbourhoods: int = 0
    ethnicity: list = field(default_factory=list)
    housing: list = field(default_factory=list)
    language_and_migration: list = field(default_factory=list)
    msoas: list = field(default_factory=list)

    @property
    def rows(self):
        return [*self.ethnicity, *self.housing, *self.language_and_migration]


def ward_for_profile(gss_code):
    """The ward with this code in the generation in force (else any generation holding it), or None."""
    choice = places_selectors.generation_in_force()
    if choice is not None:
        ward = places_selectors.ward_get(choice.generation, gss_code)
        if ward is not None:
            return ward, choice.generation
    generation = WardGeneration.objects.filter(wards__gss_code=gss_code).first()
    if generation is None:
        return None, None
    return places_selectors.ward_get(generation, gss_code), generation


def _counts(tables, geography):
    """{table key: {area: {category: count}}} for the given tables at one geography (1 query)."""
    by_id = {table_id: key for key, table_id in tables.items()}
    result = {key: {} for key in tables}
    rows = CensusCount.objects.filter(table_id__in=list(by_id), geography=geography).values_list(
        "table_id", "area_code", "category", "count"
    )
    for table_id, area, category, value in rows:
        result[by_id[table_id]].setdefault(area, {})[category] = value
    return result


def _sum(areas, weights=None):
    total = {}
    for area, categories in areas.items():
        weight = 1.0 if weights is None else weights.get(area, 0.0)
        if weight:
            for category, value in categories.items():
                total[category] = total.get(category, 0) + value * weight
    return total


def _share(part, whole):
    return part / whole if whole else None


def _row(key, label, part, whole, walsall_part, walsall_whole, geography, show_small_numbers, hidden=False):
    count = round(part) if part is not None else None
    total = round(whole) if whole is not None else None
    share = _share(part, whole) if part is not None else None
    hidden_label = ""
    if not show_small_numbers and (
        places_selectors.suppress(count) is None or places_selectors.suppress(total) is None or hidden
    ):
        hidden_label = segregation.FEWER_THAN_5 if hidden_label_small(count, total) else segregation.NOT_SHOWN
        count, share = None, None
    return ProfileRow(
        key,
        label,
        count,
        total,
        share,
        _share(walsall_part, walsall_whole),
        SOURCES[key.split(":")[0]],
        geography,
        hidden_label,
    )


def hidden_label_small(count, total):
    return places_selectors.suppress(count) is None or places_selectors.suppress(total) is None


def _ethnicity_hidden(ward, in_ward):
    """The ward's groups the public does not see: the same cells as on the ward maps (``segregation``).

    A ward outside the generation in force has no map; its own groups are checked against its total.
    """
    hidden = segregation.hidden_groups("ward", ward.gss_code)
    if hidden is not None:
        return hidden
    counts = {group: round(in_ward.get(category, 0)) for category, group in ETHNIC_GROUPS.items()}
    counts[segregation.TOTAL] = round(in_ward.get(CensusCount.TOTAL, 0))
    line = disclosure.Line(segregation.TOTAL, list(ETHNIC_GROUPS.values()))
    return disclosure.hidden_cells(counts, [line])


def _english(categories):
    return sum(categories.get(name, 0) for name in CANNOT_SPEAK_WELL), (
        categories.get(ENGLISH_MAIN, 0) + categories.get(NOT_ENGLISH_MAIN, 0)
    )


def _migration(categories):
    return categories.get(FROM_OUTSIDE_UK, 0), categories.get(CensusCount.TOTAL, 0)


def ward_profile(ward, generation, *, show_small_numbers):
    """The ward's Census 2021 profile beside Walsall's, suppressed for the public (about 6 queries)."""
    profile = Profile(ward=ward, generation=generation)
    tables = {}
    for table in CensusTable.objects.filter(census_year=2021, dataset__in=[spec[0] for spec in TABLES.values()]):
        for key, (dataset, year, classification) in TABLES.items():
            if (table.dataset, table.census_year, table.classification) == (dataset, year, classification):
                tables[key] = table.pk
    lsoas = dict(Lsoa.objects.filter(census_year=2021).values_list("code", "name"))
    ward_lsoas = set(Lsoa.objects.filter(ward_links__ward=ward, census_year=2021).values_list("code", flat=True))
    profile.neighbourhoods = len(ward_lsoas)
    lsoa_counts = _counts({key: tables[key] for key in LSOA_TABLES if key in tables}, "lsoa")

    ethnicity = lsoa_counts.get("ethnicity", {})
    population = {code: categories.get(CensusCount.TOTAL, 0) for code, categories in ethnicity.items()}
    if ethnicity:
        in_ward = _sum({code: value for code, value in ethnicity.items() if code in ward_lsoas})
        walsall = _sum(ethnicity)
        profile.population = round(in_ward.get(CensusCount.TOTAL, 0)) or None
        hidden = set() if show_small_numbers else _ethnicity_hidden(ward, in_ward)
        for category, group in ETHNIC_GROUPS.items():
            profile.ethnicity.append(
                _row(
                    f"ethnicity:{group}",
                    GROUP_LABELS[group],
                    in_ward.get(category, 0),
                    in_ward.get(CensusCount.TOTAL, 0),
                    walsall.get(category, 0),
                    walsall.get(CensusCount.TOTAL, 0),
                    "lsoa",
                    show_small_numbers,
                    hidden=group in hidden or segregation.TOTAL in hidden,
                )
            )
    for key, label, categories_of in (
        ("tenure", _("Households renting privately"), lambda c: [k for k in c if k.startswith("Private rented")]),
        (
            "overcrowding",
            _("Overcrowded households (at least one bedroom too few)"),
            lambda c: [k for k in c if k.startswith("-")],
        ),
    ):
        areas = lsoa_counts.get(key, {})
        if not areas:
            continue
        in_ward = _sum({code: value for code, value in areas.items() if code in ward_lsoas})
        walsall = _sum(areas)
        chosen = categories_of(walsall)
        profile.housing.append(
            _row(
                key,
                label,
                sum(in_ward.get(name, 0) for name in chosen),
                in_ward.get(CensusCount.TOTAL, 0),
                sum(walsall.get(name, 0) for name in chosen),
                walsall.get(CensusCount.TOTAL, 0),
                "lsoa",
                show_small_numbers,
            )
        )

    msoa_tables = {key: tables[key] for key in MSOA_TABLES if key in tables}
    if msoa_tables:
        _msoa_figures(profile, ward_lsoas, lsoas, population, _counts(msoa_tables, "msoa"), show_small_numbers)
    return profile


def _msoa_figures(profile, ward_lsoas, lsoas, population, msoa_counts, show_small_numbers):
    """English proficiency and migration, published by MSOA, apportioned to the ward by population."""
    msoa_codes = dict(CensusArea.objects.filter(geography="msoa").values_list("name", "code").order_by("-census_year"))
    msoa_of = {}
    for code, name in lsoas.items():
        match = _LSOA_NAME.match(name or "")
        if match and match["msoa"] in msoa_codes:
            msoa_of[code] = msoa_codes[match["msoa"]]  # ONS names each LSOA after its MSOA plus a letter
    msoa_population = {}
    ward_population = {}
    for code, msoa in msoa_of.items():
        msoa_population[msoa] = msoa_population.get(msoa, 0) + population.get(code, 0)
        if code in ward_lsoas:
            ward_population[msoa] = ward_population.get(msoa, 0) + population.get(code, 0)
    weights = {msoa: ward_population[msoa] / msoa_population[msoa] for msoa in ward_population if msoa_population[msoa]}
    names = {code: name for name, code in msoa_codes.items()}
    for key, label, measure in (
        ("english", _("Residents who cannot speak English well or at all"), _english),
        ("migration", _("Residents who lived outside the UK a year before the Census"), _migration),
    ):
        areas = msoa_counts.get(key, {})
        if not areas or not weights:
            continue
        ward_part, ward_whole = measure(_sum(areas, weights))
        walsall_part, walsall_whole = measure(_sum(areas))
        profile.language_and_migration.append(
            _row(key, label, ward_part, ward_whole, walsall_part, walsall_whole, "msoa", show_small_numbers)
        )
    for msoa, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
        shares = {}
        for key, measure in (("english", _english), ("migration", _migration)):
            part, whole = measure(msoa_counts.get(key, {}).get(msoa, {}))
            hidden = not show_small_numbers and (
                places_selectors.suppress(part) is None or places_selectors.suppress(whole) is None
            )
            shares[key] = None if hidden else _share(part, whole)
        profile.msoas.append(MsoaRow(msoa, names.get(msoa, msoa), weight, shares["english"], shares["migration"]))


CSV_HEADER = [
    "ward_code",
    "ward_name",
    "measure",
    "geography",
    "ward_count",
    "ward_total",
    "ward_percent",
    "walsall_percent",
    "source",
]


def percent(value):
    return "" if value is None else f"{value * 100:.1f}"


def profile_csv_rows(profile):
    return [
        [
            profile.ward.gss_code,
            profile.ward.name,
            str(row.label),
            str(row.geography_note),
            row.count_text,
            "" if row.total is None else str(row.total),
            str(segregation.NOT_SHOWN) if row.count is None else percent(row.share),
            percent(row.walsall_share),
            str(row.source),
        ]
        for row in profile.rows
    ]
