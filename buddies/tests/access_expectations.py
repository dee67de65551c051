"""Who may open each page of the buddy scheme (URL × role test)."""

from accounts.roles import Role
from tests.access import FORBIDDEN, OK, REDIRECT, SIGN_IN, Expect, public, staff_only

COORDINATOR = Role.BUDDY_COORDINATOR


def _volunteer():
    from buddies.tests.factories import VolunteerFactory

    return {"volunteer_id": VolunteerFactory().pk}


def _volunteer_step():
    return {**_volunteer(), "step": "references"}


def _request():
    from buddies.tests.factories import BuddyRequestFactory

    return {"request_id": BuddyRequestFactory().pk}


def _proposal():
    from buddies.models import Match
    from buddies.tests.factories import BuddyRequestFactory, cleared_volunteer

    match = Match.objects.create(request=BuddyRequestFactory(), volunteer=cleared_volunteer())
    return {"match_id": match.pk}


def _ongoing_match():
    from buddies.tests.factories import accepted_match

    return {"match_id": accepted_match().pk}


def _ended_match():
    from buddies.tests.factories import ended_match

    return {"match_id": ended_match().pk}


def _concern():
    from buddies.models import SafeguardingConcern
    from buddies.tests.factories import accepted_match

    concern = SafeguardingConcern.objects.create(match=accepted_match(), raised_by="volunteer", description="x")
    return {"concern_id": concern.pk}


def _token(make):
    def kwargs():
        from buddies.models import Match
        from buddies.notify import newcomer_token

        return {"token": newcomer_token(Match.objects.get(pk=make()["match_id"]))}

    return kwargs


# Only a volunteer's own matches open for them; the volunteer visiting here is not this match's.
EXPECTATIONS = [
    staff_only("buddies:dashboard", [COORDINATOR]),
    staff_only("buddies:volunteer_list", [COORDINATOR, Role.PARTNER_ORGANISATION_USER]),
    # The visiting partner's organisation has no active pledge, so cannot put anyone forward.
    staff_only("buddies:volunteer_create", [COORDINATOR]),
    staff_only("buddies:volunteer_detail", [COORDINATOR], kwargs=_volunteer),
    staff_only("buddies:volunteer_step", [COORDINATOR], kwargs=_volunteer_step),
    staff_only("buddies:request_list", [COORDINATOR]),
    staff_only("buddies:request_create", [COORDINATOR, Role.INTEGRATION_OFFICER, Role.PARTNER_ORGANISATION_USER]),
    staff_only("buddies:request_referred", [COORDINATOR, Role.INTEGRATION_OFFICER, Role.PARTNER_ORGANISATION_USER]),
    staff_only("buddies:request_detail", [COORDINATOR], kwargs=_request),
    staff_only("buddies:matching", [COORDINATOR]),
    Expect(
        "buddies:proposal_accept",
        default=FORBIDDEN,
        anonymous=SIGN_IN,
        roles={COORDINATOR: REDIRECT},
        kwargs=_proposal,
        method="post",
    ),
    staff_only("buddies:proposal_reject", [COORDINATOR], kwargs=_proposal),
    staff_only("buddies:my_matches", [Role.VOLUNTEER]),
    staff_only("buddies:match_detail", [COORDINATOR], kwargs=_ongoing_match),
    staff_only("buddies:meeting_create", [COORDINATOR], kwargs=_ongoing_match),
    staff_only("buddies:concern_create", [], kwargs=_ongoing_match),
    staff_only("buddies:match_end", [COORDINATOR], kwargs=_ongoing_match),
    staff_only("buddies:volunteer_survey", [], kwargs=_ended_match),
    staff_only("buddies:concern_detail", [COORDINATOR], kwargs=_concern),
    staff_only("buddies:report", [COORDINATOR, Role.INTEGRATION_OFFICER]),
    staff_only("buddies:report_csv", [COORDINATOR, Role.INTEGRATION_OFFICER]),
    public("buddies:newcomer_match", kwargs=_token(_ongoing_match)),
    public("buddies:newcomer_concern", kwargs=_token(_ongoing_match)),
    public("buddies:newcomer_survey", kwargs=_token(_ended_match)),
]

__all__ = ["EXPECTATIONS", "OK"]
