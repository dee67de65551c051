"""Directory records (names, descriptions, places) are data, often in another language than the page."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def bdi(value):
    """Isolate a record's text so its own direction holds in a right-to-left page (punctuation stays put)."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)
