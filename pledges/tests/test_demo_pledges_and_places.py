import random

from accounts import demo as accounts_demo
from directory import demo as directory_demo
from directory.models import Attribute
from pledges import demo
from pledges.models import FivePsCheck, OpeningTime, PlaceOfWelcome, Pledge
from pledges.selectors import active_pledge_organisations, open_places, signatories


def test_demo_makes_synthetic_pledges_and_about_12_places_once(walsall):
    accounts_demo.load(random.Random("seed:accounts"))
    directory_demo.load(random.Random("seed:directory"))

    assert "Places of Welcome" in demo.load(random.Random("seed:pledges"))

    places = PlaceOfWelcome.objects.all()
    assert places.count() == demo.DEMO_PLACES and all(place.is_demo for place in places)
    for place in places:
        services = place.location.service_at_locations.values("service_id")
        assert Attribute.objects.filter(link_id__in=services, taxonomy_term__term="places-of-welcome").exists()
    assert open_places().count() >= 10
    assert OpeningTime.objects.filter(place__in=places).count() >= demo.DEMO_PLACES
    assert FivePsCheck.objects.filter(is_demo=True).count() == demo.DEMO_PLACES
    assert Pledge.objects.filter(is_demo=False).count() == 0
    assert signatories().filter(kind="individual", individual_name="").exists()  # a hidden name
    assert active_pledge_organisations().exists()
    assert Pledge.objects.filter(status=Pledge.Status.LAPSED).count() == 1

    counts = [model.objects.count() for model in (Pledge, PlaceOfWelcome, OpeningTime, FivePsCheck)]
    assert demo.load(random.Random("seed:pledges")) == ""
    assert [model.objects.count() for model in (Pledge, PlaceOfWelcome, OpeningTime, FivePsCheck)] == counts
