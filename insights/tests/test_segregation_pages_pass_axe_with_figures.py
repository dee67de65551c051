"""axe-core on the segregation pages with computed figures (the project-wide axe test sees them empty)."""

import pytest

from insights.services import segregation
from places.tests.fixtures import import_walsall

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/insights/",
    "/insights/segregation/",
    "/insights/segregation/?group=Black",
    "/insights/segregation/?group=nobody",
    "/insights/maps/lsoa/lq-asian/",
    "/insights/maps/ward/share-other/",
    "/insights/wards/E05001311/",
    "/ur/insights/segregation/",
    "/ur/insights/wards/E05001311/",
]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def test_segregation_pages_with_figures_pass_axe(page, live_server, axe_violations):
    import_walsall()
    segregation.indices_recompute(iterations=10)
    violations = {}
    for url in PAGES:
        page.goto(live_server.url + url)
        found = axe_violations(page)
        if found:
            violations[url] = found

    assert violations == {}, {url: [(v["id"], v.get("nodes")) for v in found] for url, found in violations.items()}
