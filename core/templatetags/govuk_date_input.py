"""``{% govuk_date_input field %}``: a ``GovukDateField`` as the GOV.UK date input, errors included."""

from django import template
from django.utils.translation import gettext_lazy as _

from core.date_input import PARTS, box_ids, boxes_at_fault

register = template.Library()

WIDTHS = {"day": 2, "month": 2, "year": 4}
LABELS = {"day": _("Day"), "month": _("Month"), "year": _("Year")}


@register.inclusion_tag("core/includes/date_input.html")
def govuk_date_input(field, hint=None, legend_size="s"):
    """``hint`` replaces the usual hint (the field's help text, then an example date) when the example
    has to be worded with the help text; ``legend_size`` is the GOV.UK legend size (s, m, l)."""
    ids = box_ids(field)
    at_fault = boxes_at_fault(field)
    parts = [
        {
            "name": f"{field.html_name}_{part}",
            "id": ids[part],
            "label": LABELS[part],
            "width": WIDTHS[part],
            "value": value,
            "error": part in at_fault,
        }
        for part, value in zip(PARTS, field.value(), strict=True)
    ]
    return {"field": field, "parts": parts, "hint": hint, "legend_size": legend_size}
