"""Opening times of Places of Welcome as an iCalendar (RFC 5545) feed: one weekly event per session.

Times are wall-clock times in Europe/London (DTSTART with TZID and a VTIMEZONE), so a session at
10:00 stays at 10:00 on both sides of the clocks changing.
"""

import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .models import ICAL_DAYS

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Walsall for All//Living Together Places of Welcome//EN"


def _first_on_or_after(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _address(location):
    address = next(iter(location.addresses.all()), None)
    parts = [location.name]
    if address is not None:
        parts += [address.address_1, address.address_2, address.city, address.postal_code]
    return ", ".join(part for part in parts if part)


def opening_times_calendar(opening_times, *, name, today, url_for):
    """An iCalendar with a weekly event per opening time, recurring from the start of ``today``'s year.

    ``url_for(place)`` gives the absolute address of a place's public page.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    anchor = datetime.date(today.year, 1, 1)
    for opening in opening_times:
        place = opening.place
        first = _first_on_or_after(anchor, opening.weekday)
        event = Event()
        event.add("uid", f"place-of-welcome-{place.pk}-session-{opening.pk}@living-together.walsall")
        event.add("summary", f"{place.location.name}")
        event.add("dtstamp", datetime.datetime.combine(anchor, datetime.time(), tzinfo=datetime.UTC))
        event.add("dtstart", datetime.datetime.combine(first, opening.opens, tzinfo=LONDON))
        event.add("dtend", datetime.datetime.combine(first, opening.closes, tzinfo=LONDON))
        event.add("rrule", {"freq": "weekly", "byday": ICAL_DAYS[opening.weekday]})
        event.add("location", _address(place.location))
        url = url_for(place)
        event.add("url", url)
        event.add("description", "\n".join(part for part in (opening.notes, place.what_to_expect, url) if part))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
