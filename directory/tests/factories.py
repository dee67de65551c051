"""Factories for the directory. ``full_service()`` builds a service with one of every related record."""

import datetime

import factory
from django.utils import timezone

from directory import models

# Walsall town centre: inside the borough, for proximity tests.
WALSALL_LAT, WALSALL_LON = 52.5862, -1.9829


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Taxonomy

    name = factory.Sequence(lambda n: f"Taxonomy {n}")
    description = "A test vocabulary"
    uri = "https://example.org/taxonomy"
    version = "1"


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TaxonomyTerm

    name = factory.Sequence(lambda n: f"Term {n}")
    description = factory.LazyAttribute(lambda o: f"About {o.name}")
    taxonomy = factory.SubFactory(TaxonomyFactory)
    taxonomy_name = factory.LazyAttribute(lambda o: o.taxonomy.name if o.taxonomy else "")
    term = factory.Sequence(lambda n: f"T{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(lambda n: f"Community group {n}")
    description = "A community group in Walsall"
    email = "hello@example.org"
    website = "https://example.org"


class OrganizationIdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OrganizationIdentifier

    organization = factory.SubFactory(OrganizationFactory)
    identifier_scheme = "GB-CHC"
    identifier_type = "Charity number"
    identifier = factory.Sequence(lambda n: f"{1100000 + n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "Help and advice"
    status = models.Service.Status.ACTIVE
    url = "https://example.org/service"
    email = "service@example.org"
    minimum_age = 16
    maximum_age = 99
    assured_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    assurer_email = "assurer@example.org"
    last_modified = factory.LazyFunction(timezone.now)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location

    location_type = models.LocationType.PHYSICAL
    name = factory.Sequence(lambda n: f"Community centre {n}")
    description = "A community centre"
    latitude = WALSALL_LAT
    longitude = WALSALL_LON
    external_identifier = factory.Sequence(lambda n: f"10000{n:06d}")
    external_identifier_type = "UPRN"


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Address

    location = factory.SubFactory(LocationFactory)
    address_1 = factory.Sequence(lambda n: f"{n + 1} Bridge Street")
    city = "Walsall"
    state_province = "West Midlands"
    postal_code = "WS1 1TP"
    country = "GB"
    address_type = models.LocationType.PHYSICAL


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(LocationFactory)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Contact

    service = factory.SubFactory(ServiceFactory)
    name = "Sam Example"
    title = "Coordinator"


class PhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Phone

    contact = factory.SubFactory(ContactFactory)
    number = "01922 650000"


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Schedule

    service = factory.SubFactory(ServiceFactory)
    freq = models.Schedule.Freq.WEEKLY
    interval = 1
    byday = "MO,WE"
    opens_at = datetime.time(9, 0)
    closes_at = datetime.time(17, 0)
    description = "Mondays and Wednesdays, 9am to 5pm"
    attending_type = "in person"


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Language

    service = factory.SubFactory(ServiceFactory)
    name = "Urdu"
    code = "ur"


class AccessibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Accessibility

    location = factory.SubFactory(LocationFactory)
    description = "Step-free access"


class CostOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CostOption

    service = factory.SubFactory(ServiceFactory)
    option = "Session"
    amount = "5.00"
    currency = "GBP"


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ServiceArea

    service = factory.SubFactory(ServiceFactory)
    name = "Walsall borough"
    service_area = "Walsall borough"


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Funding

    service = factory.SubFactory(ServiceFactory)
    source = "Walsall Council"


class AttributeFactory(factory.django.DjangoModelFactory):
    """Tags a service with a term by default; pass ``link_id``/``link_entity`` for other records."""

    class Meta:
        model = models.Attribute

    class Params:
        service = factory.SubFactory(ServiceFactory)

    link_id = factory.LazyAttribute(lambda o: o.service.id)
    link_type = "service"
    link_entity = models.Attribute.LinkEntity.SERVICE
    taxonomy_term = factory.SubFactory(TaxonomyTermFactory)


def full_service(**kwargs):
    """A service with one of every related record the standard nests in service_full."""
    service = ServiceFactory(**kwargs)
    OrganizationIdentifierFactory(organization=service.organization)
    location = LocationFactory()
    AddressFactory(location=location)
    AccessibilityFactory(location=location)
    ServiceAtLocationFactory(service=service, location=location)
    PhoneFactory(contact=ContactFactory(service=service))
    ScheduleFactory(service=service)
    LanguageFactory(service=service)
    CostOptionFactory(service=service)
    ServiceAreaFactory(service=service)
    FundingFactory(service=service)
    AttributeFactory(service=service)
    return service


def owned_service(owner, **kwargs):
    """A service with a location and phone whose directory organisation ``owner`` (accounts.Organisation) maintains."""
    service = ServiceFactory(organization=OrganizationFactory(owner=owner), **kwargs)
    location = LocationFactory()
    AddressFactory(location=location)
    ServiceAtLocationFactory(service=service, location=location)
    ScheduleFactory(service=service)
    return service


class ServiceChangeFactory(factory.django.DjangoModelFactory):
    """A partner's pending change renaming a service."""

    class Meta:
        model = models.ServiceChange

    service = factory.SubFactory(ServiceFactory)
    base = factory.LazyAttribute(lambda o: {"name": o.service.name})
    proposed = factory.LazyAttribute(lambda o: {"name": f"{o.service.name} (renamed)"})
    status = models.ServiceChange.Status.PENDING
