import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    UserFactory(full_name="Someone Real")
    return LogEntry.objects.latest("pk")


def test_changing_an_entry_is_refused_by_the_database(entry):
    with pytest.raises(IntegrityError), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(object_repr="tampered")
    entry.refresh_from_db()
    assert entry.object_repr != "tampered"


def test_saving_a_changed_entry_is_refused(entry):
    entry.changes_text = "nothing happened"
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()


def test_deleting_an_entry_is_refused_by_the_database(entry):
    with pytest.raises(IntegrityError), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).delete()
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_raw_sql_cannot_change_or_delete_entries_either(entry):
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE auditlog_logentry SET actor_email = 'someone@else.test' WHERE id = %s", [entry.pk])
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM auditlog_logentry")
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_new_entries_can_still_be_written(entry):
    before = LogEntry.objects.count()
    UserFactory()
    assert LogEntry.objects.count() > before


def test_a_person_in_the_trail_cannot_be_deleted_only_deactivated():
    from accounts.services import user_deactivate

    actor = UserFactory(roles=[Role.ADMINISTRATOR])
    from auditlog.context import set_actor

    with set_actor(actor):
        UserFactory()
    assert LogEntry.objects.filter(actor=actor).exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        actor.delete()
    user_deactivate(user=actor)
    actor.refresh_from_db()
    assert not actor.is_active


def test_the_admin_offers_no_way_to_add_change_or_delete(entry):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    request = RequestFactory().get("/")
    request.user = superuser
    log_admin = admin.site._registry[LogEntry]
    assert not log_admin.has_add_permission(request)
    assert not log_admin.has_change_permission(request, entry)
    assert not log_admin.has_delete_permission(request, entry)
    from accounts.models import User

    assert not admin.site._registry[User].has_delete_permission(request, superuser)
