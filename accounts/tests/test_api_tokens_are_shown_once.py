import pytest
from rest_framework.authtoken.models import Token

from accounts.roles import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_administrator_sees_a_new_token_once_and_never_in_the_list(client):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR], with_totp=True)
    system = UserFactory(email="systems@police.example.test", roles=[Role.POLICE_LIAISON])
    client.force_login(administrator)

    issued = client.post("/staff/admin/authtoken/tokenproxy/add/", {"user": system.pk}, follow=True)
    key = Token.objects.get(user=system).key
    listed = client.get("/staff/admin/authtoken/tokenproxy/")

    assert key in issued.content.decode()
    assert listed.status_code == 200
    assert key not in listed.content.decode()
