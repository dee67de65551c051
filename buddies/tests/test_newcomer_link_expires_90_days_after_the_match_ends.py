"""The newcomer's signed link works while the match runs and for 90 days after it ends, then says it expired."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buddies.notify import newcomer_token

from .factories import accepted_match, ended_match

pytestmark = pytest.mark.django_db

PAGES = ("buddies:newcomer_match", "buddies:newcomer_concern", "buddies:newcomer_survey")


def ended_days_ago(days):
    match = ended_match()
    match.ended_at = timezone.now() - datetime.timedelta(days=days)
    match.save(update_fields=["ended_at"])
    return match


def test_the_link_of_an_ongoing_match_works_however_long_it_runs(client):
    match = accepted_match(days_ago=400)

    assert client.get(reverse("buddies:newcomer_match", args=[newcomer_token(match)])).status_code == 200


def test_the_link_works_89_days_after_the_match_ended(client):
    token = newcomer_token(ended_days_ago(89))

    for name in PAGES:
        assert client.get(reverse(name, args=[token])).status_code == 200, name


def test_the_link_has_expired_91_days_after_the_match_ended_on_every_page(client):
    token = newcomer_token(ended_days_ago(91))

    for name in PAGES:
        response = client.get(reverse(name, args=[token]))
        assert response.status_code == 410, name
        page = response.content.decode()
        assert "This link has expired" in page and "90 days" in page


@pytest.mark.parametrize("token", ["nonsense", "1:abc", "x" * 500, "مرحبا"])
def test_a_tampered_or_made_up_link_says_it_does_not_work(client, token):
    response = client.get(reverse("buddies:newcomer_match", args=[token]))

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_link_changed_to_another_match_does_not_open_it(client):
    mine, other = accepted_match(), accepted_match()
    signature = newcomer_token(mine).split(":", 1)[1]
    tampered = newcomer_token(other).split(":", 1)[0] + ":" + signature

    assert client.get(reverse("buddies:newcomer_match", args=[tampered])).status_code == 404
