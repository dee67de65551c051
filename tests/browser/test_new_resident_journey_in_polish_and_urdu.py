"""A new resident's first weeks across the apps, in a real browser, in Polish and then in Urdu:
they find ESOL classes near their postcode in the directory, build a Welcome Pack, download its PDF
(Polish/Urdu text and their ward in the text layer), sign up and ask for a community buddy. axe-core
runs on every page they meet; in Urdu the pages lay out from the right."""

import io
import subprocess
from urllib.parse import urljoin

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from buddies.models import BuddyRequest
from directory.taxonomy import load_walsall_taxonomy, term_id
from places import selectors as places_selectors
from places.models import Postcode
from places.tests.fixtures import import_walsall
from signup.models import SignUp
from signup.tests.test_browser_signup_journeys import sign_up_asking_for_a_buddy
from welcome.tests.factories import listed_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ESOL_CLASS = "Oakmere ESOL beginners"


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def resident_area(live_server):
    """A synthetic Walsall postcode with an ESOL class at its door, a farther one, and the pack's content."""
    import_walsall()
    load_walsall_taxonomy()
    call_command("load_welcome_content", stdout=io.StringIO())
    postcode = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode").first()
    listed_service("esol-classes", lat=postcode.lat, lon=postcode.lon, name=ESOL_CLASS, languages=["pl", "ur"])
    listed_service("gp-registration", lat=postcode.lat + 0.001, lon=postcode.lon, name="Larkspur Surgery")
    return postcode, places_selectors.postcode_lookup(postcode.postcode).ward


class Visits:
    """axe-core's violations for every page visited, by a name for the page."""

    def __init__(self, page, axe_violations):
        self.page, self.axe_violations, self.found = page, axe_violations, {}

    def check(self, name):
        violations = self.axe_violations(self.page)
        if violations:
            self.found[name] = violations


def find_esol_classes(page, live_server, visits, *, language, postcode):
    page.goto(f"{live_server.url}/{language}/services/")
    visits.check("directory search")
    page.locator("#id_postcode").fill(postcode.postcode)
    page.locator("#id_category").select_option(str(term_id("esol-classes")))
    page.locator("main form button.govuk-button").first.click()
    expect(page.locator("main")).to_contain_text(ESOL_CLASS)
    visits.check("directory results")


def build_pack(page, live_server, visits, *, language, postcode):
    page.goto(f"{live_server.url}/{language}/welcome/")
    visits.check("pack start")
    page.locator("a.govuk-button--start").click()
    visits.check("pack where")
    page.locator("#id_postcode").fill(postcode.postcode)
    page.locator("form button.govuk-button").click()
    page.locator("#id_has_children_1").check()  # no children
    visits.check("pack household")
    page.locator("form button.govuk-button").click()
    page.locator(f"input[name=languages][value={language}]").check()
    page.locator("input[name=english_level][value=beginner]").check()
    visits.check("pack languages")
    page.locator("form button.govuk-button").click()
    visits.check("pack needs")
    page.locator("form button.govuk-button").click()
    page.locator(f"input[name=pack_language][value={language}]").check()
    visits.check("pack language")
    page.locator("form button.govuk-button").click()
    visits.check("pack check your answers")
    page.locator("form button.govuk-button").click()
    expect(page).to_have_url(f"{live_server.url}/{language}/welcome/pack/")
    expect(page.locator("main")).to_contain_text(ESOL_CLASS)
    visits.check("pack")


def pdf_text(page, tmp_path):
    """Download the pack's PDF with the browser's own cookies, as its link does, and read its text layer."""
    href = page.locator("main a[href$='/welcome/pack/pdf/']").first.get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    path = tmp_path / "pack.pdf"
    path.write_bytes(response.body())
    command = ["pdftotext", str(path), "-"]  # poppler, installed by make setup, on a file this test wrote
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout  # noqa: S603


def test_a_new_resident_in_polish_finds_classes_gets_a_pack_and_asks_for_a_buddy(
    page, live_server, axe_violations, resident_area, tmp_path
):
    postcode, ward = resident_area
    visits = Visits(page, axe_violations)

    find_esol_classes(page, live_server, visits, language="pl", postcode=postcode)
    build_pack(page, live_server, visits, language="pl", postcode=postcode)
    text = pdf_text(page, tmp_path)
    signup_violations = sign_up_asking_for_a_buddy(page, live_server, "pl", axe_violations)

    assert "Nauka angielskiego" in text
    assert ward.name in text
    assert ESOL_CLASS in text
    assert BuddyRequest.objects.get().signup_reference == SignUp.objects.get(language="pl").reference
    assert visits.found == {}
    assert signup_violations == {}


def test_the_same_resident_in_urdu_sees_every_page_laid_out_from_the_right(
    page, live_server, axe_violations, resident_area, tmp_path
):
    postcode, ward = resident_area
    visits = Visits(page, axe_violations)

    find_esol_classes(page, live_server, visits, language="ur", postcode=postcode)
    build_pack(page, live_server, visits, language="ur", postcode=postcode)
    text = pdf_text(page, tmp_path)
    page.goto(f"{live_server.url}/ur/welcome/where/")
    back = page.locator(".govuk-back-link").bounding_box()
    column = page.locator("main .govuk-grid-column-two-thirds").first.bounding_box()
    html_direction = page.locator("html").get_attribute("dir")
    signup_violations = sign_up_asking_for_a_buddy(page, live_server, "ur", axe_violations)

    assert html_direction == "rtl"
    # Right to left: the back link and the main column start at the right of the page.
    viewport = page.viewport_size["width"]
    assert back["x"] > viewport / 2
    assert column["x"] + column["width"] > viewport * 0.6
    assert "کونسل ٹیکس" in text
    assert ward.name in text
    assert BuddyRequest.objects.get().signup_reference == SignUp.objects.get(language="ur").reference
    assert visits.found == {}
    assert signup_violations == {}
