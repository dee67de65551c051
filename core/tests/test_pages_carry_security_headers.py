import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

BODY_CLASS_SCRIPT_HASH = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"


def script_src(response):
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    return next(d for d in policy.split(";") if d.strip().startswith("script-src"))


def test_every_script_on_a_page_is_allowed_by_the_content_security_policy(client):
    response = client.get("/")

    allowed = script_src(response)
    assert BODY_CLASS_SCRIPT_HASH in allowed
    inline_scripts = [tag for tag in re.findall(r"<script[^>]*>", response.content.decode()) if "src=" not in tag]
    # The one inline script is the fixed body-class line, allowed by its hash; everything else is a file.
    assert inline_scripts == ["<script>"]
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page_for_a_signed_in_user_is_never_stored(client):
    user = get_user_model().objects.create_user("officer@example.test", "a-long-password-1", full_name="A Officer")
    client.force_login(user)

    response = client.get("/privacy/")

    assert "no-store" in response["Cache-Control"]


def test_a_public_page_without_personal_data_may_be_cached(client):
    response = client.get("/privacy/")

    assert "no-store" not in response.get("Cache-Control", "")


def test_a_missing_page_gets_the_services_own_not_found_page_in_the_visitors_language(client):
    response = client.get("/ur/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "govuk-heading-l" in html


def test_a_server_error_shows_a_plain_apology_not_the_error(client, settings):
    settings.ROOT_URLCONF = "core.tests.urls"
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "a bug the visitor must never see" not in html
    assert "Traceback" not in html


def test_an_inline_script_runs_only_with_the_nonce_of_its_own_response(client, settings):
    settings.ROOT_URLCONF = "core.tests.urls"

    first, second = client.get("/inline-script/"), client.get("/inline-script/")

    nonces = [re.search(r"'nonce-([^']+)'", script_src(r)).group(1) for r in (first, second)]
    assert f'nonce="{nonces[0]}"' in first.content.decode()
    assert f'nonce="{nonces[1]}"' in second.content.decode()
    assert nonces[0] != nonces[1]


def test_a_form_sent_without_its_security_token_gets_a_plain_explanation():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "a@example.test", "password": "x"})

    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
