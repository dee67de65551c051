"""The search selector: distance order from a postcode, ward search, and each filter narrowing."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from directory.models import Service
from directory.search import SearchQuery, cost_summary, search, services_matching
from directory.taxonomy import load_walsall_taxonomy, term_id
from directory.tests.factories import (
    AccessibilityFactory,
    AttributeFactory,
    CostOptionFactory,
    LanguageFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from places.models import Postcode


@pytest.fixture
def origin(walsall):
    postcode = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode").first()
    return postcode.lat, postcode.lon


def located(name, lat, lon, **kwargs):
    service = ServiceFactory(name=name, **kwargs)
    location = LocationFactory(latitude=lat, longitude=lon)
    ServiceAtLocationFactory(service=service, location=location)
    return service


def names(query, **kwargs):
    return [service.name for service in services_matching(query, **kwargs)]


def test_search_orders_results_by_distance_from_the_postcode(origin):
    lat, lon = origin
    located("Far", lat + 0.05, lon)
    located("Near", lat + 0.002, lon)
    located("Middle", lat, lon + 0.03)
    ServiceFactory(name="Online only")  # no location: listed after every located service
    results = search(SearchQuery(origin=origin))
    assert [row.service.name for row in results.rows] == ["Near", "Middle", "Far", "Online only"]
    near, middle, far, online = results.rows
    assert near.distance_miles < middle.distance_miles < far.distance_miles
    assert far.distance_miles == pytest.approx(0.05 * 111.2 / 1.609, rel=0.02)
    assert online.distance_miles is None


def test_a_service_is_as_near_as_its_nearest_location(origin):
    lat, lon = origin
    both = located("Two places", lat + 0.08, lon)
    ServiceAtLocationFactory(service=both, location=LocationFactory(latitude=lat + 0.001, longitude=lon))
    located("One place", lat + 0.01, lon)
    rows = search(SearchQuery(origin=origin)).rows
    assert [row.service.name for row in rows] == ["Two places", "One place"]
    assert rows[0].location.latitude == pytest.approx(lat + 0.001)


def test_ward_search_keeps_services_located_in_that_ward(walsall):
    wards = list(walsall.wards.exclude(boundary=None).order_by("gss_code")[:2])
    inside = Postcode.objects.filter(ward_code=wards[0].gss_code).exclude(lat=None).first()
    other = Postcode.objects.filter(ward_code=wards[1].gss_code).exclude(lat=None).first()
    located("In the ward", inside.lat, inside.lon)
    located("Elsewhere", other.lat, other.lon)
    assert names(SearchQuery(ward_code=wards[0].gss_code)) == ["In the ward"]


def test_category_filter_includes_the_categorys_subcategories(db):
    load_walsall_taxonomy()
    esol = ServiceFactory(name="ESOL")
    AttributeFactory(service=esol, taxonomy_term_id=term_id("esol-classes"))
    dentist = ServiceFactory(name="Dentist")
    AttributeFactory(service=dentist, taxonomy_term_id=term_id("dentists"))
    assert names(SearchQuery(category_id=str(term_id("learning-english")))) == ["ESOL"]
    assert names(SearchQuery(category_id=str(term_id("dentists")))) == ["Dentist"]


def test_language_filter_keeps_services_speaking_the_language(db):
    LanguageFactory(service=ServiceFactory(name="Urdu spoken"), name="Urdu", code="ur")
    LanguageFactory(service=ServiceFactory(name="Polish by name"), name="Polish", code="")
    ServiceFactory(name="No languages")
    assert names(SearchQuery(language="ur")) == ["Urdu spoken"]
    assert names(SearchQuery(language="pl")) == ["Polish by name"]


def test_free_filter_drops_services_that_charge(db):
    CostOptionFactory(service=ServiceFactory(name="Paid"), amount="5.00")
    CostOptionFactory(service=ServiceFactory(name="Free option"), amount="0.00")
    ServiceFactory(name="No charges listed")
    CostOptionFactory(service=ServiceFactory(name="Charge in fees", fees="£3 a session"), amount="0.00")
    CostOptionFactory(service=ServiceFactory(name="No amount"), amount=None)
    assert names(SearchQuery(free=True)) == ["Free option"]


def test_only_services_with_all_zero_costs_and_no_fees_are_tagged_free(db):
    def summary(*amounts, fees=""):
        service = ServiceFactory(fees=fees)
        for amount in amounts:
            CostOptionFactory(service=service, amount=amount)
        return cost_summary(list(service.cost_options.all()), service.fees)[0]

    assert summary("0.00") is True
    assert summary("0.00", fees="£3 a session") is False
    assert summary(None) is False
    assert summary() is False
    assert summary("0.00", "5.00") is False


def test_day_filter_keeps_services_open_that_day(db):
    ScheduleFactory(service=ServiceFactory(name="Mondays"), byday="MO,WE")
    ScheduleFactory(service=ServiceFactory(name="Saturdays"), byday="SA")
    at_location = ServiceAtLocationFactory(service=ServiceFactory(name="Saturdays at a venue"))
    ScheduleFactory(service=None, service_at_location=at_location, byday="SA")
    ScheduleFactory(
        service=ServiceFactory(name="Ended"), byday="SA", valid_to=datetime.date.today() - datetime.timedelta(days=1)
    )
    assert names(SearchQuery(when="SA")) == ["Saturdays", "Saturdays at a venue"]
    assert names(SearchQuery(when="MO")) == ["Mondays"]


def test_open_now_filter_uses_the_day_and_the_time(db):
    ScheduleFactory(service=ServiceFactory(name="Mornings"), byday="TU", opens_at="09:00", closes_at="12:00")
    ScheduleFactory(service=ServiceFactory(name="Afternoons"), byday="TU", opens_at="13:00", closes_at="17:00")
    ScheduleFactory(service=ServiceFactory(name="Wednesday mornings"), byday="WE", opens_at="09:00", closes_at="12:00")
    tuesday_10am = datetime.datetime(2026, 3, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert tuesday_10am.weekday() == 1
    assert names(SearchQuery(when="now"), now=tuesday_10am) == ["Mornings"]
    tuesday_noon = tuesday_10am.replace(hour=12)
    assert names(SearchQuery(when="now"), now=tuesday_noon) == []


def test_accessibility_filter_keeps_locations_with_the_feature(db):
    step_free = ServiceAtLocationFactory(service=ServiceFactory(name="Step free"))
    AccessibilityFactory(location=step_free.location, description="Step-free access")
    loop = ServiceAtLocationFactory(service=ServiceFactory(name="Loop"))
    AccessibilityFactory(location=loop.location, description="Hearing loop")
    AccessibilityFactory(location=loop.location, description="Step-free access")
    denied = ServiceAtLocationFactory(service=ServiceFactory(name="Stairs only"))
    AccessibilityFactory(location=denied.location, description="No step-free access", details="Stairs only")
    AccessibilityFactory(location=denied.location, description="Entrance", details="Step-free access isn't possible")
    assert names(SearchQuery(accessibility=["step-free"])) == ["Loop", "Step free"]
    assert names(SearchQuery(accessibility=["step-free", "hearing-loop"])) == ["Loop"]


def test_age_filter_keeps_services_for_that_age(db):
    ServiceFactory(name="Children", minimum_age=0, maximum_age=11)
    ServiceFactory(name="Adults", minimum_age=18, maximum_age=None)
    ServiceFactory(name="Everyone", minimum_age=None, maximum_age=None)
    assert names(SearchQuery(age=7)) == ["Children", "Everyone"]
    assert names(SearchQuery(age=40)) == ["Adults", "Everyone"]


def test_inactive_services_are_not_found(db):
    ServiceFactory(name="Closed", status=Service.Status.DEFUNCT)
    ServiceFactory(name="Open")
    assert names(SearchQuery()) == ["Open"]


def test_open_now_includes_overnight_hours(db):
    ScheduleFactory(service=ServiceFactory(name="Night shelter"), byday="FR", opens_at="22:00", closes_at="06:00")
    friday_11pm = datetime.datetime(2026, 3, 6, 23, 0, tzinfo=ZoneInfo("Europe/London"))
    assert friday_11pm.weekday() == 4
    assert names(SearchQuery(when="now"), now=friday_11pm) == ["Night shelter"]
    assert names(SearchQuery(when="now"), now=friday_11pm.replace(day=7, hour=3)) == ["Night shelter"]
    assert names(SearchQuery(when="now"), now=friday_11pm.replace(day=7, hour=7)) == []
    assert names(SearchQuery(when="now"), now=friday_11pm.replace(hour=21)) == []
    assert names(SearchQuery(when="now"), now=friday_11pm.replace(day=5, hour=3)) == []


def test_day_filter_matches_whole_days_not_monthly_rules(db):
    ScheduleFactory(service=ServiceFactory(name="First Monday"), freq="MONTHLY", byday="1MO")
    ScheduleFactory(service=ServiceFactory(name="Last Monday token"), byday="-1MO")
    ScheduleFactory(service=ServiceFactory(name="Every Monday"), byday="MO, FR")
    monday_10am = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert names(SearchQuery(when="MO")) == ["Every Monday"]
    assert names(SearchQuery(when="now"), now=monday_10am) == ["Every Monday"]


def test_day_filter_ignores_schedules_not_yet_valid(db):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    ScheduleFactory(service=ServiceFactory(name="Starts tomorrow"), byday="SA", valid_from=tomorrow)
    ScheduleFactory(service=ServiceFactory(name="Running"), byday="SA")
    assert names(SearchQuery(when="SA")) == ["Running"]


def test_keywords_match_word_by_word_in_any_order(db):
    ServiceFactory(name="Debt advice", description="Help with bills.")
    ServiceFactory(name="Money help", description="Advice on benefits and debt.")
    ServiceFactory(name="Advice line", description="General questions.")
    assert names(SearchQuery(text="advice debt")) == ["Debt advice", "Money help"]
    assert names(SearchQuery(text="debt  advice")) == ["Debt advice", "Money help"]
