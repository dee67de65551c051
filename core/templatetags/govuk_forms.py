"""Render Django form fields with GOV.UK Design System markup (error summary, inline errors, hints)."""

from django import forms, template

from core.date_input import GovukDateField, box_ids, boxes_at_fault

register = template.Library()

INPUT_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


def _describedby(field, hint):
    ids = []
    if hint:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field, extra_classes="", hint=False):
    """The field's widget with GOV.UK classes, error state and aria-describedby."""
    widget = field.field.widget
    css = next((value for kind, value in INPUT_CLASSES.items() if isinstance(widget, kind)), "govuk-input")
    if field.errors and css != "govuk-checkboxes__input":
        css += f" {css}--error"
    if extra_classes:
        css += f" {extra_classes}"
    attrs = {"class": css}
    # False (not empty) stops Django adding its own aria-describedby for help text we may not show.
    attrs["aria-describedby"] = _describedby(field, hint) or False
    # Placeholders are not a substitute for labels and disappear as people type.
    widget.attrs.pop("placeholder", None)
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def error_list(form):
    """(anchor id, message) for every error of a form, in field order, for the error summary."""
    if not form or not getattr(form, "errors", None):
        return []
    entries = []
    visible = list(form.visible_fields())
    first_id = visible[0].auto_id if visible else ""
    for message in form.non_field_errors():
        entries.append((first_id, message))
    for field in form:
        if field.is_hidden:
            for message in field.errors:
                entries.append((first_id, message))
            continue
        anchor = field.auto_id
        if field.errors and isinstance(field.field, GovukDateField):
            # The GOV.UK date input's error links to the first box at fault, not always to the day.
            anchor = box_ids(field)[boxes_at_fault(field)[0]]
        for message in field.errors:
            entries.append((anchor, message))
    return entries


@register.filter
def role_label(name):
    """The human label of a role (group) name."""
    from accounts.roles import Role

    return Role(name).label if name in Role.values else name


@register.filter
def timeuntil_delta(delta):
    """A timedelta in words, e.g. "1 hour", "30 minutes"."""
    from django.utils.timesince import timeuntil
    from django.utils.timezone import now

    start = now()
    return timeuntil(start + delta, start)
