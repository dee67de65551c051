"""Choropleth pages: an accessible SVG map, the same figures in a table and in the CSV, small numbers hidden."""

import csv
import html as html_lib
import io
import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from insights.services import segregation

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(walsall):
    segregation.indices_recompute(iterations=10)


def table_rows(html):
    table = html.split('id="areas"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody", 1)[1]
    rows = []
    for row in re.findall(r"<tr[^>]*data-code=\"([^\"]+)\"[^>]*>(.*?)</tr>", body, re.S):
        cells = [
            html_lib.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row[1], re.S)
        ]
        rows.append(cells)
    return rows


def csv_rows(client, geography, measure):
    response = client.get(reverse("insights:area_map_csv", kwargs={"geography": geography, "measure": measure}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def page(client, geography, measure):
    response = client.get(reverse("insights:area_map", kwargs={"geography": geography, "measure": measure}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("geography", "areas"), [("ward", 20), ("lsoa", 169)])
def test_the_map_has_one_titled_path_per_area_and_a_legend(client, computed, geography, areas):
    html = page(client, geography, "share-asian")

    svg = re.search(r"<svg class=\"app-map app-choropleth\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    assert re.search(r"<title id=\"map-title\">Share of residents who are Asian\. Geography: ", svg)
    assert '<desc id="map-desc">Areas are shaded in 5 classes' in svg
    paths = re.findall(r"<path [^>]*><title>([^<]+)</title></path>", svg)
    assert len(paths) == areas
    assert all(re.fullmatch(r".+: (\d+\.\d%|not shown: fewer than 5 people|no figure)", title) for title in paths)
    assert len(re.findall(r"<rect ", svg)) == 6  # 5 classes and "no figure"
    assert re.search(r"\d+\.\d% to \d+\.\d%", svg)  # the legend says the class ranges


def test_palfrey_has_walsalls_highest_asian_share_by_ward(client, computed):
    rows = table_rows(page(client, "ward", "share-asian"))

    shares = {row[0]: float(row[4].rstrip("%")) for row in rows}
    assert max(shares, key=shares.get) == "Palfrey"
    assert shares["Palfrey"] == pytest.approx(61, abs=1)
    assert shares["Paddock"] == pytest.approx(48, abs=1)


@pytest.mark.parametrize(
    ("geography", "measure"), [("ward", "share-asian"), ("lsoa", "lq-black"), ("lsoa", "local-entropy")]
)
def test_the_csv_is_exactly_the_table(client, computed, geography, measure):
    shown = table_rows(page(client, geography, measure))

    header, *rows = csv_rows(client, geography, measure)

    assert len(rows) == len(shown)
    for table_row, csv_row in zip(shown, rows, strict=True):
        assert csv_row[0] == table_row[1]  # code
        assert csv_row[1] == table_row[0]  # name
        value = table_row[-1].rstrip("%")
        assert csv_row[header.index(measure.replace("-", "_"))] == ("" if value == "Not shown" else value)
        assert csv_row[-2:] == ["2021", "ONS Census 2021 TS021"]


def test_small_counts_are_hidden_from_the_public_and_shown_to_staff(client, computed):
    public_rows = csv_rows(client, "lsoa", "share-other")[1:]
    hidden = [row for row in public_rows if row[2] == ""]
    assert hidden, "Some Walsall LSOAs have fewer than 5 residents of other ethnic groups"
    assert all(row[4] == "" for row in hidden)
    assert "Fewer than 5" in page(client, "lsoa", "share-other")

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    staff_rows = csv_rows(client, "lsoa", "share-other")[1:]
    assert all(row[2] != "" and row[4] != "" for row in staff_rows)
    assert any(0 <= int(row[2]) < 5 for row in staff_rows)


@pytest.mark.parametrize(
    ("geography", "measure"), [("msoa", "share-asian"), ("ward", "share-martian"), ("ward", "lq"), ("oa", "x")]
)
def test_unknown_geographies_and_measures_are_not_found(client, computed, geography, measure):
    for name in ("insights:area_map", "insights:area_map_csv"):
        response = client.get(reverse(name, kwargs={"geography": geography, "measure": measure}))
        assert response.status_code == 404
    assert "Page not found" in response.content.decode() or response.status_code == 404


def test_a_map_page_needs_few_queries(client, computed, django_assert_max_num_queries):
    page(client, "lsoa", "lq-asian")  # warm the boundary and local-figure caches

    with django_assert_max_num_queries(8):
        page(client, "ward", "lq-asian")
        page(client, "lsoa", "lq-asian")
