"""Who may do what in accounts and audit: predicates other apps can reuse, and named permissions.

Use in other apps::

    from accounts.rules import has_role, is_staff_member, is_same_organisation
    from accounts.roles import Role

    rules.add_perm("casework.view_case", has_role(Role.HATE_CRIME_CASEWORKER) & is_same_organisation)
"""

import rules

from .roles import Role


def has_role(*roles):
    """A predicate: the user is active and holds at least one of ``roles``."""
    wanted = frozenset(Role(role) for role in roles)
    name = "has_role:" + ",".join(sorted(wanted))

    @rules.predicate(name=name)
    def predicate(user):
        return bool(user and user.is_authenticated and user.has_role(*wanted))

    return predicate


@rules.predicate
def is_staff_member(user):
    """An active, signed-in user holding any role of the partnership."""
    return bool(user and user.is_authenticated and user.is_active and user.roles)


@rules.predicate
def is_partnership_staff(user):
    """A member of staff of the council or a partner; volunteers hold a role but are not staff."""
    return bool(is_staff_member(user) and user.roles - {Role.VOLUNTEER})


def organisation_of(obj):
    """The organisation an object belongs to: itself, ``obj.organisation`` or ``obj.organisation_id``."""
    from .models import Organisation

    if obj is None:
        return None
    if isinstance(obj, Organisation):
        return obj.pk
    return getattr(obj, "organisation_id", None)


@rules.predicate
def is_same_organisation(user, obj):
    """The object belongs to (or is) the user's own organisation. False for objects with no organisation."""
    if not (user and user.is_authenticated and user.organisation_id):
        return False
    return organisation_of(obj) == user.organisation_id


is_administrator = has_role(Role.ADMINISTRATOR)
is_auditor = has_role(Role.AUDITOR)

rules.add_perm("accounts.view_dashboard", is_staff_member)
rules.add_perm("accounts.manage_users", is_administrator)
rules.add_perm("audit.view_log", is_auditor | is_administrator)
