import csv

import pytest
from shapely.geometry import Point, shape

from places.models import Lsoa, LsoaWard
from places.services import SYNTHETIC_ONSPD_SAMPLE

pytestmark = pytest.mark.django_db


def _rows():
    with open(SYNTHETIC_ONSPD_SAMPLE, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_synthetic_postcode_is_marked_and_lies_in_its_real_lsoa(walsall):
    rows = _rows()
    assert 380 <= len(rows) <= 450
    assert all(row["synthetic"] == "1" for row in rows)
    boundaries = {lsoa.code: shape(lsoa.boundary) for lsoa in Lsoa.objects.filter(census_year=2021)}
    for row in rows:
        assert boundaries[row["lsoa21"]].contains(Point(float(row["long"]), float(row["lat"]))), row["pcds"]
    assert {row["pcds"].split(" ")[0] for row in rows} <= {
        "WS1", "WS2", "WS3", "WS4", "WS5", "WS8", "WS9", "WS10", "WV12", "WV13", "WV14", "B43", "B74",
    }  # fmt: skip
    assert len({row["pcds"] for row in rows}) == len(rows)


def test_the_demo_postcodes_reach_every_ward(walsall):
    from places.management.commands.generate_synthetic_onspd import demo_postcode

    by_postcode = {row["pcds"]: row for row in _rows()}
    for link in LsoaWard.objects.filter(ward__generation=walsall, lsoa__census_year=2021).select_related("ward"):
        row = by_postcode[demo_postcode(link.ward.gss_code)]
        assert row["osward"] == link.ward.gss_code


def test_regenerating_gives_the_same_file(tmp_path):
    from django.core.management import call_command

    output = tmp_path / "sample.csv"
    call_command("generate_synthetic_onspd", "--output", str(output), stdout=open(tmp_path / "log", "w"))  # noqa: SIM115
    assert output.read_bytes() == SYNTHETIC_ONSPD_SAMPLE.read_bytes()
