import pytest

from places import selectors
from places.tests.fixtures import import_walsall


@pytest.fixture(scope="session")
def _walsall_imported(django_db_setup, django_db_blocker):
    """Import the real Walsall data into the test database once (it persists with --reuse-db)."""
    with django_db_blocker.unblock():
        import_walsall()


@pytest.fixture
def walsall(_walsall_imported, db):
    """Real Walsall wards, LSOAs, lookups, census tables and the synthetic postcodes (re-imported if flushed)."""
    import_walsall()
    return selectors.generation_in_force().generation
