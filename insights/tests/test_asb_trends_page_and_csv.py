import csv
import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from shapely.geometry import shape

from accounts.roles import Role
from accounts.tests.factories import UserFactory
from insights.models import AsbImport, AsbIncident
from insights.selectors import asb
from insights.services.asb import police_uk_import
from places.models import Ward

pytestmark = pytest.mark.django_db

MONTHS = [date(2024, month, 1) for month in range(1, 7)]


@pytest.fixture
def ward(walsall):
    """A ward with a rising police series (10, 12, ... 20 a month) and one month of 3 platform reports."""
    summary = next(s for s in asb.asb_wards() if s.population)
    run = AsbImport.objects.create(source_name="2024-west-midlands-street.csv", sha256="0" * 64, rows_kept=90)
    incidents = []
    for step, month in enumerate(MONTHS):
        incidents += [
            AsbIncident(source="police_uk", import_run=run, month=month, ward_code=summary.ward.gss_code)
            for _ in range(10 + 2 * step)
        ]
    incidents += [AsbIncident(source="platform", month=MONTHS[2], ward_code=summary.ward.gss_code) for _ in range(3)]
    for other in asb.asb_wards():  # the other wards' incidents: else the ward would be all of Walsall's
        if other.ward.gss_code != summary.ward.gss_code:
            incidents += [
                AsbIncident(source="police_uk", import_run=run, month=month, ward_code=other.ward.gss_code)
                for month in MONTHS
                for _ in range(25)
            ]
    AsbIncident.objects.bulk_create(incidents)
    return summary


def page(client, **query):
    return client.get(reverse("insights:asb_trends"), query)


def table_rows(response, source):
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("caption", id=f"asb-table-{source}").find_parent("table")
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table.find("tbody").find_all("tr")
    ]


def test_the_page_shows_the_wards_figures_chart_and_sources(client, ward):
    response = page(client, ward=ward.ward.gss_code)

    assert response.status_code == 200
    content = response.content.decode()
    soup = BeautifulSoup(content, "html.parser")
    svg = soup.find("svg", attrs={"role": "img"})
    assert svg.find("title").get_text().startswith("Anti-social behaviour per 1,000 residents each month")
    assert ward.ward.name in svg.find("title").get_text()
    assert "rising by" in svg.find("desc").get_text()
    assert svg.find("polyline", attrs={"stroke-dasharray": True}) is not None  # the trend line
    assert "January 2024 to June 2024" in content
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in content
    assert "police.uk" in content
    assert "Census 2021" in content
    assert reverse("insights:asb_trends_csv") + f"?ward={ward.ward.gss_code}" in content
    rows = table_rows(response, "police_uk")
    assert [row[1] for row in rows] == ["10", "12", "14", "16", "18", "20"]
    assert rows[0][2] == f"{10 / ward.population * 1000:.2f}"


def test_the_trend_is_stated_in_words(client, ward):
    slope = 2 / ward.population * 1000

    response = page(client, ward=ward.ward.gss_code)

    assert f"rising by {slope:.2f} per 1,000 residents a month" in response.content.decode()


def test_the_public_sees_fewer_than_5_and_staff_see_the_count(client, ward):
    anonymous = table_rows(page(client, ward=ward.ward.gss_code), "platform")
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    staff = table_rows(page(client, ward=ward.ward.gss_code), "platform")

    assert anonymous[0][1:3] == ["fewer than 5", "not shown"]
    assert staff[0][1] == "3"
    assert staff[0][2] == f"{3 / ward.population * 1000:.2f}"


def test_a_volunteer_sees_small_counts_hidden_as_the_public_does(client, ward):
    client.force_login(UserFactory(roles=[Role.VOLUNTEER]))

    volunteer = table_rows(page(client, ward=ward.ward.gss_code), "platform")

    assert volunteer[0][1:3] == ["fewer than 5", "not shown"]


