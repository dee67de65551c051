from django import forms, template

register = template.Library()


@register.filter
def widget_kind(field):
    """Which GOV.UK component renders ``field``: radios, checkboxes, checkbox, file, textarea or input."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


@register.filter
def yesno_equals(value, other):
    return bool(other) and str(value) == str(other)
