"""The Open Referral UK read API (schema/openapi.json of the UK profile), at /api/openreferral/.

Open to anyone without keys, as ORUK requires, with ``Access-Control-Allow-Origin: *`` on every
response and a per-address throttle. Bad query parameters answer 400 with a JSON ``detail``.
"""

import math
import uuid

from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ParseError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from core.access import PUBLIC
from places import selectors as places_selectors

from . import models, selectors, serializers

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PROXIMITY_M = 200_000


class OpenReferralThrottle(AnonRateThrottle):
    scope = "openreferral"


@extend_schema(exclude=True)  # described by the standard's own openapi.json, not the project's schema
class OpenReferralAPIView(APIView):
    access_rule = PUBLIC
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenReferralThrottle]
    renderer_classes = [JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


# Query parameters -----------------------------------------------------------------------------------


def _param(request, name):
    return request.query_params.get(name, "").strip()


def _int(request, name, default, minimum, maximum):
    raw = _param(request, name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ParseError(_("“%(name)s” must be a whole number.") % {"name": name}) from None
    if not minimum <= value <= maximum:
        raise ParseError(
            _("“%(name)s” must be between %(minimum)s and %(maximum)s.")
            % {"name": name, "minimum": minimum, "maximum": maximum}
        )
    return value


def _number(request, name, minimum=0.0, maximum=1_000_000.0):
    raw = _param(request, name)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ParseError(_("“%(name)s” must be a number.") % {"name": name}) from None
    if not (math.isfinite(value) and minimum <= value <= maximum):
        raise ParseError(
            _("“%(name)s” must be between %(minimum)s and %(maximum)s.")
            % {"name": name, "minimum": minimum, "maximum": maximum}
        )
    return value


def _uuid(request, name):
    raw = _param(request, name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ParseError(_("“%(name)s” must be a UUID.") % {"name": name}) from None


def _time(request, name):
    raw = _param(request, name)
    if not raw:
        return None
    try:
        value = parse_time(raw)
    except ValueError:
        value = None
    if value is None:
        raise ParseError(_("“%(name)s” must be a time such as 09:30.") % {"name": name})
    return value


def _datetime(request, name):
    raw = _param(request, name)
    if not raw:
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))  # a "+" in a query string arrives as a space
        if value is None:
            day = parse_date(raw)
            value = timezone.datetime(day.year, day.month, day.day) if day else None
    except ValueError:
        value = None
    if value is None:
        raise ParseError(_("“%(name)s” must be a date or date and time in ISO 8601 form.") % {"name": name})
    return timezone.make_aware(value) if timezone.is_naive(value) else value


DAY_NAMES = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}


def _day(request):
    raw = _param(request, "day").lower()
    if not raw:
        return ""
    code = DAY_NAMES.get(raw) or (raw.upper() if raw.upper() in selectors.DAYS else None)
    if code is None:
        raise ParseError(_("“day” must be a day of the week, such as MO or Monday."))
    return code


def _status(request):
    raw = _param(request, "status")
    if raw and raw not in models.Service.Status.values:
        raise ParseError(
            _("“status” must be one of: %(choices)s.") % {"choices": ", ".join(models.Service.Status.values)}
        )
    return raw


def service_filters(request):
    return selectors.ServiceFilters(
        search=_param(request, "search")[:200],
        taxonomy_term_id=_uuid(request, "taxonomy_term_id"),
        taxonomy_id=_uuid(request, "taxonomy_id"),
        organization_id=_uuid(request, "organization_id"),
        minimum_age=_number(request, "minimum_age", maximum=150),
        maximum_age=_number(request, "maximum_age", maximum=150),
        start_time=_time(request, "start_time"),
        end_time=_time(request, "end_time"),
        day=_day(request),
        modified_after=_datetime(request, "modified_after"),
        status=_status(request),
        ward_code=_param(request, "ward_code")[:9],
    )


