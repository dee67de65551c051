"""Walsall's real open data in the test database, imported once per test database.

Other apps can use it: ``from places.tests.fixtures import import_walsall`` in a session fixture, or
``pytest_plugins``-free: copy the two fixtures of places/tests/conftest.py into their conftest.
"""

from places import services
from places.models import Ward


def import_walsall():
    """Import OPEN_DATA_DIR and the synthetic postcode sample; quick when already there (--reuse-db)."""
    if not Ward.objects.exists():
        services.open_data_import(force=True)
    return services.open_data_import()
