"""A pledge organisation's volunteer is onboarded, matched with a newcomer, meets them, and the pilot report counts it.

Works with any engine that keeps to the contract: one newcomer and one volunteer who share a language
and a free time, a few hundred metres apart, must be proposed.
"""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.models import BuddyRequest, Match
from buddies.notify import newcomer_token
from places.models import Postcode

from .factories import NEARBY_LAT, NEARBY_LON, WALSALL_LAT, WALSALL_LON, place_of_welcome, pledge_organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """axe-core is injected as an inline script, which the Content Security Policy would block."""
    return {**browser_context_args, "bypass_csp": True}


def fill_date(page, legend, day):
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def no_violations(page, axe_violations):
    assert axe_violations(page) == []


def test_from_onboarding_to_the_pilot_report(page, live_server, axe_violations):
    today = timezone.localdate()
    Postcode.objects.update_or_create(postcode="WS1 1TP", defaults={"lat": WALSALL_LAT, "lon": WALSALL_LON})
    forum = pledge_organisation("Caldmore Community Forum")
    place_of_welcome(name="St Matthew's Welcome Café", latitude=NEARBY_LAT, longitude=NEARBY_LON)
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER], organisation=forum)
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])

    # The partner puts a volunteer forward.
    sign_in(page, live_server, partner)
    page.goto(live_server.url + "/staff/buddies/volunteers/new/")
    no_violations(page, axe_violations)
    page.get_by_label("Full name").fill("Ewa Nowicka")
    page.get_by_label("Email address").fill("ewa@example.test")
    page.get_by_label("Polish").check()
    page.get_by_label("Home postcode").fill("WS1 1TP")
    page.get_by_label("Saturday morning").check()
    page.get_by_role("button", name="Put forward").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ewa Nowicka")

    # The coordinator takes her through every check.
    sign_in(page, live_server, coordinator)
    page.goto(live_server.url + "/staff/buddies/volunteers/")
    page.get_by_role("link", name="Ewa Nowicka").click()
    no_violations(page, axe_violations)
    page.get_by_role("link", name="Record references").click()
    page.get_by_label("First referee's name").fill("Anna Referee")
    fill_date(page, "Date the first reference came back", today)
    page.get_by_label("Second referee's name").fill("Piotr Referee")
    fill_date(page, "Date the second reference came back", today)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record the identity check").click()
    fill_date(page, "Date identity was checked", today)
    page.get_by_label("Document seen").select_option("passport")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record the DBS check").click()
    no_violations(page, axe_violations)
    expect(page.get_by_label("Enhanced")).to_have_count(0)  # befriending adults: a basic check only
    page.get_by_label("Basic").check()
    page.get_by_label("Certificate number").fill("001122334455")
    fill_date(page, "Date of issue", today - datetime.timedelta(days=3))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record training").click()
    fill_date(page, "Date completed", today)
    fill_date(page, "Date the training needs refreshing", today.replace(year=today.year + 2))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Approve the volunteer").click()
    page.get_by_role("button", name="Approve").click()
    page.get_by_role("link", name="Change status").click()
    page.get_by_label("Active: can be matched").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main .govuk-tag").first).to_have_text("Active")

    # A newcomer asked for a buddy at sign-up; the coordinator finds matches and accepts with the reasons in view.
    services.buddy_request_create(
        source=BuddyRequest.Source.WELCOME_SIGNUP,
        name="Marta Zielinska",
        email="marta@example.test",
        languages=["pl"],
        latitude=NEARBY_LAT,
        longitude=NEARBY_LON,
        availability=["sat_morning"],
    )
    page.goto(live_server.url + "/staff/buddies/matching/")
    page.get_by_role("button", name="Find matches").click()
    expect(page.locator(".app-match-reasons li").first).not_to_be_empty()
    no_violations(page, axe_violations)
    page.get_by_role("button", name="Accept Ewa Nowicka – Marta").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("introduced")
    match = Match.objects.get(status=Match.Status.ACCEPTED)

    # The volunteer logs their first meeting.
    sign_in(page, live_server, match.volunteer.user)
    page.goto(live_server.url + "/staff/buddies/my-matches/")
    page.get_by_role("link", name="Marta").click()
    no_violations(page, axe_violations)
    page.get_by_role("link", name="Log a meeting").click()
    page.get_by_role("button", name="Log meeting").click()  # empty: the GOV.UK date input in its error state
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date you met")
    no_violations(page, axe_violations)
    fill_date(page, "Date you met", today)
    page.get_by_label("How long (minutes)").fill("60")
    page.get_by_label("Practised English").check()
    page.get_by_role("button", name="Log meeting").click()
    expect(page.locator("table")).to_contain_text("St Matthew's Welcome Café")

    # The newcomer's own page, from the link in their messages, works and is accessible.
    page.context.clear_cookies()
    page.goto(live_server.url + f"/buddy/{newcomer_token(match)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your buddy")
    no_violations(page, axe_violations)
    page.get_by_role("link", name="Raise a concern").click()
    no_violations(page, axe_violations)

    # The pilot report counts the match and the meeting.
    sign_in(page, live_server, coordinator)
    page.goto(live_server.url + "/staff/buddies/report/")
    no_violations(page, axe_violations)
    row = page.locator("#table-all tbody tr").first
    expect(row.locator("td").nth(0)).to_have_text("1")  # requests
    expect(row.locator("td").nth(3)).to_have_text("1")  # matches
    expect(row.locator("td").nth(4)).to_have_text("1")  # meetings
    expect(page.locator("#table-venue")).to_contain_text("St Matthew's Welcome Café")
