from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

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


SIGNED_IN_MARKER = "lt_signed_in"


class IdleSignOutNoticeMiddleware:
    """Tell staff why they are at the sign-in page when their session ran out while they were away.

    A marker cookie (no personal data, gone when the browser closes) lives as long as a staff member
    is signed in; signing out removes it. An anonymous request that still carries it means the
    session expired from inactivity.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        marked = bool(request.COOKIES.get(SIGNED_IN_MARKER))
        timed_out = marked and not request.user.is_authenticated
        if timed_out:
            messages.warning(
                request,
                _("You were signed out because you had not used the service for %(minutes)s minutes. Sign in again.")
                % {"minutes": settings.SESSION_COOKIE_AGE // 60},
            )
        response = self.get_response(request)
        if request.user.is_authenticated:
            if not marked:
                response.set_cookie(
                    SIGNED_IN_MARKER,
                    "1",
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
        elif marked:
            response.delete_cookie(SIGNED_IN_MARKER, samesite="Lax")
        return response
