"""Every ORUK endpoint answers as schema/openapi.json says, with bodies valid against the JSON Schemas."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.tests import factories as f
from directory.tests.schemas import errors, page_errors
from places.tests.factories import PostcodeFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"openreferral:{name}", kwargs=kwargs or None)


def get(client, name, params=None, **kwargs):
    response = client.get(url(name, **kwargs), params or {})
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def test_the_api_lives_at_its_stub():
    assert url("root") == "/api/openreferral/"
    assert url("service_list") == "/api/openreferral/services"


def test_root_says_version_and_profile(client):
    body = get(client, "root").json()
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://") and body["openapi_url"].endswith("openapi.json")


def test_services_list_and_detail_validate(client):
    service = f.full_service()
    page = get(client, "service_list").json()
    assert page_errors(page, "compiled/service_list.json") == []
    assert page["contents"][0]["id"] == str(service.id)

    body = get(client, "service_detail", id=service.id).json()
    assert errors(body, "compiled/service.json") == []
    assert body["service_at_locations"][0]["location"]["addresses"]
    assert body["attributes"][0]["taxonomy_term"]["name"]
    assert body["organization"]["organization_identifiers"]
    assert body["contacts"][0]["phones"][0]["number"] == "01922 650000"


def test_optional_fields_are_omitted_not_null(client):
    service = f.ServiceFactory(description="", minimum_age=None, assured_date=None)
    body = get(client, "service_detail", id=service.id).json()
    assert "description" not in body and "minimum_age" not in body and "assured_date" not in body
    assert None not in body.values()


def test_service_at_locations_validate(client):
    sal = f.ServiceAtLocationFactory(service=f.full_service())
    page = get(client, "service_at_location_list").json()
    assert page_errors(page, "compiled/service_at_location_list.json") == []
    body = get(client, "service_at_location_detail", id=sal.id).json()
    # openapi.json names compiled/service.json for this response, but its own example
    # (service_at_location_full.json) is a service_at_location: we serve and check that shape.
    assert errors(body, "compiled/service_at_location.json") == []
    assert body["service"]["id"] == str(sal.service_id)


def test_taxonomies_and_terms_validate(client):
    term = f.TaxonomyTermFactory(parent=f.TaxonomyTermFactory())
    assert page_errors(get(client, "taxonomy_list").json(), "taxonomy.json") == []
    body = get(client, "taxonomy_detail", id=term.taxonomy_id).json()
    assert errors(body, "taxonomy.json") == []
    assert [t["id"] for t in body["taxonomy_terms"]] == [str(term.id)]
    assert page_errors(get(client, "taxonomy_term_list").json(), "taxonomy_term.json") == []
    body = get(client, "taxonomy_term_detail", id=term.id).json()
    assert errors(body, "taxonomy_term.json") == []
    assert body["parent_id"] == str(term.parent_id)


@pytest.mark.parametrize(
    "name", ["service_detail", "service_at_location_detail", "taxonomy_detail", "taxonomy_term_detail"]
)
@pytest.mark.parametrize("id", [uuid.uuid4(), "not-a-uuid"])
def test_unknown_ids_are_404_with_cors(client, name, id):
    assert get(client, name, id=id).status_code == 404


def test_paging_envelope(client):
    for _ in range(5):
        f.ServiceFactory()
    page = get(client, "service_list", {"per_page": 2, "page": 3}).json()
    assert (page["total_items"], page["total_pages"], page["page_number"], page["size"]) == (5, 3, 3, 1)
    assert (page["first_page"], page["last_page"], page["empty"]) == (False, True, False)
    first = get(client, "service_list", {"per_page": 2}).json()
    assert first["first_page"] and not first["last_page"] and first["size"] == 2
    beyond = get(client, "service_list", {"per_page": 2, "page": 9}).json()
    assert beyond["empty"] and beyond["contents"] == []


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("service_list", {"page": "abc"}),
        ("service_list", {"page": "0"}),
        ("service_list", {"per_page": "100000"}),
        ("service_list", {"taxonomy_term_id": "nope"}),
        ("service_list", {"taxonomy_id": "nope"}),
        ("service_list", {"minimum_age": "old"}),
        ("service_list", {"maximum_age": "nan"}),
        ("service_list", {"day": "Funday"}),
        ("service_list", {"start_time": "25:99"}),
        ("service_list", {"modified_after": "yesterday"}),
        ("service_list", {"status": "closed"}),
        ("service_at_location_list", {"proximity": "1000"}),
        ("service_at_location_list", {"postcode": "ZZ99 9ZZ"}),
        ("service_at_location_list", {"postcode": "WS1 1TP", "proximity": "far"}),
        ("taxonomy_term_list", {"taxonomy_id": "nope"}),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, name, params):
    response = get(client, name, params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_unknown_postcode_says_so(client):
    body = get(client, "service_at_location_list", {"postcode": "ZZ99 9ZZ"}).json()
    assert "postcode" in body["detail"]


def _ids(response):
    return {item["id"] for item in response.json()["contents"]}


def test_filters(client):
    counselling = f.ServiceFactory(name="Community counselling", minimum_age=18, maximum_age=65)
    youth = f.ServiceFactory(name="Youth club", description="Games", minimum_age=11, maximum_age=18)
    term = f.TaxonomyTermFactory()
    f.AttributeFactory(service=youth, taxonomy_term=term)
    f.ScheduleFactory(service=youth, byday="SA", opens_at=datetime.time(10), closes_at=datetime.time(12))
    old = f.ServiceFactory(name="Old service", last_modified=timezone.now() - datetime.timedelta(days=400))

    assert _ids(get(client, "service_list", {"search": "counselling"})) == {str(counselling.id)}
    assert _ids(get(client, "service_list", {"search": "youth games"})) == {str(youth.id)}
    assert _ids(get(client, "service_list", {"taxonomy_term_id": term.id})) == {str(youth.id)}
    assert _ids(get(client, "service_list", {"taxonomy_id": term.taxonomy_id})) == {str(youth.id)}
    assert _ids(get(client, "service_list", {"minimum_age": 17})) == {str(counselling.id)}
    assert _ids(get(client, "service_list", {"maximum_age": 18})) == {str(youth.id)}
    assert _ids(get(client, "service_list", {"day": "saturday"})) == {str(youth.id)}
    assert _ids(get(client, "service_list", {"day": "SA", "start_time": "09:00", "end_time": "13:00"})) == {
        str(youth.id)
    }
    assert _ids(get(client, "service_list", {"start_time": "11:00"})) == set()
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    assert str(old.id) not in _ids(get(client, "service_list", {"modified_after": since}))
    assert _ids(get(client, "service_list", {"organization_id": old.organization_id})) == {str(old.id)}


def test_postcode_sorts_nearest_first_and_proximity_limits(client):
    postcode = PostcodeFactory(lat=52.5862, lon=-1.9829)
    near = f.ServiceAtLocationFactory(location=f.LocationFactory(latitude=52.5870, longitude=-1.9829))  # ~90 m
    middle = f.ServiceAtLocationFactory(location=f.LocationFactory(latitude=52.6000, longitude=-1.9829))  # ~1.5 km
    far = f.ServiceAtLocationFactory(location=f.LocationFactory(latitude=52.7000, longitude=-1.9829))  # ~12.7 km
    nowhere = f.ServiceAtLocationFactory(location=f.LocationFactory(latitude=None, longitude=None))

    typed = postcode.postcode.lower().replace(" ", "")
    order = [item["id"] for item in get(client, "service_at_location_list", {"postcode": typed}).json()["contents"]]
    assert order == [str(near.id), str(middle.id), str(far.id), str(nowhere.id)]

    within = get(client, "service_at_location_list", {"postcode": typed, "proximity": 2000}).json()["contents"]
    assert [item["id"] for item in within] == [str(near.id), str(middle.id)]


def test_query_counts_do_not_grow_with_the_data(client, django_assert_num_queries):
    def count(name, **kwargs):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(name, **kwargs)).status_code == 200
        return len(queries)

    first = f.full_service()
    counts = {
        "service_list": count("service_list"),
        "service_at_location_list": count("service_at_location_list"),
        "service_detail": count("service_detail", id=first.id),
    }
    second = f.full_service()
    for _ in range(3):  # more of everything nested in one service
        f.ScheduleFactory(service=second)
        f.PhoneFactory(contact=f.ContactFactory(service=second))
        f.ServiceAtLocationFactory(service=second, location=f.AddressFactory().location)
        f.AttributeFactory(service=second)
    for _ in range(5):
        f.full_service()
    assert count("service_list") == counts["service_list"]
    assert count("service_at_location_list") == counts["service_at_location_list"]
    assert count("service_detail", id=second.id) == counts["service_detail"]
    assert counts["service_detail"] <= 16


def test_anonymous_callers_are_throttled_politely(client, monkeypatch):
    from directory import api

    monkeypatch.setattr(api.OpenReferralThrottle, "get_rate", lambda self: "2/min")
    assert [get(client, "root").status_code for _ in range(3)] == [200, 200, 429]
