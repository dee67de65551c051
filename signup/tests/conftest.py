import pytest

from .factories import service_in


@pytest.fixture
def nearby_services(db):
    """A GP surgery and an English conversation club near WS1 1TP, and a farther GP."""
    return {
        "gp": service_in("gp-registration", name="Pleck Health Centre"),
        "far_gp": service_in("gp-registration", name="Brownhills Surgery", latitude=52.647, longitude=-1.93),
        "club": service_in("conversation-clubs", name="Tuesday English Chat", schedule="Tuesdays, 10:00 to 12:00"),
    }
