"""The allauth pages staff use, and ours, render in the GOV.UK layout without inline styles or scripts."""

import re

import pytest
from django.urls import reverse

from accounts.roles import Role

from .factories import TEST_PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(?!document\.body\.className)", re.I)


def assert_govuk_page(response, heading):
    html = response.content.decode()
    assert response.status_code == 200, html[:500]
    assert "govuk-template__body" in html
    assert heading in html
    assert " style=" not in html
    assert not INLINE_SCRIPT.search(html)
    return html


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("account_login", "Sign in"),
        ("account_reset_password", "Password Reset"),
    ],
)
def test_public_sign_in_pages(client, url_name, heading):
    assert_govuk_page(client.get(reverse(url_name)), heading)


def test_signed_in_pages(client):
    user = UserFactory(roles=[Role.ADMINISTRATOR, Role.AUDITOR], with_totp=True, job_title="Systems administrator")
    UserFactory(organisation=OrganisationFactory(name="Another team"), roles=[Role.BUDDY_COORDINATOR])
    client.force_login(user)
    html = assert_govuk_page(client.get(reverse("accounts:dashboard")), user.full_name)
    assert "Administrator" in html and "Manage organisations, user accounts and roles." in html
    assert reverse("mfa_index") in html and reverse("mfa_view_recovery_codes") in html
    assert reverse("accounts:user_list") in html and reverse("audit:log") in html

    html = assert_govuk_page(client.get(reverse("accounts:user_list")), "Organisations and users")
    assert "Another team" in html and "Buddy coordinator" in html and "App on" in html and "Not set up" in html

    assert_govuk_page(client.get(reverse("mfa_index")), "Two-factor authentication")
    assert_govuk_page(client.get(reverse("account_reauthenticate")), "Confirm your password")
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    html = assert_govuk_page(client.get(reverse("mfa_view_recovery_codes")), "Your recovery codes")
    assert html.count("<code>") == 10
    assert_govuk_page(client.get(reverse("account_logout")), "Are you sure you want to sign out?")
    assert_govuk_page(client.get(reverse("audit:log")), "Audit trail")


def test_a_role_without_two_factors_sees_how_to_set_them_up(client):
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    html = assert_govuk_page(client.get(reverse("accounts:dashboard")), "Your roles")
    assert reverse("mfa_activate_totp") in html
