"""Deny by default, checked: every URL of the project, for anonymous visitors and every role.

A URL name with no row in some ``access_expectations.py`` fails here, so nobody can add a page
without saying who may see it.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from tests.access import ANONYMOUS, SIGN_IN, VISITORS, all_expectations

pytestmark = pytest.mark.django_db


def qualified_url_names():
    from django.urls import get_resolver

    def walk(resolver, namespace):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern, inner)
            else:
                yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"

    return set(walk(get_resolver(), ""))


def test_every_url_of_the_project_has_an_expectation():
    expectations = all_expectations()
    named = {row.url_name for row in expectations}
    prefixes = tuple(row.covers_prefix for row in expectations if row.covers_prefix)

    missing = sorted(name for name in qualified_url_names() if name not in named and not name.startswith(prefixes))

    assert missing == [], "These URLs do not say who may see them: add rows to an access_expectations.py"


def test_every_expectation_names_a_real_url():
    known = qualified_url_names()

    unknown = sorted({row.url_name for row in all_expectations()} - known)

    assert unknown == []


@pytest.fixture
def visitors(db):
    users = {ANONYMOUS: None}
    for role in Role.values:
        users[role] = UserFactory(roles=[role], with_totp=True)
    return users


def test_every_url_answers_every_visitor_as_declared(client, visitors):
    login_url = reverse("account_login")
    mismatches = []
    for row in all_expectations():
        # Each row starts with fresh rate-limit counters: the open API's per-address throttle would
        # otherwise count every visitor's requests to it together.
        cache.clear()
        url = reverse(row.url_name, kwargs=row.kwargs() if row.kwargs else None)
        for visitor in VISITORS:
            client.logout()
            if visitors[visitor] is not None:
                client.force_login(visitors[visitor])
            response = getattr(client, row.method)(url)
            expected = row.status_for(visitor)
            if expected == SIGN_IN:
                answered_as_expected = response.status_code == 302 and response["Location"].startswith(login_url)
            else:
                answered_as_expected = response.status_code == expected
            if not answered_as_expected:
                mismatches.append(
                    f"{row.method.upper()} {url} as {visitor}: {response.status_code} "
                    f"{response.get('Location', '')}, expected {expected}"
                )

    assert mismatches == []
