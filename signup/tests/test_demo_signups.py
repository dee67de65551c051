import random

import pytest

from buddies.models import BuddyRequest
from signup import demo
from signup.models import FollowUp, SignUp

pytestmark = pytest.mark.django_db


def test_demo_signups_are_synthetic_spread_out_and_made_once(walsall):
    first = demo.load(random.Random(1))
    second = demo.load(random.Random(1))

    signups = SignUp.objects.all()
    assert signups.count() == demo.DEMO_SIGNUPS
    assert all(signup.is_demo and signup.name.startswith("Demo resident") for signup in signups)
    assert all(signup.email.endswith("@example.invalid") for signup in signups)
    assert len({signup.ward_code for signup in signups}) >= 5
    assert len({signup.languages[0] for signup in signups}) >= 5
    buddy_requests = BuddyRequest.objects.all()
    assert 0 < buddy_requests.count() < demo.DEMO_SIGNUPS
    assert all(request.is_demo and request.signup_reference for request in buddy_requests)
    answered = set(FollowUp.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert answered == {"done", "not_yet", "wants_help"}
    assert "already present" in second and "made" in first
