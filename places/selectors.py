"""Reads of places: dated ward generations, ward statistics, postcode and point lookups, map geometry."""

import threading
from dataclasses import dataclass, field
from math import cos, radians

import shapely
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from .models import CensusCount, CensusTable, ImportRun, Lsoa, LsoaWard, Postcode, Ward, WardGeneration
from .postcodes import normalise_postcode

SMALL_NUMBER = 5  # public outputs suppress counts below this (DESIGN.md §4)

POPULATION_TABLE = {"dataset": "TS021", "census_year": 2021, "classification": "ethnic_group_5"}
POPULATION_SOURCE = _("Census 2021, table TS021 (ONS, Nomis): all usual residents")


def suppress(count):
    """A count safe to publish: None (shown as 'fewer than 5') when it is small."""
    if count is None:
        return None
    return count if count >= SMALL_NUMBER else None


# Dated generations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GenerationChoice:
    generation: WardGeneration
    is_current: bool  # False: nothing imported is in force on the day, so the latest one is shown


def generation_in_force(day=None):
    """The ward generation in force on ``day`` (default today), or the latest one flagged not current."""
    day = day or timezone.localdate()
    generations = list(WardGeneration.objects.all())  # a handful of rows, newest first
    for generation in generations:
        if generation.in_force_on(day):
            return GenerationChoice(generation, True)
    started = [generation for generation in generations if generation.valid_from <= day]
    fallback = started[0] if started else (generations[-1] if generations else None)
    return GenerationChoice(fallback, False) if fallback else None


# Ward statistics ------------------------------------------------------------------------------------


def _population_by_lsoa21(codes=None):
    table = CensusTable.objects.filter(**POPULATION_TABLE).first()
    if table is None:
        return {}
    counts = CensusCount.objects.filter(table=table, geography="lsoa", category=CensusCount.TOTAL)
    if codes is not None:
        counts = counts.filter(area_code__in=codes)
    return dict(counts.values_list("area_code", "count"))


@dataclass
class WardSummary:
    ward: Ward
    population: int | None
    lsoa_count: int


def ward_summaries(generation):
    """Every ward of a generation with its Census 2021 population and number of 2021 LSOAs (3 queries)."""
    wards = list(generation.wards.order_by("name").defer("boundary"))
    links = LsoaWard.objects.filter(ward__generation=generation, lsoa__census_year=2021).values_list(
        "ward_id", "lsoa__code"
    )
    by_ward = {}
    for ward_id, code in links:
        by_ward.setdefault(ward_id, []).append(code)
    population = _population_by_lsoa21()
    summaries = []
    for ward in wards:
        codes = by_ward.get(ward.pk, [])
        counts = [population[code] for code in codes if code in population]
        summaries.append(WardSummary(ward, sum(counts) if counts else None, len(codes)))
    return summaries


@dataclass
class NeighbourhoodRow:
    lsoa: Lsoa
    population: int | None


@dataclass
class WardProfile:
    ward: Ward
    neighbourhoods: list = field(default_factory=list)
    population: int | None = None
    ethnic_groups: list = field(default_factory=list)  # (label, count or None if suppressed)
    ethnicity_source: str = ""


def ward_get(generation, gss_code):
    return generation.wards.defer("boundary").filter(gss_code=gss_code).first()


def ward_profile(ward):
    """A ward's 2021 neighbourhoods with populations and its broad ethnic groups (Census 2021, TS021)."""
    lsoas = list(
        Lsoa.objects.filter(ward_links__ward=ward, census_year=2021).defer("boundary").order_by("name", "code")
    )
    codes = [lsoa.code for lsoa in lsoas]
    table = CensusTable.objects.filter(**POPULATION_TABLE).first()
    totals = {}
    groups = []
    if table is not None and codes:
        counts = CensusCount.objects.filter(table=table, geography="lsoa", area_code__in=codes)
        totals = dict(counts.filter(category=CensusCount.TOTAL).values_list("area_code", "count"))
        groups = list(
            counts.exclude(category=CensusCount.TOTAL)
            .values("category")
            .annotate(total=Sum("count"))
            .order_by("-total", "category")
        )
    population = sum(totals.values()) if totals else None
    return WardProfile(
        ward=ward,
        neighbourhoods=[NeighbourhoodRow(lsoa, suppress(totals.get(lsoa.code))) for lsoa in lsoas],
        population=population,
        ethnic_groups=[(row["category"], suppress(row["total"])) for row in groups],
        ethnicity_source=table.source if table else "",
    )


# Postcodes and points -------------------------------------------------------------------------------


@dataclass
class PostcodeLookup:
    postcode: Postcode
    lsoa: Lsoa | None
    ward: Ward | None  # the ward whose boundary holds the postcode's point, else its LSOA's ward
    lsoa_ward: Ward | None  # the ward the LSOA is counted in by the ONS best-fit lookup (statistics)
    ward_by_boundary: Ward | None


