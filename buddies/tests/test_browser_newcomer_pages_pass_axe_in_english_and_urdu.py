"""The newcomer's own pages (their link, a concern, the survey, an expired or broken link) in a real browser
pass axe-core in English and in Urdu, laid out right to left in Urdu."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from buddies.notify import newcomer_token

from .factories import accepted_match, ended_match

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def test_newcomer_pages_pass_axe_in_english_and_urdu(page, live_server, axe_violations, fake_notify):
    ongoing = newcomer_token(accepted_match())
    ended = newcomer_token(ended_match())
    old = ended_match()
    old.ended_at = timezone.now() - datetime.timedelta(days=200)
    old.save(update_fields=["ended_at"])
    expired = newcomer_token(old)

    violations = {}
    for language in ("en", "ur"):
        with translation.override(language):
            targets = [
                reverse("buddies:newcomer_match", args=[ongoing]),
                reverse("buddies:newcomer_concern", args=[ongoing]),
                reverse("buddies:newcomer_survey", args=[ended]),
                reverse("buddies:newcomer_match", args=[expired]),
                reverse("buddies:newcomer_match", args=["tampered"]),
            ]
        for url in targets:
            page.goto(live_server.url + url)
            assert page.locator("h1").count() == 1, url
            assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ur" else "ltr"), url
            if found := axe_violations(page):
                violations[url] = found
        # Both forms sent empty: the error summary and the inline messages.
        for url in targets[1:3]:
            page.goto(live_server.url + url)
            page.click("main form button[type=submit]")
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            expect(page.locator(".govuk-error-message").first).to_be_visible()
            if found := axe_violations(page):
                violations[f"{url} with errors"] = found

    assert violations == {}
