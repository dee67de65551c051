"""Filters that show stored place data in the page's language: official labels, dates' names, grouped numbers."""

from django import template
from django.utils import formats, numberformat

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


@register.filter
def grouped(value):
    """A whole number with its digits grouped in thousands, the active language's way.

    Django's formats for some languages (pa, ur, bn, ar) define no grouping, so a population would read
    "14695": those get groups of three separated by commas ("14,695").
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    grouping = formats.get_format("NUMBER_GROUPING")
    separator = formats.get_format("THOUSAND_SEPARATOR")
    if not grouping:
        grouping, separator = 3, ","
    return numberformat.format(number, ".", grouping=grouping, thousand_sep=separator, force_grouping=True)
