import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_opens_in_english_and_switches_to_urdu_right_to_left(page, live_server):
    page.goto(live_server.url + "/")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".govuk-generic-header")).to_contain_text("Walsall for All")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.locator(".govuk-language-navigation a[hreflang='ur']").click()

    expect(page).to_have_url(live_server.url + "/ur/")
    expect(page.locator("html")).to_have_attribute("lang", "ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".govuk-language-navigation [aria-current='true']")).to_have_attribute("lang", "ur")


def test_the_page_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + "/")
    page.get_by_label("Postcode").fill("not a postcode")
    page.get_by_role("button", name="Find my ward").click()

    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.get_by_label("Postcode")).to_have_value("not a postcode")
    context.close()
