import pytest

from buddies.models import BuddyRequest
from signup.models import Consent, FollowUp, SignUp

from .journey import ANSWERS, submit, url, walk_to_check

pytestmark = pytest.mark.django_db


def test_the_journey_makes_one_signup_with_its_consents_and_one_buddy_request(client, walsall):
    check = walk_to_check(client)
    assert check.status_code == 200
    assert "Ola" in check.content.decode()

    response, _key = submit(client)

    assert response.status_code == 302 and response["Location"] == url("signup:confirmation")
    signup = SignUp.objects.get()
    assert signup.name == "Ola"
    assert signup.postcode == "WS1 1TP"
    assert signup.ward_code == "E05001316"
    assert signup.languages == ["pl", "en"]
    assert signup.phone == "07700900982"
    assert set(Consent.objects.values_list("purpose", "channel")) == {
        ("settling_in", "email"),
        ("local_activities", "sms"),
        ("buddy_scheme", "email"),
        ("buddy_scheme", "sms"),
    }
    assert set(signup.follow_ups.values_list("kind", flat=True)) == {
        FollowUp.Kind.GP_REGISTRATION,
        FollowUp.Kind.CONVERSATION_CLUB,
        FollowUp.Kind.SETTLING_IN,
    }
    buddy_request = BuddyRequest.objects.get()
    assert buddy_request.signup_reference == signup.reference
    assert buddy_request.source == "welcome_signup"
    assert buddy_request.languages == ["pl", "en"]
    assert buddy_request.availability == ["tue_morning", "sat_afternoon", "sat_evening"]
    assert buddy_request.buddy_gender == "woman"
    assert buddy_request.meet_only_at_place_of_welcome is True
    assert buddy_request.interests == ["learning-english", "health"]
    assert buddy_request.email == "ola@example.test"

    confirmation = client.get(url("signup:confirmation"))
    assert "A buddy coordinator will contact you" in confirmation.content.decode()
    assert confirmation["Cache-Control"].startswith("no-store")


def test_no_buddy_request_when_the_resident_does_not_want_a_buddy(client, walsall):
    walk_to_check(
        client, buddy={"wants_buddy": "no"}, **{"buddy-details": None}, consent={"consent_settling_in": ["email"]}
    )

    submit(client)

    assert SignUp.objects.get().wants_buddy is False
    assert BuddyRequest.objects.count() == 0


def test_the_buddy_scheme_gets_only_the_contact_details_it_was_allowed(client, walsall):
    walk_to_check(client, consent={"consent_buddy_scheme": ["sms"]})

    submit(client)

    buddy_request = BuddyRequest.objects.get()
    assert not buddy_request.email
    assert buddy_request.phone == "07700900982"
    assert SignUp.objects.get().follow_ups.count() == 0


def test_submitting_twice_makes_one_signup(client, walsall):
    walk_to_check(client)
    first, key = submit(client)

    second = client.post(url("signup:check"), {"idempotency_key": key})

    assert first.status_code == second.status_code == 302
    assert second["Location"] == url("signup:confirmation")
    assert SignUp.objects.count() == 1
    assert BuddyRequest.objects.count() == 1


def test_the_journey_works_in_polish_and_writes_messages_in_polish(client, walsall):
    walk_to_check(client, language="pl")

    response, _key = submit(client, language="pl")

    assert response["Location"] == url("signup:confirmation", "pl")
    assert SignUp.objects.get().language == "pl"


def test_postcode_and_languages_are_prefilled_from_the_welcome_pack(client, walsall):
    client.get(url("signup:start") + "?postcode=WS1%201TP&language=ur")

    postcode_page = client.get(url("signup:question", step="postcode"))
    client.post(url("signup:question", step="name"), ANSWERS["name"])
    postcode_page = client.get(url("signup:question", step="postcode"))
    client.post(url("signup:question", step="postcode"), ANSWERS["postcode"])
    languages_page = client.get(url("signup:question", step="languages"))

    assert 'value="WS1 1TP"' in postcode_page.content.decode()
    assert languages_page.context["form"]["languages"].value() == ["ur"]


def test_answers_in_the_welcome_session_prefill_the_postcode(client, walsall):
    session = client.session
    session["welcome_answers"] = {"postcode": "WS1 1TP", "language": "pl"}
    session.save()
    client.get(url("signup:start"))
    client.post(url("signup:question", step="name"), ANSWERS["name"])

    page = client.get(url("signup:question", step="postcode"))

    assert 'value="WS1 1TP"' in page.content.decode()


def test_a_later_question_sends_you_back_to_the_first_unanswered_one(client, walsall):
    client.get(url("signup:start"))

    response = client.get(url("signup:question", step="contact"))

    assert response["Location"] == url("signup:question", step="name")


@pytest.mark.parametrize("welcome", [["WS1 1TP"], {"languages": [{"code": "pl"}]}, "pl"])
def test_welcome_answers_of_an_unexpected_shape_are_ignored(client, welcome):
    session = client.session
    session["welcome_answers"] = welcome
    session.save()

    assert client.get(url("signup:start")).status_code == 200
