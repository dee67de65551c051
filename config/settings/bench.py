"""`make bench`: production settings over plain HTTP on the loopback, plus one trivial view to compare with."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
