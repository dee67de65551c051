"""A location's ward and 2021 LSOA, derived from its point, and distances for proximity search."""

import threading
from math import asin, cos, radians, sin, sqrt

import shapely
from django.db.models import Count, Max
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from places import selectors as places_selectors
from places.models import Lsoa

EARTH_RADIUS_M = 6_371_000

_lock = threading.Lock()
_lsoa_index = {}


def _lsoa_tree():
    """An STRtree of 2021 LSOA boundaries, rebuilt when the LSOAs change."""
    boundaries = Lsoa.objects.filter(census_year=2021).exclude(boundary=None)
    key = tuple(boundaries.aggregate(n=Count("id"), last=Max("id")).values())
    with _lock:
        index = _lsoa_index.get(key)
        if index is None:
            rows = list(boundaries.values_list("code", "boundary"))
            shapes = [shape(boundary) for _code, boundary in rows]
            for geometry in shapes:
                shapely.prepare(geometry)
            index = (STRtree(shapes), [code for code, _boundary in rows]) if rows else None
            _lsoa_index.clear()
            _lsoa_index[key] = index
    return index


def lsoa_at_point(lat, lon):
    """The code of the 2021 LSOA whose boundary holds the point, or "" outside every LSOA."""
    index = _lsoa_tree()
    if index is None:
        return ""
    tree, codes = index
    hits = tree.query(Point(lon, lat), predicate="intersects")
    return codes[int(min(hits))] if len(hits) else ""


def place_location(location):
    """Fill ``ward_code`` and ``lsoa21_code`` from the location's point (blank without a usable point)."""
    lat, lon = location.latitude, location.longitude
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        location.ward_code = location.lsoa21_code = ""
        return
    ward = places_selectors.ward_at_point(lat, lon)
    location.ward_code = ward.gss_code if ward else ""
    location.lsoa21_code = lsoa_at_point(lat, lon)


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle (haversine) distance in metres."""
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * asin(sqrt(a))


def bounding_box(lat, lon, metres):
    """(min_lat, max_lat, min_lon, max_lon) of a box holding every point within ``metres``."""
    dlat = metres / 111_320
    dlon = metres / (111_320 * max(cos(radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
