import pytest
from django.core import signing
from django.urls import reverse

from buddies.models import BuddyRequest
from buddies.services import buddy_request_create
from signup import links
from signup.models import Channel, Consent, ErasureCount, FollowUp, Purpose, SignUp

from .factories import ConsentFactory, FollowUpFactory, SignUpFactory

pytestmark = pytest.mark.django_db


def outcome_url(follow_up):
    return reverse("signup:outcome", kwargs={"token": links.outcome_token(follow_up)})


def erase_url(signup):
    return reverse("signup:erase", kwargs={"token": links.erase_token(signup)})


def test_the_answer_link_records_the_outcome(client):
    follow_up = FollowUpFactory(kind=FollowUp.Kind.GP_REGISTRATION)

    page = client.get(outcome_url(follow_up))
    response = client.post(outcome_url(follow_up), {"outcome": "done"})

    assert "Yes, I have registered with a GP" in page.content.decode()
    assert response.status_code == 200
    assert "Thank you for your answer" in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.outcome == "done"
    assert follow_up.answered_by == FollowUp.AnsweredBy.LINK


def test_the_resident_can_say_which_services_they_joined(client, nearby_services):
    follow_up = FollowUpFactory(kind=FollowUp.Kind.CONVERSATION_CLUB)
    club = nearby_services["club"]

    client.post(outcome_url(follow_up), {"outcome": "done", "services": [str(club.pk)]})

    follow_up.refresh_from_db()
    assert follow_up.services_joined == [{"id": str(club.pk), "name": "Tuesday English Chat"}]


def test_an_answer_without_a_choice_shows_an_error(client):
    follow_up = FollowUpFactory()

    response = client.post(outcome_url(follow_up), {})

    assert response.status_code == 200
    assert "Select an answer" in response.content.decode()
    assert FollowUp.objects.get().outcome == ""


@pytest.mark.parametrize("page", ["outcome", "erase"])
def test_a_changed_link_is_refused_with_a_clear_page(client, page):
    follow_up = FollowUpFactory()
    token = links.outcome_token(follow_up) if page == "outcome" else links.erase_token(follow_up.signup)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    response = client.get(reverse(f"signup:{page}", kwargs={"token": tampered}))

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_an_erase_link_does_not_work_as_an_answer_link(client):
    signup = SignUpFactory()

    response = client.get(reverse("signup:outcome", kwargs={"token": links.erase_token(signup)}))

    assert response.status_code == 400


def test_an_expired_link_is_refused_with_a_clear_page(client, monkeypatch):
    follow_up = FollowUpFactory()
    token = links.outcome_token(follow_up)
    monkeypatch.setattr(links, "OUTCOME_LINK_MAX_AGE", -1)

    response = client.get(reverse("signup:outcome", kwargs={"token": token}))

    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_the_erase_link_deletes_the_signup_its_follow_ups_and_its_buddy_request(client):
    signup = SignUpFactory(ward_code="E05001316")
    FollowUpFactory(signup=signup)
    ConsentFactory(signup=signup)
    buddy_request_create(
        source="welcome_signup",
        signup_reference=signup.reference,
        name="Ola",
        languages=["pl"],
        email="ola@example.test",
        phone="07700900982",
        notes="Mornings",
    )
    other = SignUpFactory()

    confirm = client.get(erase_url(signup))
    response = client.post(erase_url(signup), {"action": "erase"})

    assert "Delete my details" in confirm.content.decode()
    assert "Your details have been deleted" in response.content.decode()
    assert list(SignUp.objects.all()) == [other]
    assert FollowUp.objects.count() == 0 and Consent.objects.count() == 0
    assert BuddyRequest.objects.count() == 0
    assert ErasureCount.objects.get().ward_code == "E05001316"
    assert ErasureCount.objects.get().count == 1
    again = client.get(erase_url(signup))
    assert again.status_code == 200 and "nothing more to do" in again.content.decode()


def test_one_consent_can_be_withdrawn_without_erasing(client):
    signup = SignUpFactory()
    ConsentFactory(signup=signup, purpose=Purpose.SETTLING_IN, channel=Channel.EMAIL)
    ConsentFactory(signup=signup, purpose=Purpose.SETTLING_IN, channel=Channel.SMS)

    response = client.post(erase_url(signup), {"consent": "settling_in:email"}, follow=True)

    assert "We will no longer contact you" in response.content.decode()
    assert SignUp.objects.filter(pk=signup.pk).exists()
    active = Consent.objects.filter(withdrawn_at=None).values_list("purpose", "channel")
    assert list(active) == [("settling_in", "sms")]


def test_the_confirmation_page_carries_the_erase_link(client, walsall):
    from .journey import submit, url, walk_to_check

    walk_to_check(client)
    submit(client)

    page = client.get(url("signup:confirmation")).content.decode()

    signup = SignUp.objects.get()
    token = page.split('id="erase-link" href="')[1].split('"')[0].split("/")[-2]
    assert links.erase_reference(token) == signup.reference


def test_signed_tokens_use_their_own_salts():
    signup = SignUpFactory.build()
    token = links.erase_token(signup)

    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt=links.OUTCOME_SALT)
