import pytest
from django.utils import translation

from .factories import answers, listed_service, put_in_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after():
    yield
    translation.activate("en")  # the requests switch this thread to the pack's language


def test_pack_for_a_walsall_postcode_lists_the_nearest_esol_class_and_the_ward(
    client, postcode, ward_name, taxonomy, content
):
    listed_service("esol-classes", lat=postcode.lat + 0.03, lon=postcode.lon, name="Far ESOL class")
    listed_service("esol-classes", lat=postcode.lat + 0.002, lon=postcode.lon, name="Near ESOL class")
    put_in_session(client, answers(postcode))

    page = client.get("/pl/welcome/pack/").content.decode()

    assert ward_name in page
    assert "Near ESOL class" in page
    assert page.index("Near ESOL class") < page.index("Far ESOL class")
    assert "Nauka angielskiego" in page  # the Polish text of the section


def test_services_that_speak_the_household_language_and_meet_its_needs_are_flagged(client, postcode, taxonomy, content):
    listed_service("gp-registration", lat=postcode.lat + 0.001, lon=postcode.lon, name="Nearest surgery")
    listed_service(
        "gp-registration",
        lat=postcode.lat + 0.02,
        lon=postcode.lon,
        name="Step-free surgery",
        languages=["pl"],
        accessibility="Step-free access from the car park",
    )
    put_in_session(client, answers(postcode, needs=["wheelchair"], pack_language="en"))

    page = client.get("/welcome/pack/").content.decode()

    # The accessible surgery comes first although it is further away.
    assert page.index("Step-free surgery") < page.index("Nearest surgery")
    assert "Speaks your language" in page
    assert "Meets your access needs" in page


def test_families_get_schools_and_fluent_speakers_do_not_get_english_classes(client, postcode, taxonomy, content):
    listed_service("school-admissions", lat=postcode.lat, lon=postcode.lon, name="School places help")
    listed_service("esol-classes", lat=postcode.lat, lon=postcode.lon, name="Beginners ESOL")
    household = answers(postcode, pack_language="en", english_level="fluent")

    put_in_session(client, household)
    without_children = client.get("/welcome/pack/").content.decode()
    household.has_children, household.child_ages = True, [7]
    put_in_session(client, household)
    with_children = client.get("/welcome/pack/").content.decode()

    assert "School places help" not in without_children
    assert "School places help" in with_children
    assert "Beginners ESOL" not in with_children
    assert "you speak English fluently" in with_children


def test_a_ward_without_a_postcode_measures_from_inside_the_ward(client, postcode, ward_name, taxonomy, content):
    listed_service("places-of-welcome", lat=postcode.lat, lon=postcode.lon, name="Tuesday welcome café")
    household = answers(postcode, pack_language="en")
    household.postcode = ""
    put_in_session(client, household)

    page = client.get("/welcome/pack/").content.decode()

    assert ward_name in page
    assert "Tuesday welcome café" in page
    assert "miles away" in page


def test_the_pack_links_to_reporting_sign_up_and_places_of_welcome(client, postcode, taxonomy, content):
    put_in_session(client, answers(postcode, pack_language="en"))

    page = client.get("/welcome/pack/").content.decode()

    assert 'href="/report/"' in page
    assert 'href="/sign-up/"' in page
    assert 'href="/places-of-welcome/"' in page


def test_without_answers_the_pack_sends_the_resident_to_the_start(client, db):
    response = client.get("/welcome/pack/")

    assert response.status_code == 302
    assert response["Location"] == "/welcome/"
