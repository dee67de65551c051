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
    assert all(re.fullmatch(r".+: (\d+\.\d%|not shown, to protect counts under 5|no figure)", title) for title in paths)
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
        column = measure.replace("-", "_") + ("_percent" if measure.startswith("share") else "")
        assert csv_row[header.index(column)] == value  # "Not shown" in both when hidden
        assert csv_row[header.index("all_residents")] == table_row[-2].replace(",", "")
        if "group_residents" in header:
            assert csv_row[header.index("group_residents")] == table_row[-3].replace(",", "")
        assert csv_row[-2:] == ["2021", "ONS Census 2021 TS021"]


def test_small_counts_are_hidden_from_the_public_and_shown_to_staff(client, computed):
    public_rows = csv_rows(client, "lsoa", "share-other")[1:]
    small = [row for row in public_rows if row[2] == "Fewer than 5"]
    assert small, "Some Walsall LSOAs have fewer than 5 residents of other ethnic groups"
    assert all(row[4] == "Not shown" for row in small)
    assert "" not in {cell for row in public_rows for cell in row}  # a hidden cell says so, as the table does
    html = page(client, "lsoa", "share-other")
    assert "Fewer than 5" in html
    assert "signed in as staff" not in html

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    staff_rows = csv_rows(client, "lsoa", "share-other")[1:]
    assert all(row[2].isdigit() and row[4] != "Not shown" for row in staff_rows)
    assert any(0 <= int(row[2]) < 5 for row in staff_rows)
    html = page(client, "lsoa", "share-other")
    assert "You can see counts under 5 because you are signed in as staff. Do not publish them." in html


def test_every_csv_header_is_machine_readable_english_snake_case(client, computed):
    """One convention for every insights CSV: stable English snake_case headers, whatever the language."""
    client.cookies["django_language"] = "pl"
    responses = [
        client.get(reverse("insights:area_map_csv", kwargs={"geography": "lsoa", "measure": "share-asian"})),
        client.get(reverse("insights:area_map_csv", kwargs={"geography": "ward", "measure": "local-entropy"})),
        client.get(reverse("insights:segregation_csv")),
        client.get(reverse("insights:ward_profile_csv", kwargs={"gss_code": "E05001311"})),
        client.get(reverse("insights:asb_trends_csv")),
    ]
    for response in responses:
        assert response.status_code == 200
        header = next(csv.reader(io.StringIO(response.content.decode())))
        assert header and all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in header), header
    share = next(csv.reader(io.StringIO(responses[0].content.decode())))
    assert "share_asian_percent" in share


def test_a_second_anonymous_csv_download_keeps_its_filename(client, computed):
    """The page cache keeps no Content-Disposition: a cached CSV would download without its name."""
    for name, kwargs in (
        ("insights:area_map_csv", {"geography": "lsoa", "measure": "share-other"}),
        ("insights:segregation_csv", {}),
        ("insights:ward_profile_csv", {"gss_code": "E05001311"}),
    ):
        url = reverse(name, kwargs=kwargs)
        first, second = client.get(url), client.get(url)
        assert first["Content-Disposition"] == second["Content-Disposition"]
        assert 'filename="walsall-' in second["Content-Disposition"]


@pytest.mark.parametrize(
    ("geography", "measure"), [("msoa", "share-asian"), ("ward", "share-martian"), ("ward", "lq"), ("oa", "x")]
)
def test_unknown_geographies_and_measures_are_not_found(client, computed, geography, measure):
    for name in ("insights:area_map", "insights:area_map_csv"):
        response = client.get(reverse(name, kwargs={"geography": geography, "measure": measure}))
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()


def test_a_map_page_needs_few_queries(client, computed, django_assert_max_num_queries):
    page(client, "lsoa", "lq-asian")  # warm the boundary and local-figure caches

    with django_assert_max_num_queries(8):
        page(client, "ward", "lq-asian")
        page(client, "lsoa", "lq-asian")
