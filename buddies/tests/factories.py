"""Factories for the buddy scheme. ``cleared_volunteer()`` is an active volunteer ready to be matched."""

import datetime

import factory
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from buddies import models
from directory.tests.factories import LocationFactory
from pledges.models import PlaceOfWelcome, Pledge

# Walsall town centre, and a point about 1 km north of it.
WALSALL_LAT, WALSALL_LON = 52.5862, -1.9829
NEARBY_LAT, NEARBY_LON = 52.5952, -1.9829


def pledge_organisation(name=None):
    """An organisation with an active Walsall for All pledge."""
    organisation = OrganisationFactory(**({"name": name} if name else {}))
    if not organisation.pledges.filter(status=Pledge.Status.ACTIVE).exists():
        today = timezone.localdate()
        Pledge.objects.create(
            organisation=organisation,
            status=Pledge.Status.ACTIVE,
            signed_on=today - datetime.timedelta(days=100),
            renewal_due=today + datetime.timedelta(days=265),
        )
    return organisation


def place_of_welcome(name="St Matthew's Hall", latitude=WALSALL_LAT, longitude=WALSALL_LON, organisation=None):
    return PlaceOfWelcome.objects.create(
        location=LocationFactory(name=name, latitude=latitude, longitude=longitude),
        organisation=organisation or pledge_organisation(),
        status=PlaceOfWelcome.Status.ACTIVE,
    )


class BuddyRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.BuddyRequest

    source = models.BuddyRequest.Source.OFFICER
    name = factory.Sequence(lambda n: f"Newcomer{n} Person")
    email = factory.Sequence(lambda n: f"newcomer{n}@example.test")
    languages = factory.LazyFunction(lambda: ["pl"])
    postcode = "WS1 1TP"
    latitude = NEARBY_LAT
    longitude = NEARBY_LON
    availability = factory.LazyFunction(lambda: ["sat_morning"])
    interests = factory.LazyFunction(lambda: ["learning-english"])


class VolunteerFactory(factory.django.DjangoModelFactory):
    """A volunteer who has just applied (stage APPLIED)."""

    class Meta:
        model = models.Volunteer
        skip_postgeneration_save = True

    organisation = factory.LazyFunction(pledge_organisation)
    user = factory.LazyAttribute(lambda o: UserFactory(roles=[Role.VOLUNTEER], organisation=o.organisation))
    languages = factory.LazyFunction(lambda: ["pl", "en"])
    postcode = "WS1 1TP"
    latitude = WALSALL_LAT
    longitude = WALSALL_LON
    availability = factory.LazyFunction(lambda: ["sat_morning", "sun_afternoon"])
    interests = factory.LazyFunction(lambda: ["learning-english"])
    capacity = 1
    max_travel_km = 5.0

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        if create:
            models.VolunteerStageChange.objects.create(volunteer=obj, stage=obj.stage)


def cleared_volunteer(*, valid_for_days=365, **kwargs):
    """An active volunteer whose DBS check and training are current for ``valid_for_days`` more days."""
    today = timezone.localdate()
    until = today + datetime.timedelta(days=valid_for_days)
    defaults = {
        "stage": models.Volunteer.Stage.ACTIVE,
        "first_referee": "Referee One",
        "first_reference_received_on": today - datetime.timedelta(days=400),
        "second_referee": "Referee Two",
        "second_reference_received_on": today - datetime.timedelta(days=400),
        "identity_checked_on": today - datetime.timedelta(days=390),
        "dbs_level": models.DbsLevel.BASIC,
        "dbs_certificate_number": "001234567890",
        "dbs_issued_on": today - datetime.timedelta(days=380),
        "dbs_valid_until": until,
        "training_course": "Befriending and safeguarding adults",
        "training_completed_on": today - datetime.timedelta(days=370),
        "training_expires_on": until,
    }
    return VolunteerFactory(**{**defaults, **kwargs})


def accepted_match(*, volunteer=None, request=None, days_ago=0, place=None):
    volunteer = volunteer or cleared_volunteer()
    request = request or BuddyRequestFactory(status=models.BuddyRequest.Status.MATCHED)
    decided = timezone.now() - datetime.timedelta(days=days_ago)
    return models.Match.objects.create(
        request=request,
        volunteer=volunteer,
        status=models.Match.Status.ACCEPTED,
        decided_at=decided,
        introduced_at=decided,
        place_of_welcome=place,
        reasons=[{"code": "shared_language", "params": {"languages": ["pl"]}}],
    )


def ended_match(**kwargs):
    match = accepted_match(**kwargs)
    match.status = models.Match.Status.ENDED
    match.ended_at = timezone.now()
    match.save()
    return match
