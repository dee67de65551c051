"""Production: refuses to start unless it is safe to."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    DEBUG,
    FIELD_ENCRYPTION_KEYS,
    INSECURE_DEFAULT_FIELD_ENCRYPTION_KEYS,
    INSECURE_DEFAULT_SECRET_KEY,
    REDIS_URL,
    SECRET_KEY,
    env,
)

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters.")
if not env.str("FIELD_ENCRYPTION_KEYS", default="") or any(
    key in INSECURE_DEFAULT_FIELD_ENCRYPTION_KEYS or len(key) < 32 for key in FIELD_ENCRYPTION_KEYS
):
    raise ImproperlyConfigured("Set FIELD_ENCRYPTION_KEYS to one or more random keys of at least 32 characters.")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
REQUIRE_TWO_FACTOR_FOR_SENSITIVE_ROLES = True
NOTIFY_BACKEND = env.str("NOTIFY_BACKEND", default="govuk")

if REDIS_URL:
    # Sessions are read from Redis but kept in the database, so a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
