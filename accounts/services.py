"""Every write to accounts and organisations. Each function runs in one transaction."""

from django.db import transaction
from django.utils.text import slugify

from .groups import role_group
from .models import Organisation, User
from .roles import Role


@transaction.atomic
def organisation_create(*, name, kind, is_demo=False, slug=None):
    organisation = Organisation(
        name=name, kind=Organisation.Kind(kind), is_demo=is_demo, slug=slug or slugify(name)[:200]
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def user_create(
    *,
    email,
    full_name,
    password=None,
    organisation=None,
    roles=(),
    job_title="",
    phone="",
    is_demo=False,
):
    """Create a staff or partner account. Without a password the account cannot sign in until reset."""
    user = User(
        email=User.objects.normalize_email(email).lower(),
        full_name=full_name,
        organisation=organisation,
        job_title=job_title,
        phone=phone,
        is_demo=is_demo,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if roles:
        user_set_roles(user=user, roles=roles)
    return user


@transaction.atomic
def user_set_roles(*, user, roles):
    """Make ``roles`` exactly the roles the user holds. Other (non-role) groups are left alone."""
    wanted = {Role(role) for role in roles}
    current_role_groups = user.groups.filter(name__in=Role.values)
    user.groups.remove(*[group for group in current_role_groups if group.name not in wanted])
    held = set(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
    user.groups.add(*[role_group(role) for role in wanted if role not in held])
    user.forget_roles()
    user_sync_staff_status(user=user)
    return user


@transaction.atomic
def user_sync_staff_status(*, user):
    """Only administrators (and superusers) may open the Django admin: ``is_staff`` follows the role.

    Called whenever roles change, here or through the admin's role (group) field.
    """
    user.forget_roles()
    is_staff = user.is_superuser or Role.ADMINISTRATOR in user.roles
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])
    return user


@transaction.atomic
def user_deactivate(*, user):
    """Accounts are deactivated, never deleted: the audit trail keeps pointing at them."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user
