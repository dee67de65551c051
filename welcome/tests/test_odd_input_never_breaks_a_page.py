"""Odd input a resident's browser can send: answers of the wrong shape in the session (an older
version's, or meddled with) and short links that are not ours. Each gives a page, never a server error."""

import pytest
from django.utils import translation

from welcome.household import SESSION_KEY

from .factories import answers, put_in_session

pytestmark = pytest.mark.django_db

PACK_PAGES = ["/pl/welcome/pack/", "/pl/welcome/pack/print/", "/pl/welcome/pack/easy-read/", "/pl/welcome/pack/pdf/"]


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def keep_in_session(client, value):
    session = client.session
    session[SESSION_KEY] = value
    session.save()


@pytest.mark.parametrize("value", ["garbage", ["a", "list"], 7])
def test_answers_that_are_not_a_set_of_answers_start_the_questions_again(client, db, value):
    keep_in_session(client, value)

    for path in [*PACK_PAGES, "/pl/welcome/check/"]:
        response = client.get(path)
        assert response.status_code == 302, path
    assert client.get("/pl/welcome/household/").status_code in (200, 302)


def test_answers_of_the_wrong_shape_are_asked_again_not_a_server_error(client, postcode, taxonomy, content):
    household = answers(postcode)
    put_in_session(client, household)
    session = client.session
    session[SESSION_KEY].update(
        {"child_ages": ["abc", None], "has_children": "yes", "languages": "pl", "needs": [3], "english_level": 5}
    )
    session.save()

    pack = client.get("/pl/welcome/pack/")
    question = client.get("/pl/welcome/household/")

    # The odd answers are dropped: the pack sends the resident to the start, the question asks again.
    assert pack.status_code == 302 and pack.url == "/pl/welcome/"
    assert question.status_code == 200
    assert 'name="has_children"' in question.content.decode()


def test_a_ward_that_no_longer_exists_gives_a_page_not_a_server_error(client, postcode, taxonomy, content):
    household = answers(postcode, ward_code="E05999999")
    household.postcode = ""
    put_in_session(client, household)

    for path in PACK_PAGES:
        assert client.get(path).status_code in (200, 302, 404), path


@pytest.mark.parametrize("code", ["zzzzzzz", "a%00b", "x" * 300, "%F0%9F%98%80", "o0o0o0"])
def test_a_short_link_that_is_not_ours_is_not_found(client, db, code):
    assert client.get(f"/s/{code}").status_code == 404
