import csv
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from shapely.geometry import shape

from insights.models import AsbImport, AsbIncident
from insights.services import asb
from places import selectors as places
from places.models import Lsoa

pytestmark = pytest.mark.django_db

SAMPLE = Path(settings.BASE_DIR).parent / "shared" / "data" / "police-uk-sample" / "northumbria_asb_2022.tab"
HEADER = [
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
]
WESTMINSTER = (51.5007, -0.1246)


def street_row(month, lat, lon, crime_type="Anti-social behaviour", location="On or near Park Street"):
    return {
        "Crime ID": "",
        "Month": month,
        "Reported by": "West Midlands Police",
        "Falls within": "West Midlands Police",
        "Longitude": "" if lon is None else f"{lon:.6f}",
        "Latitude": "" if lat is None else f"{lat:.6f}",
        "Location": location,
        "LSOA code": "E01010000",
        "LSOA name": "Walsall 001A",
        "Crime type": crime_type,
        "Last outcome category": "",
        "Context": "",
    }


def write_street_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def lsoa_points(count=12):
    """Points well inside some 2021 LSOAs, with the LSOA and the ward that hold them."""
    points = []
    for lsoa in Lsoa.objects.filter(census_year=2021).exclude(boundary=None).order_by("code")[:count]:
        point = shape(lsoa.boundary).representative_point()
        ward = places.ward_at_point(point.y, point.x)
        points.append((point.y, point.x, lsoa.code, ward.gss_code if ward else ""))
    return points


def test_records_are_placed_in_the_lsoa_and_ward_holding_their_point(walsall, tmp_path):
    points = lsoa_points()
    rows = [street_row("2024-03", *p[:2]) for p in points]
    path = write_street_csv(tmp_path / "2024-03-west-midlands-street.csv", rows)

    summary = asb.police_uk_import(path=path)

    assert summary.rows_kept == len(points)
    stored = {(i.latitude, i.longitude): (i.lsoa21_code, i.ward_code) for i in AsbIncident.objects.all()}
    for lat, lon, lsoa_code, ward_code in points:
        match = next(v for (a, b), v in stored.items() if abs(a - lat) < 1e-6 and abs(b - lon) < 1e-6)
        assert match == (lsoa_code, ward_code)
    assert all(ward for _lat, _lon, _lsoa, ward in points)
    incident = AsbIncident.objects.first()
    assert incident.source == AsbIncident.Source.POLICE_UK
    assert incident.month == date(2024, 3, 1)
    assert incident.published_lsoa_code == "E01010000"
    assert summary.import_run.falls_within == "West Midlands Police"


def test_rows_without_a_location_outside_walsall_or_of_other_crimes_are_skipped(walsall, tmp_path):
    lat, lon, _lsoa, _ward = lsoa_points(1)[0]
    rows = [
        street_row("2024-03", lat, lon),
        street_row("2024-03", None, None, location="No location"),
        street_row("2024-03", *WESTMINSTER),
        street_row("2024-03", lat, lon, crime_type="Burglary"),
        street_row("not a month", lat, lon),
    ]
    path = write_street_csv(tmp_path / "mixed.csv", rows)

    summary = asb.police_uk_import(path=path)

    assert (summary.rows_read, summary.rows_kept) == (5, 1)
    assert (summary.no_location, summary.outside_walsall, summary.not_asb, summary.bad_month) == (1, 1, 1, 1)
    assert AsbIncident.objects.count() == 1
    assert AsbImport.objects.get().rows_kept == 1


def test_importing_the_same_file_twice_changes_nothing(walsall, tmp_path):
    path = write_street_csv(tmp_path / "a.csv", [street_row("2024-03", *p[:2]) for p in lsoa_points(6)])

    first = asb.police_uk_import(path=path)
    second = asb.police_uk_import(path=path)

    assert not first.already_imported
    assert second.already_imported
    assert AsbImport.objects.count() == 1
    assert AsbIncident.objects.count() == 6


