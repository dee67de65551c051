"""Local development: `make run`. Demo data, console notifications, two factors still enforced."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)  # see template edits at once
