"""Reads for the segregation pages: the stored indices and changes, and the local picture per area.

Every figure carries the geography it was computed on; the pages name it beside the figure.
"""

import logging
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insights import census, harmonise, indices
from insights.models import IndexChange, IndexResult
from insights.services.segregation import ALL_GROUPS, HARMONISED
from places import disclosure
from places import selectors as places_selectors

logger = logging.getLogger(__name__)

DEFAULT_GROUP = "Asian"
CHANCE_LEVEL = 0.05  # a change with p below this is reported as larger than chance

GROUP_LABELS = {
    "Asian": gettext_lazy("Asian"),
    "Black": gettext_lazy("Black"),
    "Mixed": gettext_lazy("Mixed or multiple ethnic groups"),
    "Other": gettext_lazy("Other ethnic group"),
    "White": gettext_lazy("White"),
}
GROUP_RESIDENTS = {
    "Asian": gettext_lazy("Asian residents"),
    "Black": gettext_lazy("Black residents"),
    "Mixed": gettext_lazy("Residents of mixed or multiple ethnic groups"),
    "Other": gettext_lazy("Residents of other ethnic groups"),
    "White": gettext_lazy("White residents"),
}

INDEX_LABELS = {
    "dissimilarity": gettext_lazy("Index of dissimilarity (D)"),
    "isolation": gettext_lazy("Isolation index"),
    "exposure": gettext_lazy("Exposure index"),
    "entropy": gettext_lazy("Theil's information theory index (H)"),
    "gini": gettext_lazy("Gini coefficient"),
    "multigroup_dissimilarity": gettext_lazy("Multigroup index of dissimilarity (D)"),
    "multigroup_information_theory": gettext_lazy("Multigroup information theory index (H)"),
}
INDEX_SHORT = {
    "dissimilarity": gettext_lazy("D"),
    "isolation": gettext_lazy("isolation"),
    "exposure": gettext_lazy("exposure"),
    "entropy": gettext_lazy("H"),
    "gini": gettext_lazy("the Gini coefficient"),
    "multigroup_dissimilarity": gettext_lazy("multigroup D"),
    "multigroup_information_theory": gettext_lazy("multigroup H"),
}
INDEX_MEANINGS = {
    "dissimilarity": gettext_lazy(
        "The share of the group who would have to move to another area for the group to be spread like everyone "
        "else: 0 means evenly spread, 1 means living completely apart."
    ),
    "isolation": gettext_lazy("The share of the group in the area where the average member of the group lives."),
    "exposure": gettext_lazy(
        "The share of other groups in the area where the average member of the group lives (isolation and "
        "exposure add up to 1)."
    ),
    "entropy": gettext_lazy(
        "How much less mixed the areas are than Walsall as a whole: 0 means every area is as mixed as Walsall, "
        "1 means every area holds only the group or only everyone else."
    ),
    "gini": gettext_lazy(
        "The average difference in the group's share between every pair of areas, scaled from 0 (no difference) to 1."
    ),
    "multigroup_dissimilarity": gettext_lazy(
        "Dissimilarity over all five broad groups at once: 0 means every area has Walsall's mix, 1 means no "
        "two groups share an area."
    ),
    "multigroup_information_theory": gettext_lazy(
        "Theil's H over all five broad groups at once: 0 means every area is as diverse as Walsall, 1 means "
        "each area holds one group only."
    ),
}
# Indices of unevenness: a higher value means the group is less evenly spread.
UNEVENNESS = {"dissimilarity", "entropy", "gini", "multigroup_dissimilarity", "multigroup_information_theory"}
SINGLE_GROUP_ORDER = ("dissimilarity", "isolation", "exposure", "entropy", "gini")
MULTIGROUP_ORDER = ("multigroup_dissimilarity", "multigroup_information_theory")

