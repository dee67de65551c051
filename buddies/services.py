from django.db import transaction

from .models import BuddyRequest


@transaction.atomic
def buddy_request_create(
    *,
    source,
    name,
    languages,
    signup_reference=None,
    email="",
    phone="",
    postcode="",
    ward_code="",
    latitude=None,
    longitude=None,
    interests=(),
    availability=(),
    buddy_gender="",
    meet_only_at_place_of_welcome=False,
    notes="",
    is_demo=False,
):
    return BuddyRequest.objects.create(
        source=source,
        signup_reference=signup_reference,
        name=name,
        email=email,
        phone=phone,
        languages=list(languages),
        postcode=postcode,
        ward_code=ward_code,
        latitude=latitude,
        longitude=longitude,
        interests=list(interests),
        availability=list(availability),
        buddy_gender=buddy_gender,
        meet_only_at_place_of_welcome=meet_only_at_place_of_welcome,
        notes=notes,
        is_demo=is_demo,
    )


@transaction.atomic
def buddy_requests_erase_for_signup(*, signup_reference):
    """The newcomer withdrew their consent: their buddy requests go with their sign-up."""
    deleted, _ = BuddyRequest.objects.filter(signup_reference=signup_reference).delete()
    return deleted
