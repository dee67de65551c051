import re

import pytest
from django.utils import translation

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from welcome.household import SESSION_KEY
from welcome.models import PackIssue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


def answer_every_question(client, postcode):
    client.post("/welcome/where/", {"postcode": postcode.postcode.lower().replace(" ", "")})
    client.post("/welcome/household/", {"has_children": "yes", "child_ages": "4, 11"})
    client.post("/welcome/languages/", {"languages": ["ur", "en"], "english_level": "intermediate"})
    client.post("/welcome/needs/", {"needs": ["hearing"]})
    return client.post("/welcome/pack-language/", {"pack_language": "ur"})


def test_a_postcode_outside_walsall_is_explained_and_kept(client, walsall):
    response = client.post("/welcome/where/", {"postcode": "ZZ99 9ZZ"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "We could not find ZZ99 9ZZ in Walsall" in page
    assert 'value="ZZ99 9ZZ"' in page


def test_neither_postcode_nor_ward_asks_for_one(client, walsall):
    page = client.post("/welcome/where/", {"postcode": "", "ward": ""}).content.decode()

    assert "Enter your postcode, or choose your ward" in page


def test_bad_ages_are_explained_and_kept(client, walsall):
    page = client.post("/welcome/household/", {"has_children": "yes", "child_ages": "3, seven"}).content.decode()

    assert "Ages must be whole numbers separated by commas" in page
    assert 'value="3, seven"' in page
    assert re.search(r'value="yes"[^>]*checked', page)


def test_errors_are_in_the_residents_language(client, walsall):
    page = client.post("/pl/welcome/languages/", {}).content.decode()

    assert '<html lang="pl"' in page
    assert "govuk-error-summary" in page


def test_answers_live_only_in_the_session_and_the_check_page_shows_them(client, postcode):
    response = answer_every_question(client, postcode)

    assert response["Location"] == "/welcome/check/"
    stored = client.session[SESSION_KEY]
    assert stored["postcode"] == postcode.postcode
    assert stored["child_ages"] == [4, 11]
    page = client.get("/welcome/check/").content.decode()
    assert postcode.postcode in page
    assert "Yes, aged 4, 11" in page


def test_changing_an_answer_returns_to_the_check_page(client, postcode):
    answer_every_question(client, postcode)

    response = client.post("/welcome/needs/?return=check", {"needs": []})

    assert response["Location"] == "/welcome/check/"


def test_pressing_make_my_pack_twice_opens_the_same_pack_in_its_language(client, postcode, taxonomy, content):
    answer_every_question(client, postcode)
    pack_id = re.search(r'name="pack_id" value="([^"]+)"', client.get("/welcome/check/").content.decode()).group(1)

    first = client.post("/welcome/check/", {"pack_id": pack_id})
    client.get(first["Location"])
    second = client.post("/welcome/check/", {"pack_id": pack_id})
    client.get(second["Location"])

    assert first["Location"] == second["Location"] == "/ur/welcome/pack/"
    assert PackIssue.objects.count() == 1


def test_a_pack_an_integration_officer_builds_is_counted_as_for_a_resident(client, postcode, taxonomy, content):
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    assert "counted as one you made for a resident" in client.get("/welcome/").content.decode()
    answer_every_question(client, postcode)
    pack_id = re.search(r'name="pack_id" value="([^"]+)"', client.get("/welcome/check/").content.decode()).group(1)

    client.get(client.post("/welcome/check/", {"pack_id": pack_id})["Location"])

    issue = PackIssue.objects.get()
    assert issue.by_officer is True
    assert (issue.ward_code, issue.language, issue.format) == (postcode.ward_code, "ur", "web")
