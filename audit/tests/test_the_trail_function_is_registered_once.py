"""The SQLite function the audit trail's triggers call is registered in one place only."""

import inspect

import pytest
from django.db import connections

from audit import trail


def test_the_sqlite_function_is_registered_in_one_place():
    source = inspect.getsource(trail)
    assert source.count("create_function(") == 1
    assert not hasattr(trail, "register_sqlite_function")


@pytest.mark.django_db
def test_every_new_connection_gets_the_function_and_it_answers_locked():
    new_connection = connections.create_connection("default")
    try:
        with new_connection.cursor() as cursor:
            cursor.execute("SELECT audit_trail_unlocked()")
            assert cursor.fetchone() == (0,)
            with trail.unlocked_for_flush():
                cursor.execute("SELECT audit_trail_unlocked()")
                assert cursor.fetchone() == (1,)
    finally:
        new_connection.close()
