"""Reads of the pledge registry and of Places of Welcome."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from accounts.models import Organisation
from directory import search as directory_search
from directory.models import Attribute, Location
from places import selectors as places_selectors

from .models import FivePsCheck, OpeningTime, PlaceOfWelcome, Pledge


def _today(today=None):
    return today or timezone.localdate()


def live_pledges(today=None):
    """Approved pledges still within their year: what the public list shows."""
    return Pledge.objects.filter(status=Pledge.Status.ACTIVE, renewal_due__gte=_today(today))


def signatories(today=None):
    return (
        live_pledges(today)
        .select_related("organisation")
        .order_by("kind", "organisation_name", "individual_name", "id")
    )


def public_pledge(pledge_id, today=None):
    return signatories(today).filter(pk=pledge_id).first()


def organisation_has_active_pledge(organisation, today=None):
    return live_pledges(today).filter(organisation=organisation).exists()


def active_pledge_organisations(today=None):
    """Partner organisations with an approved, in-date pledge (e.g. to put forward buddy volunteers)."""
    return Organisation.objects.filter(
        is_active=True, pledges__in=live_pledges(today).filter(organisation__isnull=False)
    ).distinct()


def pledges_for(user, *, status=""):
    """The pledges a staff user may see: all for officers, their own organisation's for partners."""
    from .rules import is_places_officer, is_pledge_officer

    pledges = Pledge.objects.select_related("organisation", "decided_by").order_by("-signed_on", "-id")
    if not (is_pledge_officer(user) or is_places_officer(user)):
        pledges = pledges.filter(organisation_id=user.organisation_id or 0)
    if status:
        pledges = pledges.filter(status=status)
    return pledges


def organisation_matching(pledge):
    """The partner organisation a pledge's signatory name matches, suggested when approving it."""
    if pledge.organisation_id or not pledge.organisation_name:
        return pledge.organisation
    return Organisation.objects.filter(is_active=True, name__iexact=pledge.organisation_name.strip()).first()


def pledges_due_reminders(today):
    """Approved or lapsed pledges whose renewal is due within 30 days or has passed, with a contact."""
    return Pledge.objects.filter(
        status__in=[Pledge.Status.ACTIVE, Pledge.Status.LAPSED],
        renewal_due__lte=today + datetime.timedelta(days=30),
    )


# Places of Welcome --------------------------------------------------------------------------------


def active_places_of_welcome():
    """Open Places of Welcome with their location (latitude, longitude, ward_code)."""
    return PlaceOfWelcome.objects.filter(status=PlaceOfWelcome.Status.ACTIVE).select_related("location")


def _with_details(places):
    return places.select_related("location", "organisation").prefetch_related(
        "opening_times",
        "location__addresses",
        "location__accessibility",
        Prefetch("checks", queryset=FivePsCheck.objects.order_by("-checked_on", "-id")),
    )


def open_places(*, ward_code="", weekday=None):
    """Open places for the public list, filtered by ward and by a day they open on."""
    places = PlaceOfWelcome.objects.filter(status=PlaceOfWelcome.Status.ACTIVE)
    if ward_code:
        places = places.filter(location__ward_code=ward_code)
    if weekday is not None:
        places = places.filter(opening_times__weekday=weekday).distinct()
    return (
        places.select_related("location")
        .only(
            "id",
            "status",
            "location__id",
            "location__name",
            "location__latitude",
            "location__longitude",
            "location__ward_code",
        )
        .prefetch_related("opening_times")
        .order_by("location__name", "id")
    )


def public_place(place_id):
    return _with_details(PlaceOfWelcome.objects.filter(status=PlaceOfWelcome.Status.ACTIVE, pk=place_id)).first()


def places_for(user):
    from .rules import is_places_officer

    places = _with_details(PlaceOfWelcome.objects.all()).order_by("location__name", "id")
    if is_places_officer(user):
        return places
    return places.filter(organisation_id=user.organisation_id or 0)


def staff_place(place_id):
    return _with_details(PlaceOfWelcome.objects.filter(pk=place_id)).first()


def latest_check(place):
    """The newest 5 Ps check of a place fetched with ``_with_details`` (no query), or None."""
    checks = list(place.checks.all())
    return checks[0] if checks else None


def locations_without_a_place():
    """Directory locations with a point that are not yet Places of Welcome, Places of Welcome category first."""
    welcome_services = Attribute.objects.filter(taxonomy_term__term="places-of-welcome", link_entity="service").values(
        "link_id"
    )
    return (
        Location.objects.filter(place_of_welcome__isnull=True)
        .exclude(latitude=None)
        .filter(Q(service_at_locations__service_id__in=welcome_services))
        .distinct()
        .order_by("name", "id")
    )


def ward_names():
    choice = places_selectors.generation_in_force()
    if choice is None:
        return None, {}
    return choice.generation, directory_search.ward_names(choice.generation)


@dataclass
class PlacesMap:
    """The ward map with a numbered marker per place (the directory's results map include draws it)."""

    ward_map: object
    points: list
    origin: object = None
    selected_ward: str = ""


def places_map(generation, numbered_places, *, selected_ward=""):
    """``numbered_places``: (number, place) pairs; places without a point are left off the map."""
    ward_map = places_selectors.ward_map(generation)
    if not ward_map.areas:
        return None
    points = []
    for number, place in numbered_places:
        location = place.location
        if location.latitude is not None and location.longitude is not None:
            x, y = ward_map.project_point(location.latitude, location.longitude)
            points.append(directory_search.MapPoint(number, location.name, x, y))
    return PlacesMap(ward_map, points, None, selected_ward)


def opening_times_in_calendar(place_ids=None):
    """Opening times of open places, with their place and location, for the iCal feed."""
    times = OpeningTime.objects.filter(place__status=PlaceOfWelcome.Status.ACTIVE).select_related("place__location")
    if place_ids is not None:
        times = times.filter(place_id__in=place_ids)
    return times.prefetch_related("place__location__addresses").order_by("place__location__name", "weekday", "opens")
