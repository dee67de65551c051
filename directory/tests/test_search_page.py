"""The public search page: GET form, errors that keep the input, results, map and constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from directory.tests.factories import (
    CostOptionFactory,
    LanguageFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
)
from places.models import Postcode


@pytest.fixture
def postcode(walsall):
    return Postcode.objects.exclude(lat=None).filter(is_synthetic=True).order_by("postcode").first()


def add_services(postcode, count, start=0):
    for number in range(start, start + count):
        link = ServiceAtLocationFactory(
            service__name=f"Service {number:03d}",
            location=LocationFactory(latitude=postcode.lat + 0.001 * (number + 1), longitude=postcode.lon),
        )
        LanguageFactory(service=link.service, name="Polish", code="pl")
        CostOptionFactory(service=link.service, amount="0.00")
        ScheduleFactory(service=link.service, byday="MO,WE")


def test_search_by_postcode_lists_nearest_first_with_distance_ward_and_map(client, postcode):
    add_services(postcode, 3)
    response = client.get("/services/", {"postcode": postcode.postcode.lower().replace(" ", "")})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Service 000") < html.index("Service 001") < html.index("Service 002")
    assert "miles away" in html
    assert "Free" in html and "Polish" in html and "Last checked:" in html
    assert 'role="img"' in html and "<circle" in html
    assert f"services near <bdi>{postcode.postcode}</bdi>" in html


def test_bad_postcode_shows_the_error_summary_and_keeps_the_input(client, walsall):
    response = client.get("/services/", {"postcode": "not a postcode", "language": "pl"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_postcode"' in html
    assert "Enter a full UK postcode" in html
    assert 'value="not a postcode"' in html
    assert "govuk-input--error" in html
    assert response.context["results"] is None


def test_unknown_postcode_says_so_without_an_error_page(client, walsall):
    response = client.get("/services/", {"postcode": "ZZ9 9ZZ"})
    assert response.status_code == 200
    assert "We could not find ZZ9 9ZZ" in response.content.decode()


def test_bad_age_is_explained(client, walsall):
    response = client.get("/services/", {"age": "forty"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and 'href="#id_age"' in html
    assert 'id="age-error"' in html and "Enter an age in years as a whole number, like 34" in html
    assert 'value="forty"' in html
    assert response.context["results"] is None


def test_no_results_gives_helpful_suggestions(client, postcode):
    response = client.get("/services/", {"postcode": postcode.postcode, "language": "ar"})
    html = response.content.decode()
    assert "No services match your search." in html
    assert "remove some filters" in html


def test_results_are_paginated_and_pages_keep_the_filters(client, postcode):
    add_services(postcode, 25)
    response = client.get("/services/", {"postcode": postcode.postcode, "language": "pl"})
    html = response.content.decode()
    assert "govuk-pagination" in html
    assert "language=pl&amp;page=2" in html
    second = client.get("/services/", {"postcode": postcode.postcode, "language": "pl", "page": 2})
    assert [row.number for row in second.context["results"].rows] == [21, 22, 23, 24, 25]


def test_search_page_query_count_does_not_grow_with_results(client, postcode):
    params = {"postcode": postcode.postcode, "language": "pl", "free": "on", "when": "MO"}
    add_services(postcode, 2)
    client.get("/services/", params)  # warm the ward map and spatial index caches
    with CaptureQueriesContext(connection) as few:
        client.get("/services/", params)
    add_services(postcode, 18, start=2)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/services/", params)
    assert len(response.context["results"].rows) == 20
    assert len(many) == len(few)


def test_search_page_works_with_no_search_yet(client, walsall):
    response = client.get("/services/")
    assert response.status_code == 200
    assert "Find services in Walsall" in response.content.decode()


@pytest.mark.parametrize("page", ["99999999999999999999", "-3", "abc", "1e9", "999"])
def test_out_of_range_pages_show_a_real_page(client, postcode, page):
    add_services(postcode, 25)
    response = client.get("/services/", {"postcode": postcode.postcode, "page": page})
    assert response.status_code == 200
    number = response.context["results"].page.number
    assert number == (2 if page in ("99999999999999999999", "999") else 1)


def test_postcode_and_ward_together_name_both_in_the_heading(client, postcode, walsall):
    add_services(postcode, 2)
    ward = walsall.wards.exclude(gss_code=postcode.ward_code).exclude(boundary=None).order_by("gss_code").first()
    response = client.get("/services/", {"postcode": postcode.postcode, "ward": ward.gss_code})
    heading = response.content.decode().split('id="results-heading">')[1].split("</h2>")[0]
    assert f"near <bdi>{postcode.postcode}</bdi> in <bdi>{ward.name}</bdi>" in heading


def test_fees_text_is_shown_and_stops_the_free_tag(client, postcode):
    add_services(postcode, 1)
    service = ServiceAtLocationFactory(location__latitude=postcode.lat, location__longitude=postcode.lon).service
    service.fees = "£3 a session, concessions available"
    service.save()
    CostOptionFactory(service=service, amount="0.00")
    response = client.get("/services/", {"postcode": postcode.postcode})
    assert "£3 a session, concessions available" in response.content.decode()
    row = next(row for row in response.context["results"].rows if row.service == service)
    assert row.is_free is False and row.cost_label == "Ask about cost"


def test_record_text_is_isolated_on_right_to_left_pages(client, postcode):
    add_services(postcode, 1)
    service = ServiceAtLocationFactory(
        service__name="Advice (drop-in)!", location__latitude=postcode.lat, location__longitude=postcode.lon
    ).service
    with translation.override("en"):  # the requests switch this thread to Urdu; switch back after
        html = client.get("/ur/services/", {"postcode": postcode.postcode}).content.decode()
        detail = client.get(f"/ur/services/{service.id}/").content.decode()
    assert 'dir="rtl"' in html
    assert 'dir="auto">Advice (drop-in)!</a>' in html
    assert f"<bdi>{service.organization.name}</bdi>" in html
    assert f'dir="auto">{service.description}' in html
    assert "<bdi>Advice (drop-in)!</bdi></h1>" in detail


def test_result_links_carry_the_page_and_pagination_does_not_repeat_it(client, postcode):
    add_services(postcode, 25)
    response = client.get("/services/", {"postcode": postcode.postcode, "page": 2})
    html = response.content.decode()
    service_id = response.context["results"].rows[0].service.id
    plus = postcode.postcode.replace(" ", "+")
    assert f'href="/services/{service_id}/?postcode={plus}&amp;page=2"' in html
    assert "page=2&amp;page=" not in html
    assert f'href="?postcode={postcode.postcode.replace(" ", "+")}&amp;page=1"' in html
