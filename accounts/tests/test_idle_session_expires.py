from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_idle_limit_is_short_and_renewed_by_activity():
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_each_request_pushes_the_expiry_back(client):
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))
    session = Session.objects.get()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    renewed = Session.objects.get(pk=session.pk).expire_date
    assert renewed > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_a_session_left_idle_past_the_limit_is_signed_out(client):
    client.force_login(UserFactory(roles=[Role.BUDDY_COORDINATOR]))
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
