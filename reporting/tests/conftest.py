import pytest


@pytest.fixture(autouse=True)
def _reporting_settings(settings):
    """Forms may be sent at once (a test is not a bot)."""
    settings.REPORTING_MIN_FILL_SECONDS = 0
