"""Who may do what with pledges and Places of Welcome.

Officers of the scheme see and change everything; partner organisation users see their own
organisation's pledge and change their own organisation's Places of Welcome only. The public sees
approved, in-date pledges and open places through public views, not through these rules.
"""

import rules

from accounts.roles import Role
from accounts.rules import has_role, is_same_organisation

is_pledge_officer = has_role(Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR)
is_places_officer = has_role(Role.INTEGRATION_OFFICER, Role.BUDDY_COORDINATOR, Role.ADMINISTRATOR)
is_partner = has_role(Role.PARTNER_ORGANISATION_USER)


@rules.predicate
def has_an_organisation(user):
    return bool(user and user.is_authenticated and user.organisation_id)


is_partner_with_organisation = is_partner & has_an_organisation

rules.add_perm("pledges.view_pledges", is_pledge_officer | is_places_officer | is_partner_with_organisation)
rules.add_perm("pledges.view_pledge", is_pledge_officer | is_places_officer | (is_partner & is_same_organisation))
rules.add_perm("pledges.decide_pledge", is_pledge_officer)
rules.add_perm("pledges.manage_places", is_places_officer | is_partner_with_organisation)
rules.add_perm("pledges.change_place", is_places_officer | (is_partner & is_same_organisation))
