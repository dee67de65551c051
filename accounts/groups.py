"""Each role is a Django group of the same name, kept in step with ``accounts.roles.Role``.

Most of what a role allows is checked with ``rules`` (see ``accounts.rules``). The Django admin,
though, asks for Django model permissions, so the administrator's group holds the few it needs to
manage people, organisations and API tokens there. It never holds a delete permission for people or
organisations (they are deactivated), and nobody holds one for the audit trail.
"""

from .roles import Role

# role: {(app label, model): [actions]}
ROLE_MODEL_PERMISSIONS = {
    Role.ADMINISTRATOR: {
        ("accounts", "user"): ["add", "change", "view"],
        ("accounts", "organisation"): ["add", "change", "view"],
        # The admin lists tokens through DRF's proxy model; both carry their own permissions.
        ("authtoken", "token"): ["add", "view", "delete"],
        ("authtoken", "tokenproxy"): ["add", "view", "delete"],
    },
}


def sync_role_groups(*, using="default", apps=None, **kwargs):
    """Create the group of every role and grant its model permissions (idempotent).

    Runs after every app's ``migrate`` step, because an app's permissions only exist once its own
    step has run; permissions that do not exist yet are granted on a later step.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:
        return
    groups = group_model.objects.using(using)
    existing = set(groups.filter(name__in=Role.values).values_list("name", flat=True))
    groups.bulk_create([group_model(name=role) for role in Role.values if role not in existing])

    for role, model_actions in ROLE_MODEL_PERMISSIONS.items():
        group = groups.get(name=role)
        for (app_label, model), actions in model_actions.items():
            of_model = permission_model.objects.using(using).filter(
                content_type__app_label=app_label, content_type__model=model
            )
            wanted = [f"{action}_{model}" for action in actions]
            group.permissions.add(*of_model.filter(codename__in=wanted))
            # Exactly these: a delete permission granted by hand is taken away again.
            group.permissions.remove(*of_model.exclude(codename__in=wanted))


def role_group(role):
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=Role(role).value)
    return group
