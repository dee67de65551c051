import pytest
from auditlog.models import LogEntry

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_forged_forwarded_for_header_does_not_reach_the_audit_trail(client):
    auditor = UserFactory(roles=[Role.AUDITOR], with_totp=True)
    client.force_login(auditor)

    client.get("/staff/audit/", headers={"X-Forwarded-For": "203.0.113.66"})

    entry = LogEntry.objects.filter(actor=auditor).latest("timestamp")
    assert entry.remote_addr == "127.0.0.1"
