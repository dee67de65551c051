"""The iCal feeds: one weekly event per session, in Europe/London wall-clock time all year."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from icalendar import Calendar

from pledges.ical import opening_times_calendar
from pledges.models import OpeningTime, PlaceOfWelcome, Weekday
from pledges.tests.factories import OpeningTimeFactory, PlaceOfWelcomeFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def occurrences(event, start, end):
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART"))
    return rule.between(start, end, inc=True)


def test_a_weekly_session_is_at_the_same_london_time_before_and_after_the_clocks_go_forward():
    opening = OpeningTimeFactory(weekday=Weekday.WEDNESDAY, opens=datetime.time(9, 30), closes=datetime.time(11, 30))
    feed = opening_times_calendar(
        OpeningTime.objects.filter(pk=opening.pk),
        name="Test",
        today=datetime.date(2026, 2, 1),
        url_for=lambda place: "https://example.test/",
    )

    calendar = Calendar.from_ical(feed)
    (event,) = calendar.walk("VEVENT")
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["WE"]
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/London"
    assert event.decoded("DTEND") - start == datetime.timedelta(hours=2)

    # British Summer Time starts on Sunday 29 March 2026.
    around = occurrences(
        event, datetime.datetime(2026, 3, 20, tzinfo=LONDON), datetime.datetime(2026, 4, 5, tzinfo=LONDON)
    )
    assert [day.date() for day in around] == [datetime.date(2026, 3, 25), datetime.date(2026, 4, 1)]
    assert [day.astimezone(LONDON).strftime("%H:%M") for day in around] == ["09:30", "09:30"]
    assert [day.astimezone(datetime.UTC).strftime("%H:%M") for day in around] == ["09:30", "08:30"]


def test_the_feeds_list_open_places_only_and_each_place_has_its_own(client):
    open_session = OpeningTimeFactory(place__location__name="Open Chapel Café", weekday=Weekday.TUESDAY)
    OpeningTimeFactory(place__location__name="Paused Hall", place__status=PlaceOfWelcome.Status.PAUSED)
    OpeningTimeFactory(place=open_session.place, weekday=Weekday.SATURDAY)

    response = client.get(reverse("pledges:calendar"))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == ["Open Chapel Café", "Open Chapel Café"]
    assert {event["RRULE"]["BYDAY"][0] for event in events} == {"TU", "SA"}
    assert all(str(event["URL"]).endswith(f"/places-of-welcome/{open_session.place.pk}/") for event in events)

    one = client.get(reverse("pledges:place_calendar", args=[open_session.place.pk]))
    assert len(Calendar.from_ical(one.content).walk("VEVENT")) == 2
    paused = PlaceOfWelcome.objects.get(location__name="Paused Hall")
    assert client.get(reverse("pledges:place_calendar", args=[paused.pk])).status_code == 404


def test_a_place_with_no_sessions_gives_an_empty_but_valid_calendar(client):
    place = PlaceOfWelcomeFactory()
    calendar = Calendar.from_ical(client.get(reverse("pledges:place_calendar", args=[place.pk])).content)
    assert calendar.walk("VEVENT") == []
