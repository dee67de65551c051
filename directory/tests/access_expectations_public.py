"""Access rows for the public directory pages (aggregated with access_expectations.py at merge)."""

from tests.access import public


def _service():
    from directory.tests.factories import full_service

    return {"service_id": str(full_service().id)}


# Anyone may search the directory and read a service's page.
EXPECTATIONS = [
    public("directory:search"),
    public("directory:service_detail", kwargs=_service),
]