GEOGRAPHY_LABELS = {
    "oa": gettext_lazy("Output areas"),
    "lsoa": gettext_lazy("Neighbourhoods (LSOAs)"),
    "ward": gettext_lazy("Wards"),
    HARMONISED: gettext_lazy("Neighbourhoods comparable between 2011 and 2021"),
}


def page_sources():
    return [SOURCES[2011], SOURCES[2021], WARD_NOTE, OA_NOTE]


WARD_NOTE = gettext_lazy("Wards: the sums of their neighbourhoods (LSOAs) by the ONS best-fit lookup.")
OA_NOTE = gettext_lazy("Output areas: 2011 only.")
SOURCES = {
    2011: gettext_lazy("ONS Census 2011, table KS201EW (ethnic group): 14 groups combined into 5 broad groups"),
    2021: gettext_lazy("ONS Census 2021, table TS021 (ethnic group, 5 broad groups)"),
}
YEAR_GEOGRAPHIES = {2021: ("lsoa", "ward"), 2011: ("oa", "lsoa", "ward")}


def group_choices():
    return [(group, GROUP_LABELS.get(group, group)) for group in harmonise.BROAD_GROUPS]


def is_group(value):
    return value in harmonise.BROAD_GROUPS


def number(value, places=3):
    """A figure in the active language's number format (e.g. 0,571 in Polish)."""
    return formats.number_format(round(value, places), places)


def plain(value, places=3):
    """A figure as the CSV gives it."""
    return f"{value:.{places}f}"


def p_text(p_value):
    if p_value < 0.001:
        return "p < 0.001"
    if p_value < 0.01:
        return "p < 0.01"
    return "p = " + number(p_value, 2)


@dataclass
class Figure:
    census_year: int
    geography: str
    index: str
    value: float
    low: float | None
    high: float | None
    areas: int
    iterations: int

    @property
    def geography_label(self):
        return GEOGRAPHY_LABELS.get(self.geography, self.geography)

    @property
    def value_text(self):
        return number(self.value)

    @property
    def interval_text(self):
        if self.low is None or self.high is None:
            return ""
        return _("%(low)s to %(high)s") % {"low": number(self.low), "high": number(self.high)}


@dataclass
class IndexRow:
    index: str
    figures: dict  # geography → Figure (or missing)

    @property
    def label(self):
        return INDEX_LABELS.get(self.index, self.index)

    @property
    def meaning(self):
        return INDEX_MEANINGS.get(self.index, "")

    def cells(self, geographies):
        return [self.figures.get(geography) for geography in geographies]


@dataclass
class YearTable:
    census_year: int
    geographies: tuple
    rows: list
    areas: dict  # geography → number of areas

    @property
    def source(self):
        return SOURCES[self.census_year]

    @property
    def columns(self):
        return [(geography, GEOGRAPHY_LABELS[geography], self.areas.get(geography)) for geography in self.geographies]

    def row_cells(self):
        return [(row, row.cells(self.geographies)) for row in self.rows]


@dataclass
class ChangeRow:
    change: IndexChange
    group: str
    sentence: str

    @property
    def label(self):
        return INDEX_LABELS.get(self.change.index, self.change.index)

    @property
    def larger_than_chance(self):
        return self.change.p_value < CHANCE_LEVEL

    @property
    def p_text(self):
        return p_text(self.change.p_value)

    @property
    def before_text(self):
        return number(self.change.value_2011)

    @property
    def after_text(self):
        return number(self.change.value_2021)

    @property
    def difference_text(self):
        sign = "+" if self.change.difference > 0 else ""
        return sign + number(self.change.difference)

    @property
    def interval_text(self):
        return _("%(low)s to %(high)s") % {"low": number(self.change.ci_low), "high": number(self.change.ci_high)}


