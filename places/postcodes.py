"""UK postcode syntax: normalising what people type."""

import re

# Outward code (area, district, optional sub-district letter) then inward code (sector digit, unit letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")


def normalise_postcode(value):
    """'ws11tp ' → 'WS1 1TP'; None when it is not a well-formed UK postcode."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = _POSTCODE.match(compact)
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"
