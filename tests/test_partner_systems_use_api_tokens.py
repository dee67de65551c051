from io import StringIO

import pytest
from django.core.management import call_command

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from places.tests.fixtures import import_walsall

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def walsall_wards(db):
    import_walsall()


def issue_token(email):
    out = StringIO()
    call_command("issue_api_token", email, stdout=out)
    return out.getvalue().strip()


def test_a_partner_system_reads_the_api_with_its_token(client):
    system = UserFactory(email="systems@police.example.test", roles=[Role.POLICE_LIAISON])
    token = issue_token(system.email)

    with_token = client.get("/api/wards/", headers={"Authorization": f"Token {token}"})
    without_token = client.get("/api/wards/")

    assert with_token.status_code == 200
    assert without_token.status_code == 401


def test_issuing_a_new_token_revokes_the_old_one(client):
    system = UserFactory(email="systems@housing.example.test", roles=[Role.PARTNER_ORGANISATION_USER])
    old = issue_token(system.email)
    new = issue_token(system.email)

    assert client.get("/api/wards/", headers={"Authorization": f"Token {old}"}).status_code == 401
    assert client.get("/api/wards/", headers={"Authorization": f"Token {new}"}).status_code == 200


def test_a_deactivated_accounts_token_stops_working(client):
    system = UserFactory(email="systems@charity.example.test", roles=[Role.PARTNER_ORGANISATION_USER])
    token = issue_token(system.email)
    system.is_active = False
    system.save()

    assert client.get("/api/wards/", headers={"Authorization": f"Token {token}"}).status_code == 401


def test_the_schema_describes_the_api():
    from django.test import Client

    response = Client().get("/api/schema/", headers={"Accept": "application/json"})

    assert response.status_code == 200
    assert "/api/wards/" in response.content.decode()
