"""Filters that show stored place data in the page's language: official labels, dates' names, grouped numbers."""

from django import template
from django.utils import dateformat, formats, numberformat, translation

from places import labels

register = template.Library()


@register.filter
def census_category(label):
    return labels.census_category(label)


@register.filter
def census_source(source):
    return labels.census_source(source)


@register.filter
def generation_name(generation):
    return labels.generation_name(generation) if generation else ""


@register.filter
def generation_source(source):
    return labels.generation_source(source)


ARABIC_THOUSANDS_SEPARATOR = "\u066c"  # ARABIC THOUSANDS SEPARATOR "٬"
# Languages whose month names are common nouns, written in lower case inside a sentence; Django's
# month names are capitalised for standing alone (pl "Styczeń", ro "Ianuarie").
LOWER_CASE_MONTHS = frozenset({"pl", "ro"})


def _language():
    return (translation.get_language() or "en").split("-")[0]


def _thousands_separator(grouping):
    """The language's grouping mark, never its decimal mark (ar's formats give "." and "," as both)."""
    separator = formats.get_format("THOUSAND_SEPARATOR")
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    if _language() == "ar":
        return ARABIC_THOUSANDS_SEPARATOR
    if not grouping:
        separator = ","
    if separator == decimal or not separator:
        separator = "\u00a0" if decimal == "," else ","
    return separator


@register.filter
def grouped(value):
    """A whole number with its digits grouped in thousands, the active language's way.

    Django's formats for some languages (pa, ur, bn, ar) define no grouping, so a population would read
    "14695": those get groups of three. The grouping mark is never the language's decimal mark, so
    "14,695" cannot be misread beside "6,4%": Arabic, whose decimal mark is a comma, groups with the
    Arabic thousands separator ("14٬695"); pa, ur and bn, whose decimal mark is a point, with commas.
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    grouping = formats.get_format("NUMBER_GROUPING")
    separator = _thousands_separator(grouping)
    return numberformat.format(number, ".", grouping=grouping or 3, thousand_sep=separator, force_grouping=True)


@register.filter
def month_year(value):
    """A month and its year inside a sentence: "January 2024", "styczeń 2024", "ianuarie 2024"."""
    if not value:
        return ""
    text = dateformat.format(value, "F Y")
    return text.lower() if _language() in LOWER_CASE_MONTHS else text
