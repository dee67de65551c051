"""Access rows for the directory's staff pages (aggregated in access_expectations.py)."""

from accounts.roles import Role
from tests.access import staff_only

COUNCIL_EDITORS = [Role.INTEGRATION_OFFICER, Role.ADMINISTRATOR]
EDITORS = [*COUNCIL_EDITORS, Role.PARTNER_ORGANISATION_USER]


def _service():
    from directory.tests.factories import full_service

    # Maintained by no visitor's organisation: partners may not edit it.
    return {"service_id": str(full_service().id)}


def _change():
    from directory.tests.factories import ServiceChangeFactory

    return {"change_id": str(ServiceChangeFactory().id)}


# Council editors edit any service and approve partners' changes; partner organisation users edit
# their own organisation's services (another organisation's answer 403) and cannot approve.
EXPECTATIONS = [
    staff_only("directory:staff_service_list", EDITORS),
    staff_only("directory:staff_service_create", EDITORS),
    staff_only("directory:staff_service_edit", COUNCIL_EDITORS, kwargs=_service),
    staff_only("directory:staff_service_check", COUNCIL_EDITORS, kwargs=_service),
    staff_only("directory:staff_approval_list", COUNCIL_EDITORS),
    staff_only("directory:staff_approval_detail", COUNCIL_EDITORS, kwargs=_change),
]
