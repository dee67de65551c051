import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.totp import current_code

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def wrong_code_for(secret):
    right = current_code(secret)
    return "000000" if right != "000000" else "111111"


def sign_in(client, user, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def test_password_alone_does_not_sign_in_a_user_with_two_factors(client):
    user = UserFactory(roles=[Role.HATE_CRIME_CASEWORKER], with_totp=True)
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_wrong_code_is_refused_with_a_message_and_right_code_lands_on_the_dashboard(client):
    user = UserFactory(roles=[Role.HATE_CRIME_CASEWORKER], with_totp=True)
    sign_in(client, user)

    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    assert "Enter your security code" in page.content.decode()

    refused = client.post(reverse("mfa_authenticate"), {"code": wrong_code_for(user.totp_secret)})
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "govuk-error-summary" in html
    assert "Incorrect code" in html
    assert "<title>Error:" in html
    assert "_auth_user_id" not in client.session

    accepted = client.post(reverse("mfa_authenticate"), {"code": current_code(user.totp_secret)})
    assert accepted.status_code == 302
    assert accepted.url == reverse("accounts:dashboard")
    dashboard = client.get(reverse("accounts:dashboard"))
    assert dashboard.status_code == 200
    assert user.email in dashboard.content.decode()


def test_a_recovery_code_works_instead_of_the_app(client):
    from allauth.mfa.models import Authenticator

    user = UserFactory(roles=[Role.AUDITOR], with_totp=True)
    recovery = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).wrap()
    code = recovery.get_unused_codes()[0]
    sign_in(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")


def test_wrong_password_keeps_the_email_but_never_the_password(client):
    user = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    response = sign_in(client, user, password="not-the-password-123")
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html
    assert f'value="{user.email}"' in html
    assert "not-the-password-123" not in html


def test_sign_in_page_offers_no_sign_up_and_no_remember_me(client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'name="login"' in html and 'name="password"' in html
    assert "remember" not in html.lower()
    assert "sign up" not in html.lower()
    assert 'class="govuk-button"' in html
