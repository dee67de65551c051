import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies.models import SafeguardingConcern
from buddies.notify import newcomer_token, template_id

from .factories import accepted_match

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinators():
    return [UserFactory(roles=[Role.BUDDY_COORDINATOR]) for _ in range(2)]


def concern_messages(fake_notify):
    return [message for message in fake_notify.sent if message["template_id"] == template_id("safeguarding_concern")]


def test_a_volunteer_raises_a_concern_on_their_match(client, fake_notify, coordinators):
    match = accepted_match()
    client.force_login(match.volunteer.user)
    url = reverse("buddies:concern_create", args=[match.pk])
    form = client.get(url).content.decode()
    key = form.split('name="idempotency_key" value="')[1].split('"')[0]

    for _ in range(2):  # a double submit records one concern
        client.post(url, {"description": "He asked me to lend him money.", "idempotency_key": key})

    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == SafeguardingConcern.RaisedBy.VOLUNTEER
    messages = concern_messages(fake_notify)
    assert sorted(message["email_address"] for message in messages) == sorted(user.email for user in coordinators)
    assert all("money" not in str(message) for message in messages)  # the content stays in the service

    client.force_login(coordinators[0])
    dashboard = client.get(reverse("buddies:dashboard")).content.decode()
    assert reverse("buddies:concern_detail", args=[concern.pk]) in dashboard
    assert dashboard.index("Safeguarding concerns") < dashboard.index("Newcomers waiting")
    detail = client.get(reverse("buddies:concern_detail", args=[concern.pk])).content.decode()
    assert "He asked me to lend him money." in detail
    client.post(reverse("buddies:concern_detail", args=[concern.pk]))
    assert (
        reverse("buddies:concern_detail", args=[concern.pk])
        not in client.get(reverse("buddies:dashboard")).content.decode()
    )


def test_a_newcomer_raises_a_concern_through_their_link(client, fake_notify, coordinators):
    match = accepted_match()
    token = newcomer_token(match)

    page = client.get(reverse("buddies:newcomer_match", args=[token]))
    assert page.status_code == 200
    response = client.post(
        reverse("buddies:newcomer_concern", args=[token]),
        {"description": "I felt unsafe.", "idempotency_key": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"},
    )

    assert response.status_code == 302
    assert SafeguardingConcern.objects.get().raised_by == SafeguardingConcern.RaisedBy.NEWCOMER
    assert len(concern_messages(fake_notify)) == 2


def test_a_tampered_link_finds_nothing(client):
    match = accepted_match()
    token = newcomer_token(match)

    assert client.get(reverse("buddies:newcomer_match", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("buddies:newcomer_match", args=[str(match.pk)])).status_code == 404


def test_an_empty_concern_says_what_to_do_and_records_nothing(client):
    match = accepted_match()
    client.force_login(match.volunteer.user)

    response = client.post(reverse("buddies:concern_create", args=[match.pk]), {"description": ""})

    assert "Say what happened" in response.content.decode()
    assert not SafeguardingConcern.objects.exists()
