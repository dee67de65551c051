"""A partner edits a service, a council editor approves it, the public page shows it; axe on every staff page."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from directory.taxonomy import load_walsall_taxonomy
from directory.tests.factories import owned_service
from places.tests.fixtures import import_walsall

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def signed_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(bypass_csp=True)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_partner_edit_is_published_once_a_council_editor_approves_it(browser, page, live_server, axe_violations):
    import_walsall()
    load_walsall_taxonomy()
    partner = UserFactory(roles=[Role.PARTNER_ORGANISATION_USER])
    council_editor = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    service = owned_service(partner.organisation, name="Chat and practise English")
    public_url = live_server.url + reverse("directory:service_detail", args=[service.pk])
    violations = {}

    def check(tab, name):
        found = axe_violations(tab)
        if found:
            violations[name] = found

    partner_tab = signed_in_page(browser, live_server, partner)
    partner_tab.goto(live_server.url + reverse("directory:staff_service_list"))
    check(partner_tab, "your services")
    partner_tab.get_by_role("link", name="Edit Chat and practise English").click()
    check(partner_tab, "edit form")
    partner_tab.get_by_label("Name of the service").fill("")
    partner_tab.get_by_label("Monday opens").fill("nine")
    partner_tab.get_by_role("button", name="Send for approval").click()
    expect(partner_tab.locator(".govuk-error-summary")).to_be_visible()
    check(partner_tab, "edit form with errors")
    partner_tab.get_by_label("Name of the service").fill("English conversation café")
    partner_tab.get_by_label("Monday opens").fill("09:00")
    partner_tab.get_by_label("Esol classes", exact=False).first.check()
    partner_tab.get_by_label("Free", exact=True).check()
    partner_tab.get_by_role("button", name="Send for approval").click()
    expect(partner_tab.locator(".govuk-notification-banner--success")).to_contain_text("sent for approval")
    check(partner_tab, "your services with a change waiting")
    partner_tab.goto(live_server.url + reverse("directory:staff_service_check", args=[service.pk]))
    check(partner_tab, "mark as checked")

    page.goto(public_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Chat and practise English")

    council_tab = signed_in_page(browser, live_server, council_editor)
    council_tab.goto(live_server.url + reverse("directory:staff_approval_list"))
    check(council_tab, "approval queue")
    council_tab.get_by_role("link", name="Review English conversation café").click()
    expect(council_tab.get_by_role("table")).to_contain_text("Chat and practise English")
    check(council_tab, "review")
    council_tab.get_by_role("button", name="Confirm").click()
    expect(council_tab.locator(".govuk-error-summary")).to_be_visible()
    check(council_tab, "review with an error")
    council_tab.get_by_label("Yes, publish it").check()
    council_tab.get_by_role("button", name="Confirm").click()
    expect(council_tab.locator(".govuk-notification-banner--success")).to_contain_text("published")

    page.goto(public_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("English conversation café")
    assert violations == {}
