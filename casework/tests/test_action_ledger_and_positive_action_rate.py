import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import selectors
from casework.models import Action
from casework.tests.factories import action, caseworker, classify, open_case

pytestmark = pytest.mark.django_db


def test_which_actions_count_as_positive():
    case = open_case()
    assert selectors.is_positive(action(case, Action.Kind.CIVIL_INJUNCTION))
    assert selectors.is_positive(action(case, Action.Kind.POLICE_OUTCOME, police_outcome=1))
    assert selectors.is_positive(action(case, Action.Kind.POLICE_OUTCOME, police_outcome=8))
    assert not selectors.is_positive(action(case, Action.Kind.POLICE_OUTCOME, police_outcome=18))
    assert not selectors.is_positive(action(case, Action.Kind.ADVICE_ONLY))


def test_a_police_outcome_needs_its_type():
    case = open_case()
    with pytest.raises(ValidationError):
        action(case, Action.Kind.POLICE_OUTCOME, police_outcome=None)


def test_the_positive_action_rate_is_recorded_cases_with_a_positive_action():
    worker = caseworker()
    cases = [open_case(by=worker) for _ in range(4)]
    for case in cases[:3]:
        classify(case)
    action(cases[0], Action.Kind.COMMUNITY_PROTECTION_NOTICE)
    action(cases[0], Action.Kind.WARNING_LETTER)  # the same case counts once
    action(cases[1], Action.Kind.POLICE_OUTCOME, police_outcome=18)  # no suspect: not positive
    action(cases[3], Action.Kind.PROSECUTION)  # not classified: not in the rate

    figures = selectors.case_statistics()

    assert (figures.cases_with_positive_action, figures.recorded_cases) == (1, 3)
    assert figures.positive_action_rate == pytest.approx(1 / 3)


def test_an_action_is_recorded_against_a_perpetrator_group_from_the_case_page(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)
    client.post(
        reverse("casework:case_party_add", kwargs={"reference": case.reference}),
        {
            "kind": "perpetrator",
            "name": "Group at the bus station",
            "description": "SYNTHETIC teenagers",
            "is_group": "on",
            "group_size": "4",
            "idempotency_key": "5a0e2f6a-4a7e-4a5b-9f0e-1a2b3c4d5e6f",
        },
    )
    party = case.parties.get()
    assert (party.is_group, party.group_size) == (True, 4)

    response = client.post(
        reverse("casework:case_action_add", kwargs={"reference": case.reference}),
        {
            "kind": "cpw",
            "party": str(party.pk),
            "taken_on_day": "1",
            "taken_on_month": "11",
            "taken_on_year": "2026",
            "taken_by": "ASB team",
            "idempotency_key": "6a0e2f6a-4a7e-4a5b-9f0e-1a2b3c4d5e6f",
        },
    )

    assert response.status_code == 302
    recorded = case.actions.get()
    assert (recorded.kind, recorded.party, recorded.taken_on.isoformat()) == ("cpw", party, "2026-11-01")


def test_the_action_page_refuses_a_future_date_and_keeps_the_answers(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)

    response = client.post(
        reverse("casework:case_action_add", kwargs={"reference": case.reference}),
        {
            "kind": "police_outcome",
            "taken_on_day": "1",
            "taken_on_month": "1",
            "taken_on_year": "2099",
            "notes": "SYNTHETIC note",
        },
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Select the police outcome type" in page
    assert "The date of the action must be today or in the past" in page
    assert "SYNTHETIC note" in page
