from accounts.roles import Role
from tests.access import staff_only

# Users holding a sensitive role must have two factors set up (RequireTwoFactorMiddleware), so the
# central test signs in each role with an authenticator already activated.
EXPECTATIONS = [
    staff_only("accounts:dashboard", Role.values),
    staff_only("accounts:user_list", [Role.ADMINISTRATOR]),
]
