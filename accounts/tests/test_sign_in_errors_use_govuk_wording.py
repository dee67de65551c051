"""Sign-in errors say what to do, in GOV.UK wording, not Django's "This field is required."

Uses ``accounts.forms.StaffLoginForm``, which the settings name as allauth's login form.
"""

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.forms import StaffLoginForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_login_form")]


@pytest.fixture
def staff_login_form():
    with override_settings(ACCOUNT_FORMS={"login": "accounts.forms.StaffLoginForm"}):
        yield


def sign_in(client, **data):
    return client.post(reverse("account_login"), data)


def test_empty_sign_in_asks_for_the_email_address_and_the_password(client):
    response = sign_in(client, login="", password="")
    html = response.content.decode()
    assert response.status_code == 200
    assert isinstance(response.context["form"], StaffLoginForm)
    assert "Enter your email address" in html
    assert "Enter your password" in html
    assert "This field is required." not in html


def test_a_malformed_email_address_is_explained_with_an_example(client):
    html = sign_in(client, login="not-an-email-address", password="whatever-it-is").content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert "Enter a valid email address." not in html


def test_the_form_itself_has_the_govuk_messages():
    form = StaffLoginForm(data={"login": "", "password": ""})
    assert not form.is_valid()
    assert form.errors == {"login": ["Enter your email address"], "password": ["Enter your password"]}


def test_an_over_long_email_address_gets_a_plain_message():
    form = StaffLoginForm(data={"login": "a" * 250 + "@example.test", "password": "whatever-it-is"})
    assert not form.is_valid()
    assert "Email address must be 254 characters or fewer" in form.errors["login"]
    assert not any("Ensure this value" in message for message in form.errors["login"])
