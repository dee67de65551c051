import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_a_caseworker_signs_in_with_password_then_authenticator_code(page, live_server):
    caseworker = UserFactory(
        email="caseworker@example.test", password=PASSWORD, roles=[Role.HATE_CRIME_CASEWORKER], with_totp=True
    )

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Staff sign in").first.click()
    page.get_by_label("Email address").fill(caseworker.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    code_field = page.get_by_role("textbox").first
    code_field.fill("123456" if current_code(caseworker.totp_secret) != "123456" else "654321")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()

    page.get_by_role("textbox").first.fill(current_code(caseworker.totp_secret))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(caseworker.full_name)
