"""Each role is a Django group of the same name, kept in step with ``accounts.roles.Role``."""

from .roles import Role


def sync_role_groups(*, using="default", apps=None, **kwargs):
    """Create the group of every role (idempotent). Runs after every ``migrate``."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    try:
        group_model = apps.get_model("auth", "Group")
    except LookupError:
        return
    existing = set(group_model.objects.using(using).filter(name__in=Role.values).values_list("name", flat=True))
    group_model.objects.using(using).bulk_create(
        [group_model(name=role) for role in Role.values if role not in existing]
    )


def role_group(role):
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=Role(role).value)
    return group
