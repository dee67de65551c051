"""Holders of the administrator role manage people, organisations and API tokens in the Django admin."""

import random

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import demo
from accounts.groups import sync_role_groups
from accounts.models import Organisation, User
from accounts.roles import Role
from accounts.services import user_create, user_set_roles

from .factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator_client(client):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR], with_totp=True)
    client.force_login(administrator)
    client.user = administrator
    return client


def change_form_data(user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "job_title": user.job_title,
        "phone": user.phone or "",
        "organisation": user.organisation_id or "",
        "is_active": "on" if user.is_active else "",
        "groups": [group.pk for group in user.groups.all()],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None)}


def test_holding_the_administrator_role_is_what_lets_someone_use_the_admin():
    user = user_create(email="new-admin@example.test", full_name="New Admin", roles=[Role.ADMINISTRATOR])
    assert user.is_staff

    user_set_roles(user=user, roles=[Role.AUDITOR])
    user.refresh_from_db()
    assert not user.is_staff

    user_set_roles(user=user, roles=[Role.AUDITOR, Role.ADMINISTRATOR])
    user.refresh_from_db()
    assert user.is_staff


def test_other_roles_never_make_someone_staff():
    for role in Role:
        if role != Role.ADMINISTRATOR:
            assert not UserFactory(roles=[role]).is_staff


def test_a_superuser_keeps_the_admin_whatever_their_roles():
    superuser = UserFactory(is_superuser=True, is_staff=True)
    user_set_roles(user=superuser, roles=[Role.AUDITOR])
    superuser.refresh_from_db()
    assert superuser.is_staff


def test_the_administrator_group_holds_exactly_the_admin_permissions_it_needs():
    group = Group.objects.get(name=Role.ADMINISTRATOR)
    group.permissions.add(*group.permissions.model.objects.filter(codename="delete_user"))
    sync_role_groups()

    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert held == {
        ("accounts", "add_user"),
        ("accounts", "change_user"),
        ("accounts", "view_user"),
        ("accounts", "add_organisation"),
        ("accounts", "change_organisation"),
        ("accounts", "view_organisation"),
        ("authtoken", "add_token"),
        ("authtoken", "view_token"),
        ("authtoken", "delete_token"),
        ("authtoken", "add_tokenproxy"),
        ("authtoken", "view_tokenproxy"),
        ("authtoken", "delete_tokenproxy"),
    }
    for role in Role:
        if role != Role.ADMINISTRATOR:
            assert not Group.objects.get(name=role).permissions.exists()


def test_administrator_opens_the_users_organisations_and_api_tokens_in_the_admin(administrator_client):
    assert administrator_client.get(reverse("admin:index")).status_code == 200
    assert administrator_client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    assert administrator_client.get(reverse("admin:accounts_user_add")).status_code == 200
    assert administrator_client.get(reverse("admin:accounts_organisation_changelist")).status_code == 200
    assert administrator_client.get(reverse("admin:accounts_organisation_add")).status_code == 200
    assert administrator_client.get(reverse("admin:authtoken_tokenproxy_changelist")).status_code == 200
    assert administrator_client.get(reverse("admin:authtoken_tokenproxy_add")).status_code == 200


