import random

from directory import demo
from directory.models import Attribute, Location, Organization, Service, TaxonomyTerm
from directory.taxonomy import CATEGORIES, TAXONOMY_ID


def test_demo_loads_300_services_in_every_category_and_every_ward_and_is_idempotent(walsall):
    summary = demo.load(random.Random("seed:directory"))
    assert "services" in summary
    services = Service.objects.filter(is_demo=True)
    assert services.count() >= 300
    assert not Organization.objects.filter(is_demo=False, services__is_demo=True).exists()

    wards = set(walsall.wards.values_list("gss_code", flat=True))
    located = set(
        Location.objects.filter(service_at_locations__service__is_demo=True).values_list("ward_code", flat=True)
    )
    assert wards <= located

    tagged = set(
        Attribute.objects.filter(link_id__in=services.values("id")).values_list("taxonomy_term__term", flat=True)
    )
    parents = dict(TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID).values_list("term", "parent__term"))
    tagged_top = {parents.get(code) or code for code in tagged}
    assert {code for code, *_rest in CATEGORIES} <= tagged_top

    counts = [model.objects.count() for model in (Service, Location, Organization, Attribute)]
    assert demo.load(random.Random("seed:directory")) == ""
    assert [model.objects.count() for model in (Service, Location, Organization, Attribute)] == counts
