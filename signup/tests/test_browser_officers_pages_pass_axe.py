"""axe-core on the integration officers' pages: figures, tables, the list of sign-ups and one sign-up."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from signup.tests.factories import FollowUpFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def test_the_officers_pages_pass_axe(page, live_server, axe_violations):
    follow_up = FollowUpFactory(sent_at=timezone.now(), sent_channels=["email"], outcome="wants_help")
    officer = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    client = Client()
    client.force_login(officer)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    violations = {}
    for path in (
        reverse("signup:staff_overview"),
        reverse("signup:staff_overview")
        + "?since_day=1&since_month=5&since_year=2026&until_day=1&until_month=1&until_year=2026",
        reverse("signup:staff_detail", kwargs={"reference": follow_up.signup.reference}),
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        found = axe_violations(page)
        if found:
            violations[path] = found

    assert violations == {}
