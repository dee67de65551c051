import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from accounts.groups import sync_role_groups
from accounts.roles import Role
from accounts.services import user_set_roles

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_has_a_group_after_migrate():
    assert set(Group.objects.filter(name__in=Role.values).values_list("name", flat=True)) == set(Role.values)


def test_syncing_groups_again_makes_no_duplicates():
    sync_role_groups()
    sync_role_groups()
    assert Group.objects.filter(name__in=Role.values).count() == len(Role.values)


def test_user_roles_come_from_groups():
    user = UserFactory(roles=[Role.AUDITOR, Role.ASB_OFFICER])
    assert user.roles == {Role.AUDITOR, Role.ASB_OFFICER}
    assert set(user.groups.values_list("name", flat=True)) == {"auditor", "asb_officer"}
    assert user.has_role(Role.AUDITOR)
    assert not user.has_role(Role.ADMINISTRATOR)


def test_setting_roles_replaces_them_and_keeps_other_groups():
    other = Group.objects.create(name="newsletter editors")
    user = UserFactory(roles=[Role.AUDITOR])
    user.groups.add(other)
    user_set_roles(user=user, roles=[Role.ADMINISTRATOR])
    assert user.roles == {Role.ADMINISTRATOR}
    assert set(user.groups.values_list("name", flat=True)) == {"administrator", "newsletter editors"}


def test_inactive_users_hold_no_role():
    user = UserFactory(roles=[Role.ADMINISTRATOR], is_active=False)
    assert not user.has_role(Role.ADMINISTRATOR)


def test_named_permissions_follow_roles():
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    auditor = UserFactory(roles=[Role.AUDITOR])
    worker = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    nobody = UserFactory()
    assert administrator.has_perm("accounts.manage_users")
    assert not auditor.has_perm("accounts.manage_users")
    assert auditor.has_perm("audit.view_log") and administrator.has_perm("audit.view_log")
    assert not worker.has_perm("audit.view_log")
    assert worker.has_perm("accounts.view_dashboard")
    assert not nobody.has_perm("accounts.view_dashboard")


def test_same_organisation_rule():
    from accounts.rules import is_same_organisation

    user = UserFactory()
    colleague = UserFactory(organisation=user.organisation)
    stranger = UserFactory()
    assert is_same_organisation(user, colleague)
    assert is_same_organisation(user, user.organisation)
    assert not is_same_organisation(user, stranger)
    assert not is_same_organisation(user, None)


def test_migrate_keeps_groups_in_step(db):
    Group.objects.filter(name=Role.AUDITOR).delete()
    call_command("migrate", "accounts", verbosity=0)
    assert Group.objects.filter(name=Role.AUDITOR).exists()
