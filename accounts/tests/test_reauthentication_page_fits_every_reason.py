import pytest
from django.urls import reverse

from accounts.roles import Role

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_password_again_page_does_not_claim_anything_is_being_changed(client):
    """It is shown before viewing recovery codes too, which changes nothing."""
    client.force_login(UserFactory(roles=[Role.AUDITOR], with_totp=True))

    response = client.get(reverse("mfa_view_recovery_codes"), follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert "For your security, enter your password again to continue." in html
    assert "To change how you sign in" not in html
