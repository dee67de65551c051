import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_ward_list_shows_twenty_wards_in_a_table_and_an_svg_map(client, walsall, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("places:ward_list"))
    assert response.status_code == 200
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    links = re.findall(r'<a href="/wards/(E05\d{6})/" aria-label="([^"]+)"><title>', svg)
    assert len(links) == 20
    assert ("E05001316", "St Matthew&#x27;s") in links
    assert '<title id="ward-map-title">' in svg and '<desc id="ward-map-desc">' in svg
    assert 'style="' not in html
    table = html[html.index("<table") : html.index("</table>")]
    assert len(re.findall(r'<th scope="row"', table)) == 20
    # Aldridge Central and South: 9 LSOAs, 14,695 residents in Census 2021
    assert re.search(
        r"Aldridge Central and South</a></th>\s*<td[^>]*>E05001301</td>\s*<td[^>]*>14,695</td>\s*<td[^>]*>9<", table
    )
    assert "until 6 May 2026" in html  # the boundaries shown are no longer in force


def test_pages_make_a_small_constant_number_of_queries(client, walsall, django_assert_max_num_queries):
    """No query per ward or per neighbourhood: the map is cached, the statistics are a few aggregate reads."""
    client.get(reverse("places:ward_list"))  # warm the map cache
    with django_assert_max_num_queries(6):
        client.get(reverse("places:ward_list"))
    with django_assert_max_num_queries(8):
        client.get(reverse("places:ward_detail", args=["E05001310"]))
    with django_assert_max_num_queries(8):
        client.get(reverse("places:find_ward"), {"postcode": "WS1 9ZN"})


def test_a_ward_page_highlights_the_ward_and_lists_its_neighbourhoods(client, walsall):
    response = client.get(reverse("places:ward_detail", args=["E05001301"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Aldridge Central and South</h1>' in html
    assert html.count("app-map__area--selected") == 1
    assert 'href="/wards/E05001301/" aria-label="Aldridge Central and South" aria-current="page"' in html
    assert "Walsall 015A" in html and "E01010241" in html and "2,337" in html
    assert "White" in html and "13,039" in html
    assert "TS021" in html


def test_an_unknown_ward_is_not_found(client, walsall):
    assert client.get(reverse("places:ward_detail", args=["E05999999"])).status_code == 404


def test_finding_a_ward_from_a_demo_postcode(client, walsall):
    response = client.get(reverse("places:find_ward"), {"postcode": "ws9 9za"})
    html = response.content.decode()
    assert "Aldridge Central and South" in html
    assert "demo postcode (synthetic)" in html
    assert "govuk-error-summary" not in html


def test_a_malformed_postcode_gets_an_error_summary_and_keeps_what_was_typed(client, walsall):
    response = client.get(reverse("places:find_ward"), {"postcode": "WS1 XYZ"})
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert '<a href="#postcode">Enter a full UK postcode, like WS1 1TP' in html
    assert 'id="postcode-error"' in html
    assert 'value="WS1 XYZ"' in html
    assert "<title>Error:" in html


def test_a_postcode_not_in_walsall_gets_its_own_message(client, walsall):
    response = client.get(reverse("places:find_ward"), {"postcode": "sw1a 1aa"})
    html = response.content.decode()
    assert "We could not find the postcode SW1A 1AA in Walsall" in html
    assert 'value="sw1a 1aa"' in html


def test_an_empty_search_asks_for_a_postcode(client, walsall):
    html = client.get(reverse("places:find_ward"), {"postcode": ""}).content.decode()
    assert '<a href="#postcode">Enter a postcode</a>' in html


def test_the_find_page_without_a_search_shows_the_form(client):
    html = client.get(reverse("places:find_ward")).content.decode()
    assert "govuk-error-summary" not in html
    assert 'name="postcode"' in html
