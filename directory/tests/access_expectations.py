from tests.access import public

from .access_expectations_public import EXPECTATIONS as PUBLIC_PAGES
from .access_expectations_staff import EXPECTATIONS as STAFF_PAGES


def _service():
    from directory.tests.factories import full_service

    return {"id": str(full_service().id)}


def _service_at_location():
    from directory.tests.factories import ServiceAtLocationFactory

    return {"id": str(ServiceAtLocationFactory().id)}


def _taxonomy():
    from directory.tests.factories import TaxonomyFactory

    return {"id": str(TaxonomyFactory().id)}


def _taxonomy_term():
    from directory.tests.factories import TaxonomyTermFactory

    return {"id": str(TaxonomyTermFactory().id)}


# The Open Referral UK API is open to everyone without keys (ORUK compliance).
EXPECTATIONS = [
    public("openreferral:root"),
    public("openreferral:service_list"),
    public("openreferral:service_detail", kwargs=_service),
    public("openreferral:service_at_location_list"),
    public("openreferral:service_at_location_detail", kwargs=_service_at_location),
    public("openreferral:taxonomy_list"),
    public("openreferral:taxonomy_detail", kwargs=_taxonomy),
    public("openreferral:taxonomy_term_list"),
    public("openreferral:taxonomy_term_detail", kwargs=_taxonomy_term),
]

EXPECTATIONS += PUBLIC_PAGES
EXPECTATIONS += STAFF_PAGES