@dataclass
class SegregationFigures:
    group: str
    group_tables: list = field(default_factory=list)  # YearTable per census year, newest first
    multigroup_tables: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # ChangeRow for the group's indices
    multigroup_changes: list = field(default_factory=list)
    harmonised_areas: int | None = None
    iterations: int | None = None

    @property
    def computed(self):
        return bool(self.group_tables or self.multigroup_tables)

    @property
    def group_label(self):
        return GROUP_LABELS.get(self.group, self.group)

    def headline(self, index="dissimilarity", year=2021, geography="lsoa"):
        for table in self.group_tables:
            if table.census_year == year:
                for row in table.rows:
                    if row.index == index:
                        return row.figures.get(geography)
        return None


def _two(value_before, value_after):
    places = 2 if round(value_before, 2) != round(value_after, 2) else 3
    return number(value_before, places), number(value_after, places)


def change_sentence(change, group):
    """The 2011 → 2021 change of one index in plain words, saying whether chance could explain it."""
    before, after = _two(change.value_2011, change.value_2021)
    values = {
        "residents": GROUP_RESIDENTS.get(group, group),
        "index": INDEX_SHORT.get(change.index, change.index),
        "before": before,
        "after": after,
        "p": p_text(change.p_value),
    }
    if round(change.value_2011, 3) == round(change.value_2021, 3):
        if group == ALL_GROUPS:
            return (
                _("For all groups together, %(index)s was %(before)s in 2011 and %(after)s in 2021: no change.")
                % values
            )
        return _("For %(residents)s, %(index)s was %(before)s in 2011 and %(after)s in 2021: no change.") % values
    fell = change.difference < 0
    if change.index in UNEVENNESS and group == ALL_GROUPS:
        finding = (
            _(
                "Walsall's ethnic groups were less evenly spread across neighbourhoods in 2011 than in 2021: "
                "%(index)s fell from %(before)s to %(after)s"
            )
            if fell
            else _(
                "Walsall's ethnic groups were more evenly spread across neighbourhoods in 2011 than in 2021: "
                "%(index)s rose from %(before)s to %(after)s"
            )
        )
    elif change.index in UNEVENNESS:
        finding = (
            _(
                "%(residents)s were less evenly spread across neighbourhoods in 2011 than in 2021: "
                "%(index)s fell from %(before)s to %(after)s"
            )
            if fell
            else _(
                "%(residents)s were more evenly spread across neighbourhoods in 2011 than in 2021: "
                "%(index)s rose from %(before)s to %(after)s"
            )
        )
    elif change.index == "isolation":
        finding = (
            _(
                "%(residents)s lived in neighbourhoods with a smaller share of their own group in 2021 than in "
                "2011: %(index)s fell from %(before)s to %(after)s"
            )
            if fell
            else _(
                "%(residents)s lived in neighbourhoods with a larger share of their own group in 2021 than in "
                "2011: %(index)s rose from %(before)s to %(after)s"
            )
        )
    else:
        finding = (
            _(
                "%(residents)s lived in neighbourhoods with a smaller share of other groups in 2021 than in 2011: "
                "%(index)s fell from %(before)s to %(after)s"
            )
            if fell
            else _(
                "%(residents)s lived in neighbourhoods with a larger share of other groups in 2021 than in 2011: "
                "%(index)s rose from %(before)s to %(after)s"
            )
        )
    if change.p_value < CHANCE_LEVEL:
        chance = (
            _("a fall this large is unlikely to be chance (%(p)s)")
            if fell
            else _("a rise this large is unlikely to be chance (%(p)s)")
        )
    else:
        chance = (
            _("a fall this small could be chance (%(p)s)") if fell else _("a rise this small could be chance (%(p)s)")
        )
    return _("%(finding)s; %(chance)s.") % {"finding": finding % values, "chance": chance % values}


