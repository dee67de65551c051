from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from core import crypto


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are made by administrators; nobody can sign themselves up."""

    def is_open_for_signup(self, request):
        return False

    def pre_authenticate(self, request, **credentials):
        """A locked-out account gets the lockout page, before allauth's own rate limit answers."""
        from axes.handlers.proxy import AxesProxyHandler

        axes_credentials = {"login": credentials.get("email") or credentials.get("username") or ""}
        if AxesProxyHandler.is_locked(request, axes_credentials):
            request.axes_locked_out = True
            request.axes_credentials = axes_credentials
            raise self.validation_error("too_many_login_attempts")
        return super().pre_authenticate(request, **credentials)


def axes_username(request, credentials):
    """The email address a sign-in attempt was made for, however allauth named the field."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("login") or credentials.get("username")
    if value is None and request is not None and hasattr(request, "POST"):
        value = request.POST.get("login")
    return (value or "").strip().lower()


class StaffMFAAdapter(DefaultMFAAdapter):
    """Two-factor secrets (TOTP keys, recovery-code seeds) are encrypted at rest with the field keys."""

    def encrypt(self, text):
        return crypto.encrypt_text(text)

    def decrypt(self, encrypted_text):
        return crypto.decrypt_text(encrypted_text)
