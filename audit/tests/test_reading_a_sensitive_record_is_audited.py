import pytest
from auditlog.models import LogEntry
from django.test import RequestFactory

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.services import record_access

pytestmark = pytest.mark.django_db


def test_opening_a_record_writes_who_when_what_where_and_why():
    caseworker = UserFactory(roles=[Role.HATE_CRIME_CASEWORKER])
    record = OrganisationFactory(name="Sensitive record stand-in")
    request = RequestFactory().get("/cases/42/", REMOTE_ADDR="198.51.100.23")
    request.user = caseworker

    entry = record_access(request=request, obj=record, reason="Case page viewed")

    stored = LogEntry.objects.get(pk=entry.pk)
    assert stored.action == LogEntry.Action.ACCESS
    assert stored.actor == caseworker
    assert stored.actor_email == caseworker.email
    assert stored.remote_addr == "198.51.100.23"
    assert stored.object_pk == str(record.pk)
    assert stored.content_type.model == "organisation"
    assert stored.additional_data["reason"] == "Case page viewed"
    assert stored.additional_data["path"] == "/cases/42/"
    assert stored.timestamp is not None


def test_the_address_behind_a_proxy_is_recorded():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
    request.user = UserFactory()
    entry = record_access(request=request, obj=OrganisationFactory(), reason="")
    assert entry.remote_addr == "203.0.113.9"


def test_an_unsaved_record_cannot_be_recorded():
    from accounts.models import Organisation

    request = RequestFactory().get("/")
    request.user = UserFactory()
    with pytest.raises(ValueError):
        record_access(request=request, obj=Organisation(name="x"), reason="")


def test_changes_to_personal_data_are_logged_with_actor_and_address():
    from auditlog.context import set_actor

    from accounts.services import user_create

    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    with set_actor(administrator, remote_addr="192.0.2.5"):
        person = user_create(email="new.person@example.test", full_name="New Person", password="x" * 16)
    created = LogEntry.objects.get_for_object(person).get(action=LogEntry.Action.CREATE)
    assert created.actor == administrator
    assert created.remote_addr == "192.0.2.5"
    assert "password" not in (created.changes or {})
    assert "full_name" in created.changes
