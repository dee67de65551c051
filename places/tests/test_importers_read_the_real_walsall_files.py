import pytest

from places.models import CensusArea, CensusCount, ImportRun, Lsoa, LsoaChange, LsoaWard, Postcode, Ward

pytestmark = pytest.mark.django_db


def test_the_twenty_2004_wards_are_one_dated_generation(walsall):
    assert walsall.name == "Walsall wards 2004–2026"
    assert str(walsall.valid_from) == "2004-06-10"
    assert str(walsall.valid_to) == "2026-05-06"
    codes = sorted(Ward.objects.filter(generation=walsall).values_list("gss_code", flat=True))
    assert codes == [f"E050013{n:02d}" for n in range(1, 21)]
    assert Ward.objects.get(generation=walsall, gss_code="E05001316").name == "St Matthew's"
    assert Ward.objects.filter(generation=walsall, boundary__isnull=True).count() == 0


def test_lsoas_of_2011_and_2021_with_boundaries_and_ward_lookups(walsall):
    assert Lsoa.objects.filter(census_year=2021).count() == 169
    assert Lsoa.objects.filter(census_year=2011).count() == 167
    assert Lsoa.objects.filter(census_year=2021, boundary__isnull=True).count() == 0
    assert LsoaWard.objects.filter(ward__generation=walsall, lsoa__census_year=2021).count() == 169
    assert LsoaWard.objects.filter(ward__generation=walsall, lsoa__census_year=2011).count() == 167
    link = LsoaWard.objects.get(lsoa__code="E01010287", lsoa__census_year=2021)
    assert link.ward.name == "Bloxwich East"
    assert Lsoa.objects.get(code="E01010241", census_year=2021).name == "Walsall 015A"
    assert CensusArea.objects.filter(geography="oa", census_year=2011).count() == 829
    assert CensusArea.objects.filter(geography="msoa", census_year=2011).count() == 39


def test_the_ons_change_table_keeps_codes_and_change_types(walsall):
    assert LsoaChange.objects.count() == 169
    assert LsoaChange.objects.filter(change_code="S").count() == 4
    assert LsoaChange.objects.filter(change_code="U").count() == 165
    unchanged = LsoaChange.objects.get(lsoa11_code="E01010369")
    assert (unchanged.lsoa21_code, unchanged.change_code) == ("E01010369", "U")


def _count(dataset, classification, geography, area, category):
    return CensusCount.objects.get(
        table__dataset=dataset,
        table__classification=classification,
        geography=geography,
        area_code=area,
        category=category,
    ).count


def test_census_counts_in_long_format(walsall):
    assert _count("TS021", "ethnic_group_5", "lsoa", "E01010241", "Total") == 2337
    assert _count("TS021", "ethnic_group_5", "lsoa", "E01010241", "White") == 2173
    assert _count("KS201EW", "ethnic_group_14", "lsoa", "E01010241", "Total") == 2219
    assert (
        _count(
            "KS201EW",
            "ethnic_group_14",
            "oa",
            "E00051759",
            "White: English, Welsh, Scottish, Northern Irish or British",
        )
        == 184
    )
    assert _count("TS054", "tenure_8", "lsoa", "E01010241", "Owned: Owns outright") == 525
    assert _count("TS054", "tenure_8", "lsoa", "E01010241", "Total") == 1112
    assert (
        _count(
            "TS029",
            "english_proficiency_6",
            "msoa",
            "E02002110",
            "Main language is English (English or Welsh in Wales)",
        )
        == 6649
    )
    assert _count("TS019", "migrant_indicator", "msoa", "E02002110", "Migrant from outside the UK") == 7
    assert _count("TS021", "ethnic_group_19", "lad", "E08000030", "White: Roma") == 220
    # 14 groups + total for each of the 167 LSOAs of 2011
    assert CensusCount.objects.filter(table__dataset="KS201EW", geography="lsoa").count() == 167 * 15


def test_every_import_is_recorded_with_its_file_hash(walsall):
    run = ImportRun.objects.get(source_path__endswith="ethnicity21_5cat_lsoa21.csv")
    assert len(run.sha256) == 64
    assert run.rows == 169 * 6
    assert Postcode.objects.filter(is_synthetic=True).count() == Postcode.objects.count() > 400
