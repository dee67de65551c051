import pytest

from signup.models import SignUp

from .journey import ANSWERS, answer, url, walk_to_check

pytestmark = pytest.mark.django_db


def start(client, upto):
    client.get(url("signup:start"))
    for step, data in ANSWERS.items():
        if step == upto:
            return
        answer(client, step, data)


def test_an_empty_name_is_explained(client, walsall):
    start(client, "name")

    response = answer(client, "name", {"name": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_name"' in page
    assert "Enter the name you would like us to call you" in page
    assert page.count("Error:") >= 2  # the title and the inline message


def test_a_postcode_outside_walsall_is_refused_and_kept(client, walsall):
    start(client, "postcode")

    response = answer(client, "postcode", {"postcode": "SW1A 1AA"})

    page = response.content.decode()
    assert "Enter a Walsall postcode" in page
    assert 'value="SW1A 1AA"' in page


def test_contact_needs_an_email_or_a_mobile_and_keeps_what_was_typed(client, walsall):
    start(client, "contact")

    empty = answer(client, "contact", {"email": "", "phone": "", "safe_times": "Evenings"})
    wrong = answer(client, "contact", {"email": "not-an-email", "phone": "12345", "safe_times": "Evenings"})

    assert "Enter an email address or a mobile number" in empty.content.decode()
    page = wrong.content.decode()
    assert "Enter an email address in the correct format" in page
    assert "Enter a UK mobile number" in page
    assert 'value="not-an-email"' in page and 'value="12345"' in page and 'value="Evenings"' in page


def test_a_buddy_needs_at_least_one_time_and_choices_are_kept(client, walsall):
    start(client, "buddy-details")

    response = answer(client, "buddy-details", {"buddy_gender": "man", "notes": "Step-free please"})

    page = response.content.decode()
    assert "Select at least one time you could meet a buddy" in page
    assert 'value="man" checked' in page
    assert "Step-free please" in page


def test_consent_by_a_channel_with_no_address_is_refused(client, walsall):
    start(client, "contact")
    answer(client, "contact", {"email": "ola@example.test", "phone": ""})

    response = answer(client, "consent", {"consent_settling_in": ["sms"], "consent_buddy_scheme": ["email"]})

    page = response.content.decode()
    assert "You did not give a mobile number" in page
    assert 'value="sms" checked' in page


def test_asking_for_a_buddy_needs_consent_to_share_with_the_scheme(client, walsall):
    start(client, "consent")

    response = answer(client, "consent", {"consent_settling_in": ["email"]})

    assert "Tick how the buddy scheme may contact you" in response.content.decode()


def test_nothing_is_ticked_before_the_resident_ticks_it(client, walsall):
    start(client, "consent")

    page = client.get(url("signup:question", step="consent")).content.decode()

    assert " checked" not in page.split("<form")[1]


def test_changing_an_answer_from_check_your_answers_comes_back_to_it(client, walsall):
    walk_to_check(client)

    response = client.post(url("signup:question", step="name") + "?return=check", {"name": "Aleksandra"})

    assert response["Location"] == url("signup:check")
    assert "Aleksandra" in client.get(url("signup:check")).content.decode()


def test_a_changed_contact_asks_for_consent_again(client, walsall):
    walk_to_check(client)

    response = client.post(url("signup:question", step="contact") + "?return=check", {"email": "new@example.test"})

    assert response["Location"] == url("signup:question", step="consent") + "?return=check"
    assert SignUp.objects.count() == 0


def test_nonsense_input_never_causes_a_server_error(client, walsall):
    start(client, "languages")

    for data in ({"languages": ["xx"]}, {"languages": "<script>"}, {"languages": ["pl"] * 50}):
        assert answer(client, "languages", data).status_code in (200, 302)
    assert client.get(url("signup:question", step="nonsense")).status_code == 404
    assert client.post(url("signup:check"), {"idempotency_key": "not-a-uuid"}).status_code == 302
