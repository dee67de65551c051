"""Signing the pledge: question page, check your answers, confirmation; approval; the public list and badge."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from pledges.models import Pledge

pytestmark = pytest.mark.django_db

ANSWERS = {
    "kind": "organisation",
    "organisation_name": "Caldmore Tea Club",
    "commitments": ["welcome_newcomers", "buddies"],
    "own_words": "A free lunch for newcomers every month.",
    "contact_name": "Amira Khan",
    "contact_email": "amira@example.test",
    "contact_phone": "01632 960 123",
}


def sign(client, answers=ANSWERS):
    response = client.post(reverse("pledges:sign"), answers)
    assert response.status_code == 302 and response["Location"] == reverse("pledges:sign_check")
    check = client.get(reverse("pledges:sign_check"))
    key = check.context["draft"]["submission_key"]
    return check, client.post(reverse("pledges:sign_check"), {"submission_key": key}), key


def test_signing_makes_a_pending_pledge_that_approval_lists_with_a_badge(client):
    check, done, _key = sign(client)
    assert "Check your answers before signing" in check.content.decode()
    assert "Caldmore Tea Club" in check.content.decode()
    assert done["Location"] == reverse("pledges:sign_done")
    assert "Pledge signed" in client.get(done["Location"]).content.decode()

    pledge = Pledge.objects.get()
    assert pledge.status == Pledge.Status.PENDING
    assert pledge.contact_email == "amira@example.test"
    assert "Caldmore Tea Club" not in client.get(reverse("pledges:signatory_list")).content.decode()

    officer = UserFactory(roles=[Role.INTEGRATION_OFFICER])
    partner_organisation = OrganisationFactory(name="Caldmore Tea Club CIC")
    client.force_login(officer)
    approve = reverse("pledges:staff_pledge_action", args=[pledge.pk, "approve"])
    assert client.get(approve).status_code == 200
    client.post(approve, {"organisation": partner_organisation.pk})
    client.logout()

    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.ACTIVE and pledge.organisation == partner_organisation
    listing = client.get(reverse("pledges:signatory_list")).content.decode()
    assert "Caldmore Tea Club" in listing
    assert f'alt="Walsall for All pledge signatory {pledge.signed_on.year}"' in listing
    page = client.get(reverse("pledges:signatory_detail", args=[pledge.pk])).content.decode()
    assert "Put forward volunteers to be community buddies" in page
    assert "A free lunch for newcomers every month." in page
    assert "amira@example.test" not in page


def test_the_badge_is_an_accessible_svg_that_can_be_downloaded(client):
    from pledges.tests.factories import PledgeFactory

    pledge = PledgeFactory()
    response = client.get(reverse("pledges:badge", args=[pledge.pk]))
    svg = response.content.decode()
    assert response["Content-Type"].startswith("image/svg+xml")
    assert (
        'role="img"' in svg and f'<title id="badge-title">Walsall for All pledge signatory {pledge.badge_year}' in svg
    )

    download = client.get(reverse("pledges:badge", args=[pledge.pk]), {"download": "1"})
    assert download["Content-Disposition"].startswith("attachment;")


def test_pending_and_withdrawn_pledges_have_no_public_page_or_badge(client):
    from pledges.tests.factories import PledgeFactory

    for pledge in (PledgeFactory(pending=True), PledgeFactory(status=Pledge.Status.WITHDRAWN)):
        assert client.get(reverse("pledges:signatory_detail", args=[pledge.pk])).status_code == 404
        assert client.get(reverse("pledges:badge", args=[pledge.pk])).status_code == 404


def test_pressing_sign_twice_makes_one_pledge(client):
    _check, _done, key = sign(client)
    again = client.post(reverse("pledges:sign_check"), {"submission_key": key})

    assert again["Location"] == reverse("pledges:sign_done")
    assert Pledge.objects.count() == 1


def test_form_errors_are_explained_and_keep_what_was_typed(client):
    answers = {**ANSWERS, "organisation_name": "", "contact_email": "not-an-email", "commitments": []}
    answers["own_words"] = ""
    response = client.post(reverse("pledges:sign"), answers)

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_organisation_name"' in html and "Enter the name of your organisation or group" in html
    assert "Enter an email address in the correct format" in html
    assert "Select at least one commitment, or write your own" in html
    assert 'value="not-an-email"' in html and 'value="Amira Khan"' in html
    assert Pledge.objects.count() == 0


def test_nonsense_input_never_breaks_the_form(client):
    response = client.post(
        reverse("pledges:sign"),
        {"kind": "robot", "show_name": "maybe", "commitments": ["x" * 500], "contact_name": "x" * 5000},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert client.post(reverse("pledges:sign_check"), {"submission_key": "nonsense"}).status_code == 302


def test_an_officer_can_reject_withdraw_and_record_a_renewal(client):
    from pledges.tests.factories import PledgeFactory

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))
    pending = PledgeFactory(pending=True)
    client.post(reverse("pledges:staff_pledge_action", args=[pending.pk, "reject"]), {"note": "Not in Walsall"})
    pending.refresh_from_db()
    assert pending.status == Pledge.Status.REJECTED

    active = PledgeFactory()
    due = active.renewal_due
    client.post(reverse("pledges:staff_pledge_action", args=[active.pk, "renew"]))
    active.refresh_from_db()
    assert active.renewal_due > due and active.renewed_on is not None

    client.post(reverse("pledges:staff_pledge_action", args=[active.pk, "withdraw"]), {"note": ""})
    active.refresh_from_db()
    assert active.status == Pledge.Status.WITHDRAWN
    assert client.get(reverse("pledges:signatory_detail", args=[active.pk])).status_code == 404


def test_an_approval_shows_at_once_on_the_list_anonymous_visitors_see(client, django_capture_on_commit_callbacks):
    from pledges import services
    from pledges.tests.factories import PledgeFactory

    pledge = PledgeFactory(pending=True, organisation_name="Rushall Knitters")
    assert "Rushall Knitters" not in client.get(reverse("pledges:signatory_list")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_approve(pledge=pledge, by=None)

    assert "Rushall Knitters" in client.get(reverse("pledges:signatory_list")).content.decode()


def test_signing_is_rate_limited_per_address_and_keeps_the_answers(client, monkeypatch):
    from pledges import views

    monkeypatch.setattr(views, "SIGN_RATE", "1/h")
    sign(client)
    client.post(reverse("pledges:sign"), {**ANSWERS, "organisation_name": "Second Group"})
    key = client.get(reverse("pledges:sign_check")).context["draft"]["submission_key"]

    response = client.post(reverse("pledges:sign_check"), {"submission_key": key})

    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode() and "Second Group" in response.content.decode()
    assert Pledge.objects.count() == 1
