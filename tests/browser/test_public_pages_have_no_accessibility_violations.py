"""axe-core on every public page — every URL that anonymous visitors may open and that answers in
HTML — in English and in Urdu (right to left)."""

import pytest
from django.urls import reverse
from django.utils import translation

from places.tests.fixtures import import_walsall
from tests.access import ANONYMOUS, OK, all_expectations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "ur"]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script; the other browser tests run with CSP on.
    return {**browser_context_args, "bypass_csp": True}


def public_pages():
    for row in all_expectations():
        if row.method == "get" and row.status_for(ANONYMOUS) == OK:
            yield row


def test_every_public_page_passes_axe_in_english_and_urdu(page, live_server, axe_violations):
    import_walsall()
    checked, violations = [], {}
    for row in public_pages():
        kwargs = row.kwargs() if row.kwargs else None
        for language in LANGUAGES:
            with translation.override(language):
                url = reverse(row.url_name, kwargs=kwargs)
            if "text/html" not in page.request.get(live_server.url + url).headers.get("content-type", ""):
                break  # the schema and other machine-readable answers are not pages
            response = page.goto(live_server.url + url)
            assert response.status == OK, url
            checked.append(url)
            found = axe_violations(page)
            if found:
                violations[url] = found

    assert violations == {}
    assert any(url.startswith("/ur/") for url in checked)
    assert "/" in checked and "/ur/" in checked