def test_all_of_walsall_is_the_default(client, ward):
    response = page(client)

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("option", selected=True).get_text() == "All of Walsall"
    assert soup.find("h2", string="All of Walsall") is not None


def test_an_unknown_ward_code_is_an_error_message_not_a_failure(client, ward):
    response = page(client, ward="E05999999")

    assert response.status_code == 400  # as an unknown segregation group
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Select a ward from the list, or All of Walsall" in soup.find(class_="govuk-error-summary").get_text()
    assert soup.find(id="ward-error") is not None
    assert soup.find("svg", attrs={"role": "img"}) is None
    assert soup.title.get_text().startswith("Error:")


def test_before_any_import_the_public_is_told_nothing_is_published_yet(client, walsall):
    response = page(client)

    assert response.status_code == 200
    assert "No figures have been published yet." in response.content.decode()
    assert "import_police_uk" not in response.content.decode()


def test_before_any_import_signed_in_staff_are_told_how_to_import(client, walsall):
    client.force_login(UserFactory(roles=[Role.INTEGRATION_OFFICER], with_totp=True))
    response = page(client)

    assert response.status_code == 200
    assert "No police.uk anti-social behaviour data has been imported yet" in response.content.decode()
    assert "manage.py import_police_uk &lt;file&gt;" in response.content.decode()


def test_the_page_works_before_wards_are_imported(client, db):
    from places.models import WardGeneration

    WardGeneration.objects.all().delete()

    assert page(client).status_code == 200
    assert client.get(reverse("insights:asb_trends_csv")).status_code == 200


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_holds_the_figures_of_the_table(client, ward):
    html = page(client, ward=ward.ward.gss_code)
    response = client.get(reverse("insights:asb_trends_csv"), {"ward": ward.ward.gss_code})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    for source in ("police_uk", "platform"):
        table = table_rows(html, source)
        in_csv = [
            row
            for row in rows
            if (row["source"].startswith("Anti-social behaviour incidents recorded by the police"))
            == (source == "police_uk")
        ]
        assert [row["incidents"] for row in in_csv] == [cells[1] for cells in table]
        for row, cells in zip(in_csv, table, strict=True):
            if cells[2] != "not shown":
                assert row["incidents_per_1000_residents"] == cells[2]
            assert row["trend_line"] == ("" if cells[3] == "none" else cells[3])
    police = [row for row in rows if row["attribution"]]
    assert {row["area_code"] for row in rows} == {ward.ward.gss_code}
    assert {row["area_name"] for row in rows} == {ward.ward.name}
    assert [row["month"] for row in police] == [f"2024-0{m}" for m in range(1, 7)]
    assert police[0]["attribution"].startswith("Contains public sector information licensed under the Open Government")


def test_the_csv_refuses_an_unknown_ward_code(client, ward):
    response = client.get(reverse("insights:asb_trends_csv"), {"ward": "nonsense"})

    assert response.status_code == 400


def test_an_import_refreshes_the_cached_public_page(client, walsall, tmp_path, django_capture_on_commit_callbacks):
    assert "No figures yet" in page(client).content.decode()  # anonymous, no query: now in the page cache
    point = shape(Ward.objects.filter(generation=walsall).first().boundary).representative_point()
    path = tmp_path / "street.tab"
    path.write_text(f"month\tlongitude\tlatitude\tlocation\tlsoa_code\n2024-03-01\t{point.x}\t{point.y}\tA\tE01\n")

    with django_capture_on_commit_callbacks(execute=True):
        police_uk_import(path=path)

    assert "No figures yet" not in page(client).content.decode()


def test_polish_months_inside_a_sentence_are_lower_case(client, ward):
    with translation.override("pl"):  # the request leaves its language active: put it back afterwards
        html = client.get(reverse("insights:asb_trends"), {"ward": ward.ward.gss_code}).content.decode()

    assert "styczeń 2024" in html and "czerwiec 2024" in html
    assert "Styczeń 2024 –" not in html and "– Czerwiec 2024" not in html
