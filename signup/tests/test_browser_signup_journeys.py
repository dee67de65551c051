"""In a real browser, without relying on JavaScript: a resident signs up in Polish and in Urdu asking for a
buddy, and every public sign-up page passes axe-core (WCAG 2.2 AA) with zero violations."""

import pytest
from django.urls import reverse
from django.utils import translation

from buddies.models import BuddyRequest
from places.tests.fixtures import import_walsall
from signup import links
from signup.models import SignUp
from signup.tests.factories import FollowUpFactory, service_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True, "java_script_enabled": True}


def go(live_server, page, name, language, **kwargs):
    with translation.override(language):
        return page.goto(live_server.url + reverse(name, kwargs=kwargs or None))


def submit(page):
    button = page.locator("main form button[type=submit]")
    page.wait_for_load_state()
    assert button.count(), (page.url, page.locator("main").inner_text()[:600])
    button.last.click()


def sign_up_asking_for_a_buddy(page, live_server, language, axe_violations):
    """Walk the journey; return {page title: axe violations} for every page seen, errors included."""
    violations = {}

    def check_axe():
        found = axe_violations(page)
        if found:
            violations[page.title()] = found

    go(live_server, page, "signup:start", language)
    check_axe()
    page.locator("a.govuk-button--start").click()
    submit(page)  # no name: the error summary and inline error
    check_axe()
    page.fill("#id_name", "Ola")
    submit(page)
    page.fill("#id_postcode", "WS1 1TP")
    submit(page)
    check_axe()
    page.check("input[name=languages][value=pl]")
    page.check("input[name=languages][value=en]")
    submit(page)
    check_axe()
    page.check("input[name=interests][value=learning-english]")
    submit(page)
    page.check("input[name=wants_buddy][value=yes]")
    check_axe()
    submit(page)
    submit(page)  # no time chosen: an error
    check_axe()
    page.check("input[name=availability_tue][value=tue_morning]")
    page.check("input[name=availability_sat][value=sat_afternoon]")
    page.check("input[name=buddy_gender][value=woman]")
    page.check("#id_meet_only_at_place_of_welcome")
    page.fill("#id_notes", "I bring my baby")
    submit(page)
    page.fill("#id_email", "ola@example.test")
    page.fill("#id_phone", "07700900982")
    check_axe()
    submit(page)
    page.check("input[name=consent_settling_in][value=email]")
    page.check("input[name=consent_buddy_scheme][value=email]")
    page.check("input[name=consent_buddy_scheme][value=sms]")
    check_axe()
    submit(page)
    check_axe()  # check your answers
    submit(page)
    check_axe()  # confirmation
    return violations


def test_a_resident_signs_up_in_polish_asking_for_a_buddy(page, live_server, axe_violations):
    import_walsall()

    violations = sign_up_asking_for_a_buddy(page, live_server, "pl", axe_violations)

    assert violations == {}
    assert page.locator(".govuk-panel--confirmation").is_visible()
    assert "/pl/sign-up/confirmation/" in page.url
    signup = SignUp.objects.get()
    assert signup.language == "pl" and sorted(signup.languages) == ["en", "pl"]
    buddy_request = BuddyRequest.objects.get()
    assert buddy_request.signup_reference == signup.reference
    assert buddy_request.availability == ["tue_morning", "sat_afternoon"]
    assert sorted(buddy_request.languages) == ["en", "pl"]


def test_the_same_journey_in_urdu_lays_out_right_to_left(page, live_server, axe_violations):
    import_walsall()

    violations = sign_up_asking_for_a_buddy(page, live_server, "ur", axe_violations)

    assert violations == {}
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ur"
    panel = page.locator(".govuk-panel--confirmation").bounding_box()
    heading = page.locator("h2.govuk-heading-m").first
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # Right to left: a heading narrower than the panel sits against its right edge.
    box = heading.bounding_box()
    assert abs((box["x"] + box["width"]) - (panel["x"] + panel["width"])) < 2
    assert BuddyRequest.objects.count() == 1


def test_privacy_answer_erase_and_bad_link_pages_pass_axe(page, live_server, axe_violations):
    follow_up = FollowUpFactory(kind="conversation_club")
    service_in("conversation-clubs", name="Tuesday English Chat")
    violations = {}
    answer_url = reverse("signup:outcome", kwargs={"token": links.outcome_token(follow_up)})
    erase_url = reverse("signup:erase", kwargs={"token": links.erase_token(follow_up.signup)})
    for path, action in (
        (reverse("signup:privacy"), None),
        (answer_url, None),
        (answer_url, "submit-empty"),
        (answer_url, "answer"),
        (erase_url, None),
        (erase_url, "erase"),
        (reverse("signup:erase", kwargs={"token": "nonsense"}), None),
    ):
        page.goto(live_server.url + path)
        if action == "submit-empty":
            submit(page)
        elif action == "answer":
            page.check("input[name=outcome][value=done]")
            page.check("input[name=services]")
            submit(page)
        elif action == "erase":
            page.locator("button.govuk-button--warning").click()
        found = axe_violations(page)
        if found:
            violations[f"{path} {action}"] = found

    assert violations == {}
    assert SignUp.objects.count() == 0
