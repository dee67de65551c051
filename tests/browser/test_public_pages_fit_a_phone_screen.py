"""WCAG 1.4.10 reflow: every public page fits a 320 CSS pixel wide screen without sideways scrolling,
left to right and right to left."""

import pytest
from django.urls import reverse
from django.utils import translation

from places.tests.fixtures import import_walsall
from tests.browser.test_public_pages_have_no_accessibility_violations import public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 320


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": PHONE_WIDTH, "height": 640}}


def test_every_public_page_fits_a_phone_screen_in_english_and_arabic(page, live_server):
    import_walsall()
    too_wide = {}
    for row in public_pages():
        kwargs = row.kwargs() if row.kwargs else None
        for language in ["en", "ar"]:
            with translation.override(language):
                url = reverse(row.url_name, kwargs=kwargs)
            if "text/html" not in page.request.get(live_server.url + url).headers.get("content-type", ""):
                break
            page.goto(live_server.url + url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE_WIDTH:
                too_wide[url] = width

    assert too_wide == {}
