import json

import pytest
from auditlog.models import LogEntry

from audit.selectors import summary_of

from .factories import UserFactory

pytestmark = pytest.mark.django_db

OLD_PHONE = "01922 650000"
NEW_PHONE = "07700 900123"


def digits_of(phone):
    return [part for part in phone.split() if part]


def test_the_trail_shows_that_the_phone_changed_but_no_digit_of_it():
    user = UserFactory(phone=OLD_PHONE)
    user.phone = NEW_PHONE
    user.save()

    entry = LogEntry.objects.get_for_object(user).filter(action=LogEntry.Action.UPDATE).latest("pk")
    assert "phone" in entry.changes_dict
    recorded = " ".join([json.dumps(entry.changes), summary_of(entry, limit=10_000)])
    for digit in "0123456789":
        assert digit not in "".join(entry.changes_dict["phone"]), recorded
    for part in [*digits_of(OLD_PHONE), *digits_of(NEW_PHONE), OLD_PHONE[-3:], NEW_PHONE[-3:]]:
        assert part not in recorded


def test_creating_an_account_with_a_phone_hides_it_in_the_trail():
    user = UserFactory(phone=NEW_PHONE)
    entry = LogEntry.objects.get_for_object(user).get(action=LogEntry.Action.CREATE)
    assert NEW_PHONE[-4:] not in json.dumps(entry.changes)
    assert entry.changes_dict["phone"][1]


def test_an_empty_phone_stays_empty_in_the_trail():
    user = UserFactory(phone=NEW_PHONE)
    user.phone = ""
    user.save()
    entry = LogEntry.objects.get_for_object(user).filter(action=LogEntry.Action.UPDATE).latest("pk")
    masked_old, masked_new = entry.changes_dict["phone"]
    assert masked_old and not masked_new
