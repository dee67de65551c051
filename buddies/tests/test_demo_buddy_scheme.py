import random

import pytest

from accounts import demo as accounts_demo
from accounts.roles import Role
from buddies import demo
from buddies.models import BuddyRequest, Match, Meeting, Volunteer

pytestmark = pytest.mark.django_db


def load_all():
    accounts_demo.load(random.Random(1))
    return demo.load(random.Random(2))


def test_the_demo_loads_once_and_everything_is_synthetic(walsall):
    summary = load_all()
    counts = (Volunteer.objects.count(), BuddyRequest.objects.count(), Match.objects.count(), Meeting.objects.count())

    assert summary and load_all() == ""
    assert counts == (
        Volunteer.objects.count(),
        BuddyRequest.objects.count(),
        Match.objects.count(),
        Meeting.objects.count(),
    )
    assert not Volunteer.objects.filter(is_demo=False).exists()
    assert not BuddyRequest.objects.filter(is_demo=False).exists()
    assert {volunteer.stage for volunteer in Volunteer.objects.all()} >= {
        Volunteer.Stage.APPLIED,
        Volunteer.Stage.DBS,
        Volunteer.Stage.ACTIVE,
    }


def test_the_demo_volunteer_sign_in_has_a_buddy_with_meetings(walsall):
    load_all()

    volunteer = Volunteer.objects.get(user__email=accounts_demo.demo_email(Role.VOLUNTEER))

    match = volunteer.matches.get(status=Match.Status.ACCEPTED)
    assert match.meetings.exists()
    assert volunteer.user.roles == {Role.VOLUNTEER}
