"""Reads of the directory: the querysets the API (and the public search pages) filter and nest.

Filters take already-validated values (``directory.api`` parses the query string and answers 400
for bad input). Every nested read is a fixed number of queries, whatever the page size.
"""

import datetime
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Cos, Radians
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation

from . import models
from .geography import bounding_box
from .rules import is_council_editor
from .search import (
    ACCESSIBILITY_FEATURES,
    DAY_NAMES,
    LANGUAGE_NAMES,
    NEGATION,
    STALE_AFTER_MONTHS,
    is_stale,
    months_before,
)
from .taxonomy import TAXONOMY_ID, term_label

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


# Editing ---------------------------------------------------------------------------------------------

REMIND_DAYS_BEFORE = 14
EDITOR_PAGE_SIZE = 50


class AssuranceStatus:
    UP_TO_DATE = "up_to_date"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def check_due_date(assured_date):
    """The last day a service checked on ``assured_date`` counts as up to date (None: never checked)."""
    return months_before(assured_date, -STALE_AFTER_MONTHS) if assured_date else None


def assurance_status(assured_date, today):
    """Overdue exactly when the public page warns the details may be out of date; due soon in the fortnight before."""
    if is_stale(assured_date, today):
        return AssuranceStatus.OVERDUE
    if is_stale(assured_date, today + datetime.timedelta(days=REMIND_DAYS_BEFORE)):
        return AssuranceStatus.DUE_SOON
    return AssuranceStatus.UP_TO_DATE


def editable_services(user):
    """The services ``user`` may edit: every service for council editors, their organisation's for partners."""
    services = models.Service.objects.select_related("organization")
    if is_council_editor(user):
        return services
    if not user.organisation_id:
        return services.none()
    return services.filter(organization__owner_id=user.organisation_id)


def services_for_editor(user, *, status="", text=""):
    """Editable services, those needing a check first (never checked, then the oldest check)."""
    today = timezone.localdate()
    services = editable_services(user)
    stale_before = months_before(today, STALE_AFTER_MONTHS)
    soon_before = months_before(today + datetime.timedelta(days=REMIND_DAYS_BEFORE), STALE_AFTER_MONTHS)
    for word in text.split():
        services = services.filter(Q(name__icontains=word) | Q(organization__name__icontains=word))
    if status == AssuranceStatus.OVERDUE:
        services = services.filter(Q(assured_date__isnull=True) | Q(assured_date__lt=stale_before))
    elif status == AssuranceStatus.DUE_SOON:
        services = services.filter(assured_date__gte=stale_before, assured_date__lt=soon_before)
    elif status == AssuranceStatus.UP_TO_DATE:
        services = services.filter(assured_date__gte=soon_before)
    pending = models.ServiceChange.objects.filter(service=OuterRef("pk"), status=models.ServiceChange.Status.PENDING)
    return services.annotate(has_pending_change=Exists(pending)).order_by(
        F("assured_date").asc(nulls_first=True), "name", "id"
    )


def editor_organizations(user):
    """(value, label) of the organisations ``user`` may put a service under.

    A partner whose organisation has no directory entry yet gets one choice, ``own:<pk>``: the entry
    is made, maintained by them, when the service is approved.
    """
    organizations = models.Organization.objects.order_by("name", "id")
    if is_council_editor(user):
        return [(str(pk), name) for pk, name in organizations.values_list("id", "name")]
    if not user.organisation_id:
        return []
    owned = [
        (str(pk), name) for pk, name in organizations.filter(owner_id=user.organisation_id).values_list("id", "name")
    ]
    return owned or [(f"own:{user.organisation_id}", user.organisation.name)]


def changes_for_organisation(organisation_id, *, limit=20):
    """The latest changes proposed by an organisation's people, for them to follow."""
    return (
        models.ServiceChange.objects.filter(organisation_id=organisation_id)
        .exclude(status=models.ServiceChange.Status.SUPERSEDED)
        .select_related("service", "decided_by", "proposed_by")
        .order_by("-proposed_at")[:limit]
    )


def pending_changes():
    """The approval queue, oldest first (first come, first served)."""
    return (
        models.ServiceChange.objects.filter(status=models.ServiceChange.Status.PENDING)
        .select_related("service__organization", "organisation", "proposed_by")
        .order_by("proposed_at", "id")
    )