def _tables(results, order):
    tables = []
    for year, geographies in YEAR_GEOGRAPHIES.items():
        by_index = {}
        areas = {}
        for result in results:
            if result.census_year == year and result.geography in geographies:
                by_index.setdefault(result.index, {})[result.geography] = Figure(
                    year,
                    result.geography,
                    result.index,
                    result.value,
                    result.ci_low,
                    result.ci_high,
                    result.areas,
                    result.iterations,
                )
                areas[result.geography] = result.areas
        rows = [IndexRow(name, by_index[name]) for name in order if name in by_index]
        rows += [IndexRow(name, by_index[name]) for name in sorted(by_index) if name not in order]
        if rows:
            tables.append(YearTable(year, geographies, rows, areas))
    return tables


def _change_rows(changes, group, order):
    rows = [change for change in changes if change.group == group]
    rows.sort(key=lambda change: (order.index(change.index) if change.index in order else len(order), change.index))
    return [ChangeRow(change, group, change_sentence(change, group)) for change in rows]


def segregation_figures(group):
    """The stored indices of ``group`` (versus everyone else) and of all groups together (2 queries)."""
    results = list(IndexResult.objects.filter(group__in=[group, ALL_GROUPS]))
    changes = list(IndexChange.objects.filter(group__in=[group, ALL_GROUPS]))
    harmonised = [result.areas for result in results if result.geography == HARMONISED]
    return SegregationFigures(
        group=group,
        group_tables=_tables([result for result in results if result.group == group], SINGLE_GROUP_ORDER),
        multigroup_tables=_tables([result for result in results if result.group == ALL_GROUPS], MULTIGROUP_ORDER),
        changes=_change_rows(changes, group, list(SINGLE_GROUP_ORDER)),
        multigroup_changes=_change_rows(changes, ALL_GROUPS, list(MULTIGROUP_ORDER)),
        harmonised_areas=max(harmonised) if harmonised else None,
        iterations=max((result.iterations for result in results), default=None),
    )


CSV_HEADER = [
    "kind",
    "census_year",
    "geography",
    "areas",
    "group",
    "index",
    "value",
    "ci_low",
    "ci_high",
    "p_value",
    "iterations",
    "source",
]


def _optional(value):
    return "" if value is None else plain(value)


def segregation_csv_rows():
    """Every stored index and change, as the CSV download gives them (2 queries)."""
    rows = []
    results = IndexResult.objects.order_by("-census_year", "geography", "group", "index")
    for result in results:
        rows.append(
            [
                "index",
                str(result.census_year),
                result.geography,
                str(result.areas),
                result.group,
                result.index,
                plain(result.value),
                _optional(result.ci_low),
                _optional(result.ci_high),
                "",
                str(result.iterations),
                "ONS Census 2011 KS201EW" if result.census_year == 2011 else "ONS Census 2021 TS021",
            ]
        )
    for change in IndexChange.objects.order_by("geography", "group", "index"):
        rows.append(
            [
                "change",
                "2011-2021",
                change.geography,
                "",
                change.group,
                change.index,
                plain(change.difference),
                plain(change.ci_low),
                plain(change.ci_high),
                plain(change.p_value, 4),
                str(change.iterations),
                "ONS Census 2011 KS201EW; ONS Census 2021 TS021",
            ]
        )
    return rows


# The local picture: one figure per area ------------------------------------------------------------------

MAP_GEOGRAPHIES = {"ward": gettext_lazy("Wards"), "lsoa": gettext_lazy("Neighbourhoods (LSOAs)")}
LOCAL_ENTROPY = "local-entropy"
MAP_YEAR = 2021


@dataclass(frozen=True)
class Measure:
    slug: str
    kind: str  # "share", "lq" or "entropy"
    group: str | None

    @property
    def label(self):
        group = GROUP_LABELS.get(self.group, self.group)
        if self.kind == "share":
            return _("Share of residents who are %(group)s") % {"group": group}
        if self.kind == "lq":
            return _("Location quotient: %(group)s") % {"group": group}
        return _("Local entropy (how mixed each area is)")

    @property
    def explanation(self):
        if self.kind == "share":
            return _("The percentage of each area's usual residents in the %(group)s broad ethnic group.") % {
                "group": GROUP_LABELS.get(self.group, self.group)
            }
        if self.kind == "lq":
            return _(
                "The group's share in the area divided by its share in Walsall: 1 means the same as Walsall, 2 "
                "means twice Walsall's share, 0.5 half of it."
            )
        return _(
            "How evenly each area's residents are spread over the five broad ethnic groups: 0 means everyone is "
            "in one group, 1 means all five groups are equally present."
        )


