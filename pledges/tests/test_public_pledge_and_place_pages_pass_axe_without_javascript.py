"""The public pages, in a real browser: they work without JavaScript and pass axe-core in English and Urdu."""

import pytest
from django.urls import reverse
from django.utils import translation

from directory.tests.factories import AccessibilityFactory, AddressFactory, LocationFactory
from places.models import Postcode
from places.tests.fixtures import import_walsall
from pledges.models import Weekday
from pledges.tests.factories import FivePsCheckFactory, OpeningTimeFactory, PlaceOfWelcomeFactory, PledgeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def places():
    import_walsall()
    postcodes = list(Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode")[:3])
    made = []
    for number, postcode in enumerate(postcodes):
        location = LocationFactory(name=f"Welcome Café {number}", latitude=postcode.lat, longitude=postcode.lon)
        AddressFactory(location=location)
        AccessibilityFactory(location=location, description="Step-free access")
        place = PlaceOfWelcomeFactory(location=location)
        OpeningTimeFactory(place=place, weekday=Weekday.THURSDAY if number else Weekday.MONDAY)
        FivePsCheckFactory(place=place)
        made.append(place)
    return made


def test_places_list_map_and_a_place_page_work_without_javascript(browser, live_server):
    place = places()[0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + reverse("pledges:place_list"))
    assert page.locator("svg.app-map circle").count() == 3
    assert page.locator("table.govuk-table tbody tr").count() == 3
    page.select_option("#id_day", "TH")
    page.click("button[type=submit]")
    assert "day=TH" in page.url
    assert page.locator("table.govuk-table tbody tr").count() == 2

    page.goto(live_server.url + reverse("pledges:place_detail", args=[place.pk]))
    assert page.get_by_role("heading", name="Welcome Café 0").is_visible()
    assert page.get_by_text("Monday, 09:30 to 11:30").is_visible()
    context.close()


def test_public_pages_pass_axe_in_english_and_urdu(page, live_server, axe_violations):
    place = places()[0]
    pledge = PledgeFactory(organisation_name="Caldmore Tea Club")
    PledgeFactory(individual=True, individual_name="")
    targets = []
    for language in ("en", "ur"):
        with translation.override(language):
            targets += [
                reverse("pledges:place_list"),
                reverse("pledges:place_list") + "?ward=nonsense",
                reverse("pledges:place_detail", args=[place.pk]),
                reverse("pledges:signatory_list"),
                reverse("pledges:signatory_detail", args=[pledge.pk]),
                reverse("pledges:sign"),
            ]
    violations = {}
    for url in targets:
        page.goto(live_server.url + url)
        found = axe_violations(page)
        if found:
            violations[url] = found
    # The signing form with its error summary.
    page.goto(live_server.url + reverse("pledges:sign"))
    page.click("form button[type=submit]")
    assert page.locator(".govuk-error-summary").is_visible()
    if found := axe_violations(page):
        violations["sign with errors"] = found

    assert violations == {}
    assert page.locator("html").get_attribute("dir") in (None, "ltr")
    with translation.override("ur"):
        page.goto(live_server.url + reverse("pledges:place_list"))
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_the_places_list_with_its_map_and_table_fits_a_phone_screen(browser, live_server):
    place = places()[0]
    PledgeFactory(organisation_name="Caldmore Tea Club")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for language in ("en", "ar"):
        with translation.override(language):
            urls = [
                reverse("pledges:place_list"),
                reverse("pledges:place_detail", args=[place.pk]),
                reverse("pledges:signatory_list"),
            ]
        for url in urls:
            page.goto(live_server.url + url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[url] = width
    context.close()

    assert too_wide == {}
