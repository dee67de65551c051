"""Factories for pledges and Places of Welcome."""

import datetime
import uuid

import factory
from django.utils import timezone

from accounts.tests.factories import OrganisationFactory
from directory.tests.factories import LocationFactory
from pledges import models


class PledgeFactory(factory.django.DjangoModelFactory):
    """An approved organisation pledge, signed today; ``PledgeFactory(individual=True)`` for a person."""

    class Meta:
        model = models.Pledge

    class Params:
        individual = factory.Trait(
            kind=models.Pledge.Kind.INDIVIDUAL,
            organisation=None,
            organisation_name="",
            individual_name=factory.Sequence(lambda n: f"Resident {n}"),
        )
        pending = factory.Trait(status=models.Pledge.Status.PENDING)

    kind = models.Pledge.Kind.ORGANISATION
    organisation = factory.SubFactory(OrganisationFactory)
    organisation_name = factory.LazyAttribute(lambda o: o.organisation.name if o.organisation else "")
    commitments = factory.LazyFunction(lambda: ["welcome_newcomers", "challenge_hate"])
    own_words = "We will host a monthly community lunch."
    contact_name = factory.Sequence(lambda n: f"Contact Person {n}")
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.test")
    contact_phone = "01632 960001"
    status = models.Pledge.Status.ACTIVE
    signed_on = factory.LazyFunction(timezone.localdate)
    renewal_due = factory.LazyAttribute(lambda o: o.signed_on + models.PLEDGE_YEAR)
    submission_key = factory.LazyFunction(uuid.uuid4)


class PlaceOfWelcomeFactory(factory.django.DjangoModelFactory):
    """An open Place of Welcome in Walsall town centre."""

    class Meta:
        model = models.PlaceOfWelcome

    location = factory.SubFactory(LocationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = models.PlaceOfWelcome.Status.ACTIVE
    what_to_expect = "Tea, coffee and a chat with friendly volunteers."
    coordinator_name = "Coordinator Person"
    coordinator_email = "coordinator@example.test"
    coordinator_phone = "01632 960002"


class OpeningTimeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OpeningTime

    place = factory.SubFactory(PlaceOfWelcomeFactory)
    weekday = models.Weekday.WEDNESDAY
    opens = datetime.time(9, 30)
    closes = datetime.time(11, 30)
    notes = ""


class FivePsCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FivePsCheck

    place = factory.SubFactory(PlaceOfWelcomeFactory)
    checked_on = factory.LazyFunction(timezone.localdate)
    place_met = True
    people_met = True
    presence_met = True
    provision_met = True
    participation_met = False
    participation_note = "Skills sharing to start in spring."


def date_fields(name, day):
    """What a person types into the GOV.UK date input named ``name`` for ``day``."""
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}
