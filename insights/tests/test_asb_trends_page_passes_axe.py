"""axe-core on the anti-social behaviour page with figures, chart and tables, and with an error message."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from insights.models import AsbIncident
from insights.selectors import asb
from places.tests.fixtures import import_walsall

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # The page's CSP rightly blocks the injected axe script.
    return {**browser_context_args, "bypass_csp": True}


def test_the_trends_page_passes_axe_with_figures_and_with_an_error(page, live_server, axe_violations):
    import_walsall()
    ward = next(s for s in asb.asb_wards() if s.population)
    AsbIncident.objects.bulk_create(
        AsbIncident(source=source, month=date(2024, month, 1), ward_code=ward.ward.gss_code)
        for month in range(1, 13)
        for source, count in (("police_uk", 10 + month), ("platform", month % 4))
        for _ in range(count)
    )
    url = live_server.url + reverse("insights:asb_trends")
    with translation.override("ur"):
        urdu = live_server.url + reverse("insights:asb_trends")
    violations = {}
    for target in (
        url,
        f"{url}?ward={ward.ward.gss_code}",
        f"{url}?ward=nonsense",
        f"{urdu}?ward={ward.ward.gss_code}",
    ):
        response = page.goto(target)
        assert response.status == (400 if target.endswith("nonsense") else 200), target
        found = axe_violations(page)
        if found:
            violations[target] = found

    assert violations == {}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_the_trends_page_fits_a_phone_screen_with_figures_and_empty(phone, live_server):
    import_walsall()
    url = live_server.url + reverse("insights:asb_trends")
    phone.goto(url)
    empty = phone.evaluate("document.documentElement.scrollWidth")
    ward = next(s for s in asb.asb_wards() if s.population)
    AsbIncident.objects.bulk_create(
        AsbIncident(source="police_uk", month=date(2024, month, 1), ward_code=ward.ward.gss_code)
        for month in range(1, 13)
        for _ in range(10)
    )
    phone.goto(f"{url}?ward={ward.ward.gss_code}")
    with_figures = phone.evaluate("document.documentElement.scrollWidth")

    assert (empty, with_figures) == (320, 320)
