from django.shortcuts import render

from core.access import permission_required

from . import selectors
from .roles import ROLE_DESCRIPTIONS, SENSITIVE_ROLES, Role


@permission_required("accounts.view_dashboard")
def dashboard(request):
    user = request.user
    roles = [
        {
            "label": Role(role).label,
            "description": ROLE_DESCRIPTIONS.get(role, ""),
            "sensitive": role in SENSITIVE_ROLES,
        }
        for role in Role.values
        if role in user.roles
    ]
    return render(
        request,
        "accounts/dashboard.html",
        {
            "roles": roles,
            "two_factor": selectors.two_factor_status(user),
            "can_manage_users": user.has_perm("accounts.manage_users"),
            "can_view_audit_log": user.has_perm("audit.view_log"),
        },
    )


@permission_required("accounts.manage_users")
def user_list(request):
    return render(
        request,
        "accounts/user_list.html",
        {
            "organisations": selectors.organisations_with_members(),
            "unattached_users": selectors.users_without_organisation(),
        },
    )