def _object_id(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None


# Paging ---------------------------------------------------------------------------------------------


def paged(request, queryset, serializer_class, with_attributes=False):
    """The ORUK page envelope around one page of ``queryset``."""
    page_number = _int(request, "page", 1, 1, 1_000_000)
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total_items = queryset.count()
    total_pages = math.ceil(total_items / per_page)
    start = (page_number - 1) * per_page
    items = list(queryset[start : start + per_page]) if start < total_items else []
    context = {"attributes": selectors.attach_attributes(items)} if with_attributes else {"attributes": {}}
    return Response(
        {
            "total_items": total_items,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": len(items),
            "first_page": page_number == 1,
            "last_page": page_number >= total_pages,
            "empty": not items,
            "contents": serializer_class(items, many=True, context=context).data,
        }
    )


def detail(queryset, pk, serializer_class, with_attributes=True):
    obj = queryset.filter(pk=_object_id(pk)).first()
    if obj is None:
        raise Http404
    context = {"attributes": selectors.attach_attributes([obj]) if with_attributes else {}}
    return Response(serializer_class(obj, context=context).data)


# Endpoints ------------------------------------------------------------------------------------------


class RootAPI(OpenReferralAPIView):
    """Which version and profile of the standard this API serves."""

    def get(self, request):
        return Response({"version": HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL})


class ServiceListAPI(OpenReferralAPIView):
    def get(self, request):
        queryset = selectors.filter_services(selectors.services_list(), service_filters(request))
        return paged(request, queryset.order_by("name", "id"), serializers.ServiceListSerializer)


class ServiceDetailAPI(OpenReferralAPIView):
    def get(self, request, id):
        return detail(selectors.services_full(), id, serializers.ServiceSerializer)


class ServiceAtLocationListAPI(OpenReferralAPIView):
    """Services at locations; with ``postcode``, nearest first; with ``proximity`` too, only within it."""

    def get(self, request):
        filters = service_filters(request)
        proximity = _number(request, "proximity", minimum=1, maximum=MAX_PROXIMITY_M)
        postcode = _param(request, "postcode")
        queryset = selectors.filter_services(selectors.service_at_locations_list(), filters, prefix="service__")
        if proximity is not None and not postcode:
            raise ParseError(_("“proximity” needs a “postcode” to measure from."))
        if postcode:
            found = places_selectors.postcode_lookup(postcode)
            if found is None or found.postcode.lat is None:
                raise ParseError(_("We do not know the postcode “%(postcode)s”.") % {"postcode": postcode[:10]})
            queryset = selectors.order_by_distance(queryset, found.postcode.lat, found.postcode.lon, proximity)
        else:
            queryset = queryset.order_by("service__name", "id")
        return paged(request, queryset, serializers.ServiceAtLocationListSerializer)


class ServiceAtLocationDetailAPI(OpenReferralAPIView):
    def get(self, request, id):
        return detail(selectors.service_at_locations_full(), id, serializers.ServiceAtLocationSerializer)


class TaxonomyListAPI(OpenReferralAPIView):
    def get(self, request):
        return paged(request, selectors.taxonomies(), serializers.TaxonomySerializer)


class TaxonomyDetailAPI(OpenReferralAPIView):
    def get(self, request, id):
        return detail(
            selectors.taxonomies(with_terms=True), id, serializers.TaxonomyWithTermsSerializer, with_attributes=False
        )


class TaxonomyTermListAPI(OpenReferralAPIView):
    """Terms, optionally of one taxonomy (``taxonomy_id``) or under one parent (``parent_id``)."""

    def get(self, request):
        queryset = models.TaxonomyTerm.objects.all()
        taxonomy_id = _uuid(request, "taxonomy_id")
        if taxonomy_id:
            queryset = queryset.filter(taxonomy_id=taxonomy_id)
        parent_id = _uuid(request, "parent_id")
        if parent_id:
            queryset = queryset.filter(parent_id=parent_id)
        return paged(request, queryset, serializers.TaxonomyTermSerializer)


class TaxonomyTermDetailAPI(OpenReferralAPIView):
    def get(self, request, id):
        return detail(models.TaxonomyTerm.objects.all(), id, serializers.TaxonomyTermSerializer, with_attributes=False)
