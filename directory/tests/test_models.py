import pytest

from directory import models
from directory.tests.factories import LocationFactory, full_service
from places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db


def test_full_service_builds_every_related_record():
    service = full_service()
    assert service.service_at_locations.count() == 1
    assert models.Attribute.objects.filter(link_id=service.id).count() == 1
    assert service.contacts.get().phones.count() == 1


def test_location_takes_its_ward_from_its_point():
    ward = WardFactory()
    lon, lat = ward.boundary["coordinates"][0][0]
    location = LocationFactory(latitude=lat + 0.005, longitude=lon + 0.005)
    assert location.ward_code == ward.gss_code
    location.latitude = None
    location.save()
    assert location.ward_code == ""
