"""Factories for sign-ups, and a directory with a GP surgery and a conversation club near Walsall town centre."""

import datetime
import uuid

import factory
from django.utils import timezone

from directory.models import Attribute
from directory.taxonomy import load_walsall_taxonomy, term_id
from directory.tests import factories as directory_factories
from signup.models import Channel, Consent, FollowUp, Purpose, SignUp

# WS1 1TP: a postcode of the synthetic Walsall sample, in the town centre.
POSTCODE = "WS1 1TP"
POSTCODE_LAT, POSTCODE_LON = 52.585550, -1.982420


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp

    idempotency_key = factory.LazyFunction(uuid.uuid4)
    name = factory.Sequence(lambda n: f"Test Resident {n}")
    email = factory.Sequence(lambda n: f"resident{n}@example.test")
    phone = "07700900123"
    postcode = POSTCODE
    latitude = POSTCODE_LAT
    longitude = POSTCODE_LON
    ward_code = "E05001316"
    languages = factory.LazyFunction(lambda: ["pl", "en"])
    language = "en"
    interests = factory.LazyFunction(lambda: ["learning-english"])


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    signup = factory.SubFactory(SignUpFactory)
    purpose = Purpose.SETTLING_IN
    channel = Channel.EMAIL


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    signup = factory.SubFactory(SignUpFactory)
    kind = FollowUp.Kind.GP_REGISTRATION
    due_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


def service_in(category_code, *, name, latitude=POSTCODE_LAT, longitude=POSTCODE_LON, schedule=None):
    """An active directory service tagged with a Walsall taxonomy category, at a location."""
    load_walsall_taxonomy()
    service = directory_factories.ServiceFactory(name=name)
    location = directory_factories.LocationFactory(latitude=latitude, longitude=longitude)
    directory_factories.ServiceAtLocationFactory(service=service, location=location)
    Attribute.objects.create(
        link_id=service.id,
        link_type="service",
        link_entity=Attribute.LinkEntity.SERVICE,
        taxonomy_term_id=term_id(category_code),
    )
    if schedule:
        directory_factories.ScheduleFactory(service=service, description=schedule)
    return service


def period_query(since=None, until=None):
    """The officers' period as the figures page's date boxes send it."""
    query = {}
    for name, day in (("since", since), ("until", until)):
        if day is not None:
            query.update({f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year})
    return query
