"""Two-factor helpers built on allauth's own TOTP code (so secrets are encrypted exactly as allauth does)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt


def activate_totp(user, secret):
    """Give ``user`` an activated authenticator app with ``secret`` (base32) and recovery codes."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is None:
        TOTP.activate(user, secret)
    RecoveryCodes.activate(user)


def totp_secret_of(user):
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return decrypt(authenticator.data["secret"]) if authenticator else None


def current_code(secret, at=None):
    """The 6-digit code an authenticator app shows now (or at the Unix time ``at``) for ``secret``."""
    moment = time.time() if at is None else at
    return format_hotp_value(hotp_value(secret, int(moment) // app_settings.TOTP_PERIOD))


def seconds_left_for_code(at=None):
    moment = time.time() if at is None else at
    return app_settings.TOTP_PERIOD - int(moment) % app_settings.TOTP_PERIOD
