"""The public list (filters by ward and day, ward map with a table beside it) and a place's page."""

import pytest
from django.urls import reverse

from directory.tests.factories import AccessibilityFactory, AddressFactory, LocationFactory
from places.models import Postcode
from pledges.models import PlaceOfWelcome, Weekday
from pledges.tests.factories import FivePsCheckFactory, OpeningTimeFactory, PlaceOfWelcomeFactory


@pytest.fixture
def two_wards(walsall):
    """Two open places in different wards: one on Wednesdays, one on Saturdays."""
    postcodes = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode")
    first = postcodes.first()
    second = postcodes.exclude(ward_code=first.ward_code).first()
    places = []
    for name, postcode, day in (
        ("Holy Ascension Café", first, Weekday.WEDNESDAY),
        ("Talbot House", second, Weekday.SATURDAY),
    ):
        location = LocationFactory(name=name, latitude=postcode.lat, longitude=postcode.lon)
        place = PlaceOfWelcomeFactory(location=location)
        OpeningTimeFactory(place=place, weekday=day)
        places.append(place)
    return places


def test_the_list_shows_open_places_on_a_ward_map_with_a_table(client, two_wards):
    PlaceOfWelcomeFactory(location__name="Closed Mission Hall", status=PlaceOfWelcome.Status.CLOSED)

    response = client.get(reverse("pledges:place_list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Holy Ascension Café" in html and "Talbot House" in html
    assert "Closed Mission Hall" not in html
    assert 'role="img"' in html and html.count("<circle") == 2
    assert "<table" in html and "Wednesday, 09:30 to 11:30" in html
    assert reverse("pledges:calendar") in html


def test_the_list_filters_by_ward_and_by_day(client, two_wards):
    first, _second = two_wards
    by_ward = client.get(reverse("pledges:place_list"), {"ward": first.location.ward_code}).content.decode()
    assert "Holy Ascension Café" in by_ward and "Talbot House" not in by_ward
    assert "app-map__area--selected" in by_ward

    by_day = client.get(reverse("pledges:place_list"), {"day": "SA"}).content.decode()
    assert "Talbot House" in by_day and "Holy Ascension Café" not in by_day

    none = client.get(reverse("pledges:place_list"), {"day": "SU"}).content.decode()
    assert "No Places of Welcome match" in none


def test_a_nonsense_filter_is_explained_not_an_error_page(client, two_wards):
    response = client.get(reverse("pledges:place_list"), {"ward": "E99999999", "day": "XX"})
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        "There is a problem" in html and "Choose a ward from the list" in html and "Choose a day from the list" in html
    )


def test_a_place_page_has_times_address_the_5_ps_in_plain_words_and_accessibility(client, walsall):
    place = PlaceOfWelcomeFactory(location__name="St Matthew's Hall")
    AddressFactory(location=place.location, address_1="1 Church Hill", postal_code="WS1 3LD")
    AccessibilityFactory(location=place.location, description="Step-free access", details="Ramp at the side door.")
    OpeningTimeFactory(place=place, weekday=Weekday.TUESDAY)
    FivePsCheckFactory(place=place)

    html = client.get(reverse("pledges:place_detail", args=[place.pk])).content.decode()
    assert "Tuesday, 09:30 to 11:30" in html
    assert "1 Church Hill" in html and "WS1 3LD" in html
    assert "Free refreshments and basic local information" in html
    assert "Being worked on" in html  # participation not yet met
    assert "Step-free access: Ramp at the side door." in html
    assert "coordinator@example.test" not in html
    assert reverse("pledges:place_calendar", args=[place.pk]) in html


def test_places_that_are_not_open_have_no_public_page(client, db):
    for status in (PlaceOfWelcome.Status.PROPOSED, PlaceOfWelcome.Status.PAUSED, PlaceOfWelcome.Status.CLOSED):
        place = PlaceOfWelcomeFactory(status=status)
        assert client.get(reverse("pledges:place_detail", args=[place.pk])).status_code == 404


def test_the_list_and_the_feed_take_the_same_number_of_queries_for_3_or_12_places(client, walsall):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        client.get(url)  # warm the ward map cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"day": ""}).status_code == 200
        return len(captured)

    for _ in range(3):
        FivePsCheckFactory(place=OpeningTimeFactory().place)
    few = [queries(reverse("pledges:place_list")), queries(reverse("pledges:calendar"))]
    for _ in range(9):
        FivePsCheckFactory(place=OpeningTimeFactory().place)
    many = [queries(reverse("pledges:place_list")), queries(reverse("pledges:calendar"))]

    assert few == many