def pending_change_for(service):
    return models.ServiceChange.objects.filter(service=service, status=models.ServiceChange.Status.PENDING).first()


def service_for_editing(service_id):
    return (
        models.Service.objects.select_related("organization")
        .prefetch_related(
            "phones",
            "languages",
            "cost_options",
            "schedules",
            Prefetch(
                "service_at_locations",
                queryset=models.ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses", "location__accessibility"
                ),
            ),
        )
        .filter(pk=service_id)
        .first()
    )


def service_location(service):
    """The service's first location (the one the edit form shows), or None."""
    links = sorted(service.service_at_locations.all(), key=lambda sal: str(sal.id))
    return links[0].location if links else None


def _accessibility_keys(location):
    keys = set()
    for record in location.accessibility.all():
        for key, _label, words in ACCESSIBILITY_FEATURES:
            for text in (record.description, record.details):
                text = (text or "").lower()
                if words in text and not re.search(NEGATION, text):
                    keys.add(key)
    return sorted(keys)


def service_snapshot(service):
    """A service in the shape of ``forms.ServiceEditForm.snapshot()`` (from ``service_for_editing``)."""
    phones = sorted(service.phones.all(), key=lambda phone: str(phone.id))
    costs = list(service.cost_options.all())
    paid = [option.amount for option in costs if option.amount is not None and option.amount > 0]
    if paid or service.fees:
        cost = "paid"
    elif costs:
        cost = "free"
    else:
        cost = ""
    categories = models.Attribute.objects.filter(
        link_id=service.pk, link_entity=models.Attribute.LinkEntity.SERVICE, taxonomy_term__taxonomy_id=TAXONOMY_ID
    ).values_list("taxonomy_term_id", flat=True)
    snapshot = {
        "name": service.name,
        "description": service.description,
        "organization": str(service.organization_id) if service.organization_id else "",
        "url": service.url,
        "email": service.email,
        "phone": phones[0].number if phones else "",
        "categories": sorted(str(pk) for pk in categories),
        "languages": sorted(
            {(language.code or "").lower() for language in service.languages.all()} & set(LANGUAGE_NAMES)
        ),
        "cost": cost,
        "fees": service.fees if cost == "paid" else "",
        "cost_amount": str(min(paid)) if paid else "",
        "minimum_age": int(service.minimum_age) if service.minimum_age is not None else None,
        "maximum_age": int(service.maximum_age) if service.maximum_age is not None else None,
        "accessibility": [],
        "location_name": "",
        "address_1": "",
        "address_2": "",
        "city": "",
        "postcode": "",
        "latitude": None,
        "longitude": None,
    }
    location = service_location(service)
    if location is not None:
        addresses = sorted(location.addresses.all(), key=lambda address: str(address.id))
        address = addresses[0] if addresses else None
        snapshot.update(
            accessibility=_accessibility_keys(location),
            location_name=location.name,
            address_1=address.address_1 if address else "",
            address_2=address.address_2 if address else "",
            city=address.city if address else "",
            postcode=address.postal_code if address else "",
            latitude=location.latitude,
            longitude=location.longitude,
        )
    snapshot.update(weekly_hours(service.schedules.all()))
    return snapshot


def weekly_hours(schedules):
    """{"opens_MO": "09:00", "closes_MO": "17:00", ...} from weekly schedules (the first per day wins)."""
    hours = {}
    for code in DAYS:
        hours[f"opens_{code}"] = ""
        hours[f"closes_{code}"] = ""
    for schedule in sorted(schedules, key=lambda s: (s.opens_at or datetime.time.max, str(s.id))):
        if schedule.freq not in ("", models.Schedule.Freq.WEEKLY) or not (schedule.opens_at and schedule.closes_at):
            continue
        for token in (schedule.byday or "").split(","):
            code = token.strip().upper()
            if code in DAYS and not hours[f"opens_{code}"]:
                hours[f"opens_{code}"] = schedule.opens_at.strftime("%H:%M")
                hours[f"closes_{code}"] = schedule.closes_at.strftime("%H:%M")
    return hours


# What a change changes, in words ----------------------------------------------------------------------


