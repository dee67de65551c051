import pytest


@pytest.fixture(autouse=True)
def _reporting_settings(settings, tmp_path):
    """Evidence goes to a private directory of the test; forms may be sent at once (a test is not a bot)."""
    settings.REPORTING_EVIDENCE_ROOT = str(tmp_path / "evidence")
    settings.REPORTING_MIN_FILL_SECONDS = 0