def measures():
    result = []
    for kind in ("share", "lq"):
        for group in harmonise.BROAD_GROUPS:
            result.append(Measure(f"{kind}-{group.lower()}", kind, group))
    result.append(Measure(LOCAL_ENTROPY, "entropy", None))
    return result


def measure_get(slug):
    return next((measure for measure in measures() if measure.slug == slug), None)


FEWER_THAN_5 = gettext_lazy("Fewer than 5")
NOT_SHOWN = gettext_lazy("Not shown")


def _hidden_label(count):
    """What the public sees for a hidden count: a small one is "Fewer than 5", a complement "Not shown"."""
    return FEWER_THAN_5 if places_selectors.suppress(count) is None else NOT_SHOWN


@dataclass
class AreaRow:
    code: str
    name: str
    group_count: int | None  # None: hidden (or not a group measure)
    total: int | None
    value: float | None  # None: hidden
    value_text: str
    group_hidden_label: str = ""  # what the table and CSV say instead of a hidden count
    total_hidden_label: str = ""

    @property
    def group_count_text(self):
        if self.group_count is None:
            return str(self.group_hidden_label)
        return str(self.group_count)

    @property
    def total_text(self):
        return str(self.total_hidden_label) if self.total is None else str(self.total)


@dataclass
class LocalPicture:
    geography: str
    measure: Measure
    rows: list
    area_map: object
    suppressed: int = 0

    @property
    def geography_label(self):
        return MAP_GEOGRAPHIES[self.geography]


TOTAL = "total"


def _frame_data(frame):
    counts = frame.to_numpy(dtype=float)
    quotients = indices.location_quotients(counts)
    entropy = indices.local_entropy(counts)
    return {
        code: {
            "counts": {group: int(frame.iloc[row][group]) for group in harmonise.BROAD_GROUPS},
            "lq": {group: float(quotients[row][column]) for column, group in enumerate(harmonise.BROAD_GROUPS)},
            "entropy": float(entropy[row]),
            "hidden": [],
        }
        for row, code in enumerate(frame.index)
    }


def _mark_hidden(data, lsoa_wards):
    """Store in each area's ``hidden`` the groups (and "total") the public must not see.

    The lines the public can add up: each area's groups make its residents, and, per group, a ward's
    neighbourhoods make the ward (wards are the sums of their LSOAs).
    """
    counts, lines = {}, []
    for geography, areas in data.items():
        for code, figures in areas.items():
            total = (geography, code, TOTAL)
            counts[total] = sum(figures["counts"].values())
            parts = []
            for group, count in figures["counts"].items():
                counts[(geography, code, group)] = count
                parts.append((geography, code, group))
            lines.append(disclosure.Line(total, parts))
    members = {}
    for lsoa, ward in lsoa_wards.items():
        if lsoa in data.get("lsoa", {}) and ward in data.get("ward", {}):
            members.setdefault(ward, []).append(lsoa)
    for ward, lsoas in members.items():
        for key in (*harmonise.BROAD_GROUPS, TOTAL):
            lines.append(disclosure.Line(("ward", ward, key), [("lsoa", lsoa, key) for lsoa in sorted(lsoas)]))
    for geography, code, key in disclosure.hidden_cells(counts, lines):
        data[geography][code]["hidden"].append(key)


