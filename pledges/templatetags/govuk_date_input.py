"""``{% govuk_date_input field %}``: a ``GovukDateField`` as the GOV.UK date input, errors included."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

WIDTHS = {"day": 2, "month": 2, "year": 4}
LABELS = {"day": _("Day"), "month": _("Month"), "year": _("Year")}


@register.inclusion_tag("pledges/includes/date_input.html")
def govuk_date_input(field):
    """The day box carries the field's own id, so the error summary's link lands in the date."""
    values = field.value()
    fault = field.field.parts_at_fault if field.errors else ()
    parts = []
    for index, part in enumerate(("day", "month", "year")):
        parts.append(
            {
                "name": f"{field.html_name}_{part}",
                "id": field.auto_id if part == "day" else f"{field.auto_id}_{part}",
                "label": LABELS[part],
                "width": WIDTHS[part],
                "value": values[index],
                "error": part in fault,
            }
        )
    return {"field": field, "parts": parts}
