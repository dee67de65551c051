"""The whole loop in Chromium: an anonymous report in Urdu with evidence and a receipt; a caseworker
triages it, assesses the risk, refers it to the police with the reporter's consent, writes to the
reporter and records an action; the reporter reads the reply with the receipt; the statistics change."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from casework.tests.factories import caseworker
from casework.tests.test_browser_caseworker_loop import record_a_police_outcome, sign_in
from places.tests.fixtures import import_walsall
from reporting.tests.factories import jpeg_with_exif
from reporting.tests.test_browser_anonymous_report_in_urdu import ANSWERS, answer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPLY = "SYNTHETIC: میں کل صبح دس بجے آپ سے رابطہ کروں گی"


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def report_anonymously_in_urdu(page, base, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_exif())
    page.goto(base + "begin/?new=1")
    for slug, values in ANSWERS:
        if slug == "evidence":
            page.set_input_files("input[type=file]", str(photo))
            page.click("button[value=upload]")
            expect(page.locator("body")).to_contain_text("photo.jpg")
            page.click("button[value=continue]")
            continue
        if slug == "consent":
            values = {**values, "police": "yes"}
        answer(page, values)
        page.click("form[method=post] button.govuk-button:not(.govuk-button--secondary)")
    page.click("form button[data-prevent-double-click]")
    reference = page.locator("#case-reference").inner_text().strip()
    receipt = page.locator("#secret-receipt").inner_text().strip()
    page.check("input[name=saved]")
    page.click("form button.govuk-button")
    return reference, receipt


def work_the_case(page, live_server, reference):
    page.goto(live_server.url + reverse("casework:queue"))
    page.get_by_role("link", name=reference).click()
    page.get_by_role("button", name="Open a case and acknowledge the report").click()
    page.get_by_role("link", name="Classify").click()
    page.get_by_label("Hate crime", exact=True).check()
    page.get_by_label("Reasons for this decision").fill("SYNTHETIC: religiously aggravated harassment")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Assess the risk").click()
    for group in ("Repeat victimisation", "Vulnerability", "Escalation", "Impact"):
        page.get_by_role("group", name=group).get_by_label("Serious").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Risk assessed as High")).to_be_visible()
    page.get_by_role("link", name="Make a referral").click()
    page.get_by_label("West Midlands Police").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Referral made")).to_be_visible()
    page.get_by_role("link", name="Send a message to the reporter").click()
    page.get_by_label("Message").fill(REPLY)
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_text("Message sent")).to_be_visible()
    page.get_by_role("link", name="Record an action").click()
    record_a_police_outcome(page)


def test_a_report_in_urdu_is_worked_to_an_action_and_the_reporter_reads_the_reply(
    page, browser, live_server, axe_violations, tmp_path, settings
):
    settings.REPORTING_MIN_FILL_SECONDS = 0  # a browser driven by a test answers faster than any person
    import_walsall()
    base = f"{live_server.url}/ur/report/"
    reference, receipt = report_anonymously_in_urdu(page, base, tmp_path)

    staff = browser.new_context(bypass_csp=True).new_page()
    sign_in(staff, live_server, caseworker())
    staff.goto(live_server.url + reverse("casework:statistics"))
    expect(staff.get_by_test_id("positive-action-rate")).to_contain_text("No recorded cases yet")
    work_the_case(staff, live_server, reference)
    staff.goto(live_server.url + reverse("casework:statistics"))
    expect(staff.get_by_test_id("positive-action-rate")).to_contain_text("100%")

    page.goto(base + "check/")
    page.fill("[name=reference]", reference)
    page.fill("[name=receipt]", receipt)
    page.click("form button.govuk-button")
    expect(page).to_have_url(re.compile(r"/report/check/your-report/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_text(REPLY)).to_be_visible()
    assert axe_violations(page) == []
