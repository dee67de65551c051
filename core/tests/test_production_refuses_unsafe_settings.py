import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STRONG_SECRET = "s" * 64
STRONG_FIELD_KEY = "k" * 48


def load_production_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "DATABASE_URL", "REDIS_URL"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **environment})
    script = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.REQUIRE_TWO_FACTOR_FOR_SENSITIVE_ROLES)"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("environment", "complaint"),
    [
        ({"DEBUG": "true", "SECRET_KEY": STRONG_SECRET, "FIELD_ENCRYPTION_KEYS": STRONG_FIELD_KEY}, "DEBUG"),
        ({"FIELD_ENCRYPTION_KEYS": STRONG_FIELD_KEY}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "FIELD_ENCRYPTION_KEYS": STRONG_FIELD_KEY}, "SECRET_KEY"),
        ({"SECRET_KEY": STRONG_SECRET}, "FIELD_ENCRYPTION_KEYS"),
        ({"SECRET_KEY": STRONG_SECRET, "FIELD_ENCRYPTION_KEYS": "too-short"}, "FIELD_ENCRYPTION_KEYS"),
    ],
)
def test_production_refuses_to_start_when_unsafe(environment, complaint):
    result = load_production_settings(**environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_production_with_safe_settings_sends_hsts_and_secure_cookies_and_requires_two_factors():
    result = load_production_settings(SECRET_KEY=STRONG_SECRET, FIELD_ENCRYPTION_KEYS=STRONG_FIELD_KEY)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["63072000", "True", "True", "True"]
