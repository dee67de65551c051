"""How the audit trail shows a masked field (``auditlog.register(..., mask_callable=...)``).

auditlog's default mask hides only the first half of the value, so the rest stays readable.
"""

HIDDEN = "********"


def hide_whole_value(value):
    """The same placeholder whatever the value (not even its length shows); empty stays empty.

    auditlog passes ``smart_str`` of the value, so an empty field arrives as ``""`` or ``"None"``.
    """
    if value in ("", "None"):
        return ""
    return HIDDEN
