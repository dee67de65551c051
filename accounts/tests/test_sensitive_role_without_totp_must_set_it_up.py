import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.urls import reverse

from accounts.roles import SENSITIVE_ROLES, Role
from accounts.totp import current_code

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", sorted(SENSITIVE_ROLES))
def test_every_sensitive_role_is_sent_to_set_up_an_authenticator(client, role):
    user = UserFactory(roles=[role])
    client.force_login(user)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_a_role_without_sensitive_data_may_use_a_password_alone(client):
    user = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    client.force_login(user)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_setting_up_the_app_shows_a_qr_code_and_the_key_then_lets_the_user_in(client):
    user = UserFactory(roles=[Role.POLICE_LIAISON])
    signed_in = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True)
    # Changing how you sign in asks for the password again first.
    assert signed_in.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert "Confirm your password" in signed_in.content.decode()
    confirmed = client.post(
        reverse("account_reauthenticate") + "?next=" + reverse("mfa_activate_totp"), {"password": TEST_PASSWORD}
    )
    assert confirmed.status_code == 302
    assert confirmed.url == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"))
    html = page.content.decode()
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert 'src="data:image/svg+xml;base64,' in html
    assert secret in html
    assert "style=" not in html

    refused = client.post(reverse("mfa_activate_totp"), {"code": "12"})
    assert refused.status_code == 200
    assert "govuk-error-summary" in refused.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()

    accepted = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert accepted.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_production_always_requires_two_factors():
    from pathlib import Path

    production = (Path(__file__).resolve().parents[2] / "config" / "settings" / "production.py").read_text()
    assert "REQUIRE_TWO_FACTOR_FOR_SENSITIVE_ROLES = True" in production