def test_administrator_gives_someone_roles_and_an_organisation_in_the_admin(administrator_client):
    person = UserFactory(roles=[Role.BUDDY_COORDINATOR])
    organisation = OrganisationFactory(name="Another organisation")
    roles = [Group.objects.get(name=Role.AUDITOR).pk, Group.objects.get(name=Role.ADMINISTRATOR).pk]

    response = administrator_client.post(
        reverse("admin:accounts_user_change", args=[person.pk]),
        change_form_data(person, organisation=organisation.pk, groups=roles),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    person = User.objects.get(pk=person.pk)
    assert person.roles == {Role.AUDITOR, Role.ADMINISTRATOR}
    assert person.organisation == organisation
    assert person.is_staff


def test_taking_the_administrator_role_away_in_the_admin_takes_the_admin_away(administrator_client):
    person = UserFactory(roles=[Role.ADMINISTRATOR])
    assert person.is_staff

    administrator_client.post(
        reverse("admin:accounts_user_change", args=[person.pk]),
        change_form_data(person, groups=[Group.objects.get(name=Role.AUDITOR).pk]),
    )

    person.refresh_from_db()
    assert not person.is_staff


def test_administrator_adds_an_account_with_a_role_in_the_admin(administrator_client):
    organisation = OrganisationFactory()
    response = administrator_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "added@example.test",
            "full_name": "Added Person",
            "organisation": organisation.pk,
            "groups": [Group.objects.get(name=Role.ASB_OFFICER).pk],
            "password1": "a-long-enough-password-42",
            "password2": "a-long-enough-password-42",
        },
    )
    assert response.status_code == 302
    added = User.objects.get(email="added@example.test")
    assert added.roles == {Role.ASB_OFFICER}
    assert not added.is_staff


def test_administrator_cannot_make_anyone_a_superuser_or_staff_by_hand(administrator_client):
    person = UserFactory(roles=[Role.BUDDY_COORDINATOR])

    administrator_client.post(
        reverse("admin:accounts_user_change", args=[person.pk]),
        change_form_data(person, is_superuser="on", is_staff="on"),
    )

    person.refresh_from_db()
    assert not person.is_superuser
    assert not person.is_staff


def test_administrator_cannot_change_a_superuser(administrator_client):
    superuser = UserFactory(is_superuser=True, is_staff=True, full_name="The Superuser")

    administrator_client.post(
        reverse("admin:accounts_user_change", args=[superuser.pk]), change_form_data(superuser, full_name="Renamed")
    )

    superuser.refresh_from_db()
    assert superuser.full_name == "The Superuser"
    password_page = administrator_client.get(reverse("admin:auth_user_password_change", args=[superuser.pk]))
    assert password_page.status_code == 403


def test_administrator_cannot_delete_people_or_organisations(administrator_client):
    person = UserFactory()
    assert administrator_client.get(reverse("admin:accounts_user_delete", args=[person.pk])).status_code == 403
    assert (
        administrator_client.get(
            reverse("admin:accounts_organisation_delete", args=[person.organisation_id])
        ).status_code
        == 403
    )
    assert User.objects.filter(pk=person.pk).exists()
    assert Organisation.objects.filter(pk=person.organisation_id).exists()


def test_administrator_cannot_change_the_audit_trail_in_the_admin(administrator_client):
    entry = LogEntry.objects.latest("pk")
    change_url = reverse("admin:auditlog_logentry_change", args=[entry.pk])
    response = administrator_client.post(change_url, {"changes_text": "tampered"})
    assert response.status_code == 403
    assert administrator_client.get(reverse("admin:auditlog_logentry_delete", args=[entry.pk])).status_code == 403


def test_dashboard_and_user_list_link_administrators_to_the_admin(administrator_client):
    for url in (reverse("accounts:dashboard"), reverse("accounts:user_list")):
        html = administrator_client.get(url).content.decode()
        assert f'href="{reverse("admin:accounts_user_changelist")}"' in html
        assert f'href="{reverse("admin:accounts_organisation_changelist")}"' in html
        assert f'href="{reverse("admin:authtoken_tokenproxy_changelist")}"' in html


def test_dashboard_offers_no_admin_links_to_other_roles(client):
    client.force_login(UserFactory(roles=[Role.AUDITOR], with_totp=True))
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("admin:index") not in html


def test_the_demo_administrator_can_use_the_admin_even_if_loaded_before():
    demo.load(random.Random(1))
    administrator = User.objects.get(email=demo.demo_email(Role.ADMINISTRATOR))
    assert administrator.is_staff
    User.objects.filter(pk=administrator.pk).update(is_staff=False)  # as loaded by an older version

    demo.load(random.Random(1))

    administrator.refresh_from_db()
    assert administrator.is_staff
    assert not User.objects.filter(is_demo=True, is_staff=True).exclude(pk=administrator.pk).exists()
