"""Arbitrary text in every case form: never a server error, and what was typed comes back on error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework.tests.factories import caseworker, open_case

pytestmark = pytest.mark.django_db

FORMS = {
    "casework:case_classify": ("reasons", {"classification": "nchi"}),
    "casework:case_risk": ("notes", {"repeat": "9"}),
    "casework:case_party_add": ("description", {"group_size": "x"}),
    "casework:case_referral_add": ("reason", {"recipient": "police"}),
    "casework:case_action_add": ("notes", {"taken_on_day": "31", "taken_on_month": "2", "taken_on_year": "2026"}),
    "casework:case_message": ("body", {"report": "nope"}),
    "casework:case_link": ("reference", {}),
}

# Text a browser can send in a form: no NUL and no lone surrogates.
typed = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=300)


@pytest.fixture
def signed_in(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)
    return client, case


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=typed, name=st.sampled_from(sorted(FORMS)))
def test_any_text_in_any_case_form(signed_in, text, name):
    client, case = signed_in
    field, broken = FORMS[name]

    response = client.post(reverse(name, kwargs={"reference": case.reference}), {field: text, **broken})

    assert response.status_code in (302, 400)
    if response.status_code == 400 and text.strip() and field != "reference":
        from django.utils.html import escape

        assert escape(text.replace("\r\n", "\n")).strip()[:20] in response.content.decode().replace("\r\n", "\n")
