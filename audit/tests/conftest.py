import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth remembers used TOTP codes and rate limits in the cache; start each test clean."""
    cache.clear()
    yield
    cache.clear()
