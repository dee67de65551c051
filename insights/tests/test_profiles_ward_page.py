"""The ward profile: Census 2021 figures for one ward beside the Walsall average, each with its source."""

import csv
import html as html_lib
import io
import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from places.models import CensusCount
from places.tests.factories import CensusCountFactory, CensusTableFactory, LsoaWardFactory

pytestmark = pytest.mark.django_db

PALFREY = "E05001311"


def rows_of(html, table_id):
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0].split("<tbody", 1)[1]
    result = {}
    for key, row in re.findall(r'<tr[^>]*data-key="([^"]+)"[^>]*>(.*?)</tr>', table, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        result[key] = [html_lib.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]
    return result


def test_the_profile_shows_each_figure_beside_the_walsall_average_with_its_source(client, walsall):
    response = client.get(reverse("insights:ward_profile", kwargs={"gss_code": PALFREY}))

    html = response.content.decode()
    assert response.status_code == 200
    ethnicity = rows_of(html, "ethnicity")
    assert float(ethnicity["ethnicity:Asian"][3].rstrip("%")) == pytest.approx(61, abs=1)
    assert float(ethnicity["ethnicity:Asian"][4].rstrip("%")) == pytest.approx(18.7, abs=0.1)  # Walsall
    housing = rows_of(html, "housing")
    assert "TS054" in housing["tenure"][5] and "Sum of the ward's neighbourhoods (LSOAs)" in housing["tenure"][5]
    assert "TS052" in housing["overcrowding"][5]
    language = rows_of(html, "language")
    assert (
        "TS029" in language["english"][5] and "Estimated from the MSOAs overlapping the ward" in language["english"][5]
    )
    assert "TS019" in language["migration"][5]
    assert language["english"][1].startswith("about ")
    assert "MSOAs overlapping the ward" in html and "Walsall 0" in html
    assert 'role="img"' in html and '<title id="chart-title">' in html
    assert "Contains National Statistics data © Crown copyright" in html


def test_the_csv_is_the_profile_table(client, walsall):
    html = client.get(reverse("insights:ward_profile", kwargs={"gss_code": PALFREY})).content.decode()
    shown = {**rows_of(html, "ethnicity"), **rows_of(html, "housing"), **rows_of(html, "language")}

    response = client.get(reverse("insights:ward_profile_csv", kwargs={"gss_code": PALFREY}))

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == len(shown) == 9
    for row, cells in zip(rows, shown.values(), strict=True):
        assert row["ward_code"] == PALFREY and row["ward_name"] == "Palfrey"
        assert row["measure"] == cells[0]
        assert row["ward_count"] == cells[1].removeprefix("about ").replace(",", "")
        assert row["ward_percent"] + "%" == cells[3]
        assert row["walsall_percent"] + "%" == cells[4]


def test_the_profile_page_needs_few_queries(client, walsall, django_assert_max_num_queries):
    from insights.services import segregation

    segregation.indices_recompute(iterations=2)
    client.get(reverse("insights:area_map", kwargs={"geography": "ward", "measure": "share-asian"}))  # warm caches

    with django_assert_max_num_queries(11):
        client.get(reverse("insights:ward_profile", kwargs={"gss_code": PALFREY}))


@pytest.fixture
def small_ward(db):
    link = LsoaWardFactory()
    table = CensusTableFactory()
    code = link.lsoa.code
    CensusCountFactory(table=table, area_code=code, category=CensusCount.TOTAL, count=1000)
    CensusCountFactory(table=table, area_code=code, category="White", count=997)
    CensusCountFactory(table=table, area_code=code, category="Other ethnic group", count=3)
    return link.ward


def test_small_counts_are_hidden_from_the_public_and_shown_to_staff(client, small_ward):
    url = reverse("insights:ward_profile", kwargs={"gss_code": small_ward.gss_code})

    public_rows = rows_of(client.get(url).content.decode(), "ethnicity")
    assert public_rows["ethnicity:Other"][1] == "Fewer than 5"
    assert public_rows["ethnicity:Other"][3] == "Not shown"
    assert public_rows["ethnicity:White"][1] == "997"  # the four small groups add up to 3: none can be told
    public_csv = list(csv.DictReader(io.StringIO(client.get(url.rstrip("/") + ".csv").content.decode())))
    other = next(row for row in public_csv if row["measure"] == "Other ethnic group")
    assert other["ward_count"] == "Fewer than 5" and other["ward_percent"] == "Not shown"  # the table's words

    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    staff_rows = rows_of(client.get(url).content.decode(), "ethnicity")
    assert staff_rows["ethnicity:Other"][1] == "3"
    assert staff_rows["ethnicity:Other"][3] == "0.3%"


@pytest.mark.parametrize("code", ["E05999999", "not-a-ward"])
def test_an_unknown_ward_is_not_found(client, db, code):
    assert client.get(reverse("insights:ward_profile", kwargs={"gss_code": code})).status_code == 404
    assert client.get(reverse("insights:ward_profile_csv", kwargs={"gss_code": code})).status_code == 404
