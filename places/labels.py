"""Display text for data stored as published (English): official labels shown through gettext.

The database keeps the census categories, boundary-set names and sources exactly as the source files give
them; pages show them through these functions, so a translated page says them in its language. Text not
known here is shown as stored.
"""

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Census 2021 TS021, ethnic group (5 broad groups): the categories the ward pages show.
CENSUS_CATEGORIES = {
    "Asian, Asian British or Asian Welsh": _("Asian, Asian British or Asian Welsh"),
    "Black, Black British, Black Welsh, Caribbean or African": _(
        "Black, Black British, Black Welsh, Caribbean or African"
    ),
    "Mixed or Multiple ethnic groups": _("Mixed or Multiple ethnic groups"),
    "White": _("White"),
    "Other ethnic group": _("Other ethnic group"),
}

# Sources as the importers store them: "ONS Census 2021 TS021 (Nomis)", "ONS Census 2021 TS054".
_CENSUS_SOURCE = re.compile(r"ONS Census (?P<year>\d{4}) (?P<table>[A-Z]{2,3}\d{3}[A-Z]*)(?P<nomis> \(Nomis\))?")
# Ward boundary sources as services._import_ward_boundaries stores them.
_BOUNDARY_SOURCE = re.compile(r"(?P<file>\S+) \(ONS/OS boundaries, (?P<year>\d{4}) codes\)")


def census_category(label):
    """An official census category in the active language; an unknown one as stored."""
    return CENSUS_CATEGORIES.get(label, label)


def census_source(source):
    """A census table's source line in the active language; an unknown one as stored."""
    match = _CENSUS_SOURCE.fullmatch(source or "")
    if match is None:
        return source
    values = {"year": match["year"], "table": match["table"]}
    if match["nomis"]:
        return gettext("ONS Census %(year)s, table %(table)s (Nomis)") % values
    return gettext("ONS Census %(year)s, table %(table)s") % values


def generation_name(generation):
    """A ward generation's name built from its dates (years), in the active language."""
    start = str(generation.valid_from.year)
    if generation.valid_to is None:
        return gettext("Walsall wards from %(start)s") % {"start": start}
    return gettext("Walsall wards from %(start)s to %(end)s") % {"start": start, "end": str(generation.valid_to.year)}


def generation_source(source):
    """A ward generation's source line in the active language; an unknown one as stored."""
    match = _BOUNDARY_SOURCE.fullmatch(source or "")
    if match is None:
        return source
    return gettext("%(file)s (ONS/OS boundaries, %(year)s codes)") % {"file": match["file"], "year": match["year"]}
