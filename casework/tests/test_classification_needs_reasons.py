import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import services
from casework.models import Case
from casework.tests.factories import caseworker, open_case

pytestmark = pytest.mark.django_db


def test_a_classification_without_reasons_is_refused():
    case = open_case()
    with pytest.raises(ValidationError):
        services.case_classify(case=case, classification="hate_crime", reasons="  ", by=case.lead)


def test_a_non_crime_hate_incident_needs_the_threshold_to_be_met():
    case = open_case()
    with pytest.raises(ValidationError):
        services.case_classify(
            case=case, classification="nchi", reasons="Offensive remark", nchi_threshold="not_met_trivial", by=case.lead
        )

    decision = services.case_classify(
        case=case, classification="nchi", reasons="Leaflets targeting a mosque", nchi_threshold="met_harm", by=case.lead
    )

    case.refresh_from_db()
    assert case.classification == "nchi"
    assert case.status == Case.Status.OPEN
    assert decision.decided_by == case.lead
    assert decision.reasons == "Leaflets targeting a mosque"


def test_the_classify_page_keeps_what_was_typed_and_says_what_is_missing(client):
    worker = caseworker()
    case = open_case(by=worker)
    client.force_login(worker)
    url = reverse("casework:case_classify", kwargs={"reference": case.reference})

    response = client.post(url, {"classification": "nchi", "reasons": "Graffiti on a door"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select why the threshold is met" in page
    assert "Graffiti on a door" in page

    response = client.post(url, {"classification": "hate_crime", "reasons": ""})
    assert "Enter the reasons for this classification" in response.content.decode()

    response = client.post(url, {"classification": "hate_crime", "reasons": "Assault with racist abuse"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.classification == "hate_crime"
