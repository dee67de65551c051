"""Run this app's and the audit app's access expectations, signing in each role with two factors set up."""

import pytest
from django.urls import reverse

from accounts.tests.access_expectations import EXPECTATIONS as ACCOUNTS
from accounts.tests.factories import UserFactory
from audit.tests.access_expectations import EXPECTATIONS as AUDIT
from tests.access import ANONYMOUS, VISITORS

CASES = [(expect, visitor) for expect in [*ACCOUNTS, *AUDIT] for visitor in VISITORS]


@pytest.mark.django_db
@pytest.mark.parametrize(("expect", "visitor"), CASES, ids=[f"{e.url_name}-{v}" for e, v in CASES])
def test_url_answers_visitor_as_declared(client, expect, visitor):
    if visitor != ANONYMOUS:
        client.force_login(UserFactory(roles=[visitor], with_totp=True))
    url = reverse(expect.url_name, kwargs=expect.kwargs() if expect.kwargs else None)
    response = getattr(client, expect.method)(url)
    assert response.status_code == expect.status_for(visitor)


def test_every_url_name_of_ours_has_an_expectation():
    from accounts import urls as accounts_urls
    from audit import urls as audit_urls

    declared = {expect.url_name for expect in [*ACCOUNTS, *AUDIT]}
    ours = {f"accounts:{p.name}" for p in accounts_urls.urlpatterns} | {
        f"audit:{p.name}" for p in audit_urls.urlpatterns
    }
    assert ours == declared
