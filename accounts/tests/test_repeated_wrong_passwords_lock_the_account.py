import pytest
from django.conf import settings
from django.urls import reverse

from accounts.roles import Role

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def attempt(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR="203.0.113.7")


def test_five_wrong_passwords_lock_out_even_the_right_one(client):
    user = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.email, "wrong-password-123").status_code == 200
    locked = attempt(client, user.email, "wrong-password-123")
    assert locked.status_code == 429
    assert "Your account is locked for now" in locked.content.decode()

    again = attempt(client, user.email, TEST_PASSWORD)
    assert again.status_code == 429
    assert "Your account is locked for now" in again.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_mistakes_do_not_lock_the_account(client):
    user = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    for _ in range(2):
        attempt(client, user.email, "wrong-password-123")
    response = attempt(client, user.email, TEST_PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
