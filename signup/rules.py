import rules

from accounts.roles import Role
from accounts.rules import has_role

# Figures and the list without names: integration officers and administrators.
rules.add_perm("signup.view_figures", has_role(Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR))
# Names, contact details and recording answers from phone calls: integration officers only.
rules.add_perm("signup.view_signup", has_role(Role.INTEGRATION_OFFICER))
