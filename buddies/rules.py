"""Who may do what in the buddy scheme.

The coordinator sees the whole scheme. A pledge organisation's partner users put forward volunteers
and see only their own organisation's volunteers. A volunteer (signed in) sees only their own matches
and logs meetings on them. Officers and partners may refer a newcomer.
"""

import rules

from accounts.roles import Role
from accounts.rules import has_role

is_coordinator = has_role(Role.BUDDY_COORDINATOR)
is_partner = has_role(Role.PARTNER_ORGANISATION_USER)
is_volunteer = has_role(Role.VOLUNTEER)
is_integration_officer = has_role(Role.INTEGRATION_OFFICER)


@rules.predicate
def belongs_to_a_pledge_organisation(user):
    from pledges.selectors import organisation_has_active_pledge

    return bool(user and user.is_authenticated and user.organisation_id) and organisation_has_active_pledge(
        user.organisation
    )


@rules.predicate
def is_own_organisations_volunteer(user, volunteer):
    return volunteer is not None and bool(user.organisation_id) and volunteer.organisation_id == user.organisation_id


@rules.predicate
def is_the_volunteer(user, volunteer):
    return volunteer is not None and volunteer.user_id == user.pk


@rules.predicate
def is_the_matched_volunteer(user, match):
    return match is not None and match.volunteer.user_id == user.pk


@rules.predicate
def is_an_ongoing_match(user, match):
    from .models import Match

    return match is not None and match.status == Match.Status.ACCEPTED


@rules.predicate
def is_an_ended_match(user, match):
    from .models import Match

    return match is not None and match.status == Match.Status.ENDED


rules.add_perm("buddies.view_dashboard", is_coordinator)
rules.add_perm("buddies.list_volunteers", is_coordinator | is_partner)
rules.add_perm("buddies.put_forward_volunteer", is_coordinator | (is_partner & belongs_to_a_pledge_organisation))
rules.add_perm(
    "buddies.view_volunteer",
    is_coordinator | (is_partner & is_own_organisations_volunteer) | (is_volunteer & is_the_volunteer),
)
rules.add_perm("buddies.manage_onboarding", is_coordinator)
rules.add_perm("buddies.refer_newcomer", is_coordinator | is_integration_officer | is_partner)
rules.add_perm("buddies.view_requests", is_coordinator)
rules.add_perm("buddies.run_matching", is_coordinator)
rules.add_perm("buddies.view_own_matches", is_volunteer)
rules.add_perm("buddies.view_match", is_coordinator | (is_volunteer & is_the_matched_volunteer))
rules.add_perm(
    "buddies.log_meeting",
    (is_coordinator | (is_volunteer & is_the_matched_volunteer)) & is_an_ongoing_match,
)
rules.add_perm(
    "buddies.raise_concern",
    is_volunteer & is_the_matched_volunteer & (is_an_ongoing_match | is_an_ended_match),
)
rules.add_perm("buddies.answer_survey", is_volunteer & is_the_matched_volunteer & is_an_ended_match)
rules.add_perm("buddies.end_match", is_coordinator & is_an_ongoing_match)
rules.add_perm("buddies.view_report", is_coordinator | is_integration_officer)
