import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from welcome import services
from welcome.content import SECTIONS
from welcome.models import PackSection, ReviewStatus

from .factories import answers, put_in_session

pytestmark = pytest.mark.django_db


def notice_in_polish():
    with translation.override("pl"):
        return translation.gettext("This translation has not yet been checked by a person.")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")


@pytest.fixture
def officer(client):
    user = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    client.force_login(user)
    return user


def test_machine_drafted_text_is_marked_until_every_section_is_approved(client, postcode, taxonomy, content, officer):
    put_in_session(client, answers(postcode, pack_language="pl"))
    assert notice_in_polish() in client.get("/pl/welcome/pack/").content.decode()

    for key, _order, _part in SECTIONS:
        response = client.post(f"/staff/welcome/sections/{key}/pl/approve/")
        assert response.status_code == 302

    assert notice_in_polish() not in client.get("/pl/welcome/pack/").content.decode()
    section = PackSection.objects.get(key="gp")
    section.set_current_language("pl")
    assert section.review_status == ReviewStatus.APPROVED
    assert section.reviewed_by == officer
    assert section.last_reviewed_on is not None


def test_the_english_source_is_not_marked(client, postcode, taxonomy, content):
    put_in_session(client, answers(postcode, pack_language="en"))

    assert "This translation has not yet been checked by a person." not in client.get("/welcome/pack/").content.decode()


def test_an_edit_waits_for_review_and_shows_in_the_pack(client, postcode, taxonomy, content, officer):
    client.post("/staff/welcome/sections/noise/pl/approve/")

    response = client.post(
        "/staff/welcome/sections/noise/pl/",
        {"title": "Cisza nocna", "body": "Prosimy o ciszę po 23:00.\n\n- pierwszy punkt", "easy_read_body": ""},
    )

    assert response.status_code == 302
    section = PackSection.objects.get(key="noise")
    section.set_current_language("pl")
    assert section.review_status == ReviewStatus.AWAITING_REVIEW
    put_in_session(client, answers(postcode, pack_language="pl"))
    page = client.get("/pl/welcome/pack/").content.decode()
    assert "Cisza nocna" in page
    assert "<li>pierwszy punkt</li>" in page


def test_an_empty_title_is_explained_and_the_text_is_kept(client, content, officer):
    page = client.post(
        "/staff/welcome/sections/noise/ro/", {"title": "", "body": "Text păstrat", "easy_read_body": ""}
    ).content.decode()

    assert "Enter a title for this section" in page
    assert "Text păstrat" in page


def test_the_list_shows_each_languages_status(client, content, officer):
    assert 'href="/staff/welcome/sections/"' in client.get("/welcome/").content.decode()

    page = client.get("/staff/welcome/sections/").content.decode()

    assert "Machine drafted" in page
    assert "Approved" in page
    assert "/staff/welcome/sections/renting/ur/" in page


@pytest.mark.parametrize("role", [Role.BUDDY_COORDINATOR, Role.PARTNER_ORGANISATION_USER, Role.AUDITOR])
def test_only_integration_officers_and_administrators_may_change_the_text(client, content, role):
    client.force_login(UserFactory(roles=[role], with_totp=True))

    edit = client.post("/staff/welcome/sections/noise/pl/", {"title": "X", "body": "Y", "easy_read_body": ""})
    approve = client.post("/staff/welcome/sections/noise/pl/approve/")

    assert edit.status_code == approve.status_code == 403
    section = PackSection.objects.get(key="noise")
    section.set_current_language("pl")
    assert section.title != "X"
    assert section.review_status == ReviewStatus.MACHINE_DRAFTED


def test_the_loader_never_overwrites_an_editors_change(client, content, officer):
    client.post(
        "/staff/welcome/sections/noise/pl/", {"title": "Poprawiony tytuł", "body": "Nowy tekst", "easy_read_body": ""}
    )

    call_command("load_welcome_content", stdout=io.StringIO())

    section = PackSection.objects.get(key="noise")
    section.set_current_language("pl")
    assert section.title == "Poprawiony tytuł"
    assert PackSection.objects.count() == len(SECTIONS)


def test_a_save_over_another_editors_newer_change_is_explained_and_keeps_both_texts(client, content, officer):
    page = client.get("/staff/welcome/sections/noise/ro/").content.decode()
    opened_version = re.search(r'name="based_on" value="([0-9a-f]+)"', page).group(1)
    section = PackSection.objects.get(key="noise")
    services.section_translation_save(
        section=section, language="ro", title="Liniște", body="Textul colegului", easy_read_body=""
    )
    mine = {"title": "Liniște noaptea", "body": "Textul meu", "easy_read_body": "", "based_on": opened_version}

    refused = client.post("/staff/welcome/sections/noise/ro/", mine)
    section.set_current_language("ro")
    section.refresh_from_db()
    kept_theirs = section.safe_translation_getter("body", language_code="ro")
    newer_version = re.search(r'name="based_on" value="([0-9a-f]+)"', refused.content.decode()).group(1)
    saved_knowingly = client.post("/staff/welcome/sections/noise/ro/", {**mine, "based_on": newer_version})

    assert refused.status_code == 200
    assert "Someone else saved this section after you opened it" in refused.content.decode()
    assert "Textul meu" in refused.content.decode()
    assert kept_theirs == "Textul colegului"
    assert saved_knowingly.status_code == 302