def postcode_lookup(postcode, generation=None):
    """Postcode → 2021 LSOA → ward (the ONS lookup), and the ward whose boundary holds its point.

    ``postcode`` may be typed any way; None if it is malformed or not in the directory.
    """
    normalised = normalise_postcode(postcode)
    if normalised is None:
        return None
    record = Postcode.objects.filter(postcode=normalised).first()
    if record is None:
        return None
    if generation is None:
        choice = generation_in_force()
        generation = choice.generation if choice else None
    lsoa = Lsoa.objects.defer("boundary").filter(code=record.lsoa21_code, census_year=2021).first()
    lsoa_ward = None
    if lsoa is not None and generation is not None:
        lsoa_ward = generation.wards.defer("boundary").filter(lsoa_links__lsoa=lsoa).first()
    by_boundary = None
    if record.lat is not None and generation is not None:
        by_boundary = ward_at_point(record.lat, record.lon, generation=generation)
    return PostcodeLookup(record, lsoa, by_boundary or lsoa_ward, lsoa_ward, by_boundary)


_index_lock = threading.Lock()
_spatial_indexes = {}


def _spatial_index(generation):
    """An STRtree of a generation's ward boundaries, built once per process per generation version."""
    key = (generation.pk, generation.updated_at)
    with _index_lock:
        index = _spatial_indexes.get(key)
        if index is None:
            wards = list(generation.wards.exclude(boundary=None).only("generation_id", "gss_code", "name", "boundary"))
            shapes = [shape(ward.boundary) for ward in wards]
            for geometry in shapes:
                shapely.prepare(geometry)
            index = (STRtree(shapes), wards)
            _spatial_indexes.clear()  # keep only the newest version of each generation's index
            _spatial_indexes[key] = index
    return index


def ward_at_point(lat, lon, generation=None):
    """The ward whose boundary contains the point (WGS84), or None outside every ward."""
    if generation is None:
        choice = generation_in_force()
        if choice is None:
            return None
        generation = choice.generation
    tree, wards = _spatial_index(generation)
    hits = tree.query(Point(lon, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return wards[int(min(hits))]


# Map geometry ---------------------------------------------------------------------------------------

MAP_WIDTH = 600

_map_lock = threading.Lock()
_maps = {}


@dataclass(frozen=True)
class MapArea:
    gss_code: str
    name: str
    path: str


@dataclass(frozen=True)
class WardMap:
    width: int
    height: int
    areas: tuple
    # The projection the paths were drawn with, so points (a postcode, a service) can be placed on the map.
    min_lon: float = 0.0
    max_lat: float = 0.0
    x_scale: float = 1.0
    scale: float = 1.0

    def project_point(self, lat, lon):
        return (
            round((lon - self.min_lon) * self.x_scale * self.scale + 1, 1),
            round((self.max_lat - lat) * self.scale + 1, 1),
        )


def _path_data(geometry):
    polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
    parts = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = list(ring.coords)[:-1]
            parts.append("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + "Z")
    return "".join(parts)


def _projected_map(features):
    """SVG path data for named geometries ``(code, name, geometry)``: equirectangular, cos-latitude scaled."""
    if not features:
        return WardMap(MAP_WIDTH, 0, ())
    shapes = [geometry for _code, _name, geometry in features]
    min_x, min_y, max_x, max_y = shapely.GeometryCollection(shapes).bounds
    x_scale = cos(radians((min_y + max_y) / 2))
    scale = (MAP_WIDTH - 2) / ((max_x - min_x) * x_scale)
    height = round((max_y - min_y) * scale) + 2

    def project(coords):
        coords = coords.copy()
        coords[:, 0] = (coords[:, 0] - min_x) * x_scale * scale + 1
        coords[:, 1] = (max_y - coords[:, 1]) * scale + 1
        return coords

    areas = []
    for code, name, geometry in features:
        projected = shapely.transform(geometry, project).simplify(0.4, preserve_topology=True)
        areas.append(MapArea(code, name, _path_data(projected)))
    return WardMap(MAP_WIDTH, height, tuple(areas), min_x, max_y, x_scale, scale)


def _cached_map(key, build):
    with _map_lock:
        cached = _maps.get(key)
    if cached is not None:
        return cached
    result = build()
    with _map_lock:
        for old in [old for old in _maps if old[0] == key[0]]:
            del _maps[old]  # keep only the newest version of each kind of map
        _maps[key] = result
    return result


def ward_map(generation):
    """SVG path data for every ward of a generation (equirectangular, cos-latitude scaled), cached per version."""

    def build():
        wards = generation.wards.exclude(boundary=None).only("generation_id", "gss_code", "name", "boundary")
        return _projected_map([(ward.gss_code, ward.name, shape(ward.boundary)) for ward in wards.order_by("name")])

    return _cached_map(("ward", generation.pk, generation.updated_at), build)


def lsoa_map(census_year=2021):
    """SVG path data for every LSOA of a census year with a boundary, cached until boundaries are re-imported."""
    version = (
        ImportRun.objects.filter(kind="area_boundaries").order_by("-finished_at").values_list("finished_at", flat=True)
    ).first()

    def build():
        lsoas = Lsoa.objects.filter(census_year=census_year).exclude(boundary=None).only("code", "name", "boundary")
        return _projected_map([(lsoa.code, lsoa.name or lsoa.code, shape(lsoa.boundary)) for lsoa in lsoas])

    return _cached_map(("lsoa", census_year, version), build)
