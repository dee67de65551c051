import pytest
from django.contrib.auth import get_user_model

from core import page_cache
from core.tests.urls import renders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_test_urls(settings):
    settings.ROOT_URLCONF = "core.tests.urls"
    settings.PAGE_CACHE_SECONDS = 300
    renders["count"] = 0


def test_an_anonymous_visitor_gets_the_cached_page(client):
    first, second = client.get("/counting/"), client.get("/counting/")

    assert first.content == second.content == b"render 1"


def test_each_language_and_query_is_its_own_page(client):
    client.get("/counting/")

    assert client.get("/ur/counting/").content == b"render 2"
    assert client.get("/counting/?page=2").content == b"render 3"
    assert client.get("/counting/?page=2").content == b"render 4"


def test_a_signed_in_user_never_gets_a_cached_page(client):
    client.get("/counting/")
    user = get_user_model().objects.create_user("officer@example.test", "a-long-password-1", full_name="A Officer")
    client.force_login(user)

    assert client.get("/counting/").content == b"render 2"
    assert client.get("/counting/").content == b"render 3"


def test_pages_with_personal_data_or_a_form_token_are_never_cached(client):
    client.get("/personal/")
    assert client.get("/personal/").content == b"render 2"

    client.get("/form/")
    assert client.get("/form/").content.endswith(b"4")


def test_importing_new_data_forgets_the_cached_pages(client):
    client.get("/counting/")

    page_cache.invalidate()

    assert client.get("/counting/").content == b"render 2"