def _local_data():
    """Census 2021 counts per LSOA and per ward, the local statistics and what the public may not see.

    Cached until the indices are recomputed.
    """
    version = IndexResult.objects.values_list("inputs_fingerprint", flat=True).first()
    key = f"insights:local:v2:{version}"
    cached = cache.get(key) if version else None
    if cached is not None:
        return cached
    data = {}
    for geography in MAP_GEOGRAPHIES:
        try:
            frame = census.ethnicity_counts(MAP_YEAR, geography)
        except ValueError:
            logger.warning("No Census %s counts by %s: the LSOA lookup does not cover them", MAP_YEAR, geography)
            continue
        frame = frame[list(harmonise.BROAD_GROUPS)]
        frame = frame[frame.sum(axis=1) > 0]
        data[geography] = _frame_data(frame)
    _mark_hidden(data, census.lsoa_wards(MAP_YEAR))
    if version:
        cache.set(key, data, timeout=24 * 3600)
    return data


def _local_counts(geography):
    return _local_data().get(geography, {})


def hidden_groups(geography, code):
    """The groups (and "total") of one area that the public does not see; None if the area is unknown."""
    figures = _local_counts(geography).get(code)
    return None if figures is None else set(figures["hidden"])


def wards_for_links():
    """The wards in force, for links to their profiles (1-2 queries, no boundaries)."""
    choice = places_selectors.generation_in_force()
    if choice is None:
        return []
    return list(choice.generation.wards.order_by("name").values_list("gss_code", "name"))


def generation_notice(generation=None):
    """What places/includes/generation_notice.html needs: the ward boundaries shown, and whether in force.

    ``generation``: the one a page shows (default: the one in force, or the latest no longer current).
    """
    if generation is None:
        choice = places_selectors.generation_in_force()
        if choice is None:
            return {"generation": None, "generation_is_current": False}
        return {"generation": choice.generation, "generation_is_current": choice.is_current}
    return {"generation": generation, "generation_is_current": generation.in_force_on(timezone.localdate())}


def _area_map(geography):
    if geography == "lsoa":
        return places_selectors.lsoa_map(MAP_YEAR)
    choice = places_selectors.generation_in_force()
    return places_selectors.ward_map(choice.generation) if choice else None


def local_picture(geography, measure, *, show_small_numbers):
    """Each area's figure for one measure, as the map, the table and the CSV show it.

    For the public, the counts under 5 and the cells that would give them away (``_mark_hidden``) are
    hidden, with every figure computed from them: the group's share and location quotient, and the
    area's local entropy when any of its groups is hidden.
    """
    data = _local_counts(geography)
    area_map = _area_map(geography)
    names = {area.gss_code: area.name for area in (area_map.areas if area_map else ())}
    rows = []
    suppressed = 0
    for code in sorted(data, key=lambda code: (names.get(code, code), code)):
        figures = data[code]
        hidden = set() if show_small_numbers else set(figures["hidden"])
        total = sum(figures["counts"].values())
        group_count = figures["counts"][measure.group] if measure.group else None
        if measure.kind == "share":
            value = group_count / total if total else None
            text = "" if value is None else formats.number_format(round(value * 100, 1), 1) + "%"
        elif measure.kind == "lq":
            value = figures["lq"][measure.group]
            text = number(value, 2)
        else:
            value = figures["entropy"]
            text = number(value, 2)
        row = AreaRow(code, names.get(code, code), group_count, total, value, text)
        if TOTAL in hidden:
            row.total, row.total_hidden_label = None, _hidden_label(total)
        if measure.group and (measure.group in hidden or TOTAL in hidden):
            row.group_count, row.group_hidden_label = None, _hidden_label(group_count)
        if (measure.group and row.group_count is None) or (measure.kind == "entropy" and hidden):
            row.value, row.value_text = None, ""
        if value is not None and row.value is None:
            suppressed += 1
        rows.append(row)
    return LocalPicture(geography, measure, rows, area_map, suppressed)


def csv_value(row, measure):
    if row.value is None:
        return str(NOT_SHOWN)
    if measure.kind == "share":
        return f"{row.value * 100:.1f}"
    return plain(row.value, 2)
