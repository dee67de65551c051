import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOTICE = "You were signed out because you had not used the service for 30 minutes"


@pytest.fixture
def signed_in(client):
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    assert client.get("/staff/").status_code == 200
    return client


def test_a_session_that_ran_out_explains_itself_on_the_sign_in_page(signed_in):
    Session.objects.all().delete()  # what the idle expiry does to the session

    page = signed_in.get("/staff/", follow=True)

    assert page.request["PATH_INFO"] == "/accounts/login/"
    assert NOTICE in page.content.decode()
    assert NOTICE not in signed_in.get("/accounts/login/").content.decode()


def test_signing_out_on_purpose_says_nothing_about_inactivity(signed_in):
    signed_in.post("/accounts/logout/")

    page = signed_in.get("/staff/", follow=True)

    assert NOTICE not in page.content.decode()


def test_a_visitor_who_never_signed_in_sees_no_notice(client):
    page = client.get("/staff/", follow=True)

    assert NOTICE not in page.content.decode()
    assert settings.SESSION_COOKIE_AGE == 30 * 60
