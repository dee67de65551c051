import pytest
from django.utils import timezone

from buddies import selectors, services
from buddies.models import Match, Volunteer

from .factories import BuddyRequestFactory, accepted_match, cleared_volunteer

pytestmark = pytest.mark.django_db


def offered_ids():
    return {volunteer.id for volunteer in selectors.matching_inputs(today=timezone.localdate()).volunteers}


def test_only_active_cleared_volunteers_with_free_places_are_offered():
    cleared = cleared_volunteer()
    expired = cleared_volunteer(valid_for_days=-1)
    paused = cleared_volunteer(stage=Volunteer.Stage.PAUSED)
    never_cleared = cleared_volunteer(dbs_valid_until=None)
    full = cleared_volunteer(capacity=1)
    accepted_match(volunteer=full)

    assert offered_ids() == {cleared.pk}
    assert {expired.pk, paused.pk, never_cleared.pk, full.pk}.isdisjoint(offered_ids())


def test_the_engine_gets_remaining_capacity_and_the_clearance_date():
    volunteer = cleared_volunteer(capacity=3, valid_for_days=90)
    accepted_match(volunteer=volunteer)

    (offered,) = selectors.matching_inputs(today=timezone.localdate()).volunteers

    assert offered.capacity == 2
    assert offered.checks_valid_until == volunteer.checks_valid_until
    assert offered.active


def test_an_expired_volunteer_is_never_proposed():
    BuddyRequestFactory()
    cleared_volunteer(valid_for_days=-3)

    assert services.matching_run() == []
    assert not Match.objects.exists()
