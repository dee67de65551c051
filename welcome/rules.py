import rules

from accounts.roles import Role
from accounts.rules import has_role

is_integration_officer = has_role(Role.INTEGRATION_OFFICER)

# Editors of the pack's text and its translations.
rules.add_perm("welcome.edit_content", has_role(Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR))
# A pack an integration officer builds is counted as built for a resident.
rules.add_perm("welcome.build_for_resident", is_integration_officer)
