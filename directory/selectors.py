"""Reads of the directory: the querysets the API (and the public search pages) filter and nest.

Filters take already-validated values (``directory.api`` parses the query string and answers 400
for bad input). Every nested read is a fixed number of queries, whatever the page size.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, FloatField, Prefetch, Q, Value
from django.db.models.functions import Cos, Radians

from . import models
from .geography import bounding_box

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
METRES_PER_DEGREE = 111_320


# Nesting ---------------------------------------------------------------------------------------------


def _location_prefetches(prefix):
    return [f"{prefix}addresses", f"{prefix}accessibility"]


def _service_prefetches(prefix=""):
    return [
        f"{prefix}schedules",
        f"{prefix}service_areas",
        f"{prefix}languages",
        f"{prefix}funding",
        f"{prefix}cost_options",
        Prefetch(f"{prefix}contacts", queryset=models.Contact.objects.prefetch_related("phones")),
        f"{prefix}organization__organization_identifiers",
    ]


def services_full():
    """Services with everything service_full nests (attributes come from ``attach_attributes``)."""
    return models.Service.objects.select_related("organization").prefetch_related(
        *_service_prefetches(),
        Prefetch(
            "service_at_locations",
            queryset=models.ServiceAtLocation.objects.select_related("location").prefetch_related(
                *_location_prefetches("location__")
            ),
        ),
    )


def services_list():
    return models.Service.objects.select_related("organization")


def service_at_locations_list():
    return models.ServiceAtLocation.objects.select_related("service__organization", "location")


def service_at_locations_full():
    return service_at_locations_list().prefetch_related(
        *_location_prefetches("location__"),
        *_service_prefetches("service__"),
        "schedules",
        Prefetch("contacts", queryset=models.Contact.objects.prefetch_related("phones")),
        "phones",
    )


def taxonomies(with_terms=False):
    queryset = models.Taxonomy.objects.all()
    return queryset.prefetch_related("taxonomy_terms") if with_terms else queryset


def _linked_ids(obj, seen):
    """Ids of a record and every record nested in it (from prefetched/selected relations only)."""
    if obj is None or id(obj) in seen:
        return
    seen.add(id(obj))
    yield obj.pk
    cache = getattr(obj, "_prefetched_objects_cache", {})
    for related in cache.values():
        for child in related:
            yield from _linked_ids(child, seen)
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.is_cached(obj):
            yield from _linked_ids(field.get_cached_value(obj), seen)


def attach_attributes(objects):
    """One query for the attributes of ``objects`` and everything nested in them: {link_id: [Attribute]}."""
    seen = set()
    ids = {pk for obj in objects for pk in _linked_ids(obj, seen)}
    by_link = defaultdict(list)
    if ids:
        for attribute in models.Attribute.objects.filter(link_id__in=ids).select_related("taxonomy_term"):
            by_link[attribute.link_id].append(attribute)
    return by_link


# Filters ---------------------------------------------------------------------------------------------


@dataclass
class ServiceFilters:
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    start_time: object = None
    end_time: object = None
    day: str = ""
    modified_after: object = None
    status: str = ""
    ward_code: str = ""


def _tagged(term_filter):
    return models.Attribute.objects.filter(**term_filter).values("link_id")


def filter_services(queryset, filters, prefix=""):
    """Apply ``filters`` to a Service queryset (``prefix="service__"`` for service_at_location)."""
    p = prefix
    if filters.search:
        for word in filters.search.split():
            queryset = queryset.filter(
                Q(**{f"{p}name__icontains": word})
                | Q(**{f"{p}description__icontains": word})
                | Q(**{f"{p}organization__name__icontains": word})
            )
    if filters.taxonomy_term_id:
        queryset = queryset.filter(**{f"{p}id__in": _tagged({"taxonomy_term_id": filters.taxonomy_term_id})})
    if filters.taxonomy_id:
        queryset = queryset.filter(**{f"{p}id__in": _tagged({"taxonomy_term__taxonomy_id": filters.taxonomy_id})})
    if filters.organization_id:
        queryset = queryset.filter(**{f"{p}organization_id": filters.organization_id})
    # As the ORUK API defines them: services whose own minimum age is at least, and whose maximum
    # age is at most, the value given.
    if filters.minimum_age is not None:
        queryset = queryset.filter(**{f"{p}minimum_age__gte": filters.minimum_age})
    if filters.maximum_age is not None:
        queryset = queryset.filter(**{f"{p}maximum_age__lte": filters.maximum_age})
    if filters.modified_after is not None:
        queryset = queryset.filter(**{f"{p}last_modified__gte": filters.modified_after})
    if filters.status:
        queryset = queryset.filter(**{f"{p}status": filters.status})
    if filters.start_time is not None or filters.end_time is not None or filters.day:
        schedules = models.Schedule.objects.all()
        if filters.start_time is not None:
            schedules = schedules.filter(opens_at__gte=filters.start_time)
        if filters.end_time is not None:
            schedules = schedules.filter(closes_at__lte=filters.end_time)
        if filters.day:
            schedules = schedules.filter(byday__icontains=filters.day)
        at_locations = models.ServiceAtLocation.objects.filter(
            id__in=schedules.exclude(service_at_location=None).values("service_at_location_id")
        )
        queryset = queryset.filter(
            Q(**{f"{p}id__in": schedules.exclude(service=None).values("service_id")})
            | Q(**{f"{p}id__in": at_locations.values("service_id")})
        )
    if filters.ward_code:
        sal = models.ServiceAtLocation.objects.filter(location__ward_code=filters.ward_code)
        queryset = queryset.filter(**{f"{p}id__in": sal.values("service_id")})
    return queryset


def order_by_distance(queryset, lat, lon, within_m=None, prefix="location__"):
    """Nearest first from (lat, lon); only those within ``within_m`` metres if given.

    An equirectangular approximation (plain arithmetic, so any database and the lat/lon index
    for the bounding box): well under 0.1% error at the scale of a borough.
    """
    p = prefix
    lat_key, lon_key = f"{p}latitude", f"{p}longitude"
    dlat = (F(lat_key) - Value(lat)) * Value(float(METRES_PER_DEGREE))
    dlon = (F(lon_key) - Value(lon)) * Value(float(METRES_PER_DEGREE)) * Cos(Radians(Value(lat)))
    queryset = queryset.annotate(distance_sq=dlat * dlat + dlon * dlon)
    if within_m is not None:
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, within_m)
        queryset = queryset.filter(
            **{
                f"{lat_key}__range": (min_lat, max_lat),
                f"{lon_key}__range": (min_lon, max_lon),
                "distance_sq__lte": Value(float(within_m) ** 2, output_field=FloatField()),
            }
        )
    return queryset.order_by(F("distance_sq").asc(nulls_last=True), "id")
