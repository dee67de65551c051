"""In Chromium: a caseworker triages a report, assesses risk, refers with consent, writes to the
reporter, records an action, and the statistics change; every staff page passes axe-core."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse
from playwright.sync_api import expect

from accounts.tests.factories import TEST_PASSWORD
from casework.models import Case
from casework.tests.factories import ReportFactory, caseworker
from reporting.models import Message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def sign_in(page, live_server, user):
    page.goto(live_server.url + reverse("account_login"))
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("textbox").first.fill(format_hotp_value(hotp_value(user.totp_secret, int(time.time()) // 30)))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(user.full_name)


def record_a_police_outcome(page):
    """On the "Record an action" page: a police outcome (charged) taken on 1 November 2026."""
    page.get_by_label("Action", exact=True).select_option("police_outcome")
    page.get_by_label("Police outcome type").select_option("1")
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("11")
    page.get_by_label("Year", exact=True).fill("2026")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action recorded")).to_be_visible()


def test_a_caseworker_works_a_case_from_triage_to_action(page, live_server, axe_violations):
    worker = caseworker()
    report = ReportFactory(consents=["police"], account="SYNTHETIC: shouted at in the street")
    sign_in(page, live_server, worker)
    violations = {}

    def check(name):
        violations[name] = axe_violations(page)

    page.goto(live_server.url + reverse("casework:statistics"))
    expect(page.get_by_test_id("positive-action-rate")).to_contain_text("No recorded cases yet")
    check("statistics before")

    page.goto(live_server.url + reverse("casework:queue"))
    check("queue")
    page.get_by_role("link", name=report.reference).click()
    expect(page.get_by_text("SYNTHETIC: shouted at in the street")).to_be_visible()
    check("triage")
    page.get_by_role("button", name="Open a case and acknowledge the report").click()
    case = Case.objects.get()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)
    check("case")

    page.get_by_role("link", name="Classify").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check("classify with errors")
    page.get_by_label("Hate crime", exact=True).check()
    page.get_by_label("Reasons for this decision").fill("SYNTHETIC: racially aggravated public order offence")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Classification recorded")).to_be_visible()

    page.get_by_role("link", name="Assess the risk").click()
    check("risk")
    for group, value in (
        ("Repeat victimisation", "Serious"),
        ("Vulnerability", "Some"),
        ("Escalation", "Serious"),
        ("Impact", "Some"),
    ):
        page.get_by_role("group", name=group).get_by_label(value).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Risk assessed as High")).to_be_visible()

    page.get_by_role("link", name="Make a referral").click()
    check("referral")
    page.get_by_label("West Midlands Police").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Referral made")).to_be_visible()

    page.get_by_role("link", name="Send a message to the reporter").click()
    page.get_by_label("Message").fill("SYNTHETIC: I will call you tomorrow at 10am")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_text("Message sent")).to_be_visible()
    assert Message.objects.get(report=report).body == "SYNTHETIC: I will call you tomorrow at 10am"

    page.get_by_role("link", name="Record an action").click()
    check("action")
    record_a_police_outcome(page)
    check("case with everything")

    page.goto(live_server.url + reverse("casework:statistics"))
    expect(page.get_by_test_id("positive-action-rate")).to_contain_text("100%")
    check("statistics after")

    page.goto(live_server.url + reverse("casework:public_figures"))
    check("public figures")

    assert {name: found for name, found in violations.items() if found} == {}