def test_force_imports_the_file_again_without_doubling_it(walsall, tmp_path):
    path = write_street_csv(tmp_path / "a.csv", [street_row("2024-03", *p[:2]) for p in lsoa_points(6)])
    asb.police_uk_import(path=path)

    asb.police_uk_import(path=path, force=True)

    assert AsbImport.objects.count() == 1
    assert AsbIncident.objects.count() == 6


def test_a_newer_file_for_the_same_months_replaces_the_earlier_records(walsall, tmp_path):
    points = lsoa_points(6)
    older = write_street_csv(tmp_path / "old.csv", [street_row("2024-03", *p[:2]) for p in points])
    newer = write_street_csv(
        tmp_path / "new.csv",
        [street_row("2024-03", *p[:2]) for p in points[:4]] + [street_row("2024-04", *p[:2]) for p in points],
    )
    asb.police_uk_import(path=older)

    summary = asb.police_uk_import(path=newer)

    assert summary.replaced == 6
    assert AsbIncident.objects.filter(month=date(2024, 3, 1)).count() == 4
    assert AsbIncident.objects.filter(month=date(2024, 4, 1)).count() == 6


def test_the_tab_separated_sample_format_is_read(walsall, tmp_path):
    lat, lon, lsoa_code, ward_code = lsoa_points(1)[0]
    path = tmp_path / "sample.tab"
    path.write_text(
        "month\tlongitude\tlatitude\tlocation\tlsoa_code\n"
        f"2022-01-01\t{lon}\t{lat}\tPark Street\tE01010000\n"
        "2022-02-01\t-2.002\t55.7663\tPalace Green\tE01027377\n",
        encoding="utf-8",
    )

    summary = asb.police_uk_import(path=path)

    assert (summary.rows_read, summary.rows_kept, summary.outside_walsall) == (2, 1, 1)
    incident = AsbIncident.objects.get()
    assert (incident.month, incident.lsoa21_code, incident.ward_code) == (date(2022, 1, 1), lsoa_code, ward_code)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="the police.uk sample is not beside the project")
def test_the_northumbria_sample_is_read_whole_and_none_of_it_is_in_walsall(walsall):
    with open(SAMPLE, encoding="utf-8") as file:
        data_rows = sum(1 for line in file if line.strip()) - 1

    summary = asb.police_uk_import(path=SAMPLE)

    assert summary.rows_read == data_rows
    assert summary.rows_kept == 0
    assert summary.no_location + summary.outside_walsall == data_rows
    assert AsbIncident.objects.count() == 0


def test_the_command_prints_a_one_line_summary(walsall, tmp_path):
    path = write_street_csv(tmp_path / "a.csv", [street_row("2024-03", *p[:2]) for p in lsoa_points(3)])
    out = StringIO()

    call_command("import_police_uk", str(path), stdout=out)
    call_command("import_police_uk", str(path), stdout=out)

    first, second = out.getvalue().strip().splitlines()
    assert first.startswith("Imported a.csv: 3 rows read, 3 anti-social behaviour records kept in Walsall")
    assert "already imported" in second and "--force" in second


def test_the_command_explains_a_missing_file_or_an_unknown_format(walsall, tmp_path):
    with pytest.raises(CommandError, match="No file at"):
        call_command("import_police_uk", str(tmp_path / "missing.csv"))
    other = tmp_path / "other.csv"
    other.write_text("name,postcode\nA,WS1 1TP\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"Not a police\.uk street-level file"):
        call_command("import_police_uk", str(other))
    assert AsbImport.objects.count() == 0


def test_platform_reports_join_the_series_apart_from_the_police_records(walsall):
    lat, lon, lsoa_code, ward_code = lsoa_points(1)[0]

    incident = asb.platform_report_record(month=date(2024, 3, 17), latitude=lat, longitude=lon)

    assert incident.source == AsbIncident.Source.PLATFORM
    assert (incident.month, incident.lsoa21_code, incident.ward_code) == (date(2024, 3, 1), lsoa_code, ward_code)
