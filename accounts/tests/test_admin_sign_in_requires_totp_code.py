"""The Django admin has no sign-in of its own: it uses the staff sign-in, with the two-factor code."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.totp import current_code

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_sign_in_with_a_correct_password_alone_does_not_open_the_admin(client):
    superuser = UserFactory(is_superuser=True, is_staff=True, with_totp=True)

    response = client.post(
        reverse("admin:login"), {"username": superuser.email, "password": TEST_PASSWORD, "next": reverse("admin:index")}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    admin_index = client.get(reverse("admin:index"))
    assert admin_index.status_code == 302
    assert admin_index.url.startswith(reverse("admin:login"))


def test_admin_sign_in_page_sends_people_to_the_staff_sign_in_and_back(client):
    response = client.get(reverse("admin:login") + "?next=" + reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=%2Fstaff%2Fadmin%2F" in response.url


def test_staff_sign_in_asks_for_the_code_before_opening_the_admin(client):
    superuser = UserFactory(is_superuser=True, is_staff=True, with_totp=True)

    password_step = client.post(
        reverse("account_login"), {"login": superuser.email, "password": TEST_PASSWORD, "next": reverse("admin:index")}
    )
    assert password_step.url == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302

    code_step = client.post(reverse("mfa_authenticate"), {"code": current_code(superuser.totp_secret)})
    assert code_step.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_signed_in_staff_without_the_administrator_role_are_refused_by_the_admin_sign_in(client):
    client.force_login(UserFactory(roles=[Role.AUDITOR], with_totp=True))

    assert client.get(reverse("admin:index")).status_code == 302
    assert client.get(reverse("admin:login")).status_code == 403
