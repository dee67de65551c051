"""The audit trail (django-auditlog's LogEntry) cannot be edited: database triggers refuse UPDATE and DELETE.

On PostgreSQL the triggers have no way round them; the application's database role should also not
own the table or hold TRUNCATE on it. On SQLite the triggers call the SQL function
``audit_trail_unlocked()``, which this app registers on every connection and which answers "no"
except while ``manage.py flush`` (which wipes the whole database, as the test runner does between
transactional tests) is running. A connection without the function (the sqlite3 shell, another
program) fails to run the trigger, so the change is refused there too.
"""

import contextlib
from contextvars import ContextVar

_unlocked = ContextVar("audit_trail_unlocked", default=False)

TABLE = "auditlog_logentry"
MESSAGE = "The audit trail cannot be changed or deleted."

SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS audit_logentry_no_update BEFORE UPDATE ON {TABLE}
        WHEN NOT audit_trail_unlocked()
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_logentry_no_delete BEFORE DELETE ON {TABLE}
        WHEN NOT audit_trail_unlocked()
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_logentry_no_update;",
    "DROP TRIGGER IF EXISTS audit_logentry_no_delete;",
]

POSTGRESQL_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION audit_reject_logentry_change() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END;
        $$ LANGUAGE plpgsql;""",
    f"DROP TRIGGER IF EXISTS audit_logentry_no_change ON {TABLE};",
    f"""CREATE TRIGGER audit_logentry_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION audit_reject_logentry_change();""",
]
POSTGRESQL_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_logentry_no_change ON {TABLE};",
    "DROP FUNCTION IF EXISTS audit_reject_logentry_change();",
]


def install(schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRESQL_INSTALL})


def remove(schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_REMOVE, "postgresql": POSTGRESQL_REMOVE})


def _run(schema_editor, statements_by_vendor):
    vendor = schema_editor.connection.vendor
    if vendor not in statements_by_vendor:
        raise NotImplementedError(f"No audit trail protection written for the {vendor} database.")
    # On SQLite the triggers call ``audit_trail_unlocked()``; every connection already has it,
    # because ``on_connection_created`` registers it as soon as a connection is opened.
    for statement in statements_by_vendor[vendor]:
        schema_editor.execute(statement)


def _audit_trail_unlocked():
    return 1 if _unlocked.get() else 0


def on_connection_created(sender, connection, **kwargs):
    """The one place the SQLite function is registered: on every new connection (``connection_created``)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("audit_trail_unlocked", 0, _audit_trail_unlocked)


@contextlib.contextmanager
def unlocked_for_flush():
    token = _unlocked.set(True)
    try:
        yield
    finally:
        _unlocked.reset(token)


def allow_flush():
    """``manage.py flush`` empties every table; let it empty the audit trail on SQLite too.

    (PostgreSQL's flush uses TRUNCATE, which row triggers do not see.)
    """
    from django.conf import settings

    if not any(database["ENGINE"] == "django.db.backends.sqlite3" for database in settings.DATABASES.values()):
        return
    # The backend's base module must load first: it and its operations module import each other.
    from django.db.backends.sqlite3.base import DatabaseOperations

    original = DatabaseOperations.execute_sql_flush
    if getattr(original, "audit_allows_flush", False):
        return

    def execute_sql_flush(self, sql_list):
        with unlocked_for_flush():
            return original(self, sql_list)

    execute_sql_flush.audit_allows_flush = True
    DatabaseOperations.execute_sql_flush = execute_sql_flush
