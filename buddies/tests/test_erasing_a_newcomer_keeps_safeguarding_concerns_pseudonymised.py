"""A newcomer's erasure deletes their request and match, but a safeguarding concern stays, cut off from them."""

import uuid

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.models import BuddyRequest, Match, Meeting, SafeguardingConcern

from .factories import BuddyRequestFactory, accepted_match

pytestmark = pytest.mark.django_db


def test_erasure_keeps_the_concern_and_what_the_coordinator_did_but_not_the_newcomer(client, fake_notify):
    signup_reference = uuid.uuid4()
    request = BuddyRequestFactory(
        signup_reference=signup_reference, name="Marta Zielinska", status=BuddyRequest.Status.MATCHED
    )
    match = accepted_match(request=request)
    Meeting.objects.create(match=match, met_on=match.decided_at.date(), duration_minutes=60)
    coordinator = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    concern = services.concern_raise(
        match=match,
        raised_by=SafeguardingConcern.RaisedBy.NEWCOMER,
        description="My buddy asked to borrow money",
        idempotency_key=uuid.uuid4(),
    )
    services.concern_acknowledge(concern=concern, by=coordinator)

    services.buddy_requests_erase_for_signup(signup_reference=signup_reference)

    assert not BuddyRequest.objects.exists() and not Match.objects.exists() and not Meeting.objects.exists()
    concern.refresh_from_db()
    assert concern.match is None and concern.newcomer_erased_at is not None
    assert concern.volunteer == match.volunteer
    assert concern.description == "My buddy asked to borrow money"
    assert concern.acknowledged_by == coordinator and concern.acknowledged_at is not None

    client.force_login(coordinator)
    page = client.get(reverse("buddies:concern_detail", args=[concern.pk])).content.decode()
    assert "Marta" not in page
    assert match.volunteer.user.full_name in page and "kept as a safeguarding record" in page


def test_erasing_one_newcomer_leaves_other_newcomers_concerns_on_their_matches(fake_notify):
    erased = accepted_match(request=BuddyRequestFactory(signup_reference=uuid.uuid4()))
    other = accepted_match()
    kept = services.concern_raise(
        match=other, raised_by=SafeguardingConcern.RaisedBy.VOLUNTEER, description="x", idempotency_key=uuid.uuid4()
    )

    services.buddy_requests_erase_for_signup(signup_reference=erased.request.signup_reference)

    kept.refresh_from_db()
    assert kept.match == other and kept.newcomer_erased_at is None
