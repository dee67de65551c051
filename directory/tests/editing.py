"""Helpers for the editing tests: a filled-in edit form as POST data."""

import uuid

from directory import selectors
from directory.taxonomy import load_walsall_taxonomy, term_id


def form_data(service=None, **changes):
    """POST data for the edit form: the service as it is (or a minimal new one), with ``changes``."""
    load_walsall_taxonomy()
    if service is not None:
        snapshot = selectors.service_snapshot(selectors.service_for_editing(service.pk))
    else:
        snapshot = {"name": "", "description": "", "cost": "free"}
    if not snapshot.get("categories"):
        snapshot["categories"] = [str(term_id("esol-classes"))]
    if not snapshot.get("cost"):
        snapshot["cost"] = "free"
    snapshot.update(changes)
    data = {"idempotency_key": str(uuid.uuid4())}
    for key, value in snapshot.items():
        if key in ("latitude", "longitude"):
            continue
        if isinstance(value, list):
            data[key] = value
        elif value is not None:
            data[key] = str(value)
    return data
