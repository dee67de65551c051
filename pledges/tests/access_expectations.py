"""Who may open each pledge and Places of Welcome page (the URL × role test reads these rows)."""

from accounts.roles import Role
from tests.access import REDIRECT, Expect, public, staff_only

R = Role
PLEDGE_READERS = [R.INTEGRATION_OFFICER, R.ADMINISTRATOR, R.BUDDY_COORDINATOR, R.PARTNER_ORGANISATION_USER]
PLEDGE_DECIDERS = [R.INTEGRATION_OFFICER, R.ADMINISTRATOR]
PLACE_MANAGERS = [R.INTEGRATION_OFFICER, R.BUDDY_COORDINATOR, R.ADMINISTRATOR, R.PARTNER_ORGANISATION_USER]
PLACE_OFFICERS = [R.INTEGRATION_OFFICER, R.BUDDY_COORDINATOR, R.ADMINISTRATOR]


def _pledge():
    from pledges.tests.factories import PledgeFactory

    return {"pledge_id": PledgeFactory().pk}


def _pending_pledge_action():
    from pledges.tests.factories import PledgeFactory

    return {"pledge_id": PledgeFactory(pending=True).pk, "action": "approve"}


def _place():
    from pledges.tests.factories import OpeningTimeFactory

    return {"place_id": OpeningTimeFactory().place.pk}


# The public sees approved pledges and open places; the signing form is public. The check and
# done pages send a visitor with nothing to check back to the form. Partner users see their own
# organisation's pledge and places only (another organisation's record, as here, is 403).
EXPECTATIONS = [
    public("pledges:signatory_list"),
    public("pledges:sign"),
    Expect("pledges:sign_check", default=REDIRECT),
    Expect("pledges:sign_done", default=REDIRECT),
    public("pledges:signatory_detail", kwargs=_pledge),
    public("pledges:badge", kwargs=_pledge),
    public("pledges:place_list"),
    public("pledges:calendar"),
    public("pledges:place_detail", kwargs=_place),
    public("pledges:place_calendar", kwargs=_place),
    staff_only("pledges:staff_pledge_list", PLEDGE_READERS),
    staff_only("pledges:staff_pledge_detail", PLACE_OFFICERS + PLEDGE_DECIDERS, kwargs=_pledge),
    staff_only("pledges:staff_pledge_action", PLEDGE_DECIDERS, kwargs=_pending_pledge_action),
    staff_only("pledges:staff_place_list", PLACE_MANAGERS),
    staff_only("pledges:staff_place_add", PLACE_MANAGERS),
    staff_only("pledges:staff_place_detail", PLACE_OFFICERS, kwargs=_place),
    staff_only("pledges:staff_place_edit", PLACE_OFFICERS, kwargs=_place),
    staff_only("pledges:staff_place_opening_times", PLACE_OFFICERS, kwargs=_place),
    staff_only("pledges:staff_place_check", PLACE_OFFICERS, kwargs=_place),
]
