from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .roles import SENSITIVE_ROLES


class RequireTwoFactorMiddleware:
    """Users who hold a role that sees special-category data must set up two factors before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_two_factors(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_two_factors(self, request):
        if not settings.REQUIRE_TWO_FACTOR_FOR_SENSITIVE_ROLES:
            return False
        user = request.user
        if not user.is_authenticated:
            return False
        # Setting up two factors may ask for the password again (allauth's reauthentication).
        allowed_prefixes = (
            reverse("mfa_index"),
            reverse("account_logout"),
            reverse("account_reauthenticate"),
            settings.STATIC_URL,
        )
        if request.path.startswith(allowed_prefixes):
            return False
        from allauth.mfa.models import Authenticator

        has_sensitive_role = user.is_superuser or user.groups.filter(name__in=SENSITIVE_ROLES).exists()
        return has_sensitive_role and not Authenticator.objects.filter(user=user).exists()
