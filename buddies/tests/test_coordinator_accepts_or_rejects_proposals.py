import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from buddies import services
from buddies.models import BuddyRequest, Match, Volunteer
from buddies.notify import template_id

from .factories import (
    NEARBY_LAT,
    NEARBY_LON,
    WALSALL_LAT,
    WALSALL_LON,
    BuddyRequestFactory,
    cleared_volunteer,
    place_of_welcome,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    client.force_login(user)
    return user


def find_matches(client):
    return client.post(reverse("buddies:matching"))


def test_a_proposal_shows_its_reasons_and_accepting_introduces_both(client, coordinator, fake_notify):
    place = place_of_welcome(name="Caldmore Welcome Café", latitude=NEARBY_LAT, longitude=NEARBY_LON)
    place_of_welcome(name="Far Away Hall", latitude=52.66, longitude=-1.92)
    request = BuddyRequestFactory(name="Agnieszka Kowalczyk", email="agnieszka@example.test", phone="07700900123")
    volunteer = cleared_volunteer()

    find_matches(client)
    page = client.get(reverse("buddies:matching")).content.decode()
    proposal = Match.objects.get(status=Match.Status.PROPOSED)
    assert (proposal.request, proposal.volunteer) == (request, volunteer)
    assert proposal.reasons and '<ul class="govuk-list govuk-list--bullet app-match-reasons"><li>' in page

    client.post(reverse("buddies:proposal_accept", args=[proposal.pk]))

    proposal.refresh_from_db()
    request.refresh_from_db()
    assert proposal.status == Match.Status.ACCEPTED and proposal.decided_by == coordinator
    assert request.status == BuddyRequest.Status.MATCHED and request.matched_at
    assert proposal.place_of_welcome == place
    to_newcomer = next(m for m in fake_notify.sent if m["template_id"] == template_id("introduction_newcomer"))
    to_volunteer = next(m for m in fake_notify.sent if m["template_id"] == template_id("introduction_volunteer"))
    assert to_newcomer["email_address"] == "agnieszka@example.test"
    assert to_newcomer["personalisation"]["buddy_first_name"] == volunteer.first_name
    assert to_volunteer["personalisation"]["buddy_first_name"] == "Agnieszka"
    assert to_volunteer["personalisation"]["place"] == "Caldmore Welcome Café"
    # Nothing beyond first names and the place: no surname, email or phone of the other side.
    volunteer_text = str(to_volunteer)
    assert "Kowalczyk" not in volunteer_text and "agnieszka@" not in volunteer_text and "07700" not in volunteer_text
    assert volunteer.user.email not in str(to_newcomer["personalisation"])


def test_a_rejected_pair_is_never_proposed_again_and_the_reason_is_kept(client, coordinator):
    request = BuddyRequestFactory()
    first = cleared_volunteer()

    find_matches(client)
    proposal = Match.objects.get(status=Match.Status.PROPOSED)
    assert proposal.volunteer == first
    response = client.post(reverse("buddies:proposal_reject", args=[proposal.pk]), {"reason": ""})
    assert "Enter why this pair is not right" in response.content.decode()
    client.post(reverse("buddies:proposal_reject", args=[proposal.pk]), {"reason": "They already know each other"})

    proposal.refresh_from_db()
    assert proposal.status == Match.Status.REJECTED
    assert proposal.rejection_reason == "They already know each other"

    find_matches(client)
    assert not Match.objects.filter(status=Match.Status.PROPOSED).exists()

    second = cleared_volunteer()
    find_matches(client)
    (again,) = Match.objects.filter(status=Match.Status.PROPOSED)
    assert (again.request, again.volunteer) == (request, second)


def test_accepted_matches_stay_and_only_waiting_requests_and_free_places_go_in(client, coordinator):
    request = BuddyRequestFactory()
    volunteer = cleared_volunteer(capacity=1)
    find_matches(client)
    proposal = Match.objects.get(status=Match.Status.PROPOSED)
    client.post(reverse("buddies:proposal_accept", args=[proposal.pk]))

    BuddyRequestFactory()  # a second newcomer: the only volunteer is full
    find_matches(client)

    assert Match.objects.get(pk=proposal.pk).status == Match.Status.ACCEPTED
    assert list(Match.objects.filter(request=request).values_list("volunteer", flat=True)) == [volunteer.pk]
    assert not Match.objects.filter(status=Match.Status.PROPOSED).exists()


def test_a_proposal_cannot_be_decided_twice(coordinator, fake_notify):
    BuddyRequestFactory()
    cleared_volunteer()
    (proposal,) = services.matching_run()
    services.match_accept(match=proposal, by=coordinator)

    with pytest.raises(services.DecisionError):
        services.match_accept(match=proposal, by=coordinator)
    with pytest.raises(services.DecisionError):
        services.match_reject(match=proposal, by=coordinator, reason="late")
    assert Match.objects.get(pk=proposal.pk).status == Match.Status.ACCEPTED


def test_the_matching_task_stores_proposals():
    from buddies.tasks import find_matches as find_matches_task

    BuddyRequestFactory(latitude=WALSALL_LAT, longitude=WALSALL_LON)
    cleared_volunteer()

    find_matches_task.enqueue()

    assert Match.objects.filter(status=Match.Status.PROPOSED).count() == 1


def test_proposals_are_stored_as_json_and_only_for_pairs_the_engine_was_offered(monkeypatch):
    import numpy

    from buddies import matching

    request = BuddyRequestFactory()
    volunteer = cleared_volunteer()
    expired = cleared_volunteer(valid_for_days=-1)

    def propose(newcomers, volunteers, **kwargs):
        reason = matching.Reason(
            code="shared_language", params={"languages": frozenset({"pl"}), "km": numpy.float64(1.5)}
        )
        return [
            matching.Proposal(request.pk, volunteer.pk, numpy.float64(0.9), (reason,)),
            matching.Proposal(request.pk, expired.pk, 0.8, (reason,)),
        ]

    monkeypatch.setattr(matching, "propose", propose)

    (stored,) = services.matching_run()

    assert stored.volunteer == volunteer
    assert Match.objects.get(pk=stored.pk).reasons == [
        {"code": "shared_language", "params": {"languages": ["pl"], "km": 1.5}}
    ]


@pytest.mark.parametrize("change", ["paused", "dbs_expired", "training_expired", "full"])
def test_a_proposal_for_a_volunteer_no_longer_cleared_cannot_be_accepted(client, coordinator, fake_notify, change):
    volunteer = cleared_volunteer()
    proposal = Match.objects.create(request=BuddyRequestFactory(), volunteer=volunteer)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    if change == "paused":
        volunteer.stage = Volunteer.Stage.PAUSED
    elif change == "dbs_expired":
        volunteer.dbs_valid_until = yesterday
    elif change == "training_expired":
        volunteer.training_expires_on = yesterday
    else:
        other = BuddyRequestFactory(status=BuddyRequest.Status.MATCHED)
        Match.objects.create(request=other, volunteer=volunteer, status=Match.Status.ACCEPTED)
    volunteer.save()

    response = client.post(reverse("buddies:proposal_accept", args=[proposal.pk]), follow=True)

    assert "cannot be matched" in response.content.decode() or "no free places" in response.content.decode()
    assert not Match.objects.filter(pk=proposal.pk, status=Match.Status.ACCEPTED).exists()
    assert BuddyRequest.objects.get(pk=proposal.request_id).status == BuddyRequest.Status.WAITING
    assert fake_notify.sent == []
