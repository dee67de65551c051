"""The URL × role rows of casework, checked on their own (the project-wide test checks every app)."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from casework.tests.access_expectations import EXPECTATIONS
from tests.access import ANONYMOUS, SIGN_IN, VISITORS

pytestmark = pytest.mark.django_db


def test_every_casework_url_answers_every_visitor_as_declared(client):
    visitors = {ANONYMOUS: None, **{role: UserFactory(roles=[role], with_totp=True) for role in Role.values}}
    login_url = reverse("account_login")
    mismatches = []
    for row in EXPECTATIONS:
        url = reverse(row.url_name, kwargs=row.kwargs() if row.kwargs else None)
        for visitor in VISITORS:
            client.logout()
            if visitors[visitor] is not None:
                client.force_login(visitors[visitor])
            response = getattr(client, row.method)(url)
            expected = row.status_for(visitor)
            if expected == SIGN_IN:
                ok = response.status_code == 302 and response["Location"].startswith(login_url)
            else:
                ok = response.status_code == expected
            if not ok:
                mismatches.append(f"{url} as {visitor}: {response.status_code}, expected {expected}")
    assert mismatches == []
