from .models import PlaceOfWelcome, Pledge


def active_places_of_welcome():
    """Open Places of Welcome with their location (latitude, longitude, ward_code)."""
    return PlaceOfWelcome.objects.filter(status=PlaceOfWelcome.Status.ACTIVE).select_related("location")


def organisation_has_active_pledge(organisation):
    return Pledge.objects.filter(organisation=organisation, status=Pledge.Status.ACTIVE).exists()
