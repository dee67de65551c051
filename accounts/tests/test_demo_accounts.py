import random
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import validate_totp_code
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts import demo
from accounts.models import Organisation, User
from accounts.roles import Role
from accounts.totp import current_code, totp_secret_of

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def load():
    return demo.load(random.Random(20261126))


def test_loading_twice_changes_nothing():
    assert load()
    users = list(User.objects.order_by("email").values_list("email", "full_name"))
    organisations = Organisation.objects.count()
    authenticators = Authenticator.objects.count()
    assert load() == ""
    assert list(User.objects.order_by("email").values_list("email", "full_name")) == users
    assert Organisation.objects.count() == organisations
    assert Authenticator.objects.count() == authenticators


def test_one_synthetic_sign_in_per_role_with_a_working_authenticator():
    load()
    demo_users = User.objects.filter(is_demo=True)
    assert demo_users.count() == len(Role)
    for role in Role:
        user = demo_users.get(email=demo.demo_email(role))
        assert user.roles == {role}
        assert user.organisation.is_demo
        assert user.check_password(demo.demo_password())
        secret = totp_secret_of(user)
        assert secret == demo.demo_totp_secret(user.email)
        assert validate_totp_code(secret, current_code(secret))
    assert not Organisation.objects.filter(is_demo=False).exists()
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(Organisation.Kind.values)


def test_the_same_seed_gives_the_same_people():
    load()
    first = list(User.objects.order_by("email").values_list("full_name", flat=True))
    User.objects.filter(is_demo=True).update(is_active=True)
    assert first == list(User.objects.order_by("email").values_list("full_name", flat=True))
    assert demo.demo_totp_secret("caseworker@demo.walsall-for-all.test") == demo.demo_totp_secret(
        "caseworker@demo.walsall-for-all.test"
    )


def test_demo_signins_lists_every_role():
    rows = demo.demo_signins()
    assert [email for _label, email, _password in rows] == [demo.demo_email(role) for role in Role]
    assert rows[0][2] == demo.demo_password()
    out = StringIO()
    load()
    call_command("demo_signins", stdout=out)
    text = out.getvalue()
    assert "caseworker@demo.walsall-for-all.test" in text
    assert "demo_code" in text


def test_demo_code_prints_the_current_code_for_demo_accounts_only():
    load()
    email = demo.demo_email(Role.AUDITOR)
    out = StringIO()
    call_command("demo_code", email, stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == current_code(demo.demo_totp_secret(email))

    real = UserFactory(with_totp=True)
    with pytest.raises(CommandError, match="not a demonstration account"):
        call_command("demo_code", real.email, stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError):
        call_command("demo_code", "nobody@example.test", stdout=StringIO(), stderr=StringIO())


def test_a_demo_sign_in_works_end_to_end(client):
    load()
    email = demo.demo_email(Role.HATE_CRIME_CASEWORKER)
    response = client.post(reverse("account_login"), {"login": email, "password": demo.demo_password()})
    assert response.url == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(demo.demo_totp_secret(email))})
    assert response.url == reverse("accounts:dashboard")
    assert "Hate crime caseworker" in client.get(reverse("accounts:dashboard")).content.decode()


def test_load_refuses_to_take_over_a_real_account():
    UserFactory(email=demo.demo_email(Role.AUDITOR))
    with pytest.raises(RuntimeError):
        load()
