"""In Chromium with axe-core: the partner pages and the remaining case forms, with and without errors."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from casework import services
from casework.tests.factories import ReportFactory, caseworker, open_case
from casework.tests.test_browser_caseworker_loop import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def test_partner_pages_and_case_forms_have_no_violations(page, live_server, axe_violations, settings):
    settings.CASEWORK_CASE_REVIEW_THRESHOLD = 1
    worker = caseworker()
    case = open_case(by=worker, report=ReportFactory(consents=["police"], strands=["asb"], characteristics=[]))
    referral = services.referral_make(case=case, recipient="police", by=worker)
    violations = {}

    sign_in(page, live_server, worker)
    for name in ("case_needs", "case_party_add", "case_message", "case_note_add", "case_link", "case_review"):
        page.goto(live_server.url + reverse(f"casework:{name}", kwargs={"reference": case.reference}))
        violations[name] = axe_violations(page)
        page.locator("form button[type=submit]").first.click()
        violations[f"{name} after submit"] = axe_violations(page)

    page.context.clear_cookies()
    sign_in(page, live_server, UserFactory(roles=[Role.POLICE_LIAISON], with_totp=True))
    for url in (reverse("casework:referral_list"), reverse("casework:referral_detail", kwargs={"pk": referral.pk})):
        page.goto(live_server.url + url)
        violations[url] = axe_violations(page)

    centre = OrganisationFactory(name="Centre (browser test)")
    ReportFactory(submitted_by_organisation=centre)
    page.context.clear_cookies()
    sign_in(
        page,
        live_server,
        UserFactory(roles=[Role.THIRD_PARTY_REPORTING_CENTRE_USER], organisation=centre, with_totp=True),
    )
    page.goto(live_server.url + reverse("casework:submitted_list"))
    violations["submitted"] = axe_violations(page)

    assert {name: found for name, found in violations.items() if found} == {}
