from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
            "admin_links": admin_links(user),
            "work_links": selectors.staff_links_for(user),
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
            "admin_links": admin_links(request.user),
        },
    )


def admin_links(user):
    """(URL, link text) of the admin pages this user may manage things on; none for everyone else."""
    if not (user.is_active and user.is_staff):
        return []
    pages = [
        ("accounts.change_user", "admin:accounts_user_changelist", _("Add, change or deactivate user accounts")),
        ("accounts.change_organisation", "admin:accounts_organisation_changelist", _("Add or change organisations")),
        ("authtoken.add_tokenproxy", "admin:authtoken_tokenproxy_changelist", _("Issue or revoke API tokens")),
    ]
    return [(reverse(url_name), text) for permission, url_name, text in pages if user.has_perm(permission)]
