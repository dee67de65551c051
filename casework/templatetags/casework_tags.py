from django import forms, template

register = template.Library()


@register.filter
def is_radio(field):
    return isinstance(field.field.widget, forms.RadioSelect)


@register.filter
def is_multi_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxSelectMultiple)


@register.filter
def label_of(mapping, key):
    """``mapping[key]``, or the key itself when the mapping does not name it."""
    return mapping.get(key, key) if mapping else key


@register.filter
def percent(value):
    return "" if value is None else f"{value * 100:.0f}%"
