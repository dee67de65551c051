import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The API's per-address throttle counts in the cache: start every test with none used."""
    cache.clear()
    yield
    cache.clear()
