"""A resident builds a pack in a real browser, in Polish and in Urdu, with axe-core run on every
page they meet (errors shown included), and once more with JavaScript switched off."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from directory.taxonomy import load_walsall_taxonomy
from places import selectors as places_selectors
from places.models import Postcode
from places.tests.fixtures import import_walsall

from .factories import listed_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def data(live_server):
    import_walsall()
    load_walsall_taxonomy()
    call_command("load_welcome_content", stdout=io.StringIO())
    postcode = Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode").first()
    listed_service("esol-classes", lat=postcode.lat, lon=postcode.lon, name="Oakmere ESOL beginners", languages=["ur"])
    ward = places_selectors.postcode_lookup(postcode.postcode).ward
    return postcode, ward


def build_pack(page, live_server, axe_violations, *, interface, pack_language, postcode):
    prefix = "" if interface == "en" else f"/{interface}"
    violations = {}

    def check(name):
        found = axe_violations(page)
        if found:
            violations[name] = found

    page.goto(f"{live_server.url}{prefix}/welcome/")
    check("start")
    page.locator("a.govuk-button--start").click()
    page.locator("form button.govuk-button").click()  # nothing entered: the error summary
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check("where with an error")
    page.locator("#id_postcode").fill(postcode.postcode)
    page.locator("form button.govuk-button").click()
    page.locator("#id_has_children").check()
    page.locator("#id_child_ages").fill("2, x")
    page.locator("form button.govuk-button").click()
    expect(page.locator("#id_child_ages")).to_have_value("2, x")
    check("household with an error")
    page.locator("#id_child_ages").fill("2, 8")
    page.locator("form button.govuk-button").click()
    check("languages")
    page.locator(f"input[name=languages][value={pack_language}]").check()
    page.locator("input[name=english_level][value=beginner]").check()
    page.locator("form button.govuk-button").click()
    check("needs")
    page.locator("input[name=needs][value=hearing]").check()
    page.locator("form button.govuk-button").click()
    check("pack language")
    page.locator(f"input[name=pack_language][value={pack_language}]").check()
    page.locator("form button.govuk-button").click()
    check("check your answers")
    page.locator("form button.govuk-button").click()
    expect(page).to_have_url(f"{live_server.url}/{pack_language}/welcome/pack/")
    check("pack")
    return violations


def test_a_pack_in_polish(page, live_server, axe_violations, data):
    postcode, ward = data

    violations = build_pack(page, live_server, axe_violations, interface="en", pack_language="pl", postcode=postcode)

    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.locator("main")).to_contain_text("Nauka angielskiego")
    expect(page.locator("main")).to_contain_text(ward.name)
    expect(page.locator("main")).to_contain_text("Oakmere ESOL beginners")
    for path in ["/pl/welcome/pack/print/", "/pl/welcome/pack/easy-read/"]:
        page.goto(live_server.url + path)
        found = axe_violations(page)
        if found:
            violations[path] = found
    assert violations == {}


def test_a_pack_in_urdu_lays_out_right_to_left(page, live_server, axe_violations, data):
    postcode, _ward = data

    violations = build_pack(page, live_server, axe_violations, interface="ur", pack_language="ur", postcode=postcode)

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main")).to_contain_text("انگریزی سیکھنا")
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "rtl"
    # Right to left: each entry's text reads from the right, its QR code sits at the left.
    text = page.locator(".app-pack-entry__text").first.bounding_box()
    qr = page.locator(".app-pack-entry__qr").first.bounding_box()
    assert qr["x"] + qr["width"] <= text["x"]
    assert violations == {}


def test_the_whole_journey_works_without_javascript(browser, live_server, data):
    _postcode, ward = data
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + "/welcome/where/")
    page.locator("#id_ward").select_option(ward.gss_code)
    page.locator("form button.govuk-button").click()
    page.locator("#id_has_children_1").check()
    page.locator("form button.govuk-button").click()
    page.locator("input[name=languages][value=ro]").check()
    page.locator("input[name=english_level][value=none]").check()
    page.locator("form button.govuk-button").click()
    page.locator("form button.govuk-button").click()
    page.locator("input[name=pack_language][value=ro]").check()
    page.locator("form button.govuk-button").click()
    page.locator("form button.govuk-button").click()

    expect(page).to_have_url(live_server.url + "/ro/welcome/pack/")
    expect(page.locator("main")).to_contain_text("Învățarea limbii engleze")
    context.close()
