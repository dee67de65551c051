import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    client = APIClient()
    client.force_authenticate(UserFactory())
    return client


def test_anonymous_callers_are_refused(walsall):
    assert APIClient().get(reverse("api-ward-list")).status_code == 401
    assert APIClient().get(reverse("api-postcode-detail", args=["WS11TP"])).status_code == 401


def test_wards_with_population(staff_client, walsall):
    data = staff_client.get(reverse("api-ward-list")).json()
    assert len(data) == 20
    aldridge = next(ward for ward in data if ward["gss_code"] == "E05001301")
    assert aldridge == {
        "gss_code": "E05001301",
        "name": "Aldridge Central and South",
        "population": 14695,
        "lsoa_count": 9,
    }


def test_one_ward(staff_client, walsall):
    data = staff_client.get(reverse("api-ward-detail", args=["E05001301"])).json()
    assert data["generation"]["valid_to"] == "2026-05-06"
    assert len(data["neighbourhoods"]) == 9
    assert {"category": "White", "count": 13039} in data["ethnic_groups"]
    assert staff_client.get(reverse("api-ward-detail", args=["E05999999"])).status_code == 404


def test_postcode_to_lsoa_and_ward(staff_client, walsall):
    data = staff_client.get(reverse("api-postcode-detail", args=["ws11tp"])).json()
    assert data["postcode"] == "WS1 1TP"
    assert data["is_synthetic"] is True
    assert data["lsoa21_code"] == "E01010368"
    assert data["ward"] == {"gss_code": "E05001316", "name": "St Matthew's"}
    assert data["lsoa_ward"]["name"] == "Birchills Leamore"
    assert staff_client.get(reverse("api-postcode-detail", args=["SW1A1AA"])).status_code == 404
