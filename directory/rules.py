"""Who may edit the services directory.

Council editors (integration officers and administrators) edit any service and approve changes;
partner organisation users edit the services their organisation maintains (``Organization.owner``),
and their changes wait for a council editor's approval.
"""

import rules

from accounts.roles import Role
from accounts.rules import has_role

is_council_editor = has_role(Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR)
is_partner_editor = has_role(Role.PARTNER_ORGANISATION_USER)


@rules.predicate
def maintains_service(user, service):
    """The service's directory organisation is kept up to date by the user's own organisation."""
    if service is None or not (user and user.is_authenticated and user.organisation_id):
        return False
    organization = service.organization
    return organization is not None and organization.owner_id == user.organisation_id


rules.add_perm("directory.edit_services", is_council_editor | is_partner_editor)
rules.add_perm("directory.edit_service", is_council_editor | (is_partner_editor & maintains_service))
rules.add_perm("directory.approve_changes", is_council_editor)