@dataclass
class ChangeRow:
    label: str
    current: str
    proposed: str
    changed_since: bool  # someone changed the published field after the change was proposed


def _display_rows():
    return [
        (_("Name"), ("name",)),
        (_("What the service does"), ("description",)),
        (_("Organisation"), ("organization",)),
        (_("Website"), ("url",)),
        (_("Email address"), ("email",)),
        (_("Phone number"), ("phone",)),
        (_("Categories"), ("categories",)),
        (_("Languages spoken"), ("languages",)),
        (_("Cost"), ("cost", "fees", "cost_amount")),
        (_("Ages"), ("minimum_age", "maximum_age")),
        (_("Accessibility"), ("accessibility",)),
        (_("Venue and address"), ("location_name", "address_1", "address_2", "city", "postcode")),
        (_("Opening times"), tuple(f"{edge}_{code}" for code in DAYS for edge in ("opens", "closes"))),
    ]


def _text(label, keys, snapshot, names):
    if not snapshot:
        return ""
    key = keys[0]
    if key == "organization":
        return names["organizations"].get(snapshot.get("organization") or "", "")
    if key == "categories":
        return ", ".join(names["terms"].get(pk, pk) for pk in snapshot.get("categories", []))
    if key == "languages":
        return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in snapshot.get("languages", []))
    if key == "accessibility":
        labels = {k: str(label) for k, label, _words in ACCESSIBILITY_FEATURES}
        return ", ".join(labels.get(k, k) for k in snapshot.get("accessibility", []))
    if key == "cost":
        if snapshot.get("cost") == "free":
            return _("Free")
        if snapshot.get("cost") == "paid":
            amount = snapshot.get("cost_amount")
            fees = snapshot.get("fees", "")
            return f"{fees} ({_('from £%(amount)s') % {'amount': amount}})" if amount else fees
        return ""
    if key == "minimum_age":
        low, high = snapshot.get("minimum_age"), snapshot.get("maximum_age")
        if low is not None and high is not None:
            return _("%(low)s to %(high)s") % {"low": low, "high": high}
        if low is not None:
            return _("%(low)s and over") % {"low": low}
        if high is not None:
            return _("up to %(high)s") % {"high": high}
        return _("All ages")
    if key == "location_name":
        return ", ".join(snapshot.get(k) for k in keys if snapshot.get(k))
    if key.startswith("opens_"):
        return "; ".join(
            _("%(day)s %(opens)s to %(closes)s")
            % {"day": DAY_NAMES[code], "opens": snapshot[f"opens_{code}"], "closes": snapshot[f"closes_{code}"]}
            for code in DAYS
            if snapshot.get(f"opens_{code}")
        )
    return str(snapshot.get(key) or "")


def _names_for(*snapshots):
    values = {s.get("organization") or "" for s in snapshots if s}
    directory_ids = [v for v in values if v and not v.startswith("own:")]
    organizations = {
        str(pk): name for pk, name in models.Organization.objects.filter(pk__in=directory_ids).values_list("id", "name")
    }
    for value in values:
        if value.startswith("own:"):
            owner = Organisation.objects.filter(pk=value.removeprefix("own:")).first()
            if owner is not None:
                organizations[value] = owner.name
    term_ids = {pk for s in snapshots if s for pk in s.get("categories", [])}
    terms = {str(term.pk): term_label(term) for term in models.TaxonomyTerm.objects.filter(pk__in=term_ids)}
    return {"organizations": organizations, "terms": terms}


def change_rows(change, current):
    """The fields a change alters, each as (label, now, proposed, changed since it was proposed).

    ``current`` is the service's snapshot now ({} for a new service).
    """
    base = change.base or {}
    changed = (
        set(change.proposed) if not base else {k for k in change.proposed if base.get(k) != change.proposed.get(k)}
    )
    names = _names_for(current, change.proposed)
    rows = []
    for label, keys in _display_rows():
        if not changed & set(keys):
            continue
        rows.append(
            ChangeRow(
                label=label,
                current=_text(label, keys, current, names),
                proposed=_text(label, keys, change.proposed, names),
                changed_since=bool(base) and any(current.get(k) != base.get(k) for k in keys),
            )
        )
    return rows
