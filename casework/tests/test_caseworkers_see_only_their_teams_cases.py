import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory
from casework import selectors
from casework.tests.factories import caseworker, open_case

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    "casework:case_detail",
    "casework:case_classify",
    "casework:case_risk",
    "casework:case_needs",
    "casework:case_party_add",
    "casework:case_referral_add",
    "casework:case_action_add",
    "casework:case_message",
    "casework:case_note_add",
    "casework:case_link",
]


def test_a_team_member_opens_every_page_of_the_case_and_another_team_none(client):
    team = OrganisationFactory(name="Cohesion (test)")
    case = open_case(by=caseworker(team))
    colleague = caseworker(team, role=Role.ASB_OFFICER)
    outsider = caseworker(OrganisationFactory(name="Elsewhere (test)"))

    client.force_login(colleague)
    assert [client.get(reverse(name, kwargs={"reference": case.reference})).status_code for name in CASE_PAGES] == [
        200
    ] * len(CASE_PAGES)
    client.force_login(outsider)
    assert [client.get(reverse(name, kwargs={"reference": case.reference})).status_code for name in CASE_PAGES] == [
        403
    ] * len(CASE_PAGES)


def test_the_queue_holds_only_the_teams_cases():
    ours = open_case(by=caseworker(OrganisationFactory(name="Ours (test)")))
    theirs = open_case(by=caseworker(OrganisationFactory(name="Theirs (test)")))

    rows = selectors.queue(ours.lead)

    assert {row.reference for row in rows} == {ours.reference}
    assert theirs.reference not in {row.reference for row in rows}
