"""The triggers guard every connection, not only the one the application happened to open first."""

import pytest
from auditlog.models import LogEntry
from django.db import DatabaseError, connections

from accounts.tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_can_neither_change_nor_delete_an_audit_entry():
    UserFactory()
    entry = LogEntry.objects.latest("timestamp")
    new_connection = connections.create_connection("default")
    try:
        for statement in (
            f"UPDATE {LogEntry._meta.db_table} SET object_repr = 'forged' WHERE id = %s",  # noqa: S608
            f"DELETE FROM {LogEntry._meta.db_table} WHERE id = %s",  # noqa: S608
        ):
            with pytest.raises(DatabaseError), new_connection.cursor() as cursor:
                cursor.execute(statement, [entry.pk])
    finally:
        new_connection.close()

    assert LogEntry.objects.get(pk=entry.pk).object_repr == entry.object_repr
