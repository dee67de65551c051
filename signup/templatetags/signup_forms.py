"""GOV.UK markup for the sign-up's questions: checkboxes, radios, text inputs and textareas."""

from django import forms, template

from signup.models import Channel

register = template.Library()

AUTOCOMPLETE = {"name": "given-name", "postcode": "postal-code", "email": "email", "phone": "tel"}
INPUT_WIDTHS = {"postcode": "govuk-input--width-10", "phone": "govuk-input--width-20"}


@register.filter
def widget_kind(field):
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.filter
def selected_values(field):
    value = field.value()
    if value in (None, ""):
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value)]


@register.filter
def input_type(field):
    return getattr(field.field.widget, "input_type", "text")


@register.filter
def autocomplete(field):
    return AUTOCOMPLETE.get(field.name, "off")


@register.filter
def input_width(field):
    return INPUT_WIDTHS.get(field.name, "")


@register.filter
def channel_labels(codes):
    """["email", "sms"] as the channels' names in the reader's language."""
    return [str(Channel(code).label) for code in codes if code in Channel.values]
