"""Directory entries placed for pack tests, and a resident's answers put straight into their session."""

import factory

from directory.taxonomy import term_id
from directory.tests.factories import (
    AccessibilityFactory,
    AddressFactory,
    AttributeFactory,
    LanguageFactory,
    LocationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from welcome.household import SESSION_KEY, Household
from welcome.models import PackIssue


def listed_service(category, *, lat, lon, name=None, languages=(), accessibility=""):
    """An active service in a Walsall taxonomy category at a point (the taxonomy must be loaded)."""
    service = ServiceFactory(**({"name": name} if name else {}))
    location = LocationFactory(latitude=lat, longitude=lon)
    AddressFactory(location=location)
    ServiceAtLocationFactory(service=service, location=location)
    AttributeFactory(service=service, taxonomy_term_id=term_id(category))
    for code in languages:
        LanguageFactory(service=service, code=code, name="")
    if accessibility:
        AccessibilityFactory(location=location, description=accessibility)
    return service


def answers(postcode, **overrides):
    """A complete set of answers for a postcode record, confirmed as a pack."""
    values = {
        "postcode": postcode.postcode,
        "ward_code": overrides.pop("ward_code", None) or postcode.ward_code,
        "has_children": False,
        "child_ages": [],
        "languages": ["pl"],
        "english_level": "beginner",
        "needs": [],
        "pack_language": "pl",
        "pack_id": "5f0c9a54-3c0b-4c1e-9a57-0c5d3d9b2a11",
    }
    values.update(overrides)
    return Household(**values)


def put_in_session(client, household):
    session = client.session
    session[SESSION_KEY] = household.__dict__ | {"issued_formats": list(household.issued_formats)}
    session.save()


class PackIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PackIssue

    ward_code = "E05001310"
    language = "en"
    format = PackIssue.Format.WEB
