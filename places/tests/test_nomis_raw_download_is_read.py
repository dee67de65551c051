from pathlib import Path

import pytest
from django.conf import settings

from places import services
from places.importers import ImportFormatError, read_nomis_census
from places.models import CensusCount

RAW = Path(settings.OPEN_DATA_DIR).parent / "england" / "nomis_ts021_ethnic_group_lsoa21_raw.csv"


@pytest.fixture
def walsall_slice(tmp_path):
    """The real Nomis download's 8 header lines, its Walsall rows, one Hartlepool row and its footer notes."""
    lines = RAW.read_text(encoding="utf-8").splitlines()
    header = lines[:8]
    walsall = [line for line in lines if " : Walsall " in line]
    other = [line for line in lines[8:] if " : Hartlepool 001A" in line]
    footer = lines[-7:]
    path = tmp_path / "nomis_ts021_walsall.csv"
    path.write_text("\n".join(header + other + walsall + footer) + "\n", encoding="utf-8")
    return path, len(walsall)


def test_the_raw_nomis_format_gives_counts_without_percentages(walsall_slice):
    path, rows = walsall_slice
    census = read_nomis_census(path)
    assert rows == 169
    assert (census.spec.dataset, census.spec.census_year, census.spec.geography) == ("TS021", 2021, "lsoa")
    counts = {(area, category): count for area, category, count in census.counts}
    assert counts[("E01010301", "Total")] == 1448
    assert counts[("E01010301", "White")] == 1384
    assert counts[("E01010301", "Asian, Asian British or Asian Welsh")] == 15
    assert "%" not in {category for _area, category, _count in census.counts}
    assert len(census.counts) == (rows + 1) * 6


def test_a_filter_keeps_only_walsall_areas(walsall_slice):
    path, _rows = walsall_slice
    census = read_nomis_census(path, area_codes={"E01010301", "E01010241"})
    assert {area for area, _c, _n in census.counts} == {"E01010301", "E01010241"}


@pytest.mark.django_db
def test_importing_it_agrees_with_the_tidy_file(walsall_slice, walsall):
    path, _rows = walsall_slice
    result = services.data_file_import(kind="nomis_csv", path=path, classification="nomis_5")
    assert not result.skipped
    raw = CensusCount.objects.get(table__classification="nomis_5", area_code="E01010241", category="Total")
    tidy = CensusCount.objects.get(table__classification="ethnic_group_5", area_code="E01010241", category="Total")
    assert raw.count == tidy.count == 2337


def test_a_file_that_is_not_from_nomis_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("lsoa21_code,total\nE01010241,5\n", encoding="utf-8")
    with pytest.raises(ImportFormatError):
        read_nomis_census(path)
