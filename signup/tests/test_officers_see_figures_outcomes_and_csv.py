import csv
import datetime
import io
import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from signup.models import FollowUp
from welcome.services import pack_issue_record

from .factories import FollowUpFactory, SignUpFactory, period_query

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def officer(client):
    user = UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True)
    client.force_login(user)
    return user


@pytest.fixture
def recorded():
    """Two sign-ups in Pleck (one Polish with a buddy), one in Palfrey in Urdu, one long ago."""
    pleck_polish = SignUpFactory(name="Ola Demo", ward_code="E05001316", languages=["pl"], wants_buddy=True)
    FollowUpFactory(
        signup=pleck_polish,
        kind=FollowUp.Kind.GP_REGISTRATION,
        sent_at=NOW,
        sent_channels=["email"],
        outcome="done",
    )
    FollowUpFactory(
        signup=pleck_polish,
        kind=FollowUp.Kind.CONVERSATION_CLUB,
        sent_at=NOW,
        sent_channels=["sms"],
        outcome="done",
        services_joined=[{"id": "a", "name": "Chat club"}, {"id": "b", "name": "Football"}],
    )
    pleck_urdu = SignUpFactory(ward_code="E05001316", languages=["ur", "en"])
    FollowUpFactory(signup=pleck_urdu, sent_at=NOW, sent_channels=["email"], outcome="wants_help")
    SignUpFactory(ward_code="E05001315", languages=["ur"])
    old = SignUpFactory(ward_code="E05001315", languages=["pl"])
    old.created_at = NOW - datetime.timedelta(days=800)
    old.save()
    for _ in range(3):
        pack_issue_record(ward_code="E05001316", language="pl", format="web")
    return pleck_polish


def test_figures_count_sign_ups_follow_ups_outcomes_services_and_packs(client, officer, recorded):
    response = client.get(reverse("signup:staff_overview"))

    figures = response.context["figures"]
    assert figures.sign_ups == 3
    assert figures.packs_issued == 3
    assert figures.services_joined == 2
    assert figures.buddy_requests_from_sign_ups == 1
    assert figures.follow_ups_sent == 3
    assert figures.outcomes == {"done": 2, "wants_help": 1}
    by_ward = {row.code: row for row in figures.by_ward}
    assert by_ward["E05001316"].sign_ups == 2 and by_ward["E05001316"].done == 2
    assert by_ward["E05001315"].sign_ups == 1 and by_ward["E05001315"].not_yet == 0
    by_language = {row.code: row for row in figures.by_language}
    assert by_language["ur"].sign_ups == 2 and by_language["ur"].wants_help == 1
    assert by_language["pl"].services_joined == 2


def test_the_period_chooses_which_sign_ups_count(client, officer, recorded):
    since = (NOW - datetime.timedelta(days=900)).date()
    until = (NOW - datetime.timedelta(days=700)).date()

    response = client.get(reverse("signup:staff_overview"), period_query(since, until))

    assert response.context["figures"].sign_ups == 1
    assert response.context["figures"].packs_issued == 0


def test_a_period_that_ends_before_it_starts_is_explained(client, officer):
    response = client.get(
        reverse("signup:staff_overview"), period_query(datetime.date(2026, 5, 1), datetime.date(2026, 1, 1))
    )

    assert "The end date must be on or after the start date" in response.content.decode()


def test_the_csv_has_snake_case_headers_and_the_same_figures(client, officer, recorded):
    response = client.get(reverse("signup:staff_csv"))

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Disposition"].startswith("attachment")
    assert all(header == header.lower() and " " not in header for header in rows[0])
    total = rows[0]
    assert (total["breakdown"], total["sign_ups"], total["services_joined"]) == ("all", "3", "2")
    pleck = next(row for row in rows if row["breakdown"] == "ward" and row["code"] == "E05001316")
    assert pleck["sign_ups"] == "2" and pleck["outcome_done"] == "2"
    packs = next(row for row in rows if row["breakdown"] == "packs_issued")
    assert packs["sign_ups"] == "3"
    assert "Ola Demo" not in response.content.decode()


def test_names_are_shown_to_integration_officers_only(client, recorded):
    officer = UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True)
    administrator = UserFactory(roles=[Role.ADMINISTRATOR], with_totp=True)

    client.force_login(officer)
    as_officer = client.get(reverse("signup:staff_overview")).content.decode()
    client.force_login(administrator)
    as_administrator = client.get(reverse("signup:staff_overview")).content.decode()

    assert "Ola Demo" in as_officer
    assert "Ola Demo" not in as_administrator
    assert "Names are shown only to integration officers" in as_administrator


def test_opening_a_sign_up_is_recorded_in_the_audit_trail(client, officer, recorded):
    response = client.get(reverse("signup:staff_detail", kwargs={"reference": recorded.reference}))

    assert "Ola Demo" in response.content.decode()
    entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).get()
    assert entry.object_pk == str(recorded.pk)
    assert entry.actor == officer


def test_an_officer_records_an_outcome_from_a_phone_call(client, officer):
    follow_up = FollowUpFactory(sent_at=NOW, sent_channels=["sms"])

    response = client.post(
        reverse("signup:staff_detail", kwargs={"reference": follow_up.signup.reference}),
        {"follow_up": follow_up.pk, "outcome": "not_yet"},
    )

    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.outcome == "not_yet"
    assert follow_up.answered_by == FollowUp.AnsweredBy.PHONE_CALL


def test_an_officer_cannot_record_an_outcome_on_another_signups_follow_up(client, officer):
    follow_up = FollowUpFactory()
    other = SignUpFactory()

    response = client.post(
        reverse("signup:staff_detail", kwargs={"reference": other.reference}),
        {"follow_up": follow_up.pk, "outcome": "done"},
    )

    assert response.status_code == 404
    assert FollowUp.objects.get(pk=follow_up.pk).outcome == ""


def test_the_list_tells_a_follow_up_not_sent_for_lack_of_consent_from_one_still_waiting(client):
    unsent = FollowUpFactory(kind=FollowUp.Kind.GP_REGISTRATION, sent_at=timezone.now(), sent_channels=[])
    FollowUpFactory(signup=unsent.signup, kind=FollowUp.Kind.SETTLING_IN)
    sent = FollowUpFactory(
        signup=unsent.signup, kind=FollowUp.Kind.CONVERSATION_CLUB, sent_at=timezone.now(), sent_channels=["sms"]
    )
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER]))

    overview = client.get(reverse("signup:staff_overview")).content.decode()
    detail = client.get(reverse("signup:staff_detail", kwargs={"reference": sent.signup.reference})).content.decode()

    assert "Have you registered with a GP?: not sent, consent withdrawn" in overview
    assert "How are you settling in?: not sent yet" in overview
    assert "(Text message)" in detail


def test_the_date_boxes_show_the_period_the_figures_are_for_an_end_left_empty_included(client, officer):
    today = timezone.localdate()

    page = client.get(reverse("signup:staff_overview"), period_query(since=datetime.date(2026, 1, 5))).content.decode()

    boxes = dict(
        re.findall(r'name="((?:since|until)_(?:day|month|year))" type="text" inputmode="numeric" value="(\d*)"', page)
    )
    assert boxes == {
        "since_day": "5",
        "since_month": "1",
        "since_year": "2026",
        "until_day": str(today.day),
        "until_month": str(today.month),
        "until_year": str(today.year),
    }
