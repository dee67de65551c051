from accounts.roles import Role
from tests.access import staff_only

EXPECTATIONS = [
    staff_only("audit:log", [Role.AUDITOR, Role.ADMINISTRATOR]),
    staff_only("audit:log_export", [Role.AUDITOR, Role.ADMINISTRATOR]),
]
