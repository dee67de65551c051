"""Reads for accounts: who holds which role, and who has two factors set up."""

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, Prefetch

from .models import Organisation, User
from .roles import SENSITIVE_ROLES, Role


def _has_authenticator(kind):
    return Exists(Authenticator.objects.filter(user=OuterRef("pk"), type=kind))


def users_with_roles_and_mfa():
    """Every account with its organisation, role groups and whether TOTP / recovery codes are set up."""
    from django.contrib.auth.models import Group

    return (
        User.objects.select_related("organisation")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.filter(name__in=Role.values).order_by("name")))
        .annotate(
            has_totp=_has_authenticator(Authenticator.Type.TOTP),
            has_recovery_codes=_has_authenticator(Authenticator.Type.RECOVERY_CODES),
        )
        .order_by("organisation__name", "full_name", "email")
    )


def organisations_with_members():
    return Organisation.objects.prefetch_related(
        Prefetch("members", queryset=users_with_roles_and_mfa().order_by("full_name", "email"))
    ).order_by("name")


def users_without_organisation():
    return users_with_roles_and_mfa().filter(organisation__isnull=True)


def two_factor_status(user):
    """What the dashboard says about a user's second factor."""
    kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    unused_recovery_codes = None
    if Authenticator.Type.RECOVERY_CODES in kinds:
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
        unused_recovery_codes = len(authenticator.wrap().get_unused_codes())
    return {
        "totp": Authenticator.Type.TOTP in kinds,
        "recovery_codes": Authenticator.Type.RECOVERY_CODES in kinds,
        "unused_recovery_codes": unused_recovery_codes,
        "required": bool(user.is_superuser or user.roles & SENSITIVE_ROLES),
    }


def staff_links_for(user):
    """The work pages this user may open: each app lists its own in ``AppConfig.staff_links``."""
    from django.apps import apps
    from django.urls import reverse

    return [
        (reverse(url_name), text)
        for config in apps.get_app_configs()
        for perm, url_name, text in getattr(config, "staff_links", ())
        if user.has_perm(perm)
    ]
