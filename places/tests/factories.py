import datetime

import factory

from places.models import CensusCount, CensusTable, Lsoa, LsoaWard, Postcode, Ward, WardGeneration

UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def square(lon, lat, size=0.01):
    """A GeoJSON polygon: a square with its south-west corner at (lon, lat)."""
    return {
        "type": "Polygon",
        "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
    }


class WardGenerationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WardGeneration

    name = factory.Sequence(lambda n: f"Test wards {n}")
    valid_from = factory.Sequence(lambda n: datetime.date(1990, 1, 1) + datetime.timedelta(days=n))
    valid_to = None
    source = "factory"


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward

    generation = factory.SubFactory(WardGenerationFactory)
    gss_code = factory.Sequence(lambda n: f"E0590{n:04d}")
    name = factory.Sequence(lambda n: f"Test ward {n}")
    boundary = factory.Sequence(lambda n: square(-2.0 + 0.02 * n, 52.5))


class LsoaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lsoa

    code = factory.Sequence(lambda n: f"E0199{n:04d}")
    name = factory.Sequence(lambda n: f"Testtown {n:03d}A")
    census_year = 2021


class LsoaWardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LsoaWard

    lsoa = factory.SubFactory(LsoaFactory)
    ward = factory.SubFactory(WardFactory)
    source = "factory"


class CensusTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CensusTable
        django_get_or_create = ["dataset", "census_year", "classification"]

    dataset = "TS021"
    census_year = 2021
    classification = "ethnic_group_5"
    title = "Ethnic group"
    source = "factory"


class CensusCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CensusCount

    table = factory.SubFactory(CensusTableFactory)
    geography = "lsoa"
    area_code = factory.Sequence(lambda n: f"E0199{n:04d}")
    category = CensusCount.TOTAL
    count = 1500


class PostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcode

    # Area "XX" does not exist, so factory postcodes never clash with the imported (synthetic) ones.
    postcode = factory.Sequence(
        lambda n: f"XX{n // 4000 + 1} {n % 10}{UNIT_LETTERS[(n // 10) % 20]}{UNIT_LETTERS[(n // 200) % 20]}"
    )
    lsoa21_code = ""
    lat = None
    lon = None
    is_synthetic = True
    source = "factory"
