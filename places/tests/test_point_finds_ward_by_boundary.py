import pytest
from shapely.geometry import shape

from places import selectors
from places.models import Ward
from places.tests.factories import WardFactory, WardGenerationFactory, square

pytestmark = pytest.mark.django_db


def test_every_wards_representative_point_is_in_that_ward(walsall):
    for ward in Ward.objects.filter(generation=walsall):
        point = shape(ward.boundary).representative_point()
        assert selectors.ward_at_point(point.y, point.x, generation=walsall) == ward


def test_a_point_far_outside_walsall_is_in_no_ward(walsall):
    assert selectors.ward_at_point(51.5007, -0.1246, generation=walsall) is None  # Westminster


def test_the_index_follows_changed_boundaries():
    generation = WardGenerationFactory()
    ward = WardFactory(generation=generation, boundary=square(1.0, 50.0))
    assert selectors.ward_at_point(50.005, 1.005, generation=generation) == ward
    ward.boundary = square(3.0, 50.0)
    ward.save()
    generation.save()  # as the importer does: a new version of the generation
    assert selectors.ward_at_point(50.005, 1.005, generation=generation) is None
    assert selectors.ward_at_point(50.005, 3.005, generation=generation) == ward
