import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from places import services
from places.models import CensusCount, ImportRun, Lsoa, LsoaWard, Postcode, Ward

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Ward.objects.count(),
        Lsoa.objects.count(),
        LsoaWard.objects.count(),
        CensusCount.objects.count(),
        Postcode.objects.count(),
        ImportRun.objects.count(),
    )


def test_a_second_run_skips_every_file_and_changes_nothing(walsall):
    before = _counts()
    results = services.open_data_import()
    assert results and all(result.skipped for result in results)
    assert _counts() == before


def test_forcing_a_reimport_updates_rows_in_place(walsall):
    before = _counts()
    results = services.open_data_import(force=True)
    assert not any(result.skipped for result in results)
    assert _counts() == before


def test_a_changed_file_is_imported_again(walsall, tmp_path):
    source = tmp_path / "ethnicity21_5cat_lsoa21.csv"
    shutil.copy(f"{settings.OPEN_DATA_DIR}/ethnicity21_5cat_lsoa21.csv", source)
    first = services.data_file_import(kind="census_csv", path=source)
    assert first.skipped  # same content as the file already imported
    source.write_text(source.read_text().replace("E01010241,2337.0", "E01010241,2338.0"))
    second = services.data_file_import(kind="census_csv", path=source)
    assert not second.skipped
    total = CensusCount.objects.get(table__classification="ethnic_group_5", area_code="E01010241", category="Total")
    assert total.count == 2338


def test_the_command_prints_a_summary(walsall, capsys):
    call_command("import_open_data")
    assert "0 files imported" in capsys.readouterr().out


def test_the_command_says_clearly_when_the_folder_is_missing(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_open_data", "--dir", str(tmp_path / "nowhere"))


def test_new_ward_boundaries_come_in_as_a_new_generation(walsall):
    call_command(
        "import_places_file",
        "ward_boundaries",
        f"{settings.OPEN_DATA_DIR}/boundaries_wards22_generalised.geojson",
        "--valid-from",
        "2026-05-07",
        "--name",
        "Test wards from 2026",
    )
    new = Ward.objects.filter(generation__name="Test wards from 2026")
    assert new.count() == 20
    assert Ward.objects.filter(generation=walsall).count() == 20
