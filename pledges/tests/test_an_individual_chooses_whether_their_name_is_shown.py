import pytest
from django.urls import reverse

from pledges import services
from pledges.models import Pledge

pytestmark = pytest.mark.django_db


def individual(client, show_name):
    answers = {
        "kind": "individual",
        "show_name": show_name,
        "commitments": ["connect_communities"],
        "contact_name": "Bartosz Nowak",
        "contact_email": "bartosz@example.test",
    }
    assert client.post(reverse("pledges:sign"), answers).status_code == 302
    key = client.get(reverse("pledges:sign_check")).context["draft"]["submission_key"]
    client.post(reverse("pledges:sign_check"), {"submission_key": key})
    pledge = Pledge.objects.get()
    return services.pledge_approve(pledge=pledge, by=None)


def test_a_hidden_name_is_never_shown_publicly(client):
    pledge = individual(client, "no")

    listing = client.get(reverse("pledges:signatory_list")).content.decode()
    page = client.get(reverse("pledges:signatory_detail", args=[pledge.pk])).content.decode()
    assert "Bartosz" not in listing and "Bartosz" not in page
    assert "A Walsall resident" in listing and "A Walsall resident" in page
    assert pledge.contact_name == "Bartosz Nowak"  # kept, encrypted, for reminders


def test_a_shown_name_is_listed(client):
    pledge = individual(client, "yes")

    assert "Bartosz Nowak" in client.get(reverse("pledges:signatory_list")).content.decode()
    assert pledge.individual_name == "Bartosz Nowak"


def test_an_individual_must_say_whether_to_show_their_name(client):
    response = client.post(
        reverse("pledges:sign"),
        {"kind": "individual", "commitments": ["buddies"], "contact_name": "A", "contact_email": "a@example.test"},
    )
    assert "Select whether we can show your name on the public list" in response.content.decode()
