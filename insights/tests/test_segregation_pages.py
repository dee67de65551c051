"""The segregation pages show the stored indices after a recompute on the real Walsall Census data."""

import csv
import html as html_lib
import io
import re

import pytest
from django.urls import reverse

from insights.models import IndexChange, IndexResult
from insights.services import segregation

pytestmark = pytest.mark.django_db

ITERATIONS = 20


@pytest.fixture
def computed(walsall):
    segregation.indices_recompute(iterations=ITERATIONS)


def cell(html, table_id, index, geography):
    """The value shown in a table cell: the row of ``index``, the column of ``geography``."""
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    row = table.split(f'data-index="{index}"', 1)[1].split("</tr>", 1)[0]
    return re.search(rf'data-geography="{geography}" data-value="([^"]+)"', row).group(1)


def test_the_overview_says_what_is_measured_and_why_with_headline_figures(client, computed):
    response = client.get(reverse("insights:overview"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "reduce residential segregation" in html
    assert "0.517 by neighbourhood (LSOA, 169 areas" in html
    assert "0.436 by ward (20 areas" in html
    assert "modifiable areal unit problem" in html
    assert "Asian residents were less evenly spread across neighbourhoods in 2011 than in 2021" in html
    assert reverse("insights:ward_profile", kwargs={"gss_code": "E05001311"}) in html  # Palfrey


def test_the_page_shows_lsoa_and_ward_figures_side_by_side_with_intervals(client, computed):
    response = client.get(reverse("insights:segregation"))

    html = response.content.decode()
    assert response.status_code == 200
    assert cell(html, "group-2021", "dissimilarity", "lsoa") == "0.517"
    assert cell(html, "group-2021", "dissimilarity", "ward") == "0.436"
    assert cell(html, "group-2011", "dissimilarity", "lsoa") == "0.571"
    assert cell(html, "group-2011", "isolation", "lsoa") == "0.376"
    oa = IndexResult.objects.get(census_year=2011, geography="oa", group="Asian", index="dissimilarity")
    assert cell(html, "group-2011", "dissimilarity", "oa") == f"{oa.value:.3f}"
    assert "Neighbourhoods (LSOAs)" in html and "Wards" in html and "Output areas" in html
    assert "169 areas" in html and "20 areas" in html
    assert "modifiable areal unit problem" in html
    assert "95% interval:" in html
    assert "Source: ONS Census 2021, table TS021" in html
    assert "Source: ONS Census 2011, table KS201EW" in html
    assert "Contains National Statistics data © Crown copyright" in html
    assert 'class="app-table-scroll"' in html


@pytest.mark.parametrize(
    ("p_value", "low", "high", "verdict", "words"),
    [
        (0.002, -0.07, -0.04, "Yes (p < 0.01)", "a fall this large is unlikely to be chance (p < 0.01)"),
        (0.25, -0.09, 0.01, "No (p = 0.25)", "a fall this small could be chance (p = 0.25)"),
    ],
)
def test_the_change_is_said_in_words_with_whether_it_is_larger_than_chance(
    client, computed, p_value, low, high, verdict, words
):
    IndexChange.objects.filter(group="Asian", index="dissimilarity").update(
        value_2011=0.571, value_2021=0.517, difference=-0.054, ci_low=low, ci_high=high, p_value=p_value
    )

    html = html_lib.unescape(client.get(reverse("insights:segregation")).content.decode())

    expected = (
        "Asian residents were less evenly spread across neighbourhoods in 2011 than in 2021: D fell from 0.57 to 0.52; "
    )
    assert expected + words + "." in html
    row = html.split('id="group-changes"', 1)[1].split('data-index="dissimilarity"', 1)[1].split("</tr>", 1)[0]
    assert verdict in row
    assert "variation we would expect if slightly different people had been counted in each neighbourhood" in html


def test_every_stored_change_says_larger_than_chance_exactly_when_its_interval_leaves_out_zero(computed):
    changes = list(IndexChange.objects.all())

    assert len(changes) == 27
    for change in changes:
        assert (change.p_value < 0.05) == (change.ci_low > 0 or change.ci_high < 0), change
    assert any(change.p_value < 0.05 for change in changes)


def test_results_of_the_old_permutation_p_value_are_recomputed(walsall, monkeypatch):
    monkeypatch.setattr(segregation, "METHOD_VERSION", "1")
    segregation.indices_recompute(iterations=2)
    monkeypatch.undo()

    assert segregation.METHOD_VERSION != "1"
    assert not segregation.indices_recompute(iterations=2).skipped


def test_another_group_is_chosen_with_the_group_parameter(client, computed):
    black = IndexResult.objects.get(census_year=2021, geography="lsoa", group="Black", index="dissimilarity")

    html = client.get(reverse("insights:segregation"), {"group": "Black"}).content.decode()

    assert cell(html, "group-2021", "dissimilarity", "lsoa") == f"{black.value:.3f}"
    assert "Black residents compared with everyone else" in html
    assert '<option value="Black" selected>' in html


@pytest.mark.parametrize("bad", ["Martian", "", "asian", "'; DROP TABLE", "x" * 500])
def test_an_unknown_group_is_a_gov_uk_error_not_a_server_error(client, computed, bad):
    response = client.get(reverse("insights:segregation"), {"group": bad})

    html = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in html
    assert "Select an ethnic group from the list" in html
    assert "<title>Error:" in html
    assert 'id="group-2021"' not in html
    assert 'id="all-2021"' in html  # all groups together are still shown


def test_the_csv_holds_exactly_the_figures_in_the_tables(client, computed):
    html = client.get(reverse("insights:segregation")).content.decode()

    response = client.get(reverse("insights:segregation_csv"))

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    indices = [row for row in rows if row["kind"] == "index"]
    assert len(indices) == IndexResult.objects.count()
    assert len([row for row in rows if row["kind"] == "change"]) == IndexChange.objects.count()
    for row in indices:
        if row["group"] == "Asian" and row["geography"] != "harmonised":
            assert cell(html, f"group-{row['census_year']}", row["index"], row["geography"]) == row["value"]
        if row["group"] == "all" and row["geography"] != "harmonised":
            assert cell(html, f"all-{row['census_year']}", row["index"], row["geography"]) == row["value"]


def test_pages_say_when_nothing_has_been_computed_yet(client, db):
    for name in ("insights:overview", "insights:segregation"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "have not been computed yet" in response.content.decode()


def test_the_pages_need_few_queries(client, computed, django_assert_max_num_queries):
    for name in ("insights:overview", "insights:segregation", "insights:segregation_csv"):
        with django_assert_max_num_queries(8):
            assert client.get(reverse(name)).status_code == 200
